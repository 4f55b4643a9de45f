import type { Database } from '../db.js';
import type { ChargeRequest, ChargeResult } from './payment-provider.js';

/** What a provider remembers of each idempotency key: the first result, and how often the key was sent. */
export interface ProviderLedger {
  /** The result a key already has (counting the request), or undefined. */
  find(idempotencyKey: string): Promise<ChargeResult | undefined>;
  /** Records the result unless the key already has one (then counts the request); returns the result that stands. */
  charge(request: ChargeRequest, result: ChargeResult): Promise<ChargeResult>;
}

type Row = {
  status: string;
  decline_reason: string | null;
  message: string | null;
  reference: string | null;
};

function resultOf(row: Row): ChargeResult {
  return row.status === 'captured'
    ? { status: 'captured', reference: row.reference ?? '' }
    : {
        status: 'declined',
        reason: row.decline_reason as Extract<ChargeResult, { status: 'declined' }>['reason'],
        message: row.message ?? '',
      };
}

/**
 * The simulated provider's ledger in its own table, written with the service's client but never inside the
 * service's transaction: like a real provider's records, it stands whatever happens to the payment transaction.
 */
export function databaseLedger(db: Database): ProviderLedger {
  return {
    async find(idempotencyKey) {
      const rows = await db.$queryRaw<Row[]>`
        UPDATE simulated_provider_charge SET requests = requests + 1 WHERE idempotency_key = ${idempotencyKey}
        RETURNING status, decline_reason, message, reference`;
      return rows[0] ? resultOf(rows[0]) : undefined;
    },
    async charge(request, result) {
      // One statement: the first request of a key inserts its result, a repeat counts itself and gets the first back.
      const rows = await db.$queryRaw<Row[]>`
        INSERT INTO simulated_provider_charge (idempotency_key, order_id, amount_cents, currency, status, decline_reason, message, reference)
        VALUES (${request.idempotencyKey}, ${request.orderId}::uuid, ${request.amountCents}, ${request.currency}, ${result.status},
          ${result.status === 'declined' ? result.reason : null}, ${result.status === 'declined' ? result.message : null},
          ${result.status === 'captured' ? result.reference : null})
        ON CONFLICT (idempotency_key) DO UPDATE SET requests = simulated_provider_charge.requests + 1
        RETURNING status, decline_reason, message, reference`;
      return rows[0] ? resultOf(rows[0]) : result;
    },
  };
}

/** A ledger in memory, for the provider's unit tests. */
export function memoryLedger(): ProviderLedger & {
  entries: Map<string, { result: ChargeResult; requests: number }>;
} {
  const entries = new Map<string, { result: ChargeResult; requests: number }>();
  return {
    entries,
    async find(idempotencyKey) {
      const entry = entries.get(idempotencyKey);
      if (entry) entry.requests += 1;
      return entry?.result;
    },
    async charge(request, result) {
      const entry = entries.get(request.idempotencyKey);
      if (entry) entry.requests += 1;
      else entries.set(request.idempotencyKey, { result, requests: 1 });
      return (entry ?? entries.get(request.idempotencyKey)!).result;
    },
  };
}
