import {
  appOfImage,
  findObject,
  matchesLabels,
  matchesSelector,
  objectsOfKind,
  type Cluster,
  type Probe,
} from './cluster.js';
import {
  type ClusterCheck,
  idOf,
  allWorkloads,
  appContainers,
  resolvedEnvironment,
} from './cluster-facts.js';

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
