import { randomUUID } from 'node:crypto';
import type { eventCatalog } from '@food/contracts';

export type EventType = keyof typeof eventCatalog;

/** A valid payload of each event type, with the ids given (a fresh order and a test user by default). */
export function samplePayload(
  type: EventType,
  ids: { orderId?: string; userId?: string } = {},
): Record<string, unknown> {
  const owner = { orderId: ids.orderId ?? randomUUID(), userId: ids.userId ?? 'sample-user' };
  const samples: Record<EventType, Record<string, unknown>> = {
    'order.created': {
      ...owner,
      restaurantId: 'trattoria-roma',
      items: [
        {
          menuItemId: 'roma-margherita',
          name: 'Pizza Margherita',
          quantity: 1,
          unitPriceCents: 950,
        },
      ],
      totalCents: 950,
      currency: 'EUR',
      paymentMethod: 'tok_visa',
      deliveryAddress: '1 Sample Street',
    },
    'payment.completed': { ...owner, paymentId: randomUUID(), amountCents: 950, currency: 'EUR' },
    'payment.failed': { ...owner, reason: 'CARD_DECLINED', message: 'Your card was declined.' },
    'order.confirmed': { ...owner, totalCents: 950, currency: 'EUR' },
    'order.cancelled': { ...owner, reason: 'CARD_DECLINED', message: 'Your card was declined.' },
  };
  return samples[type];
}

/** An event envelope as the services write it, as JSON text; `overrides` replaces any envelope field. */
export function sampleEnvelope(
  type: string,
  payload: unknown,
  overrides: Record<string, unknown> = {},
): { eventId: string; json: string } {
  const envelope = {
    eventId: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: `sample-${randomUUID().slice(0, 8)}`,
    causationId: null,
    payload,
    ...overrides,
  };
  return { eventId: String(envelope.eventId), json: JSON.stringify(envelope) };
}
