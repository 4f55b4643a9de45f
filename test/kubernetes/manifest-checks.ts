import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  allTopics,
  databaseNames,
  defaultPartitions,
  jwksPath,
  serviceNames,
  topics,
} from '@food/contracts';
import { parseEnv } from '@food/service-kit';
import { appSettings, requiredSettings } from '../compose/app-settings.js';
import {
  allObjects,
  appOfImage,
  findObject,
  matchesLabels,
  matchesSelector,
  objectsOfKind,
  repoRoot,
  workloads,
  type Cluster,
  type Container,
  type Probe,
  type Workload,
} from './cluster.js';
import type { Manifest } from './kustomize.js';

export type ClusterCheck = (cluster: Cluster) => string[];

const idOf = (manifest: Manifest) => `${manifest.kind}/${manifest.metadata.name}`;
const dataOf = (manifest: Manifest | undefined) =>
  ((manifest as { data?: Record<string, string>; stringData?: Record<string, string> } | undefined)
    ?.data ??
    (manifest as { stringData?: Record<string, string> } | undefined)?.stringData ??
    {}) as Record<string, string>;

/** The pods the operators make from the dependencies' resources, with the labels they give them. */
function operatorPods(
  cluster: Cluster,
): { name: string; labels: Record<string, string>; ports: number[] }[] {
  return [
    ...objectsOfKind(cluster, 'Kafka').map((kafka) => ({
      name: `kafka ${kafka.metadata.name}`,
      labels: { 'strimzi.io/cluster': kafka.metadata.name, 'strimzi.io/kind': 'Kafka' },
      ports: (
        (kafka.spec as { kafka: { listeners: { port: number }[] } }).kafka.listeners ?? []
      ).map((listener) => listener.port),
    })),
    ...objectsOfKind(cluster, 'Cluster').map((postgres) => ({
      name: `postgres ${postgres.metadata.name}`,
      labels: { 'cnpg.io/cluster': postgres.metadata.name },
      ports: [5432],
    })),
  ];
}

/** Every Service the cluster will have: the manifests', and those the operators create. */
function servicePorts(cluster: Cluster): Map<string, number[]> {
  const services = new Map<string, number[]>();
  for (const service of objectsOfKind(cluster, 'Service')) {
    services.set(
      service.metadata.name,
      (service.spec as { ports: { port: number }[] }).ports.map((port) => port.port),
    );
  }
  for (const kafka of objectsOfKind(cluster, 'Kafka'))
    services.set(`${kafka.metadata.name}-kafka-bootstrap`, [9092]);
  for (const postgres of objectsOfKind(cluster, 'Cluster'))
    services.set(`${postgres.metadata.name}-rw`, [5432]);
  return services;
}

function allWorkloads(cluster: Cluster): Workload[] {
  return workloads(allObjects(cluster));
}

interface AppContainer {
  workload: Workload;
  container: Container;
  app: string;
  job: 'server' | 'migrate';
}

function appContainers(cluster: Cluster): AppContainer[] {
  return allWorkloads(cluster).flatMap((workload) =>
    workload.pod.containers.flatMap((container) => {
      const app = appOfImage(container.image);
      if (!app) return [];
      const job = container.command?.join(' ') === 'node dist/migrate.js' ? 'migrate' : 'server';
      return [{ workload, container, app, job } as AppContainer];
    }),
  );
}

/** A container's environment as the kubelet will give it, with where each value comes from. */
function resolvedEnvironment(
  cluster: Cluster,
  container: Container,
): { values: Record<string, string>; problems: string[] } {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  const lookup = (kind: 'ConfigMap' | 'Secret', name: string, key: string | undefined) => {
    const found =
      kind === 'Secret'
        ? cluster.secrets.find((secret) => secret.metadata.name === name)
        : findObject(cluster, kind, name);
    if (!found) {
      problems.push(`${container.name} reads ${kind} ${name}, which does not exist`);
      return undefined;
    }
    const data = dataOf(found);
    if (key === undefined) return data;
    if (!(key in data))
      problems.push(`${container.name} reads key ${key} of ${kind} ${name}, which has no such key`);
    return data[key];
  };
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef)
      Object.assign(values, lookup('ConfigMap', source.configMapRef.name, undefined) ?? {});
    if (source.secretRef)
      Object.assign(values, lookup('Secret', source.secretRef.name, undefined) ?? {});
  }
  for (const variable of container.env ?? []) {
    const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {};
    const value = (
      configMapKeyRef
        ? lookup('ConfigMap', configMapKeyRef.name, configMapKeyRef.key)
        : secretKeyRef
          ? lookup('Secret', secretKeyRef.name, secretKeyRef.key)
          : variable.value
    ) as string | undefined;
    if (value !== undefined) values[variable.name] = value;
  }
  return { values, problems };
}

/** Every ConfigMap and Secret key a container reads exists (Secrets: those generate-secrets.mjs makes). */
export const referenceProblems: ClusterCheck = (cluster) => {
  const problems = allWorkloads(cluster).flatMap((workload) =>
    workload.pod.containers.flatMap((container) =>
      resolvedEnvironment(cluster, container).problems.map(
        (problem) => `${idOf(workload.manifest)}: ${problem}`,
      ),
    ),
  );
  for (const postgres of objectsOfKind(cluster, 'Cluster')) {
    const roles =
      (
        postgres.spec as {
          managed?: { roles?: { name: string; passwordSecret?: { name: string } }[] };
        }
      ).managed?.roles ?? [];
    for (const role of roles) {
      const secret = cluster.secrets.find(
        (candidate) => candidate.metadata.name === role.passwordSecret?.name,
      );
      if (!secret)
        problems.push(
          `Cluster/${postgres.metadata.name}: role ${role.name}'s password Secret does not exist`,
        );
      else if (dataOf(secret).username !== role.name || !dataOf(secret).password)
        problems.push(
          `Cluster/${postgres.metadata.name}: Secret ${secret.metadata.name} is not ${role.name}'s username and password`,
        );
    }
  }
  for (const ingress of objectsOfKind(cluster, 'Ingress')) {
    const tls = (ingress.spec as { tls?: { secretName: string }[] }).tls ?? [];
    const issued = Boolean(ingress.metadata.annotations?.['cert-manager.io/cluster-issuer']);
    for (const { secretName } of tls) {
      if (!issued && !cluster.secrets.some((secret) => secret.metadata.name === secretName))
        problems.push(
          `Ingress/${ingress.metadata.name}: TLS Secret ${secretName} is neither generated nor issued by cert-manager`,
        );
    }
  }
  return problems;
};

/** Secrets are referenced, never written: no manifest is a Secret, and no ConfigMap holds a secret's value. */
export const secretProblems: ClusterCheck = (cluster) => {
  const steps = Object.values(cluster.steps).flat();
  const secretValues = cluster.secrets
    .flatMap((secret) => Object.values(dataOf(secret)))
    .filter((value) => value.length >= 16);
  return [
    ...steps
      .filter((manifest) => manifest.kind === 'Secret')
      .map((manifest) => `${idOf(manifest)} is written in the manifests`),
    ...steps
      .filter((manifest) => manifest.kind === 'ConfigMap')
      .flatMap((manifest) =>
        Object.entries(dataOf(manifest))
          .filter(
            ([key, value]) =>
              /SECRET|PASSWORD|PRIVATE|DATABASE_URL/.test(key) || secretValues.includes(value),
          )
          .map(([key]) => `${idOf(manifest)} holds ${key}, a secret`),
      ),
    ...workloads(steps).flatMap((workload) =>
      workload.pod.containers.flatMap((container) =>
        (container.env ?? [])
          .filter(
            (variable) =>
              variable.value !== undefined &&
              /SECRET|PASSWORD|PRIVATE|DATABASE_URL/.test(variable.name),
          )
          .map((variable) => `${idOf(workload.manifest)} writes ${variable.name} in the manifest`),
      ),
    ),
  ];
};

/** Selectors match: each Deployment's its own pods, each Service and PodDisruptionBudget one Deployment's pods. */
export const selectorProblems: ClusterCheck = (cluster) => {
  const problems: string[] = [];
  const deployments = allWorkloads(cluster).filter(
    (workload) => workload.manifest.kind === 'Deployment',
  );
  for (const { manifest, labels } of deployments) {
    if (!matchesSelector((manifest.spec as { selector: never }).selector, labels))
      problems.push(`${idOf(manifest)}: its selector does not match its own pods`);
  }
  const podsOf = (selector: Record<string, string> | undefined, matcher = matchesLabels) =>
    allWorkloads(cluster).filter((workload) => matcher(selector as never, workload.labels));
  for (const service of objectsOfKind(cluster, 'Service')) {
    const matched = podsOf((service.spec as { selector?: Record<string, string> }).selector);
    if (matched.length !== 1 || matched[0]?.manifest.kind !== 'Deployment')
      problems.push(
        `${idOf(service)}: its selector matches ${matched.map((workload) => idOf(workload.manifest)).join(', ') || 'no pod'}`,
      );
  }
  for (const budget of objectsOfKind(cluster, 'PodDisruptionBudget')) {
    const matched = podsOf((budget.spec as { selector: never }).selector, matchesSelector as never);
    if (matched.length !== 1)
      problems.push(`${idOf(budget)}: its selector matches ${matched.length} workloads`);
  }
  return problems;
};

/** Services forward to a port their pods have; the Ingress and autoscalers name what exists. */
export const portProblems: ClusterCheck = (cluster) => {
  const problems: string[] = [];
  const deployments = allWorkloads(cluster).filter(
    (workload) => workload.manifest.kind === 'Deployment',
  );
  for (const service of objectsOfKind(cluster, 'Service')) {
    const spec = service.spec as {
      selector: Record<string, string>;
      ports: { name?: string; targetPort: string | number }[];
    };
    const pods = deployments.filter((workload) => matchesLabels(spec.selector, workload.labels));
    for (const port of spec.ports) {
      const served = pods.some((pod) =>
        pod.pod.containers.some((container) =>
          (container.ports ?? []).some(
            (containerPort) =>
              containerPort.name === port.targetPort ||
              containerPort.containerPort === port.targetPort,
          ),
        ),
      );
      if (!served)
        problems.push(`${idOf(service)}: target port ${port.targetPort} is no port of its pods`);
    }
  }
  for (const ingress of objectsOfKind(cluster, 'Ingress')) {
    const rules = (
      ingress.spec as {
        rules: {
          http: {
            paths: {
              backend: { service: { name: string; port: { name?: string; number?: number } } };
            }[];
          };
        }[];
      }
    ).rules;
    for (const { backend } of rules.flatMap((rule) => rule.http.paths)) {
      const service = findObject(cluster, 'Service', backend.service.name);
      const ports =
        (service?.spec as { ports: { name?: string; port: number }[] } | undefined)?.ports ?? [];
      if (
        !ports.some(
          (port) =>
            port.name === backend.service.port.name || port.port === backend.service.port.number,
        )
      )
        problems.push(
          `${idOf(ingress)}: no Service ${backend.service.name} with port ${JSON.stringify(backend.service.port)}`,
        );
    }
  }
  for (const scaler of [
    ...objectsOfKind(cluster, 'HorizontalPodAutoscaler'),
    ...objectsOfKind(cluster, 'ScaledObject'),
  ]) {
    const target = (scaler.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name;
    if (!findObject(cluster, 'Deployment', target))
      problems.push(`${idOf(scaler)}: scales ${target}, which is no Deployment`);
  }
  return problems;
};

/** The paths each process answers with a success (see docs/kubernetes.md, "Probes"). */
export function servedProbePaths(app: string): string[] {
  if (app === 'web') return ['/', '/sign-in'];
  if (app === 'gateway') return ['/health', '/metrics'];
  return [`/trpc/${app}.health`, '/metrics'];
}

/** An exec probe that fetches a URL (as compose's health checks do): the URL. */
function fetchedUrl(probe: Probe): URL | undefined {
  const script = probe.exec?.command.join(' ') ?? '';
  const url = /fetch\('([^']+)'/.exec(script)?.[1];
  return url ? new URL(url) : undefined;
}

export interface ProbeTarget {
  app: string;
  kind: 'httpGet' | 'exec';
  path: string;
}

/** Every probe of an app's Deployment, as path and kind, for the stack test that asks the running processes. */
export function probeTargets(cluster: Cluster): ProbeTarget[] {
  return appContainers(cluster)
    .filter(({ job }) => job === 'server')
    .flatMap(({ app, container }) =>
      [container.readinessProbe, container.livenessProbe].flatMap((probe): ProbeTarget[] => {
        if (probe?.httpGet) return [{ app, kind: 'httpGet', path: probe.httpGet.path ?? '/' }];
        const url = probe && fetchedUrl(probe);
        return url ? [{ app, kind: 'exec', path: url.pathname }] : [];
      }),
    );
}

/** Every long-running container has both probes, on a port it listens on and a path its app serves. */
export const probeProblems: ClusterCheck = (cluster) =>
  allWorkloads(cluster)
    .filter((workload) => workload.manifest.kind === 'Deployment')
    .flatMap(({ manifest, pod }) =>
      pod.containers.flatMap((container) => {
        const where = `${idOf(manifest)} ${container.name}`;
        const app = appOfImage(container.image);
        const ports = container.ports ?? [];
        const { values } = resolvedEnvironment(cluster, container);
        return (['readinessProbe', 'livenessProbe'] as const).flatMap((kind) => {
          const probe = container[kind];
          if (!probe) return [`${where} has no ${kind}`];
          const port =
            probe.httpGet?.port ??
            probe.tcpSocket?.port ??
            (probe.exec ? fetchedUrl(probe)?.port : undefined);
          if (
            port !== undefined &&
            !ports.some(
              (candidate) =>
                candidate.name === port || String(candidate.containerPort) === String(port),
            )
          )
            return [`${where}'s ${kind} asks port ${port}, where it does not listen`];
          if (
            app &&
            values.PORT &&
            !ports.some((candidate) => String(candidate.containerPort) === values.PORT)
          )
            return [`${where} listens on PORT ${values.PORT}, which is not its container port`];
          const path =
            probe.httpGet?.path ?? (probe.exec ? fetchedUrl(probe)?.pathname : undefined);
          if (app && (!path || !servedProbePaths(app).includes(path)))
            return [`${where}'s ${kind} asks ${path ?? 'nothing'}, which ${app} does not serve`];
          return [];
        });
      }),
    );

// Variables a process reads that are not in its env.ts schema.
const requiredAtStart = new Set(['GATEWAY_SECRET']);
const loopback = /\b127\.\d+\.\d+\.\d+\b|\blocalhost\b|(?<![\w:])::1(?![\w:])/i;
const defaultPorts: Record<string, number> = {
  'http:': 80,
  'https:': 443,
  'postgresql:': 5432,
  'postgres:': 5432,
  'redis:': 6379,
};

/** The host:port pairs a setting names: a URL's, or each of a comma-separated list (KAFKA_BROKERS). */
function namedAddresses(value: string): { host: string; port: number }[] {
  if (/^[a-z]+:\/\//.test(value)) {
    const url = new URL(value);
    return [{ host: url.hostname, port: Number(url.port || defaultPorts[url.protocol]) }];
  }
  return value.split(',').flatMap((entry) => {
    const match = /^\s*([a-z][\w.-]*):(\d+)\s*$/.exec(entry);
    return match ? [{ host: match[1] ?? '', port: Number(match[2]) }] : [];
  });
}

/**
 * Each app container is given exactly what its src/env.ts reads: every required setting (and GATEWAY_SECRET, which
 * the services and the gateway require at start), nothing its schema does not know, values that parse, no loopback
 * address, and every host:port it names is a Service of the cluster at a port it has.
 */
export const settingProblems: ClusterCheck = (cluster) => {
  const services = servicePorts(cluster);
  return appContainers(cluster).flatMap(({ workload, container, app, job }) => {
    const where = `${idOf(workload.manifest)} ${container.name}`;
    const settings = appSettings[app];
    const schema = job === 'migrate' ? settings?.migrate : settings?.server;
    if (!settings || !schema) return [`${where} runs ${job} of ${app}, which has none`];
    const { values } = resolvedEnvironment(cluster, container);
    const known = new Set([...Object.keys(schema.shape), ...(settings.readElsewhere ?? [])]);
    const required = [
      ...requiredSettings(schema),
      ...(job === 'server' && app !== 'web' ? [...requiredAtStart] : []),
    ];
    const problems = [
      ...required
        .filter((name) => !values[name])
        .map((name) => `${where} is not given ${name}, which ${app} requires`),
      ...Object.keys(values)
        .filter((name) => !known.has(name))
        .map((name) => `${where} is given ${name}, which ${app} does not read`),
      ...Object.entries(values)
        .filter(([name, value]) => name !== 'NEXTAUTH_URL' && loopback.test(value))
        .map(([name]) => `${where}'s ${name} is a loopback address`),
    ];
    try {
      parseEnv(schema, values);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
    for (const [name, value] of Object.entries(values)) {
      if (name === 'NEXTAUTH_URL') continue; // the browsers' address, outside the cluster
      for (const { host, port } of namedAddresses(value)) {
        const ports = services.get(host);
        if (!ports)
          problems.push(`${where}'s ${name} names ${host}, which is no Service of the cluster`);
        else if (!ports.includes(port))
          problems.push(`${where}'s ${name} names ${host}:${port}; it has ${ports.join(', ')}`);
      }
    }
    if (values.AUTH_JWKS_URL && !values.AUTH_JWKS_URL.endsWith(jwksPath))
      problems.push(`${where}'s AUTH_JWKS_URL is not auth's JWKS`);
    if (
      values.DATABASE_URL &&
      new URL(values.DATABASE_URL).pathname !==
        `/${databaseNames[app as keyof typeof databaseNames]}`
    )
      problems.push(`${where}'s DATABASE_URL is not ${app}'s database`);
    return problems;
  });
};

/** Pods run as non-root, read-only, without privileges or a service account token, with requests and limits. */
export const securityProblems: ClusterCheck = (cluster) =>
  allWorkloads(cluster).flatMap(({ manifest, pod }) => {
    const where = idOf(manifest);
    const podSecurity = pod.securityContext ?? {};
    const problems = [
      ...(podSecurity.runAsNonRoot === true ? [] : [`${where} may run as root`]),
      ...((podSecurity.seccompProfile as { type?: string } | undefined)?.type === 'RuntimeDefault'
        ? []
        : [`${where} has no RuntimeDefault seccomp profile`]),
      ...(pod.automountServiceAccountToken === false
        ? []
        : [`${where} mounts a service account token it does not use`]),
    ];
    for (const container of pod.containers) {
      const security = container.securityContext ?? {};
      if (security.readOnlyRootFilesystem !== true)
        problems.push(`${where} ${container.name}: root filesystem is writable`);
      if (security.allowPrivilegeEscalation !== false)
        problems.push(`${where} ${container.name}: may escalate privileges`);
      if (!((security.capabilities as { drop?: string[] } | undefined)?.drop ?? []).includes('ALL'))
        problems.push(`${where} ${container.name}: keeps its capabilities`);
      for (const kind of ['requests', 'limits'] as const) {
        for (const resource of ['cpu', 'memory']) {
          if (!container.resources?.[kind]?.[resource])
            problems.push(`${where} ${container.name}: no ${resource} ${kind}`);
        }
      }
    }
    return problems;
  });

/** Only web and the gateway's API are reachable from outside; every Deployment has a PodDisruptionBudget. */
export const exposureProblems: ClusterCheck = (cluster) => {
  const problems: string[] = [];
  for (const service of objectsOfKind(cluster, 'Service')) {
    const type = (service.spec as { type?: string }).type ?? 'ClusterIP';
    if (type !== 'ClusterIP') problems.push(`${idOf(service)} is exposed as ${type}`);
  }
  for (const ingress of objectsOfKind(cluster, 'Ingress')) {
    const rules = (
      ingress.spec as {
        rules: { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[];
      }
    ).rules;
    for (const { path: routePath, backend } of rules.flatMap((rule) => rule.http.paths)) {
      const target = backend.service.name;
      if (target !== 'web' && target !== 'gateway')
        problems.push(`${idOf(ingress)} exposes ${target}`);
      if (target === 'gateway' && routePath !== '/trpc')
        problems.push(`${idOf(ingress)} exposes the gateway's ${routePath}, not only /trpc`);
    }
  }
  const budgets = objectsOfKind(cluster, 'PodDisruptionBudget');
  for (const workload of allWorkloads(cluster).filter(
    (candidate) => candidate.manifest.kind === 'Deployment',
  )) {
    if (
      !budgets.some((budget) =>
        matchesSelector((budget.spec as { selector: never }).selector, workload.labels),
      )
    )
      problems.push(`${idOf(workload.manifest)} has no PodDisruptionBudget`);
  }
  return problems;
};

interface PolicyPeer {
  podSelector?: Record<string, unknown>;
  namespaceSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: unknown;
}
interface PolicyRule {
  from?: PolicyPeer[];
  to?: PolicyPeer[];
  ports?: { port: number }[];
}
interface PolicySpec {
  podSelector: Record<string, unknown>;
  policyTypes: string[];
  ingress?: PolicyRule[];
  egress?: PolicyRule[];
}

/**
 * Every platform pod is under the default deny; every pod selector of a policy selects a pod; a service admits only
 * the gateway (and Prometheus; auth also the services, for its JWKS); each process may reach only the pods its
 * settings name (its Services, its database server, Kafka, Redis).
 */
export const networkProblems: ClusterCheck = (cluster) => {
  const problems: string[] = [];
  const policies = objectsOfKind(cluster, 'NetworkPolicy').map((policy) => ({
    id: idOf(policy),
    spec: policy.spec as PolicySpec,
  }));
  const pods = [
    ...allWorkloads(cluster).map((workload) => ({
      name: workload.manifest.metadata.name,
      labels: workload.labels,
    })),
    ...operatorPods(cluster),
  ];
  const platformPods = allWorkloads(cluster);
  for (const workload of platformPods) {
    const denied = policies.some(
      ({ spec }) =>
        (spec.ingress ?? []).length === 0 &&
        (spec.egress ?? []).length === 0 &&
        spec.policyTypes.includes('Ingress') &&
        spec.policyTypes.includes('Egress') &&
        matchesSelector(spec.podSelector as never, workload.labels),
    );
    if (!denied) problems.push(`${idOf(workload.manifest)} is not under a default-deny policy`);
  }
  const selects = (selector: Record<string, unknown>) =>
    pods.filter((pod) => matchesSelector(selector as never, pod.labels));
  for (const { id, spec } of policies) {
    if (selects(spec.podSelector).length === 0) problems.push(`${id}: selects no pod`);
    for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
      for (const peer of [...(rule.from ?? []), ...(rule.to ?? [])]) {
        if (peer.podSelector && !peer.namespaceSelector && selects(peer.podSelector).length === 0)
          problems.push(`${id}: a peer selects no pod (${JSON.stringify(peer.podSelector)})`);
      }
    }
  }
  const admitted = (target: Record<string, string>) =>
    policies
      .filter(({ spec }) => matchesSelector(spec.podSelector as never, target))
      .flatMap(({ spec }) => (spec.ingress ?? []).flatMap((rule) => rule.from ?? []));
  for (const service of serviceNames) {
    const allowedPeers = new Set([
      'gateway',
      ...(service === 'auth' ? ['order', 'payment', 'notification'] : []),
    ]);
    for (const peer of admitted({ 'app.kubernetes.io/name': service })) {
      const name = (peer.podSelector?.matchLabels as Record<string, string> | undefined)?.[
        'app.kubernetes.io/name'
      ];
      const namespace = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
      if (peer.podSelector && !peer.namespaceSelector && name && allowedPeers.has(name)) continue;
      if (!peer.podSelector && namespace === 'monitoring') continue;
      problems.push(`${service} admits ${JSON.stringify(peer)}, not only the gateway`);
    }
  }
  // Egress: each destination pod of an app must be one its settings name (a Service's pods, or its data stores).
  const services = objectsOfKind(cluster, 'Service');
  for (const { workload, container, app, job } of appContainers(cluster)) {
    if (job !== 'server') continue;
    const { values } = resolvedEnvironment(cluster, container);
    const named = new Set<string>();
    for (const value of Object.values(values)) {
      for (const { host } of namedAddresses(value)) named.add(host);
    }
    const reachable = (labels: Record<string, string>) =>
      [...named].some((host) => {
        const service = services.find((candidate) => candidate.metadata.name === host);
        if (service)
          return matchesLabels(
            (service.spec as { selector: Record<string, string> }).selector,
            labels,
          );
        if (host.endsWith('-kafka-bootstrap'))
          return labels['strimzi.io/cluster'] === host.replace(/-kafka-bootstrap$/, '');
        if (host.endsWith('-rw')) return labels['cnpg.io/cluster'] === host.replace(/-rw$/, '');
        return false;
      });
    const egress = policies
      .filter(({ spec }) => matchesSelector(spec.podSelector as never, workload.labels))
      .flatMap(({ spec }) => (spec.egress ?? []).flatMap((rule) => rule.to ?? []));
    for (const peer of egress) {
      if (peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'kube-system')
        continue;
      const destinations =
        peer.podSelector && !peer.namespaceSelector ? selects(peer.podSelector) : [];
      if (
        destinations.length === 0 ||
        !destinations.every((destination) => reachable(destination.labels))
      )
        problems.push(`${app} may reach ${JSON.stringify(peer)}, which its settings do not name`);
    }
  }
  return problems;
};

/** The topics a service's consumer group reads, from its handlers (apps/<service>/src/events/handlers.ts). */
export function consumedTopics(service: string): string[] {
  const source = readFileSync(
    path.join(repoRoot, `apps/${service}/src/events/handlers.ts`),
    'utf8',
  );
  return [...source.matchAll(/\[topics\.(\w+)\]/g)].map(
    (match) => topics[match[1] as keyof typeof topics],
  );
}

function topicsJobSettings(cluster: Cluster): Record<string, string> {
  const job = workloads(cluster.steps.migrations).find(
    (workload) => workload.manifest.metadata.name === 'kafka-topics',
  );
  return Object.fromEntries(
    (job?.pod.containers[0]?.env ?? []).flatMap((variable) =>
      variable.value ? [[variable.name, variable.value]] : [],
    ),
  );
}

/**
 * Gateway and web scale on CPU; payment and notification on their consumer group's lag (KEDA), for topics they
 * consume, never above the partitions the topics job creates; nothing autoscaled also fixes its replicas.
 */
export const scalingProblems: ClusterCheck = (cluster) => {
  const problems: string[] = [];
  const partitions = Number(topicsJobSettings(cluster).PARTITIONS);
  const autoscalers = objectsOfKind(cluster, 'HorizontalPodAutoscaler');
  for (const target of ['gateway', 'web']) {
    const hpa = autoscalers.find(
      (candidate) =>
        (candidate.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === target,
    );
    const metrics =
      (hpa?.spec as { metrics?: { resource?: { name: string } }[] } | undefined)?.metrics ?? [];
    if (!metrics.some((metric) => metric.resource?.name === 'cpu'))
      problems.push(`${target} does not scale on CPU`);
  }
  const scaledObjects = objectsOfKind(cluster, 'ScaledObject');
  for (const service of ['payment', 'notification']) {
    const scaled = scaledObjects.find(
      (candidate) =>
        (candidate.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === service,
    );
    if (!scaled) {
      problems.push(`${service} does not scale on lag`);
      continue;
    }
    const spec = scaled.spec as {
      maxReplicaCount: number;
      minReplicaCount: number;
      triggers: { type: string; metadata: Record<string, string> }[];
    };
    if (!(spec.minReplicaCount >= 1))
      problems.push(`${service} may scale to zero, and stop answering HTTP`);
    if (!(spec.maxReplicaCount <= partitions) || spec.maxReplicaCount > defaultPartitions)
      problems.push(
        `${service} may scale to ${spec.maxReplicaCount}, above the ${partitions} partitions of its topics`,
      );
    const consumed = consumedTopics(service);
    const triggered = spec.triggers.map((trigger) => trigger.metadata.topic);
    for (const trigger of spec.triggers) {
      const { consumerGroup, topic, allowIdleConsumers, bootstrapServersFromEnv } =
        trigger.metadata;
      if (trigger.type !== 'kafka')
        problems.push(`${service} scales on ${trigger.type}, not Kafka lag`);
      if (consumerGroup !== service)
        problems.push(`${service} scales on group ${consumerGroup}, not its own`);
      if (!topic || !consumed.includes(topic))
        problems.push(`${service} scales on ${topic}, which it does not consume`);
      if (allowIdleConsumers === 'true')
        problems.push(`${service} allows more instances than partitions`);
      if (bootstrapServersFromEnv !== 'KAFKA_BROKERS')
        problems.push(`${service}'s scaler does not read the brokers the service uses`);
    }
    for (const topic of consumed.filter((candidate) => !triggered.includes(candidate)))
      problems.push(`${service}'s lag on ${topic} does not scale it`);
  }
  for (const scaler of [...autoscalers, ...scaledObjects]) {
    const target = findObject(
      cluster,
      'Deployment',
      (scaler.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name,
    );
    if (target && (target.spec as { replicas?: number }).replicas !== undefined)
      problems.push(`${idOf(target)} sets replicas, which ${idOf(scaler)} owns`);
  }
  return problems;
};

/**
 * Before the platform: the topics job creates exactly the design's topics with the partition count and a replication
 * the brokers can hold, and each service with a database has its migration job; the platform step has no jobs.
 */
export const migrationProblems: ClusterCheck = (cluster) => {
  const problems: string[] = [];
  const settings = topicsJobSettings(cluster);
  const created = (settings.TOPICS ?? '').split(/\s+/).filter(Boolean).sort();
  if (created.join(' ') !== [...allTopics].sort().join(' '))
    problems.push(`the topics job creates ${created.join(' ')}, not the design's topics`);
  if (Number(settings.PARTITIONS) !== defaultPartitions)
    problems.push(
      `the topics job creates ${settings.PARTITIONS} partitions, not ${defaultPartitions}`,
    );
  const brokers = objectsOfKind(cluster, 'KafkaNodePool')
    .filter((pool) => (pool.spec as { roles: string[] }).roles.includes('broker'))
    .reduce((sum, pool) => sum + (pool.spec as { replicas: number }).replicas, 0);
  const config =
    objectsOfKind(cluster, 'Kafka').map(
      (kafka) => (kafka.spec as { kafka: { config: Record<string, unknown> } }).kafka.config,
    )[0] ?? {};
  const replication = Number(settings.REPLICATION_FACTOR);
  if (brokers !== 3) problems.push(`Kafka has ${brokers} brokers, not 3`);
  if (!(replication <= brokers) || replication !== 3)
    problems.push(`topics are replicated ${replication} times on ${brokers} brokers`);
  if (
    Number(config['min.insync.replicas']) !== 2 ||
    Number(config['default.replication.factor']) !== 3
  )
    problems.push('Kafka is not replication factor 3 with min.insync.replicas=2');
  if (config['auto.create.topics.enable'] !== false)
    problems.push('Kafka creates topics by itself');
  const migrations = appContainers({
    ...cluster,
    steps: { ...cluster.steps, platform: [], dependencies: [] },
  });
  for (const service of serviceNames) {
    if (!migrations.some(({ app, job }) => app === service && job === 'migrate'))
      problems.push(`${service} has no migration job`);
  }
  for (const manifest of cluster.steps.platform.filter((candidate) => candidate.kind === 'Job'))
    problems.push(`${idOf(manifest)} is applied with the platform, not before it`);
  for (const manifest of cluster.steps.migrations.filter(
    (candidate) => candidate.kind === 'Deployment',
  ))
    problems.push(`${idOf(manifest)} starts with the migrations`);
  return problems;
};

/** The PostgreSQL cluster has each service's database, owned by the role whose Secret the service connects with. */
export const databaseProblems: ClusterCheck = (cluster) => {
  const postgres = objectsOfKind(cluster, 'Cluster')[0];
  if (!postgres) return ['no PostgreSQL cluster'];
  const statements = (
    (postgres.spec as { bootstrap?: { initdb?: { postInitSQL?: string[] } } }).bootstrap?.initdb
      ?.postInitSQL ?? []
  ).join('\n');
  return serviceNames.flatMap((service) => {
    const secret = cluster.secrets.find(
      (candidate) => candidate.metadata.name === `${service}-database`,
    );
    const role = dataOf(secret).username ?? '';
    const database = databaseNames[service];
    const problems: string[] = [];
    if (!statements.includes(`CREATE DATABASE ${database} OWNER ${role}`))
      problems.push(`${database} is not created for ${role}`);
    if (!statements.includes(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`))
      problems.push(`${database} is open to every role`);
    return problems;
  });
};
