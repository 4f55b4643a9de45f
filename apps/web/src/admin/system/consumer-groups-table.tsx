import { DataTable, type Column } from '../../components/data-table';
import type { ConsumerGroup, EventingOverview } from './eventing-overview';

const markBadge: Record<ConsumerGroup['mark'], { className: string; label: string }> = {
  ok: { className: 'badge badge-ok', label: 'running' },
  stopped: { className: 'badge badge-down', label: 'stopped' },
  rebalancing: { className: 'badge badge-pending', label: 'rebalancing' },
  lagging: { className: 'badge badge-pending', label: 'lagging' },
};

const markWhy: Record<ConsumerGroup['mark'], string | null> = {
  ok: null,
  stopped: 'No consumer is running in this group: nothing it reads is processed.',
  rebalancing: 'Partitions are being handed out again; nothing is read until that settles.',
  lagging: 'Far behind the end of its partitions: messages wait before they are processed.',
};

/** Who reads what: each member with the partitions it was given. */
function GroupMembers({ group }: { group: ConsumerGroup }) {
  if (!group.members.length) return <p className="small muted">No members.</p>;
  return (
    <ul className="small" data-testid="consumer-group-members">
      {group.members.map((member) => (
        <li key={member.memberId} data-testid="consumer-group-member">
          <strong>{member.clientId}</strong> <span className="muted">{member.host}</span>:{' '}
          {member.assigned.map(({ topic, partition }) => `${topic} [${partition}]`).join(', ') ||
            'no partitions'}
        </li>
      ))}
    </ul>
  );
}

type Partition = ConsumerGroup['partitions'][number];

const partitionColumnsOf = (group: ConsumerGroup): Column<Partition>[] => [
  { header: 'Topic', cell: (partition) => partition.topic },
  { header: 'Partition', numeric: true, cell: (partition) => partition.partition },
  { header: 'Committed', numeric: true, cell: (partition) => partition.committedOffset ?? '—' },
  { header: 'End', numeric: true, cell: (partition) => partition.endOffset },
  { header: 'Lag', numeric: true, cell: (partition) => partition.lag },
  {
    header: 'Member',
    className: 'small',
    cell: (partition) =>
      group.members.find((member) => member.memberId === partition.memberId)?.clientId ?? (
        <span className="muted">nobody</span>
      ),
  },
];

function GroupPartitions({ group }: { group: ConsumerGroup }) {
  if (!group.partitions.length) return <p className="small muted">No committed offsets yet.</p>;
  return (
    <DataTable
      columns={partitionColumnsOf(group)}
      rows={group.partitions}
      rowKey={(partition) => `${partition.topic}-${partition.partition}`}
    />
  );
}

function GroupRow({ service, group }: { service: string; group: ConsumerGroup }) {
  const badge = markBadge[group.mark];
  const why = markWhy[group.mark];
  return (
    <li
      className="consumer-group"
      data-testid="consumer-group"
      data-group={group.groupId}
      data-mark={group.mark}
      data-members={group.members.length}
    >
      <div className="consumer-group-head">
        <strong className="consumer-group-id">{group.groupId}</strong>
        <span className={badge.className}>{badge.label}</span>
        <span className="small muted">
          {service} · {group.state} · {group.members.length}{' '}
          {group.members.length === 1 ? 'member' : 'members'} · lag {group.totalLag}
        </span>
      </div>
      {why ? <p className="small text-bad">{why}</p> : null}
      <GroupMembers group={group} />
      <details>
        <summary className="small">Partitions ({group.partitions.length})</summary>
        <GroupPartitions group={group} />
      </details>
    </li>
  );
}

/** Every consumer group of every service, the ones that need someone (stopped, lagging) marked. */
export function ConsumerGroupsTable({ overview }: { overview: EventingOverview[] }) {
  return (
    <div className="stack">
      {overview.map(({ service, consumerGroups }) =>
        consumerGroups.ok ? (
          <ul
            key={service}
            className="consumer-groups"
            aria-label={`Consumer groups of ${service}`}
          >
            {consumerGroups.value.map((group) => (
              <GroupRow key={group.groupId} service={service} group={group} />
            ))}
          </ul>
        ) : (
          <p key={service} className="small">
            <span className="badge badge-neutral">Not available</span> {service}:{' '}
            {consumerGroups.problem}
          </p>
        ),
      )}
    </div>
  );
}
