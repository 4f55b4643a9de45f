/**
 * Errors after which an idempotent producer's session (its producer id and per-partition sequence numbers) no longer
 * matches what the partition's leader holds, so every retry is refused the same way: typically after a leader died
 * and another took over (found by the chaos run's leader kill on the 3-broker cluster, where the outbox relay of
 * order retried "out of order sequence number" for minutes). The Java client answers them by taking a new producer
 * id; so does the relay. Resending the unmarked rows may write some twice, which the idempotent consumers absorb.
 */
const sessionErrorTypes = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

/** Looks through kafkajs's wrappers: `cause` (a retry given up) and `errors` (an aggregate of a batch's sends). */
export function needsNewProducerSession(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { type, cause, errors } = error as { type?: unknown; cause?: unknown; errors?: unknown };
  if (typeof type === 'string' && sessionErrorTypes.has(type)) return true;
  if (Array.isArray(errors) && errors.some((inner) => needsNewProducerSession(inner, depth + 1))) return true;
  return needsNewProducerSession(cause, depth + 1);
}
