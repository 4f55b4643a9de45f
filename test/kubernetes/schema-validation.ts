import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { Cluster as PostgresCluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';
import {
  PodMonitor,
  PrometheusRule,
} from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { z } from 'zod';
import type { Manifest } from './kustomize.js';

type Validator = (manifest: Manifest) => void;
const model =
  (Model: new (data: never) => { validate(): void }): Validator =>
  (manifest) =>
    new Model(manifest as never).validate();

// Strimzi's models on npm need Node 22 (this repository supports 20.19): its two kinds are checked for the fields
// the platform depends on instead, strictly (an unknown field is an error).
function strimziResource<Metadata extends z.ZodRawShape, Spec extends z.ZodType>(
  kind: string,
  metadata: Metadata,
  spec: Spec,
) {
  return z.strictObject({
    apiVersion: z.literal('kafka.strimzi.io/v1beta2'),
    kind: z.literal(kind),
    metadata: z.object({ name: z.string(), namespace: z.string().optional(), ...metadata }),
    spec,
  });
}

const strimziNodePool = strimziResource(
  'KafkaNodePool',
  { labels: z.object({ 'strimzi.io/cluster': z.string() }) },
  z.strictObject({
    replicas: z.number().int().min(1),
    roles: z.array(z.enum(['controller', 'broker'])).min(1),
    storage: z.object({ type: z.enum(['jbod', 'persistent-claim', 'ephemeral']) }),
    resources: z
      .object({
        requests: z.record(z.string(), z.string()).optional(),
        limits: z.record(z.string(), z.string()).optional(),
      })
      .optional(),
  }),
);
const strimziKafka = strimziResource(
  'Kafka',
  { annotations: z.record(z.string(), z.string()).optional() },
  z.strictObject({
    kafka: z.strictObject({
      version: z.string().optional(),
      listeners: z.array(
        z.strictObject({
          name: z.string().regex(/^[a-z0-9]{1,11}$/),
          port: z.number().int().min(9092),
          type: z.enum(['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip']),
          tls: z.boolean(),
          networkPolicyPeers: z.array(z.record(z.string(), z.unknown())).optional(),
        }),
      ),
      config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    }),
    entityOperator: z
      .object({ topicOperator: z.object({}).optional(), userOperator: z.object({}).optional() })
      .optional(),
  }),
);

const validators: Record<string, Validator> = {
  'v1/Namespace': model(Namespace),
  'v1/ConfigMap': model(ConfigMap),
  'v1/Secret': model(Secret),
  'v1/Service': model(Service),
  'apps/v1/Deployment': model(Deployment),
  'batch/v1/Job': model(Job),
  'policy/v1/PodDisruptionBudget': model(PodDisruptionBudget),
  'autoscaling/v2/HorizontalPodAutoscaler': model(HorizontalPodAutoscaler),
  'networking.k8s.io/v1/NetworkPolicy': model(NetworkPolicy),
  'networking.k8s.io/v1/Ingress': model(Ingress),
  'keda.sh/v1alpha1/ScaledObject': model(ScaledObject),
  'monitoring.coreos.com/v1/PodMonitor': model(PodMonitor),
  'monitoring.coreos.com/v1/PrometheusRule': model(PrometheusRule),
  'postgresql.cnpg.io/v1/Cluster': model(PostgresCluster),
  'kafka.strimzi.io/v1beta2/KafkaNodePool': (manifest) => void strimziNodePool.parse(manifest),
  'kafka.strimzi.io/v1beta2/Kafka': (manifest) => void strimziKafka.parse(manifest),
};

/** Problems with each object against its kind's schema (Kubernetes' OpenAPI, or the CRD's). */
export function schemaProblems(manifests: Manifest[]): string[] {
  return manifests.flatMap((manifest) => {
    const id = `${manifest.kind}/${manifest.metadata.name}`;
    const validate = validators[`${manifest.apiVersion}/${manifest.kind}`];
    if (!validate) return [`${id}: no schema for ${manifest.apiVersion} ${manifest.kind}`];
    try {
      validate(manifest);
    } catch (error) {
      return [`${id}: ${(error as Error).message}`];
    }
    return [];
  });
}

// Kubernetes' schemas allow unknown fields (kubectl drops them with a warning), so a misspelt `readinesProbe` would
// validate and silently do nothing. The fields each schema knows are read from kubernetes-models' compiled validators.
const require = createRequire(import.meta.url);
const schemasDir = path.join(
  path.dirname(require.resolve('kubernetes-models/package.json')),
  '_schemas',
);
const knownFieldsCache = new Map<string, Set<string>>();
function knownFields(schema: string): Set<string> {
  let fields = knownFieldsCache.get(schema);
  if (!fields) {
    const source = readFileSync(path.join(schemasDir, `${schema}.js`), 'utf8');
    fields = new Set(
      [...source.matchAll(/parentDataProperty:"(\w+)"/g)].map((match) => match[1] ?? ''),
    );
    knownFieldsCache.set(schema, fields);
  }
  return fields;
}

function unknownFields(value: unknown, schema: string, where: string): string[] {
  if (!value || typeof value !== 'object') return [];
  const known = knownFields(schema);
  return Object.keys(value)
    .filter((field) => !known.has(field))
    .map((field) => `${where}: unknown field ${field}`);
}

interface PodTemplateOwner {
  spec: {
    template: { spec: { containers: Record<string, unknown>[]; securityContext?: unknown } };
  };
}

/** Unknown fields in the parts of workloads written by hand most: specs, pods, containers, probes, security. */
export function unknownFieldProblems(manifests: Manifest[]): string[] {
  const specSchemas: Record<string, string> = {
    Deployment: 'IoK8sApiAppsV1DeploymentSpec',
    Job: 'IoK8sApiBatchV1JobSpec',
  };
  return manifests.flatMap((manifest) => {
    const id = `${manifest.kind}/${manifest.metadata.name}`;
    if (manifest.kind === 'Service')
      return unknownFields(manifest.spec, 'IoK8sApiCoreV1ServiceSpec', id);
    const specSchema = specSchemas[manifest.kind];
    if (!specSchema) return [];
    const { spec } = manifest as unknown as PodTemplateOwner;
    const pod = spec.template.spec;
    return [
      ...unknownFields(spec, specSchema, id),
      ...unknownFields(pod, 'IoK8sApiCoreV1PodSpec', `${id} pod`),
      ...unknownFields(
        pod.securityContext,
        'IoK8sApiCoreV1PodSecurityContext',
        `${id} pod securityContext`,
      ),
      ...pod.containers.flatMap((container) => {
        const where = `${id} container ${String(container.name)}`;
        return [
          ...unknownFields(container, 'IoK8sApiCoreV1Container', where),
          ...unknownFields(
            container.securityContext,
            'IoK8sApiCoreV1SecurityContext',
            `${where} securityContext`,
          ),
          ...unknownFields(
            container.readinessProbe,
            'IoK8sApiCoreV1Probe',
            `${where} readinessProbe`,
          ),
          ...unknownFields(
            container.livenessProbe,
            'IoK8sApiCoreV1Probe',
            `${where} livenessProbe`,
          ),
        ];
      }),
    ];
  });
}
