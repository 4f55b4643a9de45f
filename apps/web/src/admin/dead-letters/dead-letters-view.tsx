'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../components/error-notice';
import { LoadMoreButton } from '../../components/load-more-button';
import { useUrlFilters } from '../use-url-filters';
import { ActionOutcomeNotice } from './action-outcome-notice';
import { DeadLetterFilters } from './dead-letter-filters';
import { DeadLetterListState } from './dead-letter-list-state';
import type { DeadLetterService } from './dead-letter-services';
import type { DeadLetterFilter, ServiceDeadLetter } from './dead-letter-types';
import {
  deadLetterFilterFromUrl,
  deadLetterUrlKeys,
  servicesMatching,
} from './dead-letter-url-filter';
import { DeadLettersTable } from './dead-letters-table';
import type { ActionOutcome } from './describe-replay';
import { DiscardDialog } from './discard-dialog';
import { mergeNewestFirst } from './merge-newest-first';
import { ReplayMatchingDialog } from './replay-matching-dialog';
import { useDeadLetterApi } from './use-dead-letter-api';
import { useDeadLetterListActions } from './use-dead-letter-list-actions';

const pageSize = 50;
/** The list refetches this often, so replayed letters change status (and new ones appear) without a reload. */
const refetchEveryMs = 5_000;

/** The list of each queue the filter can match, merged newest first (a row waits while another queue may have newer). */
function useDeadLetterQueues(filter: DeadLetterFilter, services: DeadLetterService[]) {
  const api = useDeadLetterApi();
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
  const more = {
    hasMore: active.some(({ query }) => query.hasNextPage),
    loading: active.some(({ query }) => query.isFetchingNextPage),
    load: () =>
      active
        .filter(({ query }) => query.hasNextPage)
        .forEach(({ query }) => void query.fetchNextPage()),
  };
  return { loading, failed, total, rows, heldBack, more };
}

/** Selection belongs to one filter (its scope): changing the filter starts a new one. Rows that left the list drop out. */
function useSelection(rows: ServiceDeadLetter[], scope: string) {
  const [selection, setSelection] = useState<{ scope: string; keys: ReadonlySet<string> }>({
    scope,
    keys: new Set(),
  });
  const selectedRows =
    selection.scope === scope ? rows.filter((row) => selection.keys.has(row.key)) : [];
  const selectedKeys = new Set(selectedRows.map((row) => row.key));
  const select = (keys: Iterable<string>) => setSelection({ scope, keys: new Set(keys) });
  const toggle = (key: string) =>
    select(
      selectedKeys.has(key)
        ? [...selectedKeys].filter((other) => other !== key)
        : [...selectedKeys, key],
    );
  return { selectedRows, selectedKeys, select, toggle };
}

function GroupScopeNotice({ service, onShowAll }: { service: string; onShowAll: () => void }) {
  return (
    <p className="notice notice-info" data-testid="dead-letter-group-scope">
      Showing the messages of one group of {service || 'a service'}.{' '}
      <button type="button" className="link-button" onClick={onShowAll}>
        Show every message
      </button>
    </p>
  );
}

/** How many are shown or selected, and the actions on a selection or on everything the filter matches. */
function DeadLetterToolbar({
  selected,
  shown,
  total,
  heldBack,
  busy,
  discardedOnly,
  anyQueue,
  onReplay,
  onDiscard,
  onReplayMatching,
}: {
  selected: number;
  shown: number;
  total: number;
  heldBack: number;
  busy: boolean;
  discardedOnly: boolean;
  anyQueue: boolean;
  onReplay: () => void;
  onDiscard: () => void;
  onReplayMatching: () => void;
}) {
  return (
    <div className="spread" role="toolbar" aria-label="Dead-letter actions">
      <span className="small muted" aria-live="polite">
        {selected
          ? `${selected} selected`
          : `${shown} shown of ${total}${heldBack ? `, ${heldBack} more after loading` : ''}`}
      </span>
      <div className="row">
        <button
          type="button"
          className="button button-small"
          disabled={!selected || busy}
          onClick={onReplay}
        >
          Replay selected{selected ? ` (${selected})` : ''}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={!selected || busy}
          onClick={onDiscard}
        >
          Discard selected…
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={busy || discardedOnly || !anyQueue}
          title={discardedOnly ? 'Discarded and resolved dead letters are not replayed' : undefined}
          onClick={onReplayMatching}
        >
          Replay all matching…
        </button>
      </div>
    </div>
  );
}

/** One list over the dead letters of order, payment and notification (or one group): filter, inspect, replay, discard. */
export function DeadLettersView() {
  const [filters, setFilters] = useUrlFilters(deadLetterUrlKeys);
  const filter = deadLetterFilterFromUrl(filters);
  const services = servicesMatching(filters, filter);
  const { loading, failed, total, rows, heldBack, more } = useDeadLetterQueues(filter, services);

  const { selectedRows, selectedKeys, select, toggle } = useSelection(
    rows,
    JSON.stringify(filters),
  );
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [dialog, setDialog] = useState<'discard' | 'replay-matching' | null>(null);

  const {
    replay,
    replayMatching,
    discard,
    busy,
    error: actionError,
  } = useDeadLetterListActions(filter, setOutcome, () => {
    setDialog(null);
    select([]);
  });

  return (
    <div className="stack">
      <DeadLetterFilters values={filters} onApply={setFilters} />
      {filter.fingerprint ? (
        <GroupScopeNotice service={filters.service} onShowAll={() => setFilters({ group: '' })} />
      ) : null}
      <DeadLetterToolbar
        selected={selectedRows.length}
        shown={rows.length}
        total={total}
        heldBack={heldBack}
        busy={busy}
        discardedOnly={filter.status === 'DISCARDED' || filter.status === 'RESOLVED'}
        anyQueue={services.length > 0}
        onReplay={() => replay.mutate(selectedRows)}
        onDiscard={() => setDialog('discard')}
        onReplayMatching={() => setDialog('replay-matching')}
      />
      <ActionOutcomeNotice outcome={outcome} testId="dead-letter-outcome" />
      {actionError ? <ErrorNotice error={actionError} title="The action did not complete" /> : null}
      <DeadLetterListState
        noun="dead letters"
        anyQueue={services.length > 0}
        loading={loading}
        failed={failed}
        empty={!rows.length}
        pendingOnly={filter.status === 'PENDING'}
      >
        <DeadLettersTable
          rows={rows}
          selected={selectedKeys}
          busy={busy}
          onToggle={toggle}
          onToggleAll={(all) => select(all ? rows.map((row) => row.key) : [])}
          onReplay={(row) => replay.mutate([row])}
        />
        <LoadMoreButton hasMore={more.hasMore} loading={more.loading} onClick={more.load} />
      </DeadLetterListState>
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
