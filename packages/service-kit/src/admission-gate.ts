export interface AdmissionLimits {
  /** Requests worked on at once; more would only wait for a database connection inside Prisma, and time out there. */
  maxInFlight: number;
  /** Requests that may wait for a slot; one more is refused at once. */
  maxQueued: number;
  /** The longest a request waits for a slot before it is refused. */
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
  admit: () => void;
}

/**
 * Bounds the work a process takes on: at most `maxInFlight` requests at once, at most `maxQueued` waiting for a
 * slot (first come, first served, each for at most `queueTimeoutMs`), and the rest refused at once. Refusing
 * before any work starts is what lets a service answer 503 instead of failing half-way with 500.
 */
export class AdmissionGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly limits: AdmissionLimits) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  enter(signal?: AbortSignal): Promise<Admission> {
    if (signal?.aborted) return Promise.resolve({ kind: 'abandoned' });
    if (this.running < this.limits.maxInFlight) {
      this.running += 1;
      return Promise.resolve(this.admission());
    }
    if (this.waiting.length >= this.limits.maxQueued) return Promise.resolve({ kind: 'refused', reason: 'queue_full' });
    return new Promise<Admission>((resolve) => {
      const leave = (admission: Admission) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve(admission);
      };
      // release() has already counted this request as running when it admits it.
      const waiter: Waiter = { admit: () => leave(this.admission()) };
      const onAbort = () => leave({ kind: 'abandoned' });
      const timer = setTimeout(() => leave({ kind: 'refused', reason: 'queue_timeout' }), this.limits.queueTimeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private admission(): Admission {
    let released = false;
    return {
      kind: 'admitted',
      release: () => {
        if (released) return;
        released = true;
        this.running -= 1;
        const next = this.waiting.shift();
        if (next) {
          this.running += 1;
          next.admit();
        }
      },
    };
  }
}
