import { DomainError } from '@food/contracts';
import { listColumns, toListItem, type DeadLetterDetailRow } from './dead-letter-list.js';
import type { SqlClient } from './sql-client.js';

interface ReplayRow {
  action: string;
  requested_by: string;
  requested_at: Date;
  outcome: string;
  detail: string | null;
}

interface LaterFailureRow {
  id: string;
  failed_at: Date;
  error_message: string;
}

/** The payload as text, and parsed when it is JSON, so an admin sees it pretty-printed. */
function describePayload(value: Uint8Array) {
  const text = Buffer.from(value).toString('utf8');
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch {
    return { text, json: null };
  }
}

/** One dead letter with its payload, headers, what operators did about it and what its replays became. */
export async function getDeadLetterDetail(database: SqlClient, id: string) {
  const rows = await database.$queryRawUnsafe<DeadLetterDetailRow[]>(
    `SELECT ${listColumns}, d.value, d.headers FROM dead_letter d WHERE d.id = $1::uuid`,
    id,
  );
  const row = rows[0];
  if (!row) throw new DomainError('NOT_FOUND', `no dead letter ${id}`);
  const replays = await database.$queryRawUnsafe<ReplayRow[]>(
    `SELECT action, requested_by, requested_at, outcome, detail FROM dead_letter_replay
     WHERE dead_letter_id = $1::uuid ORDER BY requested_at, id`,
    id,
  );
  const laterFailures = await database.$queryRawUnsafe<LaterFailureRow[]>(
    'SELECT id::text, failed_at, error_message FROM dead_letter WHERE replay_of = $1::uuid ORDER BY failed_at',
    id,
  );
  return {
    ...toListItem(row),
    payload: describePayload(row.value),
    headers: row.headers,
    history: replays.map((replay) => ({
      action: replay.action,
      requestedBy: replay.requested_by,
      requestedAt: replay.requested_at.toISOString(),
      outcome: replay.outcome,
      detail: replay.detail,
    })),
    /** Dead letters that a replay of this one produced (the replay failed again). */
    failedAgainAs: laterFailures.map((failure) => ({
      id: failure.id,
      failedAt: failure.failed_at.toISOString(),
      errorMessage: failure.error_message,
    })),
  };
}
