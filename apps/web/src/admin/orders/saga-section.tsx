'use client';
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/error-notice';
import type { LiveStatus } from '../../components/live-indicator';
import { QueryState } from '../../components/query-state';
import { pollWhilePending } from '../../orders/poll-while-pending';
import { useTRPC } from '../../trpc/trpc-react';
import type { AdminOrder } from './admin-order-facts';
import { SagaTimeline } from './saga-timeline';
import { sagaTimelineEntries } from './saga-timeline-entries';
import { useOrderDeadLetters } from './use-order-dead-letters';

/** The order's saga event by event, its dead letters among them; followed while the order waits for its payment. */
export function SagaSection({ order, live }: { order: AdminOrder; live: LiveStatus }) {
  const trpc = useTRPC();
  const pending = order.status === 'PENDING_PAYMENT';
  const deadLetters = useOrderDeadLetters(order.id, pending);
  const timeline = useQuery(
    trpc.order.adminTimeline.queryOptions(
      { orderId: order.id },
      { refetchInterval: pollWhilePending(live)(order.status) },
    ),
  );
  return (
    <section className="card" aria-labelledby="saga-heading">
      <div className="card-title">
        <h2 id="saga-heading">Saga timeline</h2>
        <span className="small muted">
          {timeline.data ? `${timeline.data.events.length} events` : null}
        </span>
      </div>
      <QueryState query={timeline} what="the saga timeline">
        {(data) => (
          <SagaTimeline entries={sagaTimelineEntries(data.events, deadLetters.deadLetters)} />
        )}
      </QueryState>
      {deadLetters.error ? (
        <ErrorNotice
          error={deadLetters.error}
          title="Dead letters of this order could not be loaded"
        />
      ) : null}
    </section>
  );
}
