// What the checks read from the rendered cluster: workloads, the Services and pods it will have, and each
// container's environment as the kubelet resolves it.
import {
  allObjects,
  appOfImage,
  findObject,
  objectsOfKind,
  workloads,
  type Cluster,
  type Container,
  type Workload,
} from './cluster.js';
import type { Manifest } from './kustomize.js';

export type ClusterCheck = (cluster: Cluster) => string[];

export const idOf = (manifest: Manifest) => `${manifest.kind}/${manifest.metadata.name}`;
export const dataOf = (manifest: Manifest | undefined) =>
  ((manifest as { data?: Record<string, string>; stringData?: Record<string, string> } | undefined)
    ?.data ??
    (manifest as { stringData?: Record<string, string> } | undefined)?.stringData ??
    {}) as Record<string, string>;

/** The pods the operators make from the dependencies' resources, with the labels they give them. */
export function operatorPods(
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
export function servicePorts(cluster: Cluster): Map<string, number[]> {
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

export function allWorkloads(cluster: Cluster): Workload[] {
  return workloads(allObjects(cluster));
}

export interface AppContainer {
  workload: Workload;
  container: Container;
  app: string;
  job: 'server' | 'migrate';
}

export function appContainers(cluster: Cluster): AppContainer[] {
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
export function resolvedEnvironment(
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

export const defaultPorts: Record<string, number> = {
  'http:': 80,
  'https:': 443,
  'postgresql:': 5432,
  'postgres:': 5432,
  'redis:': 6379,
};

/** The host:port pairs a setting names: a URL's, or each of a comma-separated list (KAFKA_BROKERS). */
export function namedAddresses(value: string): { host: string; port: number }[] {
  if (/^[a-z]+:\/\//.test(value)) {
    const url = new URL(value);
    return [{ host: url.hostname, port: Number(url.port || defaultPorts[url.protocol]) }];
  }
  return value.split(',').flatMap((entry) => {
    const match = /^\s*([a-z][\w.-]*):(\d+)\s*$/.exec(entry);
    return match ? [{ host: match[1] ?? '', port: Number(match[2]) }] : [];
  });
}
