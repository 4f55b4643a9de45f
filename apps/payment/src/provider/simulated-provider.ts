import { createHash } from 'node:crypto';
import type { ChargeRequest, ChargeResult, PaymentProvider } from './payment-provider.js';
import { ProviderUnavailable } from './payment-provider.js';
import type { ProviderLedger } from './provider-ledger.js';

/** Above this amount the simulated provider declines (AMOUNT_OVER_LIMIT). */
export const simulatedAmountLimitCents = 50_000;

/**
 * Test payment methods of the simulated provider, documented for users of the test console and scripts:
 * anything else (for example tok_visa) is captured.
 */
export const simulatedTestTokens = {
  tok_visa: 'captured',
  tok_decline: 'declined: CARD_DECLINED',
  tok_insufficient_funds: 'declined: INSUFFICIENT_FUNDS',
} as const;

/** The simulated provider's switches, read together on every charge. */
export interface ProviderFaults {
  outage: boolean;
  crashAfterCapture: boolean;
}

/**
 * A deterministic stand-in for a real provider: declines on documented test inputs, in outage mode (switched by an
 * admin, read on every charge) throws a transient error instead of answering a new key, and keeps a ledger by
 * idempotency key: a repeated key gets the first result back and is not charged again.
 */
export function createSimulatedProvider(
  readFaults: () => Promise<ProviderFaults>,
  ledger: ProviderLedger,
  faults: { afterCapture?: () => Promise<void> } = {},
): PaymentProvider {
  return {
    async charge(request: ChargeRequest): Promise<ChargeResult> {
      const switches = await readFaults();
      if (switches.outage) {
        const earlier = await ledger.find(request.idempotencyKey);
        if (earlier) return earlier;
        throw new ProviderUnavailable('payment provider unavailable (simulated outage)');
      }
      const result = await ledger.charge(request, decide(request));
      if (result.status === 'captured' && switches.crashAfterCapture) await faults.afterCapture?.();
      return result;
    },
  };
}

/** What the simulated bank answers a new charge. */
function decide(request: ChargeRequest): ChargeResult {
  if (request.paymentMethod === 'tok_decline') {
    return {
      status: 'declined',
      reason: 'CARD_DECLINED',
      message: 'Your card was declined by the bank.',
    };
  }
  if (request.paymentMethod === 'tok_insufficient_funds') {
    return {
      status: 'declined',
      reason: 'INSUFFICIENT_FUNDS',
      message: 'The card has insufficient funds.',
    };
  }
  if (request.amountCents > simulatedAmountLimitCents) {
    return {
      status: 'declined',
      reason: 'AMOUNT_OVER_LIMIT',
      message: `Payments above ${simulatedAmountLimitCents / 100} ${request.currency} are not accepted.`,
    };
  }
  const reference = `sim_${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 16)}`;
  return { status: 'captured', reference };
}
