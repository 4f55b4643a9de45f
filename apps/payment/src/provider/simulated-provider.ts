import { createHash } from 'node:crypto';
import type { ChargeRequest, ChargeResult, PaymentProvider } from './payment-provider.js';
import { ProviderUnavailable } from './payment-provider.js';

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

/**
 * A deterministic stand-in for a real provider: declines on documented test inputs, and in outage mode (switched
 * by an admin, read on every charge) throws a transient error instead of answering.
 */
export function createSimulatedProvider(isOutage: () => Promise<boolean>): PaymentProvider {
  return {
    async charge(request: ChargeRequest): Promise<ChargeResult> {
      if (await isOutage()) throw new ProviderUnavailable('payment provider unavailable (simulated outage)');
      if (request.paymentMethod === 'tok_decline') {
        return { status: 'declined', reason: 'CARD_DECLINED', message: 'Your card was declined by the bank.' };
      }
      if (request.paymentMethod === 'tok_insufficient_funds') {
        return { status: 'declined', reason: 'INSUFFICIENT_FUNDS', message: 'The card has insufficient funds.' };
      }
      if (request.amountCents > simulatedAmountLimitCents) {
        return {
          status: 'declined',
          reason: 'AMOUNT_OVER_LIMIT',
          message: `Payments above ${simulatedAmountLimitCents / 100} ${request.currency} are not accepted.`,
        };
      }
      // The same order always gets the same reference, as a real provider's idempotency key would.
      const reference = `sim_${createHash('sha256').update(request.orderId).digest('hex').slice(0, 16)}`;
      return { status: 'captured', reference };
    },
  };
}
