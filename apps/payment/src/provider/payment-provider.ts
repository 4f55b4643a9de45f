import type { PaymentFailureReason } from '@food/contracts';

export interface ChargeRequest {
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
