'use client';
import { testPaymentMethods, type TestPaymentToken } from './test-payment-methods';

const storageKey = 'food.checkout-draft.v1';

export interface CheckoutDraft {
  address: string;
  paymentMethod: TestPaymentToken;
}

const isToken = (value: unknown): value is TestPaymentToken =>
  testPaymentMethods.some((method) => method.token === value);

/** The address and card typed into this tab's checkout, so a reload keeps them (the cart keeps itself). */
export function loadCheckoutDraft(): Partial<CheckoutDraft> {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(storageKey) ?? 'null') as {
      address?: unknown;
      paymentMethod?: unknown;
    } | null;
    return {
      address: typeof stored?.address === 'string' ? stored.address.slice(0, 300) : undefined,
      paymentMethod: isToken(stored?.paymentMethod) ? stored.paymentMethod : undefined,
    };
  } catch {
    return {};
  }
}

export function saveCheckoutDraft(draft: CheckoutDraft) {
  try {
    window.sessionStorage.setItem(storageKey, JSON.stringify(draft));
  } catch {
    // storage full or denied: the draft is only a convenience
  }
}

export function clearCheckoutDraft() {
  window.sessionStorage.removeItem(storageKey);
}
