import { check, type Check } from '../check.js';
import { unsentOutboxRows } from '../databases.js';
import type { RunFacts } from './run-facts.js';

async function paymentsByOrder({ db, ids }: RunFacts) {
  const payments = await db.query<{ order_id: string; n: number; captured: number }>(
    'payment',
    "SELECT order_id::text, count(*)::int AS n, count(*) FILTER (WHERE status = 'CAPTURED')::int AS captured FROM payment WHERE order_id = ANY($1::uuid[]) GROUP BY order_id",
    [ids],
  );
  return new Map(payments.map((row) => [row.order_id, row]));
}

export async function onePaymentPerOrder(facts: RunFacts): Promise<Check> {
  const paymentOf = await paymentsByOrder(facts);
  return check('exactly one payment per order', facts.ids.filter((id) => paymentOf.get(id)?.n !== 1).length);
}

export async function noCaptureForDeclined(facts: RunFacts): Promise<Check> {
  const paymentOf = await paymentsByOrder(facts);
  return check(
    'no captured payment for a declined order',
    facts.placed.filter(({ orderId, declined }) => declined && (paymentOf.get(orderId)?.captured ?? 0) > 0).length,
  );
}

/** The simulated provider's own ledger, outside the payment transaction: what was really charged. */
export async function oneCapturePerConfirmedOrder({ db, ids, placed }: RunFacts): Promise<Check> {
  const ledger = await db.query<{ order_id: string; status: string; requests: number }>(
    'payment',
    'SELECT order_id::text, status, requests FROM simulated_provider_charge WHERE order_id = ANY($1::uuid[])',
    [ids],
  );
  const ledgerOf = new Map(ledger.map((row) => [row.order_id, row]));
  return check(
    "the provider's ledger: one capture per confirmed order, none for a declined one",
    placed.filter(({ orderId, declined }) => (ledgerOf.get(orderId)?.status === 'captured') === declined).length,
    `${ledger.filter((row) => row.requests > 1).length} charges asked again with the same key, answered without charging`,
  );
}

export async function oneNotificationPerOrder({ db, ids, placed }: RunFacts): Promise<Check> {
  const notifications = await db.query<{ order_id: string; kinds: string[] }>(
    'notification',
    'SELECT order_id::text, array_agg(kind ORDER BY kind) AS kinds FROM notification WHERE order_id = ANY($1::uuid[]) GROUP BY order_id',
    [ids],
  );
  const kindsOf = new Map(notifications.map((row) => [row.order_id, row.kinds.join(',')]));
  return check(
    'exactly one notification per order, its outcome',
    placed.filter(({ orderId, declined }) => kindsOf.get(orderId) !== (declined ? 'ORDER_CANCELLED' : 'ORDER_CONFIRMED')).length,
  );
}

/** Each consumer's processed events match the effects it wrote: an event applied twice would leave one more effect. */
export async function noEventProcessedTwice({ db }: RunFacts): Promise<Check> {
  const n = (service: string, sql: string) => db.count(service, sql);
  const payment = [
    await n('payment', "SELECT count(*)::int AS n FROM processed_event WHERE topic = 'order.created'"),
    await n('payment', 'SELECT count(*)::int AS n FROM payment'),
  ] as const;
  const notification = [
    await n('notification', 'SELECT count(*)::int AS n FROM processed_event'),
    await n('notification', 'SELECT count(*)::int AS n FROM notification'),
  ] as const;
  const order = [
    await n('order', 'SELECT count(*)::int AS n FROM processed_event'),
    await n('order', "SELECT count(*)::int AS n FROM order_timeline_entry WHERE source = 'payment'"),
  ] as const;
  const duplicates = [payment, notification, order].reduce((sum, [processed, effects]) => sum + Math.abs(processed - effects), 0);
  return check(
    'no event processed twice (processed events match effects)',
    duplicates,
    `payment ${payment.join('/')}, notification ${notification.join('/')}, order ${order.join('/')}`,
  );
}

export const noOutboxRowUnsent = async ({ db }: RunFacts): Promise<Check> => check('no outbox row left unsent', await unsentOutboxRows(db));
