// The bench's table, made from its results JSON, and its place in the README (between two marker comments).
import { readFileSync, writeFileSync } from 'node:fs';
import type { SagaRun } from './saga-ramp.js';

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const start = '<!-- bench-table:start -->';
const end = '<!-- bench-table:end -->';

interface Latency {
  requestsPerSecond: number;
  median: number;
  p99: number;
}

interface BenchResults {
  gatewayOverhead?: { direct: Latency; viaGateway: Latency; keptShare: number };
  kafkaFloorVsSaga?: {
    hop: { median: number; p99: number };
    saga: SagaRun[];
    highestSustainedOrdersPerSecond: number;
  };
  nodeCpuMsPerOrder?: number;
  brokerCpuMsPerOrder?: number;
  cpuMsPerOrderByProcess?: Record<string, number>;
  idleCpuPercentOfCore?: Record<string, number>;
  overload?: { rate: number; accepted: number; overloadAnswers: Record<string, number>; refused: Record<string, number>; finished: number };
  outboxRelayVsRawProducer?: { relayEventsPerSecond: number; rawProducerEventsPerSecond: number; fractionOfBare: number };
  idempotentVsPlainConsumer?: { idempotentEventsPerSecond: number; plainEventsPerSecond: number; fractionOfBare: number };
  memory?: { loadRate: number; processes: Record<string, { idleMiB: number; underLoadMiB: number }> };
}

const latency = (value: Latency) => `${value.requestsPerSecond} req/s, p50 ${round(value.median)} ms, p99 ${round(value.p99)} ms`;

export function renderTable(raw: Record<string, unknown>): string {
  const results = raw as BenchResults;
  const rows: string[] = ['| measure | value | baseline | ratio |', '| --- | --- | --- | --- |'];
  const gateway = results.gatewayOverhead;
  if (gateway) {
    rows.push(
      `| order.list through the gateway vs direct (20 concurrent) | ${latency(gateway.viaGateway)} | ${latency(gateway.direct)} | keeps ${gateway.keptShare} of direct throughput |`,
    );
  }
  const saga = results.kafkaFloorVsSaga;
  if (saga) {
    const hop = saga.hop.median;
    rows.push(`| Kafka hop, produce -> consume (floor) | p50 ${round(hop, 2)} ms, p99 ${round(saga.hop.p99, 2)} ms | | |`);
    for (const run of saga.saga) {
      const refused = Object.entries(run.refused).map(([status, count]) => `${count} × ${status}`).join(', ');
      rows.push(
        `| saga create -> terminal at ${run.rate}/s | p50 ${round(run.median)} ms, p99 ${round(run.p99)} ms, ${round(run.achievedRate)}/s accepted${refused ? `, refused ${refused}` : ''}${run.sustained ? '' : ' (not sustained)'} | hop p50 ${round(hop, 2)} ms | p50 ${round(run.median / hop)}×, p99 ${round(run.p99 / hop)}× the hop |`,
      );
    }
    rows.push(`| highest sustained order rate (all terminal, ≥ 90% of offered, p99 < 1 s) | ${saga.highestSustainedOrdersPerSecond} orders/s | | |`);
  }
  if (results.nodeCpuMsPerOrder !== undefined) {
    const perProcess = Object.entries(results.cpuMsPerOrderByProcess ?? {})
      .map(([name, ms]) => `${name} ${ms}`)
      .join(', ');
    rows.push(`| CPU per confirmed order at that rate, Node processes summed | ${results.nodeCpuMsPerOrder} ms | broker ${results.brokerCpuMsPerOrder} ms | ${perProcess} |`);
  }
  if (results.idleCpuPercentOfCore) {
    const idle = Object.entries(results.idleCpuPercentOfCore).map(([name, percent]) => `${name} ${percent}%`).join(', ');
    rows.push(`| idle CPU, % of one core | ${idle} | | |`);
  }
  if (results.overload) {
    const refused = Object.entries(results.overload.refused).map(([status, count]) => `${count} × ${status}`).join(', ') || 'none';
    const answers = Object.entries(results.overload.overloadAnswers).map(([status, count]) => `${count} × ${status}`).join(', ') || 'none';
    rows.push(`| overload at ${results.overload.rate}/s (twice the sustained rate) | ${results.overload.accepted} accepted, ${results.overload.finished} terminal; overload answers retried: ${answers}; refused after retries: ${refused} | | |`);
  }
  const relay = results.outboxRelayVsRawProducer;
  if (relay) {
    rows.push(`| outbox relay publishing | ${relay.relayEventsPerSecond} events/s | bare producer ${relay.rawProducerEventsPerSecond} events/s | ${relay.fractionOfBare} of bare |`);
  }
  const consumer = results.idempotentVsPlainConsumer;
  if (consumer) {
    rows.push(`| idempotent consumer (dedupe transaction) | ${consumer.idempotentEventsPerSecond} events/s | plain consumer ${consumer.plainEventsPerSecond} events/s | ${consumer.fractionOfBare} of plain |`);
  }
  for (const [name, value] of Object.entries(results.memory?.processes ?? {})) {
    rows.push(`| memory (RSS): ${name} | idle ${value.idleMiB} MiB, highest under load ${value.underLoadMiB} MiB | | |`);
  }
  return rows.join('\n');
}

/** Replaces the README's bench table with this run's. */
export function writeReadmeTable(readmePath: string, table: string): void {
  const readme = readFileSync(readmePath, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} section for the bench table`);
  writeFileSync(readmePath, `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`);
}
