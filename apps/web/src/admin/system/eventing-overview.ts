import 'server-only';
import type { GatewayClient } from '../../gateway/gateway-client';
import { describeError, trpcCodeOf } from '../../trpc/trpc-error';
import type { RouterOutputs } from '../../trpc/router-types';
import { deadLetterServices, type DeadLetterService } from '../dead-letters/dead-letter-services';

type EventingStatus = RouterOutputs['order']['eventing']['status'];
type DeadLetterCount = RouterOutputs['order']['deadLetters']['count'];
export type ConsumerGroup = RouterOutputs['order']['eventing']['consumerGroups'][number];
export type Answer<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface EventingOverview {
  service: DeadLetterService;
  /** Outbox backlog and consumer lag, from the service's eventing.status (the gauges Prometheus scrapes). */
  eventing: Answer<EventingStatus>;
  /** The dead-letter queue by status, from deadLetters.count. */
  deadLetters: Answer<DeadLetterCount>;
  /** The service's consumer groups as the broker describes them. */
  consumerGroups: Answer<ConsumerGroup[]>;
}

async function answer<T>(call: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const problem =
      trpcCodeOf(error) === 'NOT_FOUND'
        ? 'This service does not report it (yet).'
        : describeError(error);
    return { ok: false, problem };
  }
}

/** Each event-consuming service's Kafka side; a service that does not answer says why instead. */
export async function loadEventingOverview(gateway: GatewayClient): Promise<EventingOverview[]> {
  const routers = {
    order: gateway.order,
    payment: gateway.payment,
    notification: gateway.notification,
  };
  return Promise.all(
    deadLetterServices.map(async (service) => {
      const router = routers[service];
      const [eventing, deadLetters, consumerGroups] = await Promise.all([
        answer(() => router.eventing.status.query()),
        answer(() => router.deadLetters.count.query({})),
        answer(() => router.eventing.consumerGroups.query()),
      ]);
      return { service, eventing, deadLetters, consumerGroups };
    }),
  );
}
