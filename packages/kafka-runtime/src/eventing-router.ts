import { metricsRegistry, proceduresWith, router } from '@food/service-kit';
import type { ConsumerGroupReport } from './consumer-groups.js';

/** What the eventing procedures read from their context: the service's consumer groups as the broker describes them. */
export interface EventingDependencies {
  consumerGroups: () => Promise<ConsumerGroupReport[]>;
}

const { adminProcedure } = proceduresWith<EventingDependencies>('eventing');

async function gaugeValues(name: string) {
  const metric = metricsRegistry.getSingleMetric(name);
  return metric ? (await metric.get()).values : [];
}

/**
 * The admin view of a service's Kafka side, read through the same gauges Prometheus scrapes (so the console and
 * /metrics never disagree): outbox backlog and age, pending dead letters, and consumer lag per partition; and the
 * service's consumer groups as the broker describes them (members, assignments, lag, state).
 */
export function createEventingRouter() {
  return router({
    status: adminProcedure.query(async () => {
      const single = async (name: string) => (await gaugeValues(name))[0]?.value ?? null;
      const lag = (await gaugeValues('consumer_lag')).map((value) => ({
        topic: String(value.labels.topic),
        partition: Number(value.labels.partition),
        lag: value.value,
      }));
      return {
        outboxBacklog: await single('outbox_backlog'),
        outboxOldestAgeSeconds: await single('outbox_oldest_age_seconds'),
        deadLettersPending: await single('dead_letters_pending'),
        consumerLag: lag,
        totalLag: lag.reduce((sum, partition) => sum + partition.lag, 0),
      };
    }),
    consumerGroups: adminProcedure.query(({ ctx }) => ctx.consumerGroups()),
  });
}
