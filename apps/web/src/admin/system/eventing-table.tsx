import Link from 'next/link';
import { TableFrame } from '../../components/data-table';
import type { EventingOverview } from './eventing-overview';

const describeAge = (seconds: number | null) =>
  seconds === null || seconds === 0
    ? null
    : seconds < 120
      ? `${Math.round(seconds)} s`
      : `${Math.round(seconds / 60)} min`;
const unknown = <span className="muted">not reported yet</span>;

function EventingRow({ service, eventing, deadLetters }: Omit<EventingOverview, 'consumerGroups'>) {
  return (
    <tr
      data-testid="dlq-depth"
      data-service={service}
      data-pending={deadLetters.ok ? (deadLetters.value.byStatus.PENDING ?? 0) : ''}
    >
      <th scope="row">{service}</th>
      {eventing.ok ? (
        <>
          <td className="numeric">
            {eventing.value.outboxBacklog ?? unknown}
            {describeAge(eventing.value.outboxOldestAgeSeconds) ? (
              <div className="small muted">
                oldest {describeAge(eventing.value.outboxOldestAgeSeconds)}
              </div>
            ) : null}
          </td>
          <td className="numeric">
            {eventing.value.consumerLag.length ? (
              <details>
                <summary>{eventing.value.totalLag}</summary>
                <ul className="small muted">
                  {eventing.value.consumerLag.map((partition) => (
                    <li key={`${partition.topic}-${partition.partition}`}>
                      {partition.topic} [{partition.partition}]: {partition.lag}
                    </li>
                  ))}
                </ul>
              </details>
            ) : (
              unknown
            )}
          </td>
        </>
      ) : (
        <td colSpan={2} className="small">
          <span className="badge badge-neutral">Not available</span> {eventing.problem}
        </td>
      )}
      {deadLetters.ok ? (
        <>
          <td className="numeric">
            <Link href={`/admin/dead-letters?service=${service}`}>
              {deadLetters.value.byStatus.PENDING ?? 0}
            </Link>
          </td>
          <td className="small">
            {deadLetters.value.byStatus.REPLAYED ?? 0} replayed ·{' '}
            {deadLetters.value.byStatus.RESOLVED ?? 0} resolved ·{' '}
            {deadLetters.value.byStatus.DISCARDED ?? 0} discarded
          </td>
        </>
      ) : (
        <td colSpan={2} className="small text-bad">
          {deadLetters.problem}
        </td>
      )}
    </tr>
  );
}

const columns = [
  { header: 'Service' },
  { header: 'Outbox backlog', numeric: true },
  { header: 'Consumer lag', numeric: true },
  { header: 'Dead letters pending', numeric: true },
  { header: 'Dead letters handled' },
];

/** Per service: what waits in its outbox, how far its consumers are behind, and what sits in its dead-letter queue. */
export function EventingTable({ overview }: { overview: EventingOverview[] }) {
  return (
    <TableFrame columns={columns}>
      {overview.map(({ service, eventing, deadLetters }) => (
        <EventingRow
          key={service}
          service={service}
          eventing={eventing}
          deadLetters={deadLetters}
        />
      ))}
    </TableFrame>
  );
}
