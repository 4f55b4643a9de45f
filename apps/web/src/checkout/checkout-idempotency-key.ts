'use client';

const storageKey = 'food.checkout.v1';

/**
 * The idempotency key of this checkout: made once with crypto.randomUUID and kept (in sessionStorage, so a reload
 * keeps it too) for as long as the order's content stays the same. A double click, a retry after a timeout or a
 * resubmit all send the same key, and the order service answers with the one order it created. Changing the cart,
 * address or card is a different order and gets a new key.
 */
export function idempotencyKeyFor(fingerprint: string): string {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(storageKey) ?? 'null') as {
      fingerprint?: unknown;
      key?: unknown;
    } | null;
    if (stored && stored.fingerprint === fingerprint && typeof stored.key === 'string')
      return stored.key;
  } catch {
    // unreadable: start a new checkout
  }
  const key = crypto.randomUUID();
  window.sessionStorage.setItem(storageKey, JSON.stringify({ fingerprint, key }));
  return key;
}

/** The order exists: the next checkout is a new one. */
export function finishCheckout() {
  window.sessionStorage.removeItem(storageKey);
}
