// The brokers' settings, read when used: host and ports (KAFKA_PORT, KAFKA_CONTROLLER_PORT) and how many brokers
// (KAFKA_BROKERS_IN_CLUSTER: 1, the default, or 3 for a KRaft cluster of three combined broker+controller nodes).
import { clusterNodeHome, HOME, nodeFiles } from './paths.mjs';

export const HOST = '127.0.0.1';

function envPort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${name} must be a TCP port number, got "${raw}"`);
  }
  return n;
}
export const brokerPort = () => envPort('KAFKA_PORT', 9092);
export const controllerPort = () => envPort('KAFKA_CONTROLLER_PORT', 9093);

/** 1 (one broker, the default) or 3 (a cluster whose controller quorum is its three nodes). */
export function brokersInCluster() {
  const raw = process.env.KAFKA_BROKERS_IN_CLUSTER;
  if (raw === undefined || raw === '' || raw === '1') return 1;
  if (raw === '3') return 3;
  throw new Error(`KAFKA_BROKERS_IN_CLUSTER must be 1 or 3, got "${raw}"`);
}

/**
 * @typedef {ReturnType<typeof nodeFiles> & {id: number, port: number, controllerPort: number, cluster: boolean}} BrokerNode
 */

/**
 * The broker processes of the current setting. Node 1 listens on KAFKA_PORT and KAFKA_CONTROLLER_PORT; in a cluster,
 * node n > 1 takes the two ports from KAFKA_PORT + 2(n-1), so a stack moved by KAFKA_PORT moves its whole cluster.
 * @returns {BrokerNode[]}
 */
export function brokerNodes(size = brokersInCluster()) {
  const port = brokerPort();
  const ctrlPort = controllerPort();
  if (size === 1) return [{ id: 1, port, controllerPort: ctrlPort, cluster: false, ...nodeFiles(HOME) }];
  const nodes = Array.from({ length: size }, (_, index) => {
    const id = index + 1;
    const nodePort = id === 1 ? port : port + 2 * index;
    return {
      id,
      port: nodePort,
      controllerPort: id === 1 ? ctrlPort : nodePort + 1,
      cluster: true,
      ...nodeFiles(clusterNodeHome(id)),
    };
  });
  const ports = nodes.flatMap((node) => [node.port, node.controllerPort]);
  const clash = ports.find((p, i) => ports.indexOf(p) !== i);
  if (clash !== undefined) {
    throw new Error(
      `the cluster's nodes would share port ${clash}: nodes 2 and 3 use KAFKA_PORT+2..+5 (${port + 2}-${port + 5}); move KAFKA_CONTROLLER_PORT out of that range`,
    );
  }
  return nodes;
}

/** Every broker this checkout may run, single and cluster: what `stop` and `status` look at. */
export function everyKnownNode() {
  let cluster = [];
  try {
    cluster = brokerNodes(3);
  } catch {
    // ports that cannot form a cluster: this checkout never ran one with them
  }
  return [...brokerNodes(1), ...cluster];
}

/** "host:port,host:port,…" of the current setting's brokers, for client configs (KAFKA_BROKERS). */
export const brokerList = () => brokerNodes().map((node) => `${HOST}:${node.port}`).join(',');
