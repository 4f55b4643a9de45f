import { Counter, Gauge } from 'prom-client';
import type { AdmissionGate, RefusalReason } from './admission-gate.js';
import { metricsRegistry } from './metrics.js';

/** Why a request was answered 503: the admission gate refused it, or its database had no connection free in time. */
export type OverloadReason = RefusalReason | 'database_busy';

export const overloadRejectionsTotal = new Counter({
  name: 'http_overload_rejections_total',
  help: 'Requests answered 503 because the service was at capacity, by procedure (bounded, as http_requests_total) and reason',
  labelNames: ['procedure', 'reason'] as const,
  registers: [metricsRegistry],
});

/** Counts one overload answer; `procedure` must be a procedureLabeler label. */
export function recordOverloadRejection(procedure: string, reason: OverloadReason): void {
  overloadRejectionsTotal.inc({ procedure, reason });
}

const observedGates = new Set<AdmissionGate>();

new Gauge({
  name: 'procedure_calls_in_flight',
  help: 'Procedure calls the service is working on, each call of a batch counted (at most ADMISSION_MAX_IN_FLIGHT); health and subscriptions not counted',
  registers: [metricsRegistry],
  collect() {
    this.set([...observedGates].reduce((sum, gate) => sum + gate.inFlight, 0));
  },
});

new Gauge({
  name: 'http_requests_queued',
  help: 'Requests waiting for room (at most ADMISSION_MAX_QUEUED)',
  registers: [metricsRegistry],
  collect() {
    this.set([...observedGates].reduce((sum, gate) => sum + gate.queued, 0));
  },
});

/** Reports a gate in the gauges until the returned function is called (when its server closes). */
export function observeAdmissionGate(gate: AdmissionGate): () => void {
  observedGates.add(gate);
  return () => observedGates.delete(gate);
}
