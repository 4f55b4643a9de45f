import type { DeadLetterService } from '../dead-letters/dead-letter-services';
import type { RouterOutputs } from '../../trpc/router-types';

export type SagaEvent = RouterOutputs['order']['adminTimeline']['events'][number];
export type KeyDeadLetter = RouterOutputs['payment']['deadLetters']['ofKey'][number];
export type DeadLetterAction = KeyDeadLetter['actions'][number];

/** A line of the order's timeline: an event of the saga, a dead letter of it, or what an operator did about one. */
export type SagaTimelineEntry =
  | { kind: 'event'; at: string; event: SagaEvent }
  | { kind: 'dead-letter'; at: string; service: DeadLetterService; letter: KeyDeadLetter }
  | {
      kind: 'action';
      at: string;
      service: DeadLetterService;
      letter: KeyDeadLetter;
      action: DeadLetterAction;
    };

/** The saga's events and each service's dead letters of the order with their replays, in the order they happened. */
export function sagaTimelineEntries(
  events: SagaEvent[],
  deadLetters: Array<{ service: DeadLetterService; letters: KeyDeadLetter[] }>,
): SagaTimelineEntry[] {
  const entries: SagaTimelineEntry[] = events.map((event) => ({
    kind: 'event',
    at: event.occurredAt,
    event,
  }));
  for (const { service, letters } of deadLetters) {
    for (const letter of letters) {
      entries.push({ kind: 'dead-letter', at: letter.failedAt, service, letter });
      for (const action of letter.actions) {
        entries.push({ kind: 'action', at: action.requestedAt, service, letter, action });
      }
    }
  }
  // A stable sort: entries at the same instant keep the saga's own order.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}
