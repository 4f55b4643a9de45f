import type { SqlClient } from './sql-client.js';

/** What became of a replay: applied by its consumer, failed again (a new dead letter), or not known yet. */
export type ReplayOutcome = 'APPLIED' | 'FAILED_AGAIN' | 'QUEUED';

/** One dead letter of a key (an order), with what operators did about it: for the order's saga timeline. */
export interface KeyDeadLetter {
  id: string;
  originalTopic: string;
  eventType: string | null;
  errorClass: string;
  errorMessage: string;
  failedAt: string;
  status: string;
  replayOf: string | null;
  actions: Array<{
    action: string;
    requestedBy: string;
    requestedAt: string;
    detail: string | null;
    /** For a replay; a discard has none. */
    outcome: ReplayOutcome | null;
    /** The dead letter the replay became when it failed again. */
    failedAgainAs: string | null;
  }>;
}

interface LetterRow {
  id: string;
  original_topic: string;
  event_type: string | null;
  error_class: string;
  error_message: string;
  failed_at: Date;
  status: string;
  replay_of: string | null;
  applied: boolean;
}

interface ActionRow {
  dead_letter_id: string;
  action: string;
  requested_by: string;
  requested_at: Date;
  detail: string | null;
}

const maxLetters = 100;

/**
 * The dead letters of one key, oldest first, each with its replays and discards. A replay's outcome: FAILED_AGAIN
 * when a later dead letter names it (`replay_of`), APPLIED when its consumer group recorded the event as processed.
 * The latest replay of a letter takes those facts; earlier ones failed again or were overtaken.
 */
export async function deadLettersOfKey(database: SqlClient, key: string): Promise<KeyDeadLetter[]> {
  const letters = await database.$queryRawUnsafe<LetterRow[]>(
    `SELECT d.id::text, d.original_topic, d.event_type, d.error_class, d.error_message, d.failed_at, d.status,
       d.replay_of::text,
       EXISTS (SELECT 1 FROM processed_event p WHERE p.consumer_group = d.consumer_group AND p.event_id = (CASE
         WHEN d.event_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN d.event_id::uuid END))
         AS applied
     FROM dead_letter d WHERE d.message_key = $1 ORDER BY d.failed_at, d.id LIMIT ${maxLetters}`,
    key,
  );
  if (!letters.length) return [];
  const actions = await database.$queryRawUnsafe<ActionRow[]>(
    `SELECT dead_letter_id::text, action, requested_by, requested_at, detail FROM dead_letter_replay
     WHERE dead_letter_id = ANY($1::uuid[]) ORDER BY requested_at, id`,
    letters.map((letter) => letter.id),
  );
  return letters.map((letter) => {
    const own = actions.filter((action) => action.dead_letter_id === letter.id);
    const replays = own.filter((action) => action.action === 'REPLAY');
    const failures = letters.filter((later) => later.replay_of === letter.id);
    return {
      id: letter.id,
      originalTopic: letter.original_topic,
      eventType: letter.event_type,
      errorClass: letter.error_class,
      errorMessage: letter.error_message,
      failedAt: letter.failed_at.toISOString(),
      status: letter.status,
      replayOf: letter.replay_of,
      actions: own.map((action) => {
        if (action.action !== 'REPLAY') return describeAction(action, null, null);
        // The failure a replay caused lies between it and the next replay of the same letter.
        const next = replays[replays.indexOf(action) + 1];
        const failure = failures.find(
          (later) => later.failed_at >= action.requested_at && (!next || later.failed_at < next.requested_at),
        );
        if (failure) return describeAction(action, 'FAILED_AGAIN', failure.id);
        return describeAction(action, !next && letter.applied ? 'APPLIED' : 'QUEUED', null);
      }),
    };
  });
}

function describeAction(action: ActionRow, outcome: ReplayOutcome | null, failedAgainAs: string | null) {
  return {
    action: action.action,
    requestedBy: action.requested_by,
    requestedAt: action.requested_at.toISOString(),
    detail: action.detail,
    outcome,
    failedAgainAs,
  };
}
