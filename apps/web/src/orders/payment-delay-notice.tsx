'use client';
import { useEffect, useState } from 'react';

/** After this long a payment is slower than usual (the provider answers in well under a second when it is up). */
export const slowPaymentAfterMs = 8_000;

/**
 * Tells a customer whose payment is slow what is true: nothing has been charged, it is retried, the page updates by
 * itself. A payment the provider could not take is kept and retried by the team (a dead letter), never dropped.
 */
export function PaymentDelayNotice({ placedAt }: { placedAt: string }) {
  // Null until mounted: the server's clock must not decide what the browser renders first.
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 1_000);
    return () => clearInterval(timer);
  }, []);
  if (now === null || now - Date.parse(placedAt) < slowPaymentAfterMs) return null;
  return (
    <p className="notice notice-warning" role="status" data-testid="payment-delayed">
      The payment is taking longer than usual. Your card has not been charged yet: the payment is
      retried (by our team if the payment provider stays unavailable), and this page updates by
      itself when it goes through. If it cannot go through, the order is cancelled and nothing is
      charged.
    </p>
  );
}
