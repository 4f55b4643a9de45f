'use client';
import { isPermanentDeadLetter } from '@food/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { JsonBlock } from '../../components/json-block';
import { LoadingRows } from '../../components/loading-rows';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import { isUuid } from '../../format/is-uuid';
import { trpcCodeOf } from '../../trpc/trpc-error';
import type { DeadLetterService } from './dead-letter-services';
import { DeadLetterStatusBadge } from './dead-letter-status-badge';
import { describeReplay, type ActionOutcome } from './describe-replay';
import { DiscardDialog } from './discard-dialog';
import { ReplayHistory } from './replay-history';
import { useDeadLetterApi } from './use-dead-letter-api';

/** One dead letter: why it failed, its payload and headers, replay or discard it, and what happened since. */
export function DeadLetterDetail({ service, id }: { service: DeadLetterService; id: string }) {
  const api = useDeadLetterApi();
  const letter = useQuery(
    api.options[service].get.queryOptions({ id }, { refetchInterval: 5_000 }),
  );
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const replay = useMutation({
    mutationFn: () => api.calls[service].replay.mutate({ id }),
    onSuccess: (result) => setOutcome(describeReplay([result])),
    onSettled: api.refetchAll,
  });
  const discard = useMutation({
    mutationFn: (reason: string) => api.calls[service].discard.mutate({ ids: [id], reason }),
    onSuccess: () => {
      setOutcome({
        tone: 'success',
        text: 'Discarded. It stays on record and will not be replayed.',
      });
      setDiscarding(false);
    },
    onSettled: api.refetchAll,
  });

  if (letter.isPending) return <LoadingRows label="Loading the dead letter…" />;
  if (letter.isError) {
    if (trpcCodeOf(letter.error) === 'NOT_FOUND') {
      return (
        <EmptyState
          title="Dead letter not found"
          action={
            <Link href="/admin/dead-letters" className="button">
              All dead letters
            </Link>
          }
        >{`The ${service} service has no dead letter with this id.`}</EmptyState>
      );
    }
    return (
      <ErrorNotice
        error={letter.error}
        title="The dead letter could not be loaded"
        onRetry={() => void letter.refetch()}
      />
    );
  }
  const data = letter.data;
  const orderId = isUuid(data.messageKey) ? data.messageKey : null;
  const busy = replay.isPending || discard.isPending;

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <Link href="/admin/dead-letters" className="back-link">
            ← Dead letters
          </Link>
          <h1>
            Dead letter {shortId(data.id)} <span className="muted small">in {service}</span>
          </h1>
          <p className="mono small muted">{data.id}</p>
        </div>
        <div className="row">
          <DeadLetterStatusBadge status={data.status} />
          {isPermanentDeadLetter(data.errorClass) ? (
            <span className="badge badge-bad" title="A replay fails again unless the code or the data changed">
              permanent: a replay fails again
            </span>
          ) : null}
          <button
            type="button"
            className="button"
            onClick={() => replay.mutate()}
            disabled={busy || data.status === 'DISCARDED'}
            data-testid="replay-dead-letter"
          >
            {replay.isPending
              ? 'Replaying…'
              : data.status === 'REPLAYED'
                ? 'Replay again'
                : 'Replay'}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDiscarding(true)}
            disabled={busy || data.status === 'DISCARDED'}
          >
            Discard…
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {outcome ? (
          <p
            className={`notice ${outcome.tone === 'success' ? 'notice-success' : 'notice-warning'}`}
          >
            {outcome.text}
          </p>
        ) : null}
      </div>
      {(replay.error ?? discard.error) ? (
        <ErrorNotice error={replay.error ?? discard.error} title="The action did not complete" />
      ) : null}
      <div className="notice notice-error">
        <span className="notice-title">
          {data.errorClass} after {data.attempts} {data.attempts === 1 ? 'attempt' : 'attempts'}
        </span>
        <p className="mono" data-testid="dead-letter-error">
          {data.errorMessage}
        </p>
      </div>
      <div className="grid-2-even">
        <section className="card" aria-labelledby="message-heading">
          <h2 id="message-heading">Message</h2>
          <dl className="facts">
            <div>
              <dt>Original topic</dt>
              <dd>
                <code>{data.originalTopic}</code> · partition {data.originalPartition ?? '—'} ·
                offset {data.originalOffset ?? '—'}
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
        </section>
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">Replay history</h2>
          <ReplayHistory letter={data} service={service} />
        </section>
      </div>
      <section className="card" aria-labelledby="payload-heading">
        <h2 id="payload-heading">Payload</h2>
        <JsonBlock value={data.payload.json ?? data.payload.text} label="Message payload" />
      </section>
      <section className="card" aria-labelledby="headers-heading">
        <h2 id="headers-heading">Headers</h2>
        <div className="table-wrap">
          <table className="table">
            <tbody>
              {Object.entries(data.headers).map(([name, value]) => (
                <tr key={name}>
                  <th scope="row" className="mono">
                    {name}
                  </th>
                  <td className="mono">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <DiscardDialog
        open={discarding}
        count={1}
        busy={discard.isPending}
        onClose={() => setDiscarding(false)}
        onConfirm={(reason) => discard.mutate(reason)}
      />
    </div>
  );
}
