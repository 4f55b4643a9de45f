import type { ReplayResult } from './dead-letter-types';

export interface ActionOutcome {
  tone: 'success' | 'warning';
  text: string;
}

/** One sentence about a replay that may have spanned several services. */
export function describeReplay(results: ReplayResult[]): ActionOutcome {
  const replayed = results.reduce((sum, result) => sum + result.replayed.length, 0);
  const skipped = results.flatMap((result) => result.skipped);
  const reasons = [...new Set(skipped.map((entry) => entry.reason))].join('; ');
  const text = `Replayed ${replayed} dead ${replayed === 1 ? 'letter' : 'letters'}${skipped.length ? `; skipped ${skipped.length} (${reasons})` : ''}.`;
  return { tone: skipped.length || replayed === 0 ? 'warning' : 'success', text };
}
