'use client';
import { ErrorNotice } from '../../components/error-notice';
import type { GroupActionProgress } from './dead-letter-group-types';

interface GroupActionOutcome {
  action: 'replay' | 'discard';
  done: number;
  skippedCount: number;
  skipped: string[];
}

const letters = (count: number) => `${count} dead ${count === 1 ? 'letter' : 'letters'}`;

/** Progress while a group is replayed or discarded, and the count of what happened when it is over. */
export function GroupActionStatus({
  progress,
  outcome,
  error,
}: {
  progress: GroupActionProgress | null;
  outcome: GroupActionOutcome | null;
  error: unknown;
}) {
  if (progress) {
    const verb = progress.action === 'replay' ? 'Replaying' : 'Discarding';
    return (
      <div className="notice notice-info" aria-live="polite" data-testid="group-action-progress">
        <p>
          {verb} a group: {progress.done} of {progress.total} done
          {progress.skipped ? `, ${progress.skipped} refused` : ''}…
        </p>
        <progress value={progress.done} max={Math.max(progress.total, progress.done, 1)} />
      </div>
    );
  }
  if (error) return <ErrorNotice error={error} title="The group action did not complete" />;
  if (!outcome) return null;
  const verb = outcome.action === 'replay' ? 'Replayed' : 'Discarded';
  return (
    <p
      className={`notice ${outcome.skippedCount ? 'notice-warning' : 'notice-success'}`}
      aria-live="polite"
      data-testid="group-action-outcome"
    >
      {verb} {letters(outcome.done)}
      {outcome.skippedCount
        ? `; ${letters(outcome.skippedCount)} refused (${outcome.skipped.join('; ')})`
        : ''}
      .
    </p>
  );
}
