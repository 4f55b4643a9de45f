'use client';
import Link from 'next/link';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import type { GroupAction, ServiceDeadLetterGroup } from './dead-letter-group-types';
import { groupMessagesHref } from './dead-letter-url-filter';

/** How many, how many still pending (and resolved), and when the group first and last failed. */
function GroupFacts({ group }: { group: ServiceDeadLetterGroup }) {
  return (
    <dl className="group-card-facts small">
      <div>
        <dt>Count</dt>
        <dd data-testid="dead-letter-group-count">{group.count}</dd>
      </div>
      <div>
        <dt>Pending</dt>
        <dd>{group.byStatus.PENDING}</dd>
      </div>
      {group.byStatus.RESOLVED ? (
        <div>
          <dt>Resolved</dt>
          <dd>{group.byStatus.RESOLVED}</dd>
        </div>
      ) : null}
      <div>
        <dt>First seen</dt>
        <dd>
          <LocalTime iso={group.firstFailedAt} style="precise" />
        </dd>
      </div>
      <div>
        <dt>Last seen</dt>
        <dd>
          <LocalTime iso={group.lastFailedAt} style="precise" />
        </dd>
      </div>
    </dl>
  );
}

function GroupActions({
  group,
  status,
  busy,
  onAction,
}: {
  group: ServiceDeadLetterGroup;
  status: string;
  busy: boolean;
  onAction: (group: ServiceDeadLetterGroup, action: GroupAction) => void;
}) {
  return (
    <div className="row">
      <Link
        href={groupMessagesHref(group.service, group.fingerprint, status)}
        className="button button-secondary button-small"
        data-testid="dead-letter-group-messages"
      >
        Show {group.count} {group.count === 1 ? 'message' : 'messages'}
      </Link>
      <button
        type="button"
        className="button button-small"
        disabled={busy || !group.byStatus.PENDING}
        onClick={() => onAction(group, 'replay')}
        data-testid="replay-group"
      >
        Replay group…
      </button>
      <button
        type="button"
        className="button button-ghost button-small"
        disabled={busy || !group.byStatus.PENDING}
        onClick={() => onAction(group, 'discard')}
        data-testid="discard-group"
      >
        Discard group…
      </button>
    </div>
  );
}

function GroupCard({
  group,
  status,
  busy,
  onAction,
}: {
  group: ServiceDeadLetterGroup;
  status: string;
  busy: boolean;
  onAction: (group: ServiceDeadLetterGroup, action: GroupAction) => void;
}) {
  return (
    <li
      className="card group-card"
      data-testid="dead-letter-group"
      data-service={group.service}
      data-topic={group.originalTopic}
      data-fingerprint={group.fingerprint}
      data-count={group.count}
    >
      <div className="group-card-head">
        <span className="badge badge-info">{group.service}</span>
        <code>{group.originalTopic}</code>
        <span className="small muted">{group.errorClass}</span>
      </div>
      <p className="group-card-pattern" title={group.errorPattern}>
        {group.errorPattern}
      </p>
      <GroupFacts group={group} />
      <p className="small muted group-card-sample">
        Latest:{' '}
        <Link href={`/admin/dead-letters/${group.service}/${group.sample.id}`}>
          {group.sample.messageKey
            ? `key ${shortId(group.sample.messageKey)}`
            : shortId(group.sample.id)}
        </Link>{' '}
        — {group.sample.errorMessage}
      </p>
      <GroupActions group={group} status={status} busy={busy} onAction={onAction} />
    </li>
  );
}

/** One row per kind of failure: what failed and why, how often, since when, an example and actions on all of it. */
export function DeadLetterGroupList({
  groups,
  status,
  busy,
  onAction,
}: {
  groups: ServiceDeadLetterGroup[];
  /** The status filter of the page, kept when drilling into a group. */
  status: string;
  busy: boolean;
  onAction: (group: ServiceDeadLetterGroup, action: GroupAction) => void;
}) {
  return (
    <ul className="group-list" aria-label="Dead-letter groups">
      {groups.map((group) => (
        <GroupCard key={group.key} group={group} status={status} busy={busy} onAction={onAction} />
      ))}
    </ul>
  );
}
