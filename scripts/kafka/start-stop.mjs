// Starting, stopping and resetting the broker this checkout runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isAlive, isOurBroker, readPid, removePidFile, portOpen } from './broker-process.mjs';
import { writeLog4jConfig, writeServerProperties } from './config-files.mjs';
import { fetchKafka } from './fetch-jars.mjs';
import { checkJava, javaBin, jvmLogArgs } from './java.mjs';
import { CLASSPATH, DATA, HOME, LOG_FILE, PID_FILE, PREV_LOG_FILE, PROPS_FILE, ROOT } from './paths.mjs';
import { brokerPort, controllerPort, HOST } from './settings.mjs';
import { say, secs, sleep } from './shell.mjs';
import { withStartLock } from './start-lock.mjs';
import { kafkaStatus, waitForKafka } from './status.mjs';
import { formatStorageIfNeeded } from './storage.mjs';


/**
 * Starts the broker unless one is already reachable: fetches the jars if needed, formats storage
 * on the very first start, launches the JVM detached (it outlives this process) and, unless
 * `wait: false`, waits until it is ready.
 * @param {{wait?: boolean, timeoutMs?: number}} [opts]
 * @returns {Promise<{started: boolean, external: boolean, pid: number|null, brokers: string}>}
 *   started is false if a broker was already running (ours, or a foreign one on the port).
 */
export async function startKafka({ wait = true, timeoutMs = 60_000 } = {}) {
  const result = await withStartLock(async () => {
    const st = await kafkaStatus();
    if (st.ours) {
      say(`already running (pid ${st.pid}) at ${st.brokers}`);
      return {
        started: false,
        external: false,
        pid: st.pid,
        brokers: st.brokers,
        ready: st.state === 'running',
      };
    }
    if (st.state === 'external') {
      say(
        `${st.brokers} is already in use by a process not started from this checkout; using the existing broker there`,
      );
      return { started: false, external: true, pid: null, brokers: st.brokers, ready: true };
    }
    const port = brokerPort();
    const ctrlPort = controllerPort();
    if (port === ctrlPort)
      throw new Error(`KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ (both ${port})`);
    if (await portOpen(ctrlPort)) {
      throw new Error(
        `controller port ${HOST}:${ctrlPort} is in use by another process; free it or set KAFKA_CONTROLLER_PORT`,
      );
    }

    checkJava();
    await fetchKafka();
    fs.mkdirSync(HOME, { recursive: true });
    writeServerProperties(port, ctrlPort);
    writeLog4jConfig();
    await formatStorageIfNeeded();

    // Keep the previous run's log for post-mortems; a fresh log also means READY_TEXT refers to this run.
    if (fs.existsSync(LOG_FILE)) fs.renameSync(LOG_FILE, PREV_LOG_FILE);
    const out = fs.openSync(LOG_FILE, 'a');
    const child = spawn(
      javaBin(),
      ['-Xms512m', '-Xmx512m', ...jvmLogArgs(), '-cp', CLASSPATH, 'kafka.Kafka', PROPS_FILE],
      { cwd: HOME, detached: true, stdio: ['ignore', out, out] },
    );
    fs.closeSync(out);
    const spawnError = await new Promise((resolve) => {
      child.once('error', resolve);
      child.once('spawn', () => resolve(null));
    });
    if (spawnError) throw new Error(`could not launch java: ${spawnError.message}`);
    child.unref();
    fs.writeFileSync(PID_FILE, `${child.pid}\n`);
    return {
      started: true,
      external: false,
      pid: child.pid,
      brokers: `${HOST}:${port}`,
      ready: false,
    };
  });

  const { ready, ...ret } = result;
  if (!wait || (ready && !ret.started)) return ret;
  const t0 = Date.now();
  try {
    await waitForKafka(timeoutMs);
  } catch (e) {
    // Do not leave a half-started broker behind.
    if (ret.started && isOurBroker(ret.pid)) await stopKafka({ quiet: true });
    throw e;
  }
  if (ret.started) say(`started (pid ${ret.pid}) at ${ret.brokers} in ${secs(Date.now() - t0)}`);
  else say('ready');
  return ret;
}


/**
 * Stops the broker started from this checkout (never a foreign one): SIGTERM, wait up to
 * `timeoutMs` for a clean shutdown, then SIGKILL. Idempotent.
 * @param {{timeoutMs?: number, quiet?: boolean}} [opts]
 * @returns {Promise<{stopped: boolean}>} stopped is false if it was not running.
 */
export async function stopKafka({ timeoutMs = 30_000, quiet = false } = {}) {
  const pid = readPid();
  if (!isOurBroker(pid)) {
    removePidFile();
    if (!quiet) {
      const port = brokerPort();
      say(
        (await portOpen(port))
          ? `not running from this checkout (leaving the other broker at ${HOST}:${port} alone)`
          : 'not running',
      );
    }
    return { stopped: false };
  }
  const t0 = Date.now();
  if (!quiet) say(`stopping (pid ${pid})…`);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  while (isAlive(pid) && Date.now() - t0 < timeoutMs) await sleep(200);
  if (isAlive(pid)) {
    if (!quiet) say(`did not exit within ${secs(timeoutMs)}; killing it`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    while (isAlive(pid) && Date.now() - t0 < timeoutMs + 5000) await sleep(100);
  }
  removePidFile();
  if (!quiet) say(`stopped in ${secs(Date.now() - t0)}`);
  return { stopped: true };
}

/**
 * Stops the broker and deletes its data (topics, offsets, cluster id). Keeps the jars, so the
 * next start only re-formats storage.
 * @returns {Promise<void>}
 */
export async function resetKafka() {
  await stopKafka();
  fs.rmSync(DATA, { recursive: true, force: true });
  say(`deleted ${path.relative(ROOT, DATA)}`);
}
