'use client';
import { useState } from 'react';
import { ErrorNotice } from '../../components/error-notice';
import { LoadMoreButton } from '../../components/load-more-button';
import { useUrlFilters } from '../use-url-filters';
import { ActionOutcomeNotice } from './action-outcome-notice';
import { DeadLetterFilters } from './dead-letter-filters';
import { DeadLetterListState } from './dead-letter-list-state';
import { DeadLetterToolbar } from './dead-letter-toolbar';
import {
  deadLetterFilterFromUrl,
  deadLetterUrlKeys,
  servicesMatching,
} from './dead-letter-url-filter';
import { DeadLettersTable } from './dead-letters-table';
import type { ActionOutcome } from './describe-replay';
import { DiscardDialog } from './discard-dialog';
import { ReplayMatchingDialog } from './replay-matching-dialog';
import { useDeadLetterListActions } from './use-dead-letter-list-actions';
import { useDeadLetterQueues } from './use-dead-letter-queues';
import { useSelection } from './use-selection';

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

  const { replay, replayMatching, discard, busy, error } = useDeadLetterListActions(
    filter,
    setOutcome,
    () => {
      setDialog(null);
      select([]);
    },
  );

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
      {error ? <ErrorNotice error={error} title="The action did not complete" /> : null}
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
        <LoadMoreButton pages={more} />
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
