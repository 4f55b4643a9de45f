import type http from 'node:http';
import type { AdmissionGate, RefusalReason } from './admission-gate.js';
import { answerOverloaded } from './overload-answer.js';
import { recordOverloadRejection } from './overload-metrics.js';

function refusalMessage(reason: RefusalReason, gate: AdmissionGate): string {
  const { queueTimeoutMs, retryAfterSeconds } = gate.limits;
  const why = reason === 'queue_full' ? 'its queue is full' : `no slot came free within ${queueTimeoutMs} ms`;
  return `the service is at capacity (${why}); retry after ${retryAfterSeconds} s`;
}

/**
 * Handles a request of `calls` procedure calls once the gate admits it, holding its room until the response closes
 * (answered or abandoned); a refused request gets 503 with Retry-After and is counted, labelled `procedure` (a
 * procedureLabeler label).
 */
export async function admitRequest(
  gate: AdmissionGate,
  response: http.ServerResponse,
  request: { procedure: string; calls: number },
  handle: () => void,
): Promise<void> {
  const closed = new AbortController();
  response.once('close', () => closed.abort());
  const admission = await gate.enter(request.calls, closed.signal);
  if (admission.kind === 'abandoned') return;
  if (admission.kind === 'refused') {
    recordOverloadRejection(request.procedure, admission.reason);
    answerOverloaded(response, gate.limits.retryAfterSeconds, refusalMessage(admission.reason, gate));
    return;
  }
  // Admitted as the client left: its close has fired already, so give the room back here.
  if (closed.signal.aborted) {
    admission.release();
    return;
  }
  closed.signal.addEventListener('abort', admission.release, { once: true });
  handle();
}
