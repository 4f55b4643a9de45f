// What state the broker is in, and waiting until it is ready.
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
import { brokerPort, HOST } from './settings.mjs';
import { secs, sleep } from './shell.mjs';

/**
 * @typedef {object} KafkaStatus
 * @property {'running'|'starting'|'external'|'stopped'} state
 *   running: our broker process is alive and its port accepts TCP;
 *   starting: our process is alive but the port is not open yet;
 *   external: no broker of ours, but something else (e.g. another checkout's broker) listens on the port;
 *   stopped: nothing.
 * @property {boolean} available true for running or external (clients can connect)
 * @property {boolean} ours true if the broker process was started from this checkout
 * @property {number|null} pid
 * @property {string} host
 * @property {number} port
 * @property {string} brokers "host:port", for client configs
 */

/** @returns {Promise<KafkaStatus>} */
export async function kafkaStatus() {
  const pid = readPid();
  const ours = isOurBroker(pid);
  if (pid && !ours) removePidFile(); // stale pid file (process died or pid reused)
  const port = (ours && configuredPorts()?.broker) || brokerPort();
  const open = await portOpen(port);
  const state = ours ? (open ? 'running' : 'starting') : open ? 'external' : 'stopped';
  return {
    state,
    available: state === 'running' || state === 'external',
    ours,
    pid: ours ? pid : null,
    host: HOST,
    port,
    brokers: `${HOST}:${port}`,
  };
}


/**
 * Resolves once the broker accepts TCP connections on its port and (for a broker of ours) its
 * log says "Kafka Server started". Rejects with the log tail if the process dies or on timeout.
 * @param {number} [timeoutMs=60000]
 * @returns {Promise<{ms: number, external: boolean}>}
 */
export async function waitForKafka(timeoutMs = 60_000) {
  const t0 = Date.now();
  let st = await kafkaStatus();
  if (st.state === 'stopped') {
    throw new Error(
      'not running and no broker process to wait for; start it with `node scripts/kafka.mjs start`',
    );
  }
  const pid = st.pid;
  for (;;) {
    if (st.state === 'external') return { ms: Date.now() - t0, external: true };
    if (st.state === 'running' && readLog().includes(READY_TEXT))
      return { ms: Date.now() - t0, external: false };
    if (pid && !isAlive(pid)) {
      removePidFile();
      throw new Error(`broker process ${pid} exited before it became ready\n${logTail()}`);
    }
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(
        `broker not ready after ${secs(timeoutMs)} (port ${st.brokers} ${st.state === 'running' ? 'open' : 'closed'})\n${logTail()}`,
      );
    }
    await sleep(250);
    st = await kafkaStatus();
    if (st.state === 'stopped') {
      throw new Error(`broker process ${pid} exited before it became ready\n${logTail()}`);
    }
  }
}
