import type { ActionOutcome } from './describe-replay';

/** What the last action did, in a sentence; announced to screen readers as it changes. */
export function ActionOutcomeNotice({
  outcome,
  testId,
}: {
  outcome: ActionOutcome | null;
  testId?: string;
}) {
  return (
    <div aria-live="polite">
      {outcome ? (
        <p
          className={`notice ${outcome.tone === 'success' ? 'notice-success' : 'notice-warning'}`}
          data-testid={testId}
        >
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
