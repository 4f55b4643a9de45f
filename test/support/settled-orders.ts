import { eventually, queryService } from './customers.js';

/** Waits until every order of `ids` has left PENDING_PAYMENT (its saga ended) and answers their statuses. */
export function settledOrders(ids: string[], what: string, timeoutMs = 30_000) {
  return eventually(
    async () => {
      const rows = await queryService<{ id: string; status: string }>(
        'order',
        "SELECT id::text, status FROM customer_order WHERE id = ANY($1::uuid[]) AND status <> 'PENDING_PAYMENT'",
        [ids],
      );
      return rows.length === ids.length && rows;
    },
    timeoutMs,
    what,
  );
}
