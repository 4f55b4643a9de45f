import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { deadLetterWhere, insertDeadLetter, type DeadLetterFilter } from '../src/index.js';
import { deadLetter } from './support/dead-letters.js';
import { ledgerDatabaseForSuite } from './support/ledger-suite.js';

describe('dead-letter search', () => {
  const db = ledgerDatabaseForSuite('search');
  const orderId = randomUUID();
  const eventId = randomUUID();
  const correlationId = randomUUID();
  const ids = { target: randomUUID(), other: randomUUID() };

  beforeAll(async () => {
    await insertDeadLetter(
      db.prisma,
      deadLetter({
        id: ids.target,
        key: Buffer.from(orderId),
        eventId,
        value: Buffer.from(JSON.stringify({ eventId, payload: { orderId, note: 'Extra Cheese 100%' } })),
        headers: { 'x-correlation-id': correlationId, 'x-attempt': '1' },
      }),
    );
    // Another letter that shares the header value under another name, and binary bytes in its value.
    await insertDeadLetter(
      db.prisma,
      deadLetter({ id: ids.other, value: Buffer.from([0xff, 0x00, 0x7b]), headers: { 'x-other': correlationId } }),
    );
  });

  const matching = async (filter: DeadLetterFilter) => {
    const where = deadLetterWhere(filter);
    const rows = await db.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT id::text FROM dead_letter WHERE ${where.sql} ORDER BY id`,
      ...where.values,
    );
    return rows.map((row) => row.id);
  };

  it('finds a letter by key, event id, payload text and header value (of one name, or of any)', async () => {
    expect(await matching({ key: orderId })).toEqual([ids.target]);
    expect(await matching({ eventId })).toEqual([ids.target]);
    expect(await matching({ payloadText: 'extra cheese 100%' })).toEqual([ids.target]);
    expect(await matching({ payloadText: 'cheese 1000' })).toEqual([]);
    expect(await matching({ header: { name: 'x-correlation-id', value: correlationId } })).toEqual([ids.target]);
    expect(await matching({ header: { value: correlationId } })).toEqual([ids.target, ids.other].sort());
    expect(await matching({ header: { name: 'x-correlation-id', value: randomUUID() } })).toEqual([]);
  });
});
