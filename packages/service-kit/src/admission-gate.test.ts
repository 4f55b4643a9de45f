import { describe, expect, it } from 'vitest';
import { AdmissionGate, type Admission, type AdmissionLimits } from './admission-gate.js';

const limits = (overrides: Partial<AdmissionLimits> = {}): AdmissionLimits => ({
  maxInFlight: 2,
  maxQueued: 1,
  queueTimeoutMs: 60_000,
  retryAfterSeconds: 1,
  ...overrides,
});

function released(admission: Admission): () => void {
  if (admission.kind !== 'admitted') throw new Error(`expected admitted, got ${admission.kind}`);
  return admission.release;
}

describe('AdmissionGate', () => {
  it('admits up to maxInFlight at once, queues up to maxQueued, and refuses the rest at once', async () => {
    const gate = new AdmissionGate(limits());
    const first = released(await gate.enter());
    released(await gate.enter());
    const queued = gate.enter();
    expect(await gate.enter()).toEqual({ kind: 'refused', reason: 'queue_full' });
    expect([gate.inFlight, gate.queued]).toEqual([2, 1]);

    first();
    expect((await queued).kind).toBe('admitted');
    expect([gate.inFlight, gate.queued]).toEqual([2, 0]);
  });

  it('lets the queue in first come, first served', async () => {
    const gate = new AdmissionGate(limits({ maxInFlight: 1, maxQueued: 3 }));
    const running = released(await gate.enter());
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) =>
      gate.enter().then((admission) => {
        order.push(n);
        return released(admission);
      }),
    );
    running();
    for (const next of waiting) (await next)();
    expect(order).toEqual([1, 2, 3]);
    expect(gate.inFlight).toBe(0);
  });

  it('refuses a request that waited queueTimeoutMs without a slot, and forgets it', async () => {
    const gate = new AdmissionGate(limits({ maxInFlight: 1, queueTimeoutMs: 50 }));
    const running = released(await gate.enter());
    expect(await gate.enter()).toEqual({ kind: 'refused', reason: 'queue_timeout' });
    expect(gate.queued).toBe(0);
    running();
    expect(gate.inFlight).toBe(0);
  });

  it('drops a waiter whose caller left, so it neither holds a queue place nor a slot', async () => {
    const gate = new AdmissionGate(limits({ maxInFlight: 1 }));
    const running = released(await gate.enter());
    const left = new AbortController();
    const waiting = gate.enter(1, left.signal);
    left.abort();
    expect(await waiting).toEqual({ kind: 'abandoned' });
    expect(gate.queued).toBe(0);
    const next = gate.enter();
    running();
    expect((await next).kind).toBe('admitted');
    expect(gate.inFlight).toBe(1);
  });

  it('counts a release once, however often it is called', async () => {
    const gate = new AdmissionGate(limits());
    const release = released(await gate.enter());
    released(await gate.enter());
    release();
    release();
    expect(gate.inFlight).toBe(1);
  });

  it('counts each call of a batch, and a batch larger than the limit as the whole limit', async () => {
    const gate = new AdmissionGate(limits({ maxInFlight: 4, maxQueued: 2 }));
    const pair = released(await gate.enter(2));
    released(await gate.enter(1));
    expect(gate.inFlight).toBe(3);
    const triple = gate.enter(3);
    // A single call behind it waits too, though it would fit: nobody overtakes the queue.
    const single = gate.enter(1);
    expect(gate.queued).toBe(2);
    pair();
    const releaseTriple = released(await triple);
    expect([gate.inFlight, gate.queued]).toEqual([4, 1]);
    releaseTriple();
    expect((await single).kind).toBe('admitted');

    const empty = new AdmissionGate(limits({ maxInFlight: 4 }));
    const huge = released(await empty.enter(1000));
    expect(empty.inFlight).toBe(4);
    huge();
    expect(empty.inFlight).toBe(0);
  });

  it('lets the calls behind a waiter that gave up at the head in at once', async () => {
    const gate = new AdmissionGate(limits({ maxInFlight: 3, maxQueued: 2 }));
    const running = released(await gate.enter(2));
    const left = new AbortController();
    const big = gate.enter(3, left.signal);
    const small = gate.enter(1);
    left.abort();
    expect(await big).toEqual({ kind: 'abandoned' });
    expect((await small).kind).toBe('admitted');
    expect(gate.inFlight).toBe(3);
    running();
  });

  it('refuses at once when no queue is allowed', async () => {
    const gate = new AdmissionGate(limits({ maxInFlight: 1, maxQueued: 0 }));
    released(await gate.enter());
    expect(await gate.enter()).toEqual({ kind: 'refused', reason: 'queue_full' });
  });
});
