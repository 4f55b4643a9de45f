import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deadLetterWhere, discardMatchingDeadLetters, insertDeadLetter, listDeadLetterGroups } from '../src/index.js';
import { deadLetter } from './support/dead-letters.js';
import { ledgerDatabaseForSuite } from './support/ledger-suite.js';

describe('dead letters grouped by kind of failure', () => {
  const db = ledgerDatabaseForSuite('groups');

  it('one group per topic, error class and message with ids and numbers normalised; a group is filtered and discarded as one', async () => {
    const outage = (n: number) =>
      deadLetter({
        errorMessage: `provider unavailable for order ${randomUUID()} (attempt ${n}, took ${n * 13}.5 ms)`,
        errorClass: 'TRANSIENT',
        failedAt: new Date(Date.UTC(2026, 10, 29, 12, 0, n)).toISOString(),
      });
    for (let n = 1; n <= 5; n += 1) await insertDeadLetter(db.prisma, outage(n));
    await insertDeadLetter(db.prisma, deadLetter({ errorMessage: 'unknown version 7', errorClass: 'UNKNOWN_VERSION' }));
    // The same words from another topic are another kind of failure.
    await insertDeadLetter(db.prisma, { ...outage(9), originalTopic: 'ledger.recorded' });

    const { groups, totalGroups, totalDeadLetters } = await listDeadLetterGroups(db.prisma, { status: 'PENDING' }, 10);
    expect(totalGroups).toBe(3);
    expect(totalDeadLetters).toBe(7);
    const outageGroup = groups.find((group) => group.originalTopic === 'ledger.credited' && group.errorClass === 'TRANSIENT');
    expect(outageGroup).toMatchObject({
      count: 5,
      byStatus: { PENDING: 5, REPLAYED: 0, DISCARDED: 0, RESOLVED: 0 },
      errorPattern: 'provider unavailable for order <id> (attempt <n>, took <n> ms)',
      firstFailedAt: '2026-11-29T12:00:01.000Z',
      lastFailedAt: '2026-11-29T12:00:05.000Z',
    });
    expect(outageGroup?.sample.errorMessage).toContain('(attempt 5,');

    const fingerprint = outageGroup!.fingerprint;
    const inGroup = deadLetterWhere({ fingerprint });
    const rows = await db.prisma.$queryRawUnsafe<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM dead_letter WHERE ${inGroup.sql}`,
      ...inGroup.values,
    );
    expect(rows[0]?.count).toBe(5);

    const discarded = await discardMatchingDeadLetters(db.prisma, { fingerprint }, { requestedBy: 'test', reason: 'outage over', limit: 3 });
    expect(discarded).toMatchObject({ matched: 3 });
    const after = await listDeadLetterGroups(db.prisma, { fingerprint }, 10);
    expect(after.groups).toHaveLength(1);
    expect(after.groups[0]?.byStatus).toEqual({ PENDING: 2, REPLAYED: 0, DISCARDED: 3, RESOLVED: 0 });
    expect((await listDeadLetterGroups(db.prisma, { status: 'PENDING', fingerprint }, 10)).groups[0]?.count).toBe(2);
  });
});
