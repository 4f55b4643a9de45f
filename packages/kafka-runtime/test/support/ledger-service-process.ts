import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventually } from './eventually.js';
import { createLedgerDatabase, createLedgerKafka } from './ledger.js';
import { stackServers } from './stack-servers.js';

const servicePath = fileURLToPath(new URL('./ledger-service.ts', import.meta.url));

/** A fresh ledger database and namespace, and the environment that points a ledger service process at them. */
export async function ledgerServiceSetup(label: string, settings: Record<string, string>) {
  const db = await createLedgerDatabase(label);
  const bus = await createLedgerKafka(label);
  const env = {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: stackServers().kafkaBrokers.join(','),
    KAFKA_NAMESPACE: bus.namespace,
    ...settings,
  };
  return { db, bus, env };
}

/** The ledger service (support/ledger-service.ts) in a process of its own. */
export function spawnLedgerService(env: Record<string, string>, stdio: StdioOptions = 'ignore') {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=source', servicePath], {
    env: { ...process.env, ...env },
    stdio,
  });
}

/** Spawns the ledger service and keeps its output; `ready` settles once it says so, and fails if it exits first. */
export function startLedgerService(env: Record<string, string>) {
  const child = spawnLedgerService(env, ['ignore', 'pipe', 'pipe']);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ready = eventually(async () => output.includes('ledger service ready') || child.exitCode !== null, 60_000, 'service ready').then(() => {
    if (child.exitCode !== null) throw new Error(`ledger service exited early:\n${output}`);
  });
  return { child, ready, output: () => output };
}

/** The exit code of a child process, once it has exited. */
export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
