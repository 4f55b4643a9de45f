import { serviceNames } from '@food/contracts';
import { matchesLabels, matchesSelector, objectsOfKind } from './cluster.js';
import {
  type ClusterCheck,
  idOf,
  operatorPods,
  allWorkloads,
  appContainers,
  resolvedEnvironment,
  namedAddresses,
} from './cluster-facts.js';

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
