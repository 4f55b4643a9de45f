// What state the brokers are in, and waiting until they are ready.
import {
  configuredPorts,
  isAlive,
  isOurBroker,
  logTail,
  portOpen,
  READY_TEXT,
  readLog,
  readPid,
  removePidFile,
} from './broker-process.mjs';
import { brokerNodes, HOST } from './settings.mjs';
import { secs, sleep } from './shell.mjs';

/**
 * @typedef {object} NodeStatus
 * @property {number} id
 * @property {'running'|'starting'|'external'|'stopped'} state
 *   running: our broker process is alive and its port accepts TCP;
 *   starting: our process is alive but the port is not open yet;
 *   external: no broker of ours, but something else (e.g. another checkout's broker) listens on the port;
 *   stopped: nothing.
 * @property {boolean} ours true if the broker process was started from this checkout
 * @property {number|null} pid
 * @property {number} port
 */

/** @param {import('./settings.mjs').BrokerNode} node @returns {Promise<NodeStatus>} */
export async function nodeStatus(node) {
  const pid = readPid(node);
  const ours = isOurBroker(pid);
  if (pid && !ours) removePidFile(node); // stale pid file (process died or pid reused)
  const port = (ours && configuredPorts(node)?.broker) || node.port;
  const open = await portOpen(port);
  const state = ours ? (open ? 'running' : 'starting') : open ? 'external' : 'stopped';
  return { id: node.id, state, ours, pid: ours ? pid : null, port };
}

/**
 * @typedef {object} KafkaStatus
 * @property {'running'|'starting'|'external'|'stopped'} state every node's state when they agree; `starting` when
 *   some of ours run and others do not (yet)
 * @property {boolean} available true for running or external (clients can connect)
 * @property {boolean} ours true if any broker process was started from this checkout
 * @property {number|null} pid the first node's
 * @property {string} host
 * @property {number} port the first node's
 * @property {string} brokers "host:port,…", for client configs
 * @property {NodeStatus[]} nodes
 */

/** @returns {Promise<KafkaStatus>} */
export async function kafkaStatus() {
  const nodes = await Promise.all(brokerNodes().map(nodeStatus));
  const states = new Set(nodes.map((node) => node.state));
  const state = states.size === 1 ? [...states][0] : nodes.some((node) => node.ours) ? 'starting' : 'stopped';
  return {
    state,
    available: state === 'running' || state === 'external',
    ours: nodes.some((node) => node.ours),
    pid: nodes[0]?.pid ?? null,
    host: HOST,
    port: nodes[0]?.port ?? 0,
    brokers: nodes.map((node) => `${HOST}:${node.port}`).join(','),
    nodes,
  };
}

async function waitForNode(node, t0, timeoutMs) {
  let st = await nodeStatus(node);
  if (st.state === 'stopped') {
    throw new Error(
      `broker ${node.id} is not running and there is no broker process to wait for; start it with \`node scripts/kafka.mjs start\``,
    );
  }
  const pid = st.pid;
  for (;;) {
    if (st.state === 'external') return true;
    if (st.state === 'running' && readLog(node).includes(READY_TEXT)) return false;
    if (pid && !isAlive(pid)) {
      removePidFile(node);
      throw new Error(`broker process ${pid} exited before it became ready\n${logTail(node)}`);
    }
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(
        `broker ${node.id} not ready after ${secs(timeoutMs)} (port ${HOST}:${st.port} ${st.state === 'running' ? 'open' : 'closed'})\n${logTail(node)}`,
      );
    }
    await sleep(250);
    st = await nodeStatus(node);
    if (st.state === 'stopped') {
      throw new Error(`broker process ${pid} exited before it became ready\n${logTail(node)}`);
    }
  }
}

/**
 * Resolves once every broker of the current setting accepts TCP connections on its port and (for a broker of ours)
 * its log says "Kafka Server started". Rejects with the log tail if a process dies or on timeout.
 * @param {number} [timeoutMs=60000]
 * @returns {Promise<{ms: number, external: boolean}>}
 */
export async function waitForKafka(timeoutMs = 60_000) {
  const t0 = Date.now();
  const external = await Promise.all(brokerNodes().map((node) => waitForNode(node, t0, timeoutMs)));
  return { ms: Date.now() - t0, external: external.every(Boolean) };
}
