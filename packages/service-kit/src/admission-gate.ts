export interface AdmissionLimits {
  /**
   * Procedure calls worked on at once (a batch counts each of its calls, since tRPC runs them side by side): more
   * would only wait for a database connection inside Prisma, and time out there.
   */
  maxInFlight: number;
  /** Requests that may wait for room; one more is refused at once. */
  maxQueued: number;
  /** The longest a request waits for room before it is refused. */
  queueTimeoutMs: number;
  /** What a refused request is told to wait before trying again (the Retry-After header). */
  retryAfterSeconds: number;
}

export type RefusalReason = 'queue_full' | 'queue_timeout';

export type Admission =
  | { kind: 'admitted'; release: () => void }
  | { kind: 'refused'; reason: RefusalReason }
  /** The caller gave up (its signal aborted) while it waited; nobody is there to answer. */
  | { kind: 'abandoned' };

interface Waiter {
  calls: number;
  admit: () => void;
}

/**
 * Bounds the work a process takes on: at most `maxInFlight` calls at once, at most `maxQueued` requests waiting
 * for room (first come, first served, each for at most `queueTimeoutMs`), and the rest refused at once. Refusing
 * before any work starts is what lets a service answer 503 instead of failing half-way with 500. A request of more
 * calls than `maxInFlight` counts as `maxInFlight`: it runs alone rather than never.
 */
export class AdmissionGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly limits: AdmissionLimits) {}

  /** Calls being worked on. */
  get inFlight(): number {
    return this.running;
  }

  /** Requests waiting for room. */
  get queued(): number {
    return this.waiting.length;
  }

  enter(requestedCalls = 1, signal?: AbortSignal): Promise<Admission> {
    const calls = Math.min(Math.max(1, requestedCalls), this.limits.maxInFlight);
    if (signal?.aborted) return Promise.resolve({ kind: 'abandoned' });
    if (this.waiting.length === 0 && this.fits(calls)) {
      this.running += calls;
      return Promise.resolve(this.admission(calls));
    }
    if (this.waiting.length >= this.limits.maxQueued) return Promise.resolve({ kind: 'refused', reason: 'queue_full' });
    return new Promise<Admission>((resolve) => {
      const leave = (admission: Admission) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve(admission);
        // A waiter that gave up at the head may have held back smaller ones behind it.
        if (admission.kind !== 'admitted' && index === 0) this.admitWaiting();
      };
      // admitWaiting() has already counted this request's calls as running when it admits it.
      const waiter: Waiter = { calls, admit: () => leave(this.admission(calls)) };
      const onAbort = () => leave({ kind: 'abandoned' });
      const timer = setTimeout(() => leave({ kind: 'refused', reason: 'queue_timeout' }), this.limits.queueTimeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private fits(calls: number): boolean {
    return this.running + calls <= this.limits.maxInFlight;
  }

  /** Lets waiters in, in order, while the first one fits; nobody overtakes a waiter that does not fit yet. */
  private admitWaiting(): void {
    for (let next = this.waiting[0]; next && this.fits(next.calls); next = this.waiting[0]) {
      this.waiting.shift();
      this.running += next.calls;
      next.admit();
    }
  }

  private admission(calls: number): Admission {
    let released = false;
    return {
      kind: 'admitted',
      release: () => {
        if (released) return;
        released = true;
        this.running -= calls;
        this.admitWaiting();
      },
    };
  }
}
