'use client';
import Link from 'next/link';
import { FactList } from '../../components/fact-list';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import type { GroupAction, ServiceDeadLetterGroup } from './dead-letter-group-types';
import { groupMessagesHref } from './dead-letter-url-filter';

interface GroupProps {
  group: ServiceDeadLetterGroup;
  /** The status filter of the page, kept when drilling into a group. */
  status: string;
  busy: boolean;
  onAction: (group: ServiceDeadLetterGroup, action: GroupAction) => void;
}

/** How many, how many still pending (and resolved), and when the group first and last failed. */
function GroupFacts({ group }: { group: ServiceDeadLetterGroup }) {
  return (
    <FactList
      className="group-card-facts small"
      facts={[
        { label: 'Count', value: group.count, testId: 'dead-letter-group-count' },
        { label: 'Pending', value: group.byStatus.PENDING },
        group.byStatus.RESOLVED ? { label: 'Resolved', value: group.byStatus.RESOLVED } : null,
        { label: 'First seen', value: <LocalTime iso={group.firstFailedAt} style="precise" /> },
        { label: 'Last seen', value: <LocalTime iso={group.lastFailedAt} style="precise" /> },
      ]}
    />
  );
}

const groupActions = [
  { action: 'replay', label: 'Replay group…', className: 'button button-small' },
  { action: 'discard', label: 'Discard group…', className: 'button button-ghost button-small' },
] as const;

function GroupActions({ group, status, busy, onAction }: GroupProps) {
  return (
    <div className="row">
      <Link
        href={groupMessagesHref(group.service, group.fingerprint, status)}
        className="button button-secondary button-small"
        data-testid="dead-letter-group-messages"
      >
        Show {group.count} {group.count === 1 ? 'message' : 'messages'}
      </Link>
      {groupActions.map(({ action, label, className }) => (
        <button
          key={action}
          type="button"
          className={className}
          disabled={busy || !group.byStatus.PENDING}
          onClick={() => onAction(group, action)}
          data-testid={`${action}-group`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function GroupCard({ group, status, busy, onAction }: GroupProps) {
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
}: Omit<GroupProps, 'group'> & { groups: ServiceDeadLetterGroup[] }) {
  return (
    <ul className="group-list" aria-label="Dead-letter groups">
      {groups.map((group) => (
        <GroupCard key={group.key} group={group} status={status} busy={busy} onAction={onAction} />
      ))}
    </ul>
  );
}
