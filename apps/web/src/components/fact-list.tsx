import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
  /** Classes of the value (mono). */
  className?: string;
  testId?: string;
}

/** Labelled facts about one thing (a definition list); a null entry is a fact that does not apply. */
export function FactList({
  facts,
  className = 'facts',
}: {
  facts: ReadonlyArray<Fact | null>;
  className?: string;
}) {
  return (
    <dl className={className}>
      {facts.map((fact) =>
        fact ? (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd className={fact.className} data-testid={fact.testId}>
              {fact.value}
            </dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
