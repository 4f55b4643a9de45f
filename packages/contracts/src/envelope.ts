import { z } from 'zod';

/** Every event on Kafka is this JSON envelope; `payload` is checked against the schema of its type and version. */
export const eventEnvelope = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1).max(128),
  causationId: z.string().min(1).max(128).nullable(),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof eventEnvelope>;

export type TypedEnvelope<TType extends string, TPayload> = Omit<EventEnvelope, 'type' | 'payload'> & {
  type: TType;
  payload: TPayload;
};
