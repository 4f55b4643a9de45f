import { randomUUID } from 'node:crypto';
import { createLogger, RetentionPurge } from '@food/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../db.js';
import { createTestDatabase, uniqueEmail } from '../testing/auth-test-harness.js';
import { endedSignInRetention } from './refresh-token-retention.js';
import { issueRefreshToken } from './refresh-tokens.js';

const retentionHours = 168;

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe('retention purge of refresh tokens', () => {
  let database: TestDatabase;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase('token_retention');
    const user = await database.db.user.create({
      data: { email: uniqueEmail('retention'), name: 'Retention', passwordHash: 'not-a-real-hash' },
    });
    userId = user.id;
  });
  afterAll(() => database?.drop());

  /** A sign-in of `tokens` rotations: every token but the newest used; the family's times set `hoursAgo`. */
  async function signIn(
    tokens: number,
    ended: { revokedHoursAgo?: number; expiredHoursAgo?: number } = {},
  ) {
    const familyId = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < tokens; i += 1)
      ids.push((await issueRefreshToken(database.db, userId, familyId)).id);
    await database.db.refreshToken.updateMany({
      where: { id: { in: ids.slice(0, -1) } },
      data: { usedAt: new Date() },
    });
    const hours = (count: number) => new Date(Date.now() - count * 3600_000);
    if (ended.expiredHoursAgo !== undefined) {
      await database.db.refreshToken.updateMany({
        where: { familyId },
        data: { expiresAt: hours(ended.expiredHoursAgo) },
      });
    }
    if (ended.revokedHoursAgo !== undefined) {
      await database.db.refreshToken.updateMany({
        where: { familyId },
        data: { revokedAt: hours(ended.revokedHoursAgo) },
      });
    }
    return familyId;
  }
  const tokensOf = (familyId: string) => database.db.refreshToken.count({ where: { familyId } });

  it('deletes sign-ins that ended before the retention, and keeps live ones (their rotated tokens detect theft) and recent ends', async () => {
    const revokedLongAgo = await signIn(3, { revokedHoursAgo: retentionHours + 1 });
    const expiredLongAgo = await signIn(2, { expiredHoursAgo: retentionHours + 1 });
    const live = await signIn(3);
    const revokedRecently = await signIn(2, { revokedHoursAgo: retentionHours - 1 });
    const expiredRecently = await signIn(1, { expiredHoursAgo: 1 });

    const purge = new RetentionPurge({
      targets: [endedSignInRetention(database.db, retentionHours)],
      intervalMs: 60_000,
      logger: createLogger('test-token-retention', { level: 'error' }),
    });
    expect(await purge.purgeNow()).toEqual({ 'refresh tokens of ended sign-ins': 5 });

    expect(await tokensOf(revokedLongAgo)).toBe(0);
    expect(await tokensOf(expiredLongAgo)).toBe(0);
    expect(await tokensOf(live)).toBe(3);
    expect(await tokensOf(revokedRecently)).toBe(2);
    expect(await tokensOf(expiredRecently)).toBe(1);
  });

  it('splits the work between two instances purging at once: every ended sign-in goes, each counted once', async () => {
    const families = [];
    for (let i = 0; i < 120; i += 1)
      families.push(await signIn(2, { revokedHoursAgo: retentionHours + 2 }));
    const logger = createLogger('test-token-retention', { level: 'error' });
    const instances = [createDatabase(database.url, logger, 3), createDatabase(database.url, logger, 3)];
    try {
      const purges = instances.map(
        (db) =>
          new RetentionPurge({
            targets: [endedSignInRetention(db, retentionHours)],
            intervalMs: 60_000,
            batchSize: 10,
            logger,
          }),
      );
      const counts = await Promise.all(purges.map((purge) => purge.purgeNow()));
      const purged = counts.reduce(
        (sum, count) => sum + (count['refresh tokens of ended sign-ins'] ?? 0),
        0,
      );
      // A purge stops at a short batch; one that read a batch the other had just deleted may stop early. The next run
      // takes what is left, as a scheduled purge would.
      const rest = await purges[0]!.purgeNow();

      expect(purged + (rest['refresh tokens of ended sign-ins'] ?? 0)).toBe(240);
      expect(await database.db.refreshToken.count({ where: { familyId: { in: families } } })).toBe(
        0,
      );
    } finally {
      await Promise.all(instances.map((db) => db.$disconnect()));
    }
  });
});
