import { createRequire } from 'node:module';

/**
 * kafkajs 2.2.4 (its last release) re-arms a timer after every check of a connection's request queue, even when
 * nothing waits: with no throttle its delay is negative, so each broker connection wakes every millisecond for as
 * long as the process lives (an idle service spent 4-5% of a core on it, mostly `scheduleCheckPendingRequests`).
 * The check is only needed while requests wait (pushed while throttled or at the in-flight limit); a completed or
 * timed-out request checks the queue itself. This arms the timer only then, at the throttle's end or in 10 ms.
 */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}

const require = createRequire(import.meta.url);
const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as {
  prototype: RequestQueueInternals & { scheduleCheckPendingRequests(): void };
};

RequestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
  if (this.pending.length === 0 || this.throttleCheckTimeoutId) return;
  const throttledForMs = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    throttledForMs > 0 ? throttledForMs : 10,
  );
};
