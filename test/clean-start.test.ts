import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testStack } from './support/stack.js';

interface LogLine {
  time: string;
  level: string;
  service?: string;
  message?: string;
}

/** The JSON lines each process wrote up to `until` (a process's other output, such as Next.js's banner, is skipped). */
function linesWrittenBefore(logDir: string, until: number): Array<LogLine & { file: string }> {
  const lines: Array<LogLine & { file: string }> = [];
  for (const file of readdirSync(logDir).filter((name) => name.endsWith('.log'))) {
    for (const text of readFileSync(path.join(logDir, file), 'utf8').split('\n')) {
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as LogLine;
      if (Date.parse(line.time) <= until) lines.push({ ...line, file });
    }
  }
  return lines;
}

describe('a clean start of the stack', () => {
  it('every service reported "ok" once started (consumer groups joined, relays and stores running)', () => {
    expect(testStack().readyAt).toBeTypeOf('number');
  });

  // The broker is new, so every group coordinator loads and every group rebalances as instances join: the answers
  // kafkajs retries by itself are not warnings (kafkajs-log-level.ts), and nothing else may be.
  it('writes no warning and no error in any process log', () => {
    const { logDir, readyAt } = testStack();
    if (!logDir || readyAt === undefined) throw new Error('npm test passes the log folder and the time the stack was ready');
    const alarming = linesWrittenBefore(logDir, readyAt)
      .filter((line) => line.level === 'warn' || line.level === 'error')
      .map((line) => `${line.file}: ${line.level} ${line.message}`);
    expect(alarming).toEqual([]);
  });
});
