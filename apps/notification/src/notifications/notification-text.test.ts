import { describe, expect, it } from 'vitest';
import { notificationText } from './notification-text.js';

const orderId = '3f2a9c1e-0000-4000-8000-000000000000';

describe('notification text', () => {
  it('tells the customer the amount and the order', () => {
    expect(notificationText.orderConfirmed({ orderId, userId: 'u', totalCents: 1950, currency: 'EUR' }).body).toBe(
      'We received your payment of €19.50: your order #3f2a9c1e is confirmed and on its way to the kitchen.',
    );
  });

  it('tells the customer why an order was cancelled and that nothing was charged', () => {
    const text = notificationText.orderCancelled({ orderId, userId: 'u', reason: 'CARD_DECLINED', message: 'Your card was declined by the bank.' });
    expect(text).toEqual({
      kind: 'ORDER_CANCELLED',
      title: 'Order cancelled',
      body: 'Your order #3f2a9c1e was cancelled: Your card was declined by the bank. You have not been charged.',
    });
  });
});
