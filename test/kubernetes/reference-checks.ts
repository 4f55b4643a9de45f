import { objectsOfKind, workloads } from './cluster.js';
import {
  type ClusterCheck,
  idOf,
  dataOf,
  allWorkloads,
  resolvedEnvironment,
} from './cluster-facts.js';

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
