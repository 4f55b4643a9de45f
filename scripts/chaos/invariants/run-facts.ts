import type { Databases } from '../databases.js';
import type { Placed } from '../load.js';

/** What the invariants read: the orders this run placed, and the databases. */
export interface RunFacts {
  db: Databases;
  placed: Placed[];
  ids: string[];
  /** order id -> status, as the order service stores it now */
  statusOf: Map<string, string>;
}

export async function readRunFacts(db: Databases, placed: Placed[]): Promise<RunFacts> {
  const ids = placed.map((order) => order.orderId);
  const orders = await db.query<{ id: string; status: string }>(
    'order',
    'SELECT id::text, status FROM customer_order WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return { db, placed, ids, statusOf: new Map(orders.map((order) => [order.id, order.status])) };
}
