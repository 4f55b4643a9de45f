import type { PurgeTarget } from '@food/service-kit';
import type { Database } from '../db.js';

/**
 * Refresh tokens of sign-ins that ended more than `hours` ago: every token of the family revoked or expired.
 * A rotated token of a live family stays, since presenting it again is how theft is detected. Each family is
 * claimed with the lock that rotation and logout take (refresh-tokens.ts), skipped when held: two purges never
 * delete one family at once, and a purge never races a rotation.
 */
export function endedSignInRetention(db: Database, hours: number): PurgeTarget {
  return {
    name: 'refresh tokens of ended sign-ins',
    purgeBatch: (limit) =>
      db.$executeRawUnsafe(
        `WITH claimed AS (
           SELECT family_id FROM (
             SELECT family_id FROM refresh_token GROUP BY family_id
             HAVING max(LEAST(COALESCE(revoked_at, expires_at), expires_at)) < now() - make_interval(hours => $1::int)
           ) AS ended
           WHERE pg_try_advisory_xact_lock(hashtextextended(family_id::text, 0))
           LIMIT $2::int
         )
         DELETE FROM refresh_token WHERE family_id IN (SELECT family_id FROM claimed)`,
        hours,
        limit,
      ),
  };
}
