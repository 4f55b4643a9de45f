#!/usr/bin/env node
// Manages a real single-node Apache Kafka broker (KRaft mode, no ZooKeeper) for local
// development and tests. Dependency-free: Node builtins only.
//
//   node scripts/kafka.mjs fetch    download the broker jars via Maven (first run only)
//   node scripts/kafka.mjs start    fetch if needed, format storage on first start, start, wait until ready
//   node scripts/kafka.mjs status   running / starting / stopped / using an existing broker
//   node scripts/kafka.mjs wait     wait until the broker is ready (default 60 s)
//   node scripts/kafka.mjs stop     SIGTERM, wait up to 30 s, then SIGKILL
//   node scripts/kafka.mjs reset    stop and delete the data dir (keeps the jars)
//
// Everything lives under <repo>/.local/kafka (git-ignored). Env: KAFKA_PORT (default 9092),
// KAFKA_CONTROLLER_PORT (default 9093). Requires Java 17+ and Maven (`mvn`) on PATH.

import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POM = path.join(ROOT, 'infra', 'kafka', 'pom.xml');
const HOME = path.join(ROOT, '.local', 'kafka');
const LIBS = path.join(HOME, 'libs');
const LIBS_MARKER = path.join(LIBS, '.fetched');
const DATA = path.join(HOME, 'data');
const PID_FILE = path.join(HOME, 'broker.pid');
const LOG_FILE = path.join(HOME, 'broker.log');
const PREV_LOG_FILE = path.join(HOME, 'broker.prev.log');
const PROPS_FILE = path.join(HOME, 'server.properties');
const LOG4J_FILE = path.join(HOME, 'log4j2.properties');
const LOCK_FILE = path.join(HOME, 'start.lock');
const CLASSPATH = `${LIBS}${path.sep}*`;

const HOST = '127.0.0.1';
/** Logged by kafka.server.KafkaRaftServer once the broker and controller are fully up. */
const READY_TEXT = 'Kafka Server started';
const MIN_JAVA = 17;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (msg) => console.log(`kafka: ${msg}`);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

function envPort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${name} must be a TCP port number, got "${raw}"`);
  }
  return n;
}
const brokerPort = () => envPort('KAFKA_PORT', 9092);
const controllerPort = () => envPort('KAFKA_CONTROLLER_PORT', 9093);

// ---------------------------------------------------------------------------------------------
// small helpers

/** Runs a command, collecting output. Resolves {code, stdout, stderr}; code -1 + error if it could not start. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let child;
    try {
      child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    } catch (error) {
      resolve({ code: -1, stdout, stderr, error });
      return;
    }
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error) => resolve({ code: -1, stdout, stderr, error }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function tail(text, n = 20) {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

function logTail(n = 20) {
  try {
    const t = tail(fs.readFileSync(LOG_FILE, 'utf8'), n);
    return t
      ? `--- last ${n} lines of ${path.relative(ROOT, LOG_FILE)} ---\n${t}`
      : '(broker log is empty)';
  } catch {
    return '(no broker log)';
  }
}

function javaBin() {
  const home = process.env.JAVA_HOME;
  if (home) {
    const bin = path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (fs.existsSync(bin)) return bin;
  }
  return 'java';
}

/** Throws one clear line unless `java` is 17+. */
function checkJava() {
  const res = spawnSync(javaBin(), ['-version'], { encoding: 'utf8' });
  if (res.error) {
    throw new Error(
      `Java ${MIN_JAVA}+ is needed to run Kafka, but \`java\` was not found on PATH (install e.g. openjdk-17-jre-headless)`,
    );
  }
  const out = `${res.stderr}${res.stdout}`;
  const m = out.match(/version "(\d+)(?:\.(\d+))?/);
  if (!m)
    throw new Error(
      `could not determine the Java version from \`java -version\`: ${out.split('\n')[0]}`,
    );
  const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
  if (major < MIN_JAVA) {
    throw new Error(
      `Java ${MIN_JAVA}+ is needed to run Kafka, but \`java\` is version ${major} (set JAVA_HOME or PATH to a newer JDK)`,
    );
  }
  return major;
}

function readPid() {
  try {
    const pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The pid of the broker this checkout runs, or null when none runs (the bench reads its CPU time). */
export function brokerPid() {
  const pid = readPid();
  return isOurBroker(pid) ? pid : null;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** True if `pid` is alive and is a Kafka broker JVM (guards against pid reuse after a reboot). */
function isOurBroker(pid) {
  if (!pid || !isAlive(pid)) return false;
  let cmdline = null;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    if (!ps.error && ps.status === 0) cmdline = ps.stdout;
  }
  // If we cannot inspect the command line, trust the pid file.
  return cmdline === null || cmdline.includes('kafka.Kafka');
}

function removePidFile() {
  fs.rmSync(PID_FILE, { force: true });
}

/** Resolves true if something accepts TCP connections on host:port. */
function portOpen(port, host = HOST, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Ports from the server.properties our running broker was started with (may differ from the current env). */
function configuredPorts() {
  try {
    const props = fs.readFileSync(PROPS_FILE, 'utf8');
    const listeners = props.match(/^listeners=(.*)$/m)?.[1] ?? '';
    const broker = Number(listeners.match(/PLAINTEXT:\/\/[^:,]+:(\d+)/)?.[1]);
    const controller = Number(listeners.match(/CONTROLLER:\/\/[^:,]+:(\d+)/)?.[1]);
    if (broker && controller) return { broker, controller };
  } catch {
    // fall through
  }
  return null;
}

function readLog() {
  try {
    return fs.readFileSync(LOG_FILE, 'utf8');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// fetch

function pomInfo() {
  let pom;
  try {
    pom = fs.readFileSync(POM, 'utf8');
  } catch {
    throw new Error(`missing ${path.relative(ROOT, POM)}`);
  }
  const version = pom.match(/<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/)?.[1];
  const scala = pom.match(/<artifactId>\s*kafka_(\d+\.\d+)\s*<\/artifactId>/)?.[1];
  if (!version || !scala)
    throw new Error(`could not read the Kafka version from ${path.relative(ROOT, POM)}`);
  const hash = crypto.createHash('sha256').update(pom).digest('hex');
  return { version, scala, jar: `kafka_${scala}-${version}.jar`, hash };
}

function jarsUpToDate(info = pomInfo()) {
  if (!fs.existsSync(path.join(LIBS, info.jar))) return false;
  try {
    return fs.readFileSync(LIBS_MARKER, 'utf8').trim() === info.hash;
  } catch {
    return false;
  }
}

/**
 * Downloads the broker jars (Kafka + log4j) into .local/kafka/libs with Maven, unless they are
 * already there for the current infra/kafka/pom.xml (a marker holds the pom's hash, so a version
 * bump refetches).
 * @param {{force?: boolean}} [opts]
 * @returns {Promise<{fetched: boolean, version: string}>}
 */
export async function fetchKafka({ force = false } = {}) {
  const info = pomInfo();
  if (!force && jarsUpToDate(info)) return { fetched: false, version: info.version };

  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8', cwd: ROOT });
  if (mvn.error) {
    throw new Error(
      'Java 17+ and Maven (`mvn`) are needed to fetch the Kafka broker jars; install them (e.g. apt-get install openjdk-17-jdk-headless maven) and retry',
    );
  }
  checkJava();
  if (fs.existsSync(LIBS) && isOurBroker(readPid())) {
    throw new Error(
      'the broker jars need refetching but the broker is running; run `node scripts/kafka.mjs stop` first',
    );
  }

  const why = fs.existsSync(LIBS) ? `${path.relative(ROOT, POM)} changed` : 'first run only';
  say(`fetching broker jars for Kafka ${info.version} (${why})…`);
  const t0 = Date.now();
  const tmp = `${LIBS}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(HOME, { recursive: true });
  const res = await run('mvn', [
    '-q',
    '-B',
    '-f',
    POM,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${tmp}`,
    '-DincludeScope=runtime',
  ]);
  if (res.code !== 0 || !fs.existsSync(path.join(tmp, info.jar))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const detail = tail(`${res.stdout}\n${res.stderr}`, 20);
    throw new Error(
      `Maven could not fetch the Kafka jars (exit ${res.code})${detail ? `\n${detail}` : ''}`,
    );
  }
  fs.writeFileSync(path.join(tmp, '.fetched'), `${info.hash}\n`);
  fs.rmSync(LIBS, { recursive: true, force: true });
  fs.renameSync(tmp, LIBS);
  say(
    `fetched ${fs.readdirSync(LIBS).filter((f) => f.endsWith('.jar')).length} jars in ${secs(Date.now() - t0)}`,
  );
  return { fetched: true, version: info.version };
}

// ---------------------------------------------------------------------------------------------
// config files

function writeServerProperties(port, ctrlPort) {
  const props = [
    '# Generated by scripts/kafka.mjs on every start; edits here are overwritten.',
    '# Single-node KRaft: this one process is both broker and controller.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${ctrlPort}`,
    `listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${ctrlPort}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${DATA}`,
    'num.partitions=3',
    '# The defaults for the internal topics assume a 3-broker cluster (replication factor 3).',
    '# On a single broker __consumer_offsets / __transaction_state / __share_group_state can then',
    '# never be created, so a consumer group never finds its coordinator (and transactional or',
    '# share-group clients hang). Everything internal is therefore replicated once.',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    '# Let the first consumer of a group start right away instead of after 3 s.',
    'group.initial.rebalance.delay.ms=0',
    '# Topics are created explicitly (admin createTopics); a typo must not silently create one.',
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
  fs.writeFileSync(PROPS_FILE, props);
}

function writeLog4jConfig() {
  // Console appender: the broker's stdout/stderr are redirected to broker.log, so there is a single
  // writer. Kafka logs a lot at INFO (several lines per partition, i.e. 50+ for __consumer_offsets
  // alone); keep its loggers at WARN except the line that says it is up.
  const config = [
    '# Generated by scripts/kafka.mjs on every start.',
    'status = warn',
    // Let Kafka's own shutdown hook log its clean shutdown instead of log4j stopping first.
    'shutdownHook = disable',
    'appender.console.type = Console',
    'appender.console.name = STDOUT',
    'appender.console.layout.type = PatternLayout',
    'appender.console.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = INFO',
    'rootLogger.appenderRef.stdout.ref = STDOUT',
    'logger.kafka.name = kafka',
    'logger.kafka.level = WARN',
    'logger.apache.name = org.apache.kafka',
    'logger.apache.level = WARN',
    'logger.statechange.name = state.change.logger',
    'logger.statechange.level = WARN',
    // "Kafka Server started" / "Kafka Server shutdown" come from here; wait() looks for the former.
    'logger.raftserver.name = kafka.server.KafkaRaftServer',
    'logger.raftserver.level = INFO',
    '',
  ].join('\n');
  fs.writeFileSync(LOG4J_FILE, config);
}

const jvmLogArgs = () => [`-Dlog4j2.configurationFile=${LOG4J_FILE}`, '-Djava.awt.headless=true'];

async function formatStorageIfNeeded() {
  if (fs.existsSync(path.join(DATA, 'meta.properties'))) return false;
  say('formatting storage (first start)…');
  const java = javaBin();
  const uuid = await run(java, [
    ...jvmLogArgs(),
    '-cp',
    CLASSPATH,
    'kafka.tools.StorageTool',
    'random-uuid',
  ]);
  const clusterId = uuid.stdout.trim().split('\n').pop()?.trim();
  if (uuid.code !== 0 || !clusterId) {
    throw new Error(
      `kafka StorageTool random-uuid failed (exit ${uuid.code})\n${tail(`${uuid.stdout}\n${uuid.stderr}`)}`,
    );
  }
  fs.mkdirSync(DATA, { recursive: true });
  // No --standalone: it is rejected together with the static controller.quorum.voters.
  const fmt = await run(java, [
    ...jvmLogArgs(),
    '-cp',
    CLASSPATH,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    PROPS_FILE,
  ]);
  if (fmt.code !== 0) {
    throw new Error(
      `kafka StorageTool format failed (exit ${fmt.code})\n${tail(`${fmt.stdout}\n${fmt.stderr}`)}`,
    );
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// status

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

// ---------------------------------------------------------------------------------------------
// wait

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

// ---------------------------------------------------------------------------------------------
// start lock: keeps two concurrent `start`s (e.g. npm start + npm test) from spawning two brokers

async function withStartLock(fn) {
  fs.mkdirSync(HOME, { recursive: true });
  const deadline = Date.now() + 600_000; // the holder may be downloading jars
  for (;;) {
    try {
      fs.writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(LOCK_FILE, 'utf8').trim() || 0);
      if (!holder || !isAlive(holder)) {
        fs.rmSync(LOCK_FILE, { force: true }); // stale lock from a crashed run
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(
          `another kafka.mjs (pid ${holder}) holds ${path.relative(ROOT, LOCK_FILE)}`,
        );
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK_FILE, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// start

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

// ---------------------------------------------------------------------------------------------
// stop / reset

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

// ---------------------------------------------------------------------------------------------
// CLI

async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'fetch': {
      const { fetched, version } = await fetchKafka({ force: rest.includes('--force') });
      if (!fetched) say(`broker jars for Kafka ${version} already present`);
      return 0;
    }
    case 'start':
      await startKafka();
      return 0;
    case 'stop':
      await stopKafka();
      return 0;
    case 'status': {
      const st = await kafkaStatus();
      const text = {
        running: `running (pid ${st.pid}) at ${st.brokers}`,
        starting: `starting (pid ${st.pid}), ${st.brokers} not accepting connections yet`,
        external: `${st.brokers} is served by a process not started from this checkout; using the existing broker there`,
        stopped: 'stopped',
      }[st.state];
      say(text);
      return st.state === 'stopped' ? 1 : 0;
    }
    case 'wait': {
      const ms = rest[0] ? Number(rest[0]) * 1000 : 60_000;
      if (!Number.isFinite(ms) || ms <= 0)
        throw new Error(`usage: node scripts/kafka.mjs wait [timeout-seconds]`);
      const { external } = await waitForKafka(ms);
      const st = await kafkaStatus();
      say(external ? `using the existing broker at ${st.brokers}` : `ready at ${st.brokers}`);
      return 0;
    }
    case 'reset':
      await resetKafka();
      return 0;
    default:
      console.error('usage: node scripts/kafka.mjs <fetch|start|stop|status|wait|reset>');
      return 2;
  }
}

function invokedDirectly() {
  if (!process.argv[1]) return false;
  let script = path.resolve(process.argv[1]);
  try {
    script = fs.realpathSync(script); // import.meta.url is the real path, argv[1] may be a symlink
  } catch {
    // keep the resolved path
  }
  return import.meta.url === pathToFileURL(script).href;
}
const isMain = invokedDirectly();
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`kafka: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
