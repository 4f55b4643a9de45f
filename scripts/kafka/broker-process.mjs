// A broker process this checkout started: its pid file, liveness, ports and log. Every function takes the node
// (scripts/kafka/settings.mjs brokerNodes) whose files it reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from './paths.mjs';
import { brokerNodes, HOST } from './settings.mjs';
import { tail } from './shell.mjs';

/** Logged by kafka.server.KafkaRaftServer once the broker and controller are fully up. */
export const READY_TEXT = 'Kafka Server started';

export function readPid(node) {
  try {
    const pid = Number(fs.readFileSync(node.pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The pid of the (first) broker this checkout runs, or null when none runs (the bench reads its CPU time). */
export function brokerPid() {
  const [first] = brokerNodes();
  const pid = first ? readPid(first) : null;
  return isOurBroker(pid) ? pid : null;
}

/** node id -> pid of every broker of the current setting that runs from this checkout (the chaos run kills one). */
export function brokerPids() {
  const pids = new Map();
  for (const node of brokerNodes()) {
    const pid = readPid(node);
    if (isOurBroker(pid)) pids.set(node.id, pid);
  }
  return pids;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** True if `pid` is alive and is a Kafka broker JVM (guards against pid reuse after a reboot). */
export function isOurBroker(pid) {
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

export function removePidFile(node) {
  fs.rmSync(node.pidFile, { force: true });
}

/** Resolves true if something accepts TCP connections on host:port. */
export function portOpen(port, host = HOST, timeoutMs = 1000) {
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

/** Ports from the server.properties a running broker was started with (may differ from the current env). */
export function configuredPorts(node) {
  try {
    const props = fs.readFileSync(node.propsFile, 'utf8');
    const listeners = props.match(/^listeners=(.*)$/m)?.[1] ?? '';
    const broker = Number(listeners.match(/PLAINTEXT:\/\/[^:,]+:(\d+)/)?.[1]);
    const controller = Number(listeners.match(/CONTROLLER:\/\/[^:,]+:(\d+)/)?.[1]);
    if (broker && controller) return { broker, controller };
  } catch {
    // fall through
  }
  return null;
}

export function readLog(node) {
  try {
    return fs.readFileSync(node.logFile, 'utf8');
  } catch {
    return '';
  }
}

export function logTail(node, n = 20) {
  try {
    const t = tail(fs.readFileSync(node.logFile, 'utf8'), n);
    return t
      ? `--- last ${n} lines of ${path.relative(ROOT, node.logFile)} ---\n${t}`
      : '(broker log is empty)';
  } catch {
    return '(no broker log)';
  }
}
