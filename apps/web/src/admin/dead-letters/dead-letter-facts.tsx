import Link from 'next/link';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import { isUuid } from '../../format/is-uuid';
import type { DeadLetterService } from './dead-letter-services';
import type { DeadLetterDetails } from './dead-letter-types';

/** Where the message came from (topic, partition, offset, group), what it is, and the order it is about. */
export function DeadLetterFacts({
  service,
  data,
}: {
  service: DeadLetterService;
  data: DeadLetterDetails;
}) {
  const orderId = isUuid(data.messageKey) ? data.messageKey : null;
  return (
    <dl className="facts">
      <div>
        <dt>Original topic</dt>
        <dd>
          <code>{data.originalTopic}</code> · partition {data.originalPartition ?? '—'} · offset{' '}
          {data.originalOffset ?? '—'}
        </dd>
      </div>
      <div>
        <dt>Consumer group</dt>
        <dd className="mono">{data.consumerGroup ?? '—'}</dd>
      </div>
      <div>
        <dt>Event</dt>
        <dd>
          {data.eventType ?? 'unknown type'}{' '}
          <span className="mono small">{data.eventId ?? ''}</span>
        </dd>
      </div>
      <div>
        <dt>Key</dt>
        <dd>
          {orderId ? (
            <Link href={`/admin/orders/${orderId}`} data-testid="dead-letter-order-link">
              Order #{shortId(orderId)} (saga timeline)
            </Link>
          ) : (
            <span className="mono">{data.messageKey ?? '—'}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Failed</dt>
        <dd>
          <LocalTime iso={data.failedAt} style="precise" />
        </dd>
      </div>
      {data.replayOf ? (
        <div>
          <dt>Came from replaying</dt>
          <dd>
            <Link href={`/admin/dead-letters/${service}/${data.replayOf}`}>
              Dead letter {shortId(data.replayOf)}
            </Link>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
