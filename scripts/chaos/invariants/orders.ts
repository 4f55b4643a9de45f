import { check, type Check } from '../check.js';
import type { RunFacts } from './run-facts.js';

export const everyOrderExists = ({ ids, statusOf }: RunFacts): Check =>
  check('every placed order exists', ids.filter((id) => !statusOf.has(id)).length);

export const stuckOrders = ({ statusOf }: RunFacts) => [...statusOf.values()].filter((status) => status === 'PENDING_PAYMENT').length;

export const noOrderStuck = (facts: RunFacts): Check => check('no order stuck in PENDING_PAYMENT', stuckOrders(facts));

export const outcomesMatchPayments = ({ placed, statusOf }: RunFacts): Check =>
  check(
    'declined payments cancelled, the others confirmed',
    placed.filter(({ orderId, declined }) => statusOf.get(orderId) !== (declined ? 'CANCELLED' : 'CONFIRMED')).length,
  );

/** Each order's timeline: created first, then PENDING_PAYMENT and one terminal status, nothing else. */
export async function historiesInSagaOrder({ db, ids }: RunFacts): Promise<Check> {
  const histories = await db.query<{ order_id: string; statuses: string[]; first_type: string }>(
    'order',
    `SELECT order_id::text, array_agg(status ORDER BY id) FILTER (WHERE status IS NOT NULL) AS statuses,
            (array_agg(event_type ORDER BY id))[1] AS first_type
     FROM order_timeline_entry WHERE order_id = ANY($1::uuid[]) GROUP BY order_id`,
    [ids],
  );
  const outOfOrder = histories.filter(
    (history) =>
      history.first_type !== 'order.created' ||
      history.statuses.length !== 2 ||
      history.statuses[0] !== 'PENDING_PAYMENT' ||
      !['CONFIRMED', 'CANCELLED'].includes(history.statuses[1] ?? ''),
  ).length;
  return check('every status history is in saga order', outOfOrder + (ids.length - histories.length));
}
