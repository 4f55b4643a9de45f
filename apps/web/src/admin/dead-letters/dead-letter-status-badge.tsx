import { deadLetterStatusLabels, isDeadLetterStatus } from './dead-letter-services';

const tones = {
  PENDING: 'badge-pending',
  REPLAYED: 'badge-ok',
  DISCARDED: 'badge-neutral',
  RESOLVED: 'badge-info',
} as const;

export function DeadLetterStatusBadge({ status }: { status: string }) {
  if (!isDeadLetterStatus(status)) return <span className="badge badge-neutral">{status}</span>;
  return (
    <span
      className={`badge ${tones[status]}`}
      data-testid="dead-letter-status"
      data-status={status}
    >
      {deadLetterStatusLabels[status]}
    </span>
  );
}
