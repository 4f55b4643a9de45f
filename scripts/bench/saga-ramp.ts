// The saga under steady load: the load generator (a process of its own) places orders at a rate, and this waits
// until every accepted order is terminal, reading the CPU every measured process used over that window.
import { spawn } from 'node:child_process';
import type pg from 'pg';
import type { cpuMeter } from './process-cpu.js';

export interface LoadRequest {
  gatewayUrl: string;
  email: string;
  password: string;
  rate: number;
  seconds: number;
}

interface LoadResult {
  offered: number;
  ids: string[];
  refused: Record<string, number>;
  overloaded: Record<string, number>;
  placingMs: number;
  answeredMs: number;
  achievedRate: number;
  createP50Ms: number;
  createP99Ms: number;
  cpuMs: number;
}

export interface SagaRun {
  rate: number;
  orders: number;
  achievedRate: number;
  finished: number;
  confirmed: number;
  median: number;
  p99: number;
  createP50Ms: number;
  createP99Ms: number;
  /** Answers other than an order after the client's retries, by HTTP status ("500" would be a defect). */
  refused: Record<string, number>;
  /** Overload answers (503/429 with Retry-After) the client got and retried. */
  overloaded: Record<string, number>;
  sustained: boolean;
  windowSeconds: number;
  /** CPU milliseconds per confirmed order, per measured process and the load generator. */
  cpuMsPerOrder: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

function runLoadGenerator(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', 'scripts/bench/load-generator.ts', JSON.stringify(request)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.trim().split('\n').at(-1);
      if (code !== 0 || !line) reject(new Error(`the load generator exited with ${code}`));
      else resolve(JSON.parse(line) as LoadResult);
    });
  });
}

interface Terminal {
  ms: number;
  status: string;
}

async function terminalOrders(orderDb: pg.Pool, ids: string[]): Promise<Terminal[]> {
  const { rows } = await orderDb.query<Terminal>(
    `SELECT extract(epoch FROM updated_at - created_at) * 1000 AS ms, status FROM customer_order
     WHERE id = ANY($1::uuid[]) AND status <> 'PENDING_PAYMENT'`,
    [ids],
  );
  return rows.map((row) => ({ ms: Number(row.ms), status: row.status }));
}

/**
 * One step of the ramp. Sustained: every accepted order terminal, the accepted rate at least 90% of the offered,
 * and the saga's p99 (create to terminal) under a second.
 */
export async function sagaAtRate(options: {
  load: LoadRequest;
  orderDb: pg.Pool;
  meter: ReturnType<typeof cpuMeter>;
  drainTimeoutMs?: number;
}): Promise<SagaRun> {
  const { load, orderDb, meter } = options;
  meter.start();
  const placed = await runLoadGenerator(load);
  const deadline = Date.now() + (options.drainTimeoutMs ?? 60_000);
  let rows: Terminal[] = [];
  while (Date.now() < deadline) {
    rows = await terminalOrders(orderDb, placed.ids);
    if (rows.length === placed.ids.length) break;
    await sleep(200);
  }
  const window = meter.read();
  const confirmed = rows.filter((row) => row.status === 'CONFIRMED').length;
  const perOrder = (ms: number) => ms / Math.max(1, confirmed);
  const cpuMsPerOrder: Record<string, number> = { 'load generator': perOrder(placed.cpuMs) };
  for (const [name, ms] of Object.entries(window.cpuMs)) cpuMsPerOrder[name] = perOrder(ms);
  const latency = summarize(rows.map((row) => row.ms));
  const finished = rows.length;
  return {
    rate: load.rate,
    orders: placed.ids.length,
    achievedRate: placed.achievedRate,
    finished,
    confirmed,
    ...latency,
    createP50Ms: placed.createP50Ms,
    createP99Ms: placed.createP99Ms,
    refused: placed.refused,
    overloaded: placed.overloaded,
    sustained:
      placed.ids.length > 0 &&
      finished === placed.ids.length &&
      placed.achievedRate >= load.rate * 0.9 &&
      latency.p99 < 1000,
    windowSeconds: window.wallMs / 1000,
    cpuMsPerOrder,
  };
}
