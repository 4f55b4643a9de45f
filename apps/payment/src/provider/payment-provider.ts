import type { PaymentFailureReason } from '@food/contracts';

export interface ChargeRequest {
  /**
   * The same key on a repeated request (a redelivery after a crash between charge and commit) gets the first
   * result back and charges nothing more, as real providers' idempotency keys do. We send the order id.
   */
  idempotencyKey: string;
  orderId: string;
  amountCents: number;
  currency: string;
  paymentMethod: string;
}

export type ChargeResult =
  | { status: 'captured'; reference: string }
  | { status: 'declined'; reason: PaymentFailureReason; message: string };

/** A payment provider outside the system. A transient failure throws `ProviderUnavailable` (retried by the runtime). */
export interface PaymentProvider {
  charge(request: ChargeRequest): Promise<ChargeResult>;
}

export class ProviderUnavailable extends Error {
  override readonly name = 'ProviderUnavailable';
}
