// The run's report: the summary on the terminal, and the result file `npm test` counts (one test per check).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localDir } from '../lib/paths.mjs';
import { describeRecoveries, type FaultRecovery } from './backlog-drain.js';
import { say, seconds, type Check } from './check.js';
import type { ChaosOptions } from './options.js';

export interface ChaosResult {
  placed: number;
  brokers: number;
  faults: string[];
  createRetries: number;
  replays: Record<string, number>;
  stuck: number;
  duplicates: number;
  lost: number;
  recoveries: FaultRecovery[];
  /** null: some order never became terminal. */
  allTerminalMs: number | null;
  /** From the later of the last fault's end and the last order placed to every order terminal (dead letters replayed). */
  tailMs: number | null;
  checks: Check[];
}

export function printSummary(result: ChaosResult): void {
  const replays = Object.entries(result.replays).map(([service, n]) => `${service} ${n}`).join(', ');
  say('');
  say(`chaos summary (${result.brokers === 1 ? 'one broker' : `${result.brokers}-broker cluster`})`);
  say(`  orders placed          ${result.placed} (${result.createRetries} create calls retried)`);
  say(`  faults injected        ${result.faults.length} (${result.faults.join('; ')})`);
  say(`  dead letters replayed  ${replays || 'none'}`);
  say(`  stuck                  ${result.stuck}`);
  say(`  duplicates             ${result.duplicates}`);
  say(`  lost                   ${result.lost}`);
  say('  fault -> backlog drained (every order accepted before the fault ended terminal)');
  for (const line of describeRecoveries(result.recoveries)) say(line);
  const figure = (ms: number | null) => (ms === null ? 'never' : seconds(ms));
  say(`  last fault -> all terminal  ${figure(result.allTerminalMs)} (the load goes on after it)`);
  say(`  last fault and last order -> all terminal  ${figure(result.tailMs)} (dead letters replayed included)`);
  for (const entry of result.checks) {
    const problems = entry.problems ? `: ${entry.problems} problem(s)` : '';
    say(`  ${entry.problems === 0 ? '✓' : '✖'} ${entry.name}${problems}${entry.detail ? ` (${entry.detail})` : ''}`);
  }
}

/** .local/test-results/chaos[-short][-cluster].json */
export function writeResult(options: ChaosOptions, result: ChaosResult): string {
  const resultsDir = path.join(localDir, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `chaos${options.short ? '-short' : ''}${options.cluster ? '-cluster' : ''}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  return file;
}
