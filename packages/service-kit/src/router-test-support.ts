import type { Clock } from './clock.js';

/** A clock a test sets: procedures read the time from their context. */
export function settableClock(start = new Date('2026-11-30T12:00:00.000Z')): Clock & { set(time: Date): void } {
  let time = start;
  return { now: () => time, set: (next) => void (time = next) };
}

/** The tRPC code a call was refused with (UNAUTHORIZED, FORBIDDEN, BAD_REQUEST, NOT_FOUND…), or 'succeeded'. */
export function outcomeOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'succeeded',
    (error: { code?: string }) => error.code ?? String(error),
  );
}
