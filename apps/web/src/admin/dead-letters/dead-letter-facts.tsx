import Link from 'next/link';
import { FactList } from '../../components/fact-list';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import { isUuid } from '../../format/is-uuid';
import type { DeadLetterService } from './dead-letter-services';
import type { DeadLetterDetails } from './dead-letter-types';

function MessageKey({ messageKey }: { messageKey: string | null }) {
  const orderId = isUuid(messageKey) ? messageKey : null;
  if (!orderId) return <span className="mono">{messageKey ?? '—'}</span>;
  return (
    <Link href={`/admin/orders/${orderId}`} data-testid="dead-letter-order-link">
      Order #{shortId(orderId)} (saga timeline)
    </Link>
  );
}

/** Where the message came from (topic, partition, offset, group), what it is, and the order it is about. */
export function DeadLetterFacts({
  service,
  data,
}: {
  service: DeadLetterService;
  data: DeadLetterDetails;
}) {
  const origin = (
    <>
      <code>{data.originalTopic}</code> · partition {data.originalPartition ?? '—'} · offset{' '}
      {data.originalOffset ?? '—'}
    </>
  );
  const event = (
    <>
      {data.eventType ?? 'unknown type'} <span className="mono small">{data.eventId ?? ''}</span>
    </>
  );
  const replayOf = data.replayOf && (
    <Link href={`/admin/dead-letters/${service}/${data.replayOf}`}>
      Dead letter {shortId(data.replayOf)}
    </Link>
  );
  return (
    <FactList
      facts={[
        { label: 'Original topic', value: origin },
        { label: 'Consumer group', value: data.consumerGroup ?? '—', className: 'mono' },
        { label: 'Event', value: event },
        { label: 'Key', value: <MessageKey messageKey={data.messageKey} /> },
        { label: 'Failed', value: <LocalTime iso={data.failedAt} style="precise" /> },
        replayOf ? { label: 'Came from replaying', value: replayOf } : null,
      ]}
    />
  );
}
