import { z } from 'zod';
import { topics } from './topics.js';
import type { TypedEnvelope } from './envelope.js';

const money = {
  amountCents: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code'),
};

export const orderCreatedV1 = z.object({
  orderId: z.uuid(),
  userId: z.string().min(1),
  restaurantId: z.string().min(1),
  items: z
    .array(
      z.object({
        menuItemId: z.string().min(1),
        name: z.string().min(1),
        quantity: z.number().int().positive(),
        unitPriceCents: z.number().int().nonnegative(),
      }),
    )
    .min(1),
  totalCents: money.amountCents,
  currency: money.currency,
  paymentMethod: z.string().min(1),
  deliveryAddress: z.string().min(1),
});

export const paymentCompletedV1 = z.object({
  orderId: z.uuid(),
  userId: z.string().min(1),
  paymentId: z.uuid(),
  ...money,
});

export const paymentFailureReasons = ['CARD_DECLINED', 'AMOUNT_OVER_LIMIT', 'INSUFFICIENT_FUNDS'] as const;

export const paymentFailedV1 = z.object({
  orderId: z.uuid(),
  userId: z.string().min(1),
  reason: z.enum(paymentFailureReasons),
  message: z.string().min(1),
});

export const orderConfirmedV1 = z.object({
  orderId: z.uuid(),
  userId: z.string().min(1),
  totalCents: money.amountCents,
  currency: money.currency,
});

export const orderCancelledV1 = z.object({
  orderId: z.uuid(),
  userId: z.string().min(1),
  reason: z.enum(paymentFailureReasons),
  message: z.string().min(1),
});

/**
 * One entry per event type: its topic (the type's name), the version producers write, and a payload schema per
 * version a consumer accepts. A consumer rejects (dead-letters) a version it does not know; an `upcast` turns an
 * older accepted version into the current shape.
 */
export interface EventDefinition<TPayload extends z.ZodType = z.ZodType> {
  topic: string;
  currentVersion: number;
  versions: Record<number, z.ZodType>;
  payload: TPayload;
  upcast?: (version: number, payload: unknown) => unknown;
}

export function defineEvent<TPayload extends z.ZodType>(topic: string, payload: TPayload): EventDefinition<TPayload> {
  return { topic, currentVersion: 1, versions: { 1: payload }, payload };
}

export const eventCatalog = {
  [topics.orderCreated]: defineEvent(topics.orderCreated, orderCreatedV1),
  [topics.paymentCompleted]: defineEvent(topics.paymentCompleted, paymentCompletedV1),
  [topics.paymentFailed]: defineEvent(topics.paymentFailed, paymentFailedV1),
  [topics.orderConfirmed]: defineEvent(topics.orderConfirmed, orderConfirmedV1),
  [topics.orderCancelled]: defineEvent(topics.orderCancelled, orderCancelledV1),
};

export type EventCatalog = Record<string, EventDefinition>;
export type DomainEventTopic = keyof typeof eventCatalog;
export type PayloadOf<TCatalog extends EventCatalog, TTopic extends keyof TCatalog> = z.infer<
  TCatalog[TTopic]['payload']
>;
export type EventOf<TCatalog extends EventCatalog, TTopic extends keyof TCatalog & string> = TypedEnvelope<
  TTopic,
  PayloadOf<TCatalog, TTopic>
>;

export type OrderCreated = z.infer<typeof orderCreatedV1>;
export type PaymentCompleted = z.infer<typeof paymentCompletedV1>;
export type PaymentFailed = z.infer<typeof paymentFailedV1>;
export type OrderConfirmed = z.infer<typeof orderConfirmedV1>;
export type OrderCancelled = z.infer<typeof orderCancelledV1>;
export type PaymentFailureReason = (typeof paymentFailureReasons)[number];
