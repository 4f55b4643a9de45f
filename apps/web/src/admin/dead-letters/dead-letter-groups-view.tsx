'use client';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useUrlFilters } from '../use-url-filters';
import { DeadLetterFilters } from './dead-letter-filters';
import { DeadLetterGroupList } from './dead-letter-group-list';
import { DeadLetterListState } from './dead-letter-list-state';
import type { GroupAction, ServiceDeadLetterGroup } from './dead-letter-group-types';
import { deadLetterKey } from './dead-letter-types';
import {
  deadLetterFilterFromUrl,
  deadLetterUrlKeys,
  servicesMatching,
} from './dead-letter-url-filter';
import { GroupActionDialog } from './group-action-dialog';
import { GroupActionStatus } from './group-action-status';
import { RunningBulkActions } from './running-bulk-actions';
import { useDeadLetterApi } from './use-dead-letter-api';
import { useGroupAction } from './use-group-action';

const refetchEveryMs = 5_000;

/** Dead letters of every queue grouped by kind of failure, the most recent first; act on a whole group at once. */
export function DeadLetterGroupsView() {
  const api = useDeadLetterApi();
  const [values, setValues] = useUrlFilters(deadLetterUrlKeys);
  const filter = deadLetterFilterFromUrl(values);
  const services = servicesMatching(values, filter);
  const queries = useQueries({
    queries: services.map((service) =>
      api.options[service].groups.queryOptions(
        { ...filter, limit: 100 },
        { refetchInterval: refetchEveryMs },
      ),
    ),
  });
  const groups: ServiceDeadLetterGroup[] = services
    .flatMap((service, index) =>
      (queries[index]?.data?.groups ?? []).map((group) => ({
        ...group,
        service,
        key: deadLetterKey(service, group.fingerprint),
      })),
    )
    .sort((a, b) => b.lastFailedAt.localeCompare(a.lastFailedAt));
  const total = queries.reduce((sum, query) => sum + (query.data?.totalDeadLetters ?? 0), 0);

  const action = useGroupAction();
  const [dialog, setDialog] = useState<{
    group: ServiceDeadLetterGroup;
    action: GroupAction;
  } | null>(null);

  return (
    <div className="stack">
      <DeadLetterFilters values={values} onApply={setValues} />
      <p className="small muted" aria-live="polite" data-testid="dead-letter-group-totals">
        {groups.length} {groups.length === 1 ? 'group' : 'groups'}, {total} dead{' '}
        {total === 1 ? 'letter' : 'letters'}
      </p>
      <GroupActionStatus
        progress={action.progress}
        outcome={action.data ?? null}
        error={action.error}
      />
      <RunningBulkActions followed={action.progress?.id} />
      <DeadLetterListState
        noun="dead-letter groups"
        anyQueue={services.length > 0}
        loading={queries.some((query) => query.isPending)}
        failed={queries.find((query) => query.isError)}
        empty={!groups.length}
        pendingOnly={filter.status === 'PENDING'}
      >
        <DeadLetterGroupList
          groups={groups}
          status={values.status}
          busy={action.isPending}
          onAction={(group, chosen) => setDialog({ group, action: chosen })}
        />
      </DeadLetterListState>
      <GroupActionDialog
        group={dialog?.group ?? null}
        action={dialog?.action ?? 'replay'}
        busy={action.isPending}
        onClose={() => setDialog(null)}
        onConfirm={({ rate, reason }) => {
          if (!dialog) return;
          action.mutate({ group: dialog.group, action: dialog.action, rate, reason });
          setDialog(null);
        }}
      />
    </div>
  );
}
