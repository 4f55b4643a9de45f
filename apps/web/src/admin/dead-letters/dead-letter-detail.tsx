'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { JsonBlock } from '../../components/json-block';
import { LoadingRows } from '../../components/loading-rows';
import { shortId } from '../../format/formatters';
import { trpcCodeOf } from '../../trpc/trpc-error';
import { DeadLetterActions } from './dead-letter-actions';
import { DeadLetterFacts } from './dead-letter-facts';
import type { DeadLetterService } from './dead-letter-services';
import type { DeadLetterDetails } from './dead-letter-types';
import { ReplayHistory } from './replay-history';
import { useDeadLetterApi } from './use-dead-letter-api';

function HeadersTable({ headers }: { headers: DeadLetterDetails['headers'] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <tbody>
          {Object.entries(headers).map(([name, value]) => (
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
  );
}

function LetterNotFound({ service }: { service: DeadLetterService }) {
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

/** One dead letter: why it failed, its payload and headers, replay, resolve or discard it, and what happened since. */
export function DeadLetterDetail({ service, id }: { service: DeadLetterService; id: string }) {
  const api = useDeadLetterApi();
  const letter = useQuery(
    api.options[service].get.queryOptions({ id }, { refetchInterval: 5_000 }),
  );

  if (letter.isPending) return <LoadingRows label="Loading the dead letter…" />;
  if (letter.isError) {
    if (trpcCodeOf(letter.error) === 'NOT_FOUND') return <LetterNotFound service={service} />;
    return (
      <ErrorNotice
        error={letter.error}
        title="The dead letter could not be loaded"
        onRetry={() => void letter.refetch()}
      />
    );
  }
  const data = letter.data;
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
      </div>
      <DeadLetterActions service={service} letter={data} />
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
          <DeadLetterFacts service={service} data={data} />
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
        <HeadersTable headers={data.headers} />
      </section>
    </div>
  );
}
