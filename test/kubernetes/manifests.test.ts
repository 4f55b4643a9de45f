// The Kubernetes manifests (infra/kubernetes), checked without a cluster: every kustomization renders, every object
// validates against its kind's schema, and the references between them and the code hold. Each check also runs on
// a copy broken on purpose, to show that it can fail.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  entryPoints,
  findObject,
  kubernetesDir,
  loadCluster,
  workloads,
  type Cluster,
  type Container,
} from './cluster.js';
import { renderKustomization, type Manifest } from './kustomize.js';
import { type ClusterCheck } from './cluster-facts.js';
import { networkProblems } from './network-checks.js';
import { referenceProblems, secretProblems } from './reference-checks.js';
import { databaseProblems, migrationProblems, scalingProblems } from './scaling-checks.js';
import { settingProblems } from './setting-checks.js';
import {
  exposureProblems,
  portProblems,
  probeProblems,
  securityProblems,
  selectorProblems,
} from './workload-checks.js';
import { schemaProblems, unknownFieldProblems } from './schema-validation.js';
import { describeCheckCases, type CheckCase } from '../support/check-cases.js';

const cluster = loadCluster();

function object(broken: Cluster, kind: string, name: string): Manifest {
  const found = findObject(broken, kind, name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}

function container(broken: Cluster, name: string): Container {
  const found = workloads([object(broken, 'Deployment', name)])[0]?.pod.containers[0];
  if (!found) throw new Error(`${name} has no container`);
  return found;
}

const everyObject: ClusterCheck = (broken) =>
  schemaProblems([...Object.values(broken.steps).flat(), ...broken.secrets]);
const everyWorkloadField: ClusterCheck = (broken) =>
  unknownFieldProblems(Object.values(broken.steps).flat());

const cases: Record<string, CheckCase<Cluster>> = {
  'Kubernetes and CRD schemas': {
    check: everyObject,
    breakage: "payment's ScaledObject has a maxReplicaCount that is not a number",
    breakIt: (broken) =>
      ((object(broken, 'ScaledObject', 'payment').spec as Record<string, unknown>).maxReplicaCount =
        'three'),
  },
  'unknown fields': {
    check: everyWorkloadField,
    breakage: "order's readiness probe is misspelt",
    breakIt: (broken) => {
      const order = container(broken, 'order') as unknown as Record<string, unknown>;
      order.readinesProbe = order.readinessProbe;
      delete order.readinessProbe;
    },
  },
  'ConfigMap and Secret references': {
    check: referenceProblems,
    breakage: 'auth reads a key its signing-key Secret does not have',
    breakIt: (broken) => {
      const keyId = container(broken, 'auth').env?.find(
        (variable) => variable.name === 'JWT_KEY_ID',
      );
      if (keyId?.valueFrom?.secretKeyRef) keyId.valueFrom.secretKeyRef.key = 'JWT_KID';
    },
  },
  'secrets are never written': {
    check: secretProblems,
    breakage: 'the gateway secret is written into a ConfigMap',
    breakIt: (broken) => {
      const settings = object(broken, 'ConfigMap', 'gateway-settings') as {
        data?: Record<string, string>;
      };
      settings.data = { ...settings.data, GATEWAY_SECRET: 'x'.repeat(40) };
    },
  },
  'selectors match pods': {
    check: selectorProblems,
    breakage: "payment's Service selects a misspelt label",
    breakIt: (broken) =>
      ((object(broken, 'Service', 'payment').spec as { selector: object }).selector = {
        'app.kubernetes.io/name': 'payments',
      }),
  },
  ports: {
    check: portProblems,
    breakage: "web's Service forwards to a port name web does not have",
    breakIt: (broken) =>
      ((
        object(broken, 'Service', 'web').spec as { ports: { targetPort: string }[] }
      ).ports[0]!.targetPort = 'web'),
  },
  probes: {
    check: probeProblems,
    breakage: "order's liveness probe asks a path order does not serve",
    breakIt: (broken) =>
      (container(broken, 'order').livenessProbe = { httpGet: { path: '/healthz', port: 'http' } }),
  },
  'probes (exec)': {
    check: probeProblems,
    breakage: "the gateway's readiness probe fetches a path it does not serve",
    breakIt: (broken) => {
      const probe = container(broken, 'gateway').readinessProbe;
      if (probe?.exec)
        probe.exec.command = probe.exec.command.map((part) => part.replace('/health', '/ready'));
    },
  },
  'settings against each app’s env.ts': {
    check: settingProblems,
    breakage: 'web is not given NEXTAUTH_SECRET',
    breakIt: (broken) => {
      const web = container(broken, 'web');
      web.env = web.env?.filter((variable) => variable.name !== 'NEXTAUTH_SECRET');
    },
  },
  'settings name what exists': {
    check: settingProblems,
    breakage: "the gateway's PAYMENT_URL has order's port",
    breakIt: (broken) =>
      ((
        object(broken, 'ConfigMap', 'gateway-settings') as unknown as {
          data: Record<string, string>;
        }
      ).data.PAYMENT_URL = 'http://payment:4002'),
  },
  'settings read by nobody': {
    check: settingProblems,
    breakage: "order is handed auth's private key",
    breakIt: (broken) =>
      ((
        object(broken, 'ConfigMap', 'order-settings') as unknown as { data: Record<string, string> }
      ).data.JWT_PRIVATE_KEY_PEM_BASE64 = 'LS0t'),
  },
  'pod security and resources': {
    check: securityProblems,
    breakage: 'web has a writable root filesystem',
    breakIt: (broken) =>
      (container(broken, 'web').securityContext = {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      }),
  },
  exposure: {
    check: exposureProblems,
    breakage: 'order gets a LoadBalancer',
    breakIt: (broken) =>
      ((object(broken, 'Service', 'order').spec as { type?: string }).type = 'LoadBalancer'),
  },
  'network policies': {
    check: networkProblems,
    breakage: 'web may call payment directly',
    breakIt: (broken) => {
      const spec = object(broken, 'NetworkPolicy', 'payment').spec as {
        ingress: { from: object[] }[];
      };
      spec.ingress[0]!.from.push({
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } },
      });
    },
  },
  'network policies (egress)': {
    check: networkProblems,
    breakage: 'notification may reach Redis, which it does not use',
    breakIt: (broken) => {
      const spec = object(broken, 'NetworkPolicy', 'notification').spec as { egress: object[] };
      spec.egress.push({
        to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'redis' } } }],
        ports: [{ protocol: 'TCP', port: 6379 }],
      });
    },
  },
  scaling: {
    check: scalingProblems,
    breakage: 'payment may scale above the partitions of order.created',
    breakIt: (broken) =>
      ((
        object(broken, 'ScaledObject', 'payment').spec as { maxReplicaCount: number }
      ).maxReplicaCount = 6),
  },
  'scaling (topic)': {
    check: scalingProblems,
    breakage: 'notification scales on a topic it does not consume',
    breakIt: (broken) =>
      ((
        object(broken, 'ScaledObject', 'notification').spec as {
          triggers: { metadata: Record<string, string> }[];
        }
      ).triggers[0]!.metadata.topic = 'order.created'),
  },
  'topics and migrations first': {
    check: migrationProblems,
    breakage: 'the topics job forgets a topic',
    breakIt: (broken) => {
      const job = workloads(broken.steps.migrations).find(
        (workload) => workload.manifest.metadata.name === 'kafka-topics',
      );
      const topics = job?.pod.containers[0]?.env?.find((variable) => variable.name === 'TOPICS');
      if (topics) topics.value = 'order.created payment.completed';
    },
  },
  'Kafka replication': {
    check: migrationProblems,
    breakage: 'min.insync.replicas is 1',
    breakIt: (broken) =>
      ((
        object(broken, 'Kafka', 'kafka').spec as { kafka: { config: Record<string, unknown> } }
      ).kafka.config['min.insync.replicas'] = 1),
  },
  'a database per service': {
    check: databaseProblems,
    breakage: "payment_db is owned by order's role",
    breakIt: (broken) => {
      const spec = object(broken, 'Cluster', 'postgres').spec as {
        bootstrap: { initdb: { postInitSQL: string[] } };
      };
      spec.bootstrap.initdb.postInitSQL = spec.bootstrap.initdb.postInitSQL.map((sql) =>
        sql.replace('payment_db OWNER payment_service', 'payment_db OWNER order_service'),
      );
    },
  },
};

describe('Kubernetes manifests', () => {
  it.each(entryPoints)('%s renders and validates', (entryPoint) => {
    const manifests = renderKustomization(path.join(kubernetesDir, entryPoint));
    expect(manifests.length).toBeGreaterThan(0);
    expect([...schemaProblems(manifests), ...unknownFieldProblems(manifests)].join('\n')).toBe('');
  });

  describeCheckCases(cases, cluster);
});
