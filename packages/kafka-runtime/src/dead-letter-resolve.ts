import type { TransactionalDatabase } from './sql-client.js';

/**
 * Marks pending dead letters RESOLVED without replaying them (an operator fixed the cause another way), recording
 * who did it, when, and their note. Letters no longer pending (replayed, discarded, resolved) are left as they are.
 */
export async function resolveDeadLetters(
  database: TransactionalDatabase,
  ids: readonly string[],
  options: { requestedBy: string; note?: string | undefined },
): Promise<{ resolved: string[] }> {
  return database.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(
      `UPDATE dead_letter SET status = 'RESOLVED', updated_at = now()
       WHERE id = ANY($1::uuid[]) AND status = 'PENDING' RETURNING id::text`,
      [...ids],
    );
    if (rows.length) {
      await tx.$executeRawUnsafe(
        `INSERT INTO dead_letter_replay (dead_letter_id, action, requested_by, outcome, detail)
         SELECT id, 'RESOLVE', $2, 'RESOLVED', $3 FROM unnest($1::uuid[]) AS id`,
        rows.map((row) => row.id),
        options.requestedBy,
        options.note?.trim() || null,
      );
    }
    return { resolved: rows.map((row) => row.id) };
  });
}
