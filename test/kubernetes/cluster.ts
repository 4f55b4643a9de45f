import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { platformSecrets } from '../../infra/kubernetes/generate-secrets.mjs';
import { generateSecrets } from '../../infra/docker/generate-env.mjs';
import { renderKustomization, type Manifest } from './kustomize.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const kubernetesDir = path.join(repoRoot, 'infra/kubernetes');

/** What is applied, in order (docs/kubernetes.md, "Deploy"), each a `kubectl apply -k` of one directory. */
export const deploySteps = {
  dependencies: 'overlays/operators/dependencies',
  migrations: 'overlays/operators/migrations',
  platform: 'overlays/operators',
} as const;
export type DeployStep = keyof typeof deploySteps;

/** The kustomizations a user may apply directly; each must render and validate. */
export const entryPoints = ['base', 'migrations', 'monitoring', ...Object.values(deploySteps)];

export interface Cluster {
  steps: Record<DeployStep, Manifest[]>;
  /** The Secrets generate-secrets.mjs prints: the only Secrets the manifests may reference. */
  secrets: Manifest[];
}

export function loadCluster(): Cluster {
  const steps = Object.fromEntries(
    Object.entries(deploySteps).map(([step, directory]) => [
      step,
      renderKustomization(path.join(kubernetesDir, directory)),
    ]),
  ) as Record<DeployStep, Manifest[]>;
  return { steps, secrets: platformSecrets(generateSecrets()) as Manifest[] };
}

/** Everything in the cluster once every step has been applied, Secrets included. */
export function allObjects(cluster: Cluster): Manifest[] {
  return [
    ...cluster.steps.dependencies,
    ...cluster.steps.migrations,
    ...cluster.steps.platform,
    ...cluster.secrets,
  ];
}

export function objectsOfKind(cluster: Cluster, kind: string): Manifest[] {
  return allObjects(cluster).filter((manifest) => manifest.kind === kind);
}

export function findObject(cluster: Cluster, kind: string, name: string): Manifest | undefined {
  return objectsOfKind(cluster, kind).find((manifest) => manifest.metadata.name === name);
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string };
    secretKeyRef?: { name: string; key: string };
  };
}

export interface Probe {
  httpGet?: { path?: string; port: string | number };
  exec?: { command: string[] };
  tcpSocket?: { port: string | number };
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
}

export interface PodSpec {
  containers: Container[];
  securityContext?: Record<string, unknown>;
  automountServiceAccountToken?: boolean;
}

/** A Deployment or Job with the pods it makes. */
export interface Workload {
  manifest: Manifest;
  labels: Record<string, string>;
  pod: PodSpec;
}

export function workloads(manifests: Manifest[]): Workload[] {
  return manifests
    .filter((manifest) => manifest.kind === 'Deployment' || manifest.kind === 'Job')
    .map((manifest) => {
      const template = (
        manifest.spec as {
          template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
        }
      ).template;
      return { manifest, labels: template.metadata?.labels ?? {}, pod: template.spec };
    });
}

export function matchesLabels(
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function matchesSelector(
  selector: LabelSelector | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return false;
  return (
    matchesLabels(selector.matchLabels, labels) &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      if (operator === 'In') return values.includes(labels[key] ?? '');
      if (operator === 'NotIn') return !values.includes(labels[key] ?? '');
      if (operator === 'Exists') return key in labels;
      return !(key in labels);
    })
  );
}

/** Which app of apps/ an image runs (food-ordering/<app>, with any registry and tag), if any. */
export function appOfImage(image: string): string | undefined {
  return /(?:^|\/)food-ordering\/([a-z]+)(?:[:@]|$)/.exec(image)?.[1];
}
