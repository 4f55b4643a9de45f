'use client';
import { useQuery } from '@tanstack/react-query';
import { EmptyState } from '../../components/empty-state';
import { DataTable, type Column } from '../../components/data-table';
import { DetailHeader } from '../../components/detail-header';
import { JsonBlock } from '../../components/json-block';
import { QueryState } from '../../components/query-state';
import { shortId } from '../../format/formatters';
import { DeadLetterActions } from './dead-letter-actions';
import { DeadLetterFacts } from './dead-letter-facts';
import type { DeadLetterService } from './dead-letter-services';
import type { DeadLetterDetails } from './dead-letter-types';
import { ReplayHistory } from './replay-history';
import { useDeadLetterApi } from './use-dead-letter-api';

const headerColumns: Column<[string, string]>[] = [
  { rowHeader: true, className: 'mono', cell: ([name]) => name },
  { className: 'mono', cell: ([, value]) => value },
];

/** One dead letter: why it failed, its payload and headers, replay, resolve or discard it, and what happened since. */
export function DeadLetterDetail({ service, id }: { service: DeadLetterService; id: string }) {
  const api = useDeadLetterApi();
  const letter = useQuery(
    api.options[service].get.queryOptions({ id }, { refetchInterval: 5_000 }),
  );

  return (
    <QueryState
      query={letter}
      what="the dead letter"
      notFound={
        <EmptyState
          title="Dead letter not found"
          link={{ href: '/admin/dead-letters', label: 'All dead letters' }}
        >{`The ${service} service has no dead letter with this id.`}</EmptyState>
      }
    >
      {(data) => <LetterView service={service} data={data} />}
    </QueryState>
  );
}

function LetterView({ service, data }: { service: DeadLetterService; data: DeadLetterDetails }) {
  return (
    <div className="stack">
      <DetailHeader
        back={{ href: '/admin/dead-letters', label: 'Dead letters' }}
        title={
          <>
            Dead letter {shortId(data.id)} <span className="muted small">in {service}</span>
          </>
        }
      >
        <p className="mono small muted">{data.id}</p>
      </DetailHeader>
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
        <DataTable
          columns={headerColumns}
          rows={Object.entries(data.headers)}
          rowKey={([name]) => name}
        />
      </section>
    </div>
  );
}
