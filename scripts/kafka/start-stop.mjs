// Starting, stopping and resetting the brokers this checkout runs: one, or the nodes of a 3-broker cluster.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isAlive, isOurBroker, portOpen, readPid, removePidFile } from './broker-process.mjs';
import { writeLog4jConfig, writeServerProperties } from './config-files.mjs';
import { fetchKafka } from './fetch-jars.mjs';
import { checkJava, javaBin, jvmLogArgs } from './java.mjs';
import { CLASSPATH, ROOT } from './paths.mjs';
import { brokerNodes, everyKnownNode, HOST } from './settings.mjs';
import { say, secs, sleep } from './shell.mjs';
import { withStartLock } from './start-lock.mjs';
import { kafkaStatus, waitForKafka } from './status.mjs';
import { formatStorageIfNeeded } from './storage.mjs';

/** A cluster node gets less heap than the single broker: three of them run on one developer machine. */
const heapOf = (node) => (node.cluster ? '384m' : '512m');

async function launch(node) {
  // Keep the previous run's log for post-mortems; a fresh log also means READY_TEXT refers to this run.
  if (fs.existsSync(node.logFile)) fs.renameSync(node.logFile, node.prevLogFile);
  const out = fs.openSync(node.logFile, 'a');
  const heap = heapOf(node);
  const child = spawn(
    javaBin(),
    [`-Xms${heap}`, `-Xmx${heap}`, ...jvmLogArgs(), '-cp', CLASSPATH, 'kafka.Kafka', node.propsFile],
    { cwd: node.home, detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  const spawnError = await new Promise((resolve) => {
    child.once('error', resolve);
    child.once('spawn', () => resolve(null));
  });
  if (spawnError) throw new Error(`could not launch java: ${spawnError.message}`);
  child.unref();
  fs.writeFileSync(node.pidFile, `${child.pid}\n`);
  return child.pid;
}

async function assertPortsFree(nodes, statuses) {
  for (const node of nodes) {
    const st = statuses.find((candidate) => candidate.id === node.id);
    if (st?.state === 'external') {
      throw new Error(`${HOST}:${node.port} (broker ${node.id} of the cluster) is in use by a process not started from this checkout`);
    }
    if (await portOpen(node.controllerPort)) {
      throw new Error(
        `controller port ${HOST}:${node.controllerPort} is in use by another process; free it or set ${node.id === 1 ? 'KAFKA_CONTROLLER_PORT' : 'KAFKA_PORT'}`,
      );
    }
  }
}

/** Launches the nodes of the current setting that do not run; resolves what was found and done. */
async function launchMissing() {
  const nodes = brokerNodes();
  const st = await kafkaStatus();
  const down = nodes.filter((node) => !st.nodes.find((candidate) => candidate.id === node.id)?.ours);
  if (down.length === 0) {
    say(`already running (${nodes.length === 1 ? `pid ${st.pid}` : `${nodes.length} brokers`}) at ${st.brokers}`);
    return { started: false, external: false, pid: st.pid, brokers: st.brokers, ready: st.state === 'running' };
  }
  if (nodes.length === 1 && st.state === 'external') {
    say(`${st.brokers} is already in use by a process not started from this checkout; using the existing broker there`);
    return { started: false, external: true, pid: null, brokers: st.brokers, ready: true };
  }
  const port = nodes[0]?.port;
  if (nodes.length === 1 && port === nodes[0]?.controllerPort)
    throw new Error(`KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ (both ${port})`);
  await assertPortsFree(down, st.nodes);

  checkJava();
  await fetchKafka();
  writeLog4jConfig();
  for (const node of down) writeServerProperties(node, nodes);
  await formatStorageIfNeeded(down);
  const pids = [];
  for (const node of down) pids.push(await launch(node));
  return { started: true, external: false, pid: st.pid ?? pids[0] ?? null, brokers: st.brokers, ready: false, launched: down.map((node) => node.id) };
}

/**
 * Starts the brokers of the current setting (KAFKA_BROKERS_IN_CLUSTER) that do not run yet: fetches the jars if
 * needed, formats storage on a node's very first start, launches each JVM detached (it outlives this process) and,
 * unless `wait: false`, waits until every broker is ready. In a cluster with one node down, starts that node only.
 * @param {{wait?: boolean, timeoutMs?: number}} [opts]
 * @returns {Promise<{started: boolean, external: boolean, pid: number|null, brokers: string}>}
 *   started is false if every broker was already running (ours, or a foreign one on the port).
 */
export async function startKafka({ wait = true, timeoutMs = 60_000 } = {}) {
  const { ready, launched, ...ret } = await withStartLock(launchMissing);
  if (!wait || (ready && !ret.started)) return ret;
  const t0 = Date.now();
  try {
    await waitForKafka(timeoutMs);
  } catch (e) {
    // Do not leave a half-started broker behind.
    if (ret.started) await stopKafka({ quiet: true, only: launched });
    throw e;
  }
  if (!ret.started) say('ready');
  else if (brokerNodes().length === 1) say(`started (pid ${ret.pid}) at ${ret.brokers} in ${secs(Date.now() - t0)}`);
  else say(`started broker(s) ${launched.join(', ')} of the cluster at ${ret.brokers} in ${secs(Date.now() - t0)}`);
  return ret;
}

async function stopNode(node, { timeoutMs, quiet }) {
  const pid = readPid(node);
  if (!isOurBroker(pid)) {
    removePidFile(node);
    return false;
  }
  const t0 = Date.now();
  if (!quiet) say(`stopping ${node.cluster ? `broker ${node.id} ` : ''}(pid ${pid})…`);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  while (isAlive(pid) && Date.now() - t0 < timeoutMs) await sleep(200);
  if (isAlive(pid)) {
    if (!quiet) say(`${node.cluster ? `broker ${node.id} ` : ''}did not exit within ${secs(timeoutMs)}; killing it`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    while (isAlive(pid) && Date.now() - t0 < timeoutMs + 5000) await sleep(100);
  }
  removePidFile(node);
  return true;
}

/**
 * Stops every broker started from this checkout, single or cluster, whatever the current setting (never a foreign
 * one): SIGTERM, wait up to `timeoutMs` for a clean shutdown, then SIGKILL. The nodes of a cluster stop together, so
 * each one's controlled shutdown still finds a controller quorum. Idempotent.
 * @param {{timeoutMs?: number, quiet?: boolean, only?: number[]}} [opts] only: these node ids of the current setting
 * @returns {Promise<{stopped: boolean}>} stopped is false if none was running.
 */
export async function stopKafka({ timeoutMs = 30_000, quiet = false, only } = {}) {
  const nodes = only ? brokerNodes().filter((node) => only.includes(node.id)) : everyKnownNode();
  const t0 = Date.now();
  const stopped = await Promise.all(nodes.map((node) => stopNode(node, { timeoutMs, quiet })));
  if (quiet) return { stopped: stopped.some(Boolean) };
  if (stopped.some(Boolean)) say(`stopped in ${secs(Date.now() - t0)}`);
  else {
    const [first] = brokerNodes();
    say(
      first && (await portOpen(first.port))
        ? `not running from this checkout (leaving the other broker at ${HOST}:${first.port} alone)`
        : 'not running',
    );
  }
  return { stopped: stopped.some(Boolean) };
}

/**
 * Stops the brokers and deletes their data (topics, offsets, cluster id). Keeps the jars, so the next start only
 * re-formats storage.
 * @returns {Promise<void>}
 */
export async function resetKafka() {
  await stopKafka();
  for (const node of everyKnownNode()) {
    if (!fs.existsSync(node.data)) continue;
    fs.rmSync(node.data, { recursive: true, force: true });
    say(`deleted ${path.relative(ROOT, node.data)}`);
  }
}
