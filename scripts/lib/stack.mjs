import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { localDir, repoRoot } from './paths.mjs';
import { databaseUrl } from './settings.mjs';
import { run, say, StepError } from './run.mjs';
import { stopProcess } from './stop-process.mjs';

export { stopProcess };

const serviceApps = ['auth', 'order', 'payment', 'notification'];

/** Local-only seed accounts (the README gives them); never used outside a developer machine or a test run. */
export const localAccounts = {
  admin: { email: 'admin@food.local', password: 'admin-local-2026' },
  customer: { email: 'customer@food.local', password: 'customer-local-2026' },
};

/** Services that run twice in the test stack, to prove consumer-group scale-out and live-feed fan-out. */
const secondInstanceInTest = ['payment', 'notification'];
const secondInstancePortShift = 10;

async function contracts() {
  return import('@food/contracts');
}

/** Ports and addresses of the stack's processes, moved by the settings' port offset. */
function addressesOf(settings, defaultPorts) {
  const port = (name) => defaultPorts[name] + settings.portOffset;
  const url = (name) => `http://${settings.host}:${port(name)}`;
  return { port, url };
}

/** What every process of the stack is given: secrets, Redis, Kafka, and where auth publishes its keys. */
function commonEnv(settings, secrets, { url }) {
  return {
    ...secrets,
    HOST: settings.host,
    REDIS_URL: settings.redisUrl,
    KAFKA_BROKERS: settings.kafkaBrokers,
    KAFKA_NAMESPACE: settings.kafkaNamespace,
    KAFKA_TOPIC_RETENTION_HOURS: String(settings.topicRetentionHours),
    // Handed on when set (the bench's partition experiments); each service's own default otherwise.
    ...(process.env.KAFKA_CONSUMER_CONCURRENCY ? { KAFKA_CONSUMER_CONCURRENCY: process.env.KAFKA_CONSUMER_CONCURRENCY } : {}),
    AUTH_JWKS_URL: `${url('auth')}/.well-known/jwks.json`,
  };
}

/** The four services (auth seeded with the local accounts), and in test mode the second instances. */
function serviceProcesses(settings, common, { port }, databaseNames) {
  const serviceProcess = (name, instance = 1) => {
    const instancePort = port(name) + (instance - 1) * secondInstancePortShift;
    return {
      name: instance === 1 ? name : `${name}-${instance}`,
      service: name,
      cwd: path.join(repoRoot, 'apps', name),
      command: process.execPath,
      args: ['dist/main.js'],
      url: `http://${settings.host}:${instancePort}`,
      healthPath: `/trpc/${name}.health`,
      env: { ...common, PORT: String(instancePort), DATABASE_URL: databaseUrl(settings, databaseNames[name]) },
    };
  };
  const services = serviceApps.map((name) => serviceProcess(name));
  services[0].env = {
    ...services[0].env,
    BOOTSTRAP_ADMIN_EMAIL: localAccounts.admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: localAccounts.admin.password,
    DEMO_CUSTOMER_EMAIL: localAccounts.customer.email,
    DEMO_CUSTOMER_PASSWORD: localAccounts.customer.password,
    LOGIN_THROTTLE_KEY_PREFIX: `${settings.mode}${settings.kafkaNamespace}:auth:login-throttle:`,
    // All end-to-end traffic reaches auth from 127.0.0.1; the throttle itself is tested in apps/auth.
    ...(settings.mode === 'test' ? { LOGIN_FAILURES_PER_CLIENT_IP: '10000' } : {}),
  };
  const extraInstances = settings.mode === 'test' ? secondInstanceInTest.map((name) => serviceProcess(name, 2)) : [];
  return { services, extraInstances };
}

function gatewayProcess(settings, common, { port, url }) {
  return {
    name: 'gateway',
    cwd: path.join(repoRoot, 'apps', 'gateway'),
    command: process.execPath,
    args: ['dist/main.js'],
    url: url('gateway'),
    healthPath: '/health',
    env: {
      ...common,
      PORT: String(port('gateway')),
      RATE_LIMIT_KEY_PREFIX: `${settings.mode}${settings.kafkaNamespace}:gateway:rate-limit:`,
      // Every end-to-end test comes from 127.0.0.1; the limits themselves are tested in apps/gateway.
      ...(settings.mode === 'test' ? { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '5000' } : {}),
      AUTH_URL: url('auth'),
      ORDER_URL: url('order'),
      PAYMENT_URL: url('payment'),
      NOTIFICATION_URL: url('notification'),
    },
  };
}

/**
 * The local address the web balancer connects to the instances from, the one address they trust to report the
 * client's (WEB_TRUSTED_PROXIES): on one host every process is 127.0.0.1, and a client that calls an instance
 * directly must not be taken for the balancer. Linux routes all of 127.0.0.0/8 to the loopback interface.
 */
const webBalancerSourceAddress = '127.0.0.2';

/** The web console, and in test mode a second instance behind the same public address. */
function webProcesses(settings, common, { port, url }) {
  const web = {
    name: 'web',
    cwd: path.join(repoRoot, 'apps', 'web'),
    command: process.execPath,
    // server.mjs is `next start` plus one thing: X-Forwarded-For is the address it can vouch for, never the client's claim.
    args: ['server.mjs', '--port', String(port('web')), '--hostname', settings.host],
    url: url('web'),
    healthPath: '/',
    env: {
      ...common,
      PORT: String(port('web')),
      GATEWAY_URL: url('gateway'),
      NEXTAUTH_URL: url('web'),
      // The browser test of token refresh needs every request to refresh (the access token lives 15 minutes).
      ...(settings.mode === 'test'
        ? { WEB_ACCESS_TOKEN_REFRESH_MARGIN_SECONDS: '899', WEB_TRUSTED_PROXIES: webBalancerSourceAddress }
        : {}),
    },
  };
  // For the test that refreshes through one web instance and then the other: refresh rotations are shared through
  // Redis, so no sticky sessions are needed.
  const secondWeb =
    settings.mode === 'test'
      ? {
          ...web,
          name: 'web-2',
          args: ['server.mjs', '--port', String(port('web') + secondInstancePortShift), '--hostname', settings.host],
          url: `http://${settings.host}:${port('web') + secondInstancePortShift}`,
          env: { ...web.env, PORT: String(port('web') + secondInstancePortShift) },
        }
      : undefined;
  // The one address in front of both (round robin, no affinity): a deployment's ingress, here a small process.
  const webBalancer =
    secondWeb && {
      name: 'web-balancer',
      cwd: repoRoot,
      command: process.execPath,
      args: [
        path.join(repoRoot, 'scripts', 'web-balancer', 'main.mjs'),
        '--port',
        String(port('web') + 2 * secondInstancePortShift),
        '--hostname',
        settings.host,
        ...[web, secondWeb].flatMap((instance) => ['--upstream', `${instance.name}=${instance.url}`]),
        '--source-address',
        webBalancerSourceAddress,
      ],
      url: `http://${settings.host}:${port('web') + 2 * secondInstancePortShift}`,
      healthPath: '/healthz',
      env: {},
    };
  return { web, secondWeb, webBalancer };
}

/** The processes of the stack with their ports and environment. */
export async function stackPlan(settings, secrets) {
  const { defaultPorts, databaseNames } = await contracts();
  const addresses = addressesOf(settings, defaultPorts);
  const common = commonEnv(settings, secrets, addresses);
  const { services, extraInstances } = serviceProcesses(settings, common, addresses, databaseNames);
  const gateway = gatewayProcess(settings, common, addresses);
  const { web, secondWeb, webBalancer } = webProcesses(settings, common, addresses);
  return { services, gateway, web, secondWeb, webBalancer, all: [...services, ...extraInstances, gateway, web] };
}

/** Applies every service's migrations to its database (creating the database first). */
export async function migrateAll(plan) {
  await Promise.all(
    plan.services.map((service) =>
      run(process.execPath, ['dist/migrate.js'], { cwd: service.cwd, env: { ...process.env, ...service.env, LOG_LEVEL: 'warn' } }),
    ),
  );
}

/** Waits until a started process answers its health path; fails at once if it exits. */
// Three minutes: on a loaded two-core machine a Next.js server has taken more than one to answer its first request.
export async function waitForHealth(processInfo, child, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new StepError(`${processInfo.name} exited with code ${child.exitCode}; see ${processInfo.logFile}`);
    }
    try {
      const response = await fetch(processInfo.url + processInfo.healthPath, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500 || processInfo.name === 'gateway') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StepError(`${processInfo.name} did not answer ${processInfo.url}${processInfo.healthPath} within ${timeoutMs / 1000} s`);
}

/**
 * Waits until every service instance's health says "ok" (its consumer groups joined, its relay and stores running),
 * and returns when that was; undefined when one is still not ok at the deadline (the tests then show which).
 */
export async function waitUntilServicesOk(processes, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  const isOk = async (info) => {
    const answer = await fetch(info.url + info.healthPath, { signal: AbortSignal.timeout(2000) })
      .then((response) => response.json())
      .catch(() => undefined);
    return answer?.result?.data?.status === 'ok';
  };
  const services = processes.filter((info) => info.service);
  while (Date.now() < deadline) {
    const answers = await Promise.all(services.map(isOk));
    if (answers.every(Boolean)) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

/** Spawns one process of the stack, its output appended to `<logDir>/<name>.log` (or inherited). */
export function launchProcess(info, { logDir, inheritOutput = false }) {
  const logFile = path.join(logDir, `${info.name}.log`);
  const child = spawn(info.command, info.args, {
    cwd: info.cwd,
    env: { ...process.env, ...info.env },
    stdio: inheritOutput ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
  });
  if (!inheritOutput) {
    const log = createWriteStream(logFile, { flags: 'a' });
    // Two streams into one file: neither may end it (the other could still write, and a write after the end is
    // an 'error' that ends this script). It ends when the child's streams have both closed.
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once('close', () => log.end());
    log.on('error', () => undefined); // a log line lost is not worth stopping the stack for
  }
  return { info: { ...info, logFile }, child };
}

export function stackLogDir(mode) {
  const logDir = path.join(localDir, 'logs', mode);
  mkdirSync(logDir, { recursive: true });
  return logDir;
}

/** Fails with one clear line when a process's port is already taken (a stack left running elsewhere). */
export async function assertPortsFree(processes) {
  const net = await import('node:net');
  for (const info of processes) {
    const { hostname, port } = new URL(info.url);
    const taken = await new Promise((resolve) => {
      const socket = net.connect({ host: hostname, port: Number(port) });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (taken) {
      throw new StepError(`port ${port} (for ${info.name}) is already in use: is another stack still running? (ss -ltnp | grep ${port})`);
    }
  }
}

/**
 * Starts each process with its output in .local/logs/<mode>/<name>.log (or inherited when `inheritOutput`),
 * waits until each answers, and returns a handle that stops them all with SIGTERM.
 */
export async function startProcesses(processes, { mode, inheritOutput = false }) {
  await assertPortsFree(processes);
  const logDir = stackLogDir(mode);
  for (const info of processes) rmSync(path.join(logDir, `${info.name}.log`), { force: true });
  const running = [];
  const stop = () => Promise.all(running.map(({ child }) => stopProcess(child)));
  try {
    for (const info of processes) running.push(launchProcess(info, { logDir, inheritOutput }));
    await Promise.all(running.map(({ info, child }) => waitForHealth(info, child)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { running, stop };
}

export function describeUrls(plan) {
  for (const info of plan.all) say(`  ${info.name.padEnd(13)} ${info.url}`);
}
