'use client';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { LoadMoreButton } from '../../components/load-more-button';
import { LoadingRows } from '../../components/loading-rows';
import { useUrlFilters } from '../use-url-filters';
import { DeadLetterFilters } from './dead-letter-filters';
import type { DeadLetterService } from './dead-letter-services';
import type { ServiceDeadLetter } from './dead-letter-types';
import {
  deadLetterFilterFromUrl,
  deadLetterUrlKeys,
  servicesMatching,
} from './dead-letter-url-filter';
import { DeadLettersTable } from './dead-letters-table';
import { describeReplay, type ActionOutcome } from './describe-replay';
import { DiscardDialog } from './discard-dialog';
import { mergeNewestFirst } from './merge-newest-first';
import { ReplayMatchingDialog, replayMatchingLimit } from './replay-matching-dialog';
import { useDeadLetterApi } from './use-dead-letter-api';

const pageSize = 50;
/** The list refetches this often, so replayed letters change status (and new ones appear) without a reload. */
const refetchEveryMs = 5_000;

function groupByService(rows: ServiceDeadLetter[]) {
  const groups = new Map<DeadLetterService, string[]>();
  for (const row of rows) groups.set(row.service, [...(groups.get(row.service) ?? []), row.id]);
  return [...groups];
}

/** One list over the dead letters of order, payment and notification (or one group): filter, inspect, replay, discard. */
export function DeadLettersView() {
  const api = useDeadLetterApi();
  const [filters, setFilters] = useUrlFilters(deadLetterUrlKeys);
  const filter = deadLetterFilterFromUrl(filters);
  const services = servicesMatching(filters, filter);
  const listOf = (service: DeadLetterService) =>
    api.options[service].list.infiniteQueryOptions(
      { ...filter, limit: pageSize },
      {
        enabled: services.includes(service),
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: refetchEveryMs,
      },
    );
  const queues = {
    order: useInfiniteQuery(listOf('order')),
    payment: useInfiniteQuery(listOf('payment')),
    notification: useInfiniteQuery(listOf('notification')),
  };
  const active = services.map((service) => ({ service, query: queues[service] }));
  const loading = active.some(({ query }) => query.isPending);
  const failed = active.find(({ query }) => query.isError)?.query;
  const total = active.reduce((sum, { query }) => sum + (query.data?.pages[0]?.total ?? 0), 0);
  const { rows, heldBack } = mergeNewestFirst(
    active.map(({ service, query }) => ({
      service,
      items: query.data?.pages.flatMap((page) => page.items) ?? [],
      hasMore: query.hasNextPage,
    })),
  );

  // Selection belongs to one filter: changing the filter starts a new one. Rows that left the list drop out.
  const scope = JSON.stringify(filters);
  const [selection, setSelection] = useState<{ scope: string; keys: ReadonlySet<string> }>({
    scope,
    keys: new Set(),
  });
  const selectedRows =
    selection.scope === scope ? rows.filter((row) => selection.keys.has(row.key)) : [];
  const selectedKeys = new Set(selectedRows.map((row) => row.key));
  const select = (keys: Iterable<string>) => setSelection({ scope, keys: new Set(keys) });

  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [dialog, setDialog] = useState<'discard' | 'replay-matching' | null>(null);

  const replay = useMutation({
    mutationFn: (targets: ServiceDeadLetter[]) =>
      Promise.all(
        groupByService(targets).map(([service, ids]) =>
          api.calls[service].replaySelected.mutate({ ids }),
        ),
      ),
    onSuccess: (results) => {
      setOutcome(describeReplay(results));
      select([]);
    },
    onSettled: api.refetchAll,
  });
  const replayMatching = useMutation({
    mutationFn: (targets: DeadLetterService[]) =>
      Promise.all(
        targets.map((service) =>
          api.calls[service].replayMatching.mutate({ filter, limit: replayMatchingLimit }),
        ),
      ),
    onSuccess: (results) => {
      setOutcome(describeReplay(results));
      setDialog(null);
    },
    onSettled: api.refetchAll,
  });
  const discard = useMutation({
    mutationFn: ({ targets, reason }: { targets: ServiceDeadLetter[]; reason: string }) =>
      Promise.all(
        groupByService(targets).map(([service, ids]) =>
          api.calls[service].discard.mutate({ ids, reason }),
        ),
      ),
    onSuccess: (results) => {
      const discarded = results.reduce((sum, result) => sum + result.discarded.length, 0);
      setOutcome({
        tone: 'success',
        text: `Discarded ${discarded} dead ${discarded === 1 ? 'letter' : 'letters'}.`,
      });
      setDialog(null);
      select([]);
    },
    onSettled: api.refetchAll,
  });
  const busy = replay.isPending || replayMatching.isPending || discard.isPending;
  const actionError = replay.error ?? replayMatching.error ?? discard.error;

  return (
    <div className="stack">
      <DeadLetterFilters values={filters} onApply={setFilters} />
      {filter.fingerprint ? (
        <p className="notice notice-info" data-testid="dead-letter-group-scope">
          Showing the messages of one group of {filters.service || 'a service'}.{' '}
          <button type="button" className="link-button" onClick={() => setFilters({ group: '' })}>
            Show every message
          </button>
        </p>
      ) : null}
      <div className="spread" role="toolbar" aria-label="Dead-letter actions">
        <span className="small muted" aria-live="polite">
          {selectedRows.length
            ? `${selectedRows.length} selected`
            : `${rows.length} shown of ${total}${heldBack ? `, ${heldBack} more after loading` : ''}`}
        </span>
        <div className="row">
          <button
            type="button"
            className="button button-small"
            disabled={!selectedRows.length || busy}
            onClick={() => replay.mutate(selectedRows)}
          >
            Replay selected{selectedRows.length ? ` (${selectedRows.length})` : ''}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={!selectedRows.length || busy}
            onClick={() => setDialog('discard')}
          >
            Discard selected…
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy || filter.status === 'DISCARDED' || !services.length}
            title={
              filter.status === 'DISCARDED'
                ? 'Discarded dead letters are never replayed'
                : undefined
            }
            onClick={() => setDialog('replay-matching')}
          >
            Replay all matching…
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {outcome ? (
          <p
            className={`notice ${outcome.tone === 'success' ? 'notice-success' : 'notice-warning'}`}
            data-testid="dead-letter-outcome"
          >
            {outcome.text}
          </p>
        ) : null}
      </div>
      {actionError ? <ErrorNotice error={actionError} title="The action did not complete" /> : null}
      {!services.length ? (
        <div className="card">
          <EmptyState title="No queue matches">
            The chosen service does not consume this topic, so none of its dead letters can match.
          </EmptyState>
        </div>
      ) : loading ? (
        <LoadingRows label="Loading dead letters…" rows={6} />
      ) : failed ? (
        <ErrorNotice
          error={failed.error}
          title="Dead letters could not be loaded"
          onRetry={() => void failed.refetch()}
        />
      ) : !rows.length ? (
        <div className="card">
          <EmptyState
            title={
              filter.status === 'PENDING' ? 'No dead letters waiting' : 'No dead letters match'
            }
          >
            {filter.status === 'PENDING'
              ? 'Every message was processed or has been dealt with. Letters appear here when a consumer gives up on one.'
              : 'Change or clear the filters to see more.'}
          </EmptyState>
        </div>
      ) : (
        <>
          <DeadLettersTable
            rows={rows}
            selected={selectedKeys}
            busy={busy}
            onToggle={(key) =>
              select(
                selectedKeys.has(key)
                  ? [...selectedKeys].filter((selected) => selected !== key)
                  : [...selectedKeys, key],
              )
            }
            onToggleAll={(all) => select(all ? rows.map((row) => row.key) : [])}
            onReplay={(row) => replay.mutate([row])}
          />
          <LoadMoreButton
            hasMore={active.some(({ query }) => query.hasNextPage)}
            loading={active.some(({ query }) => query.isFetchingNextPage)}
            onClick={() =>
              active
                .filter(({ query }) => query.hasNextPage)
                .forEach(({ query }) => void query.fetchNextPage())
            }
          />
        </>
      )}
      <DiscardDialog
        open={dialog === 'discard'}
        count={selectedRows.length}
        busy={discard.isPending}
        onClose={() => setDialog(null)}
        onConfirm={(reason) => discard.mutate({ targets: selectedRows, reason })}
      />
      <ReplayMatchingDialog
        open={dialog === 'replay-matching'}
        services={services}
        filter={filter}
        busy={replayMatching.isPending}
        onClose={() => setDialog(null)}
        onConfirm={(targets) => replayMatching.mutate(targets)}
      />
    </div>
  );
}
