import { describe, expect, it } from 'vitest';
import { isDatabaseInterruption, isDatabaseOverload } from './database-overload.js';

const prismaError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('database answers that mean "retry later"', () => {
  it('a pool with no free connection is an overload; a transaction that started is not', () => {
    expect(isDatabaseOverload(prismaError('P2028', 'Transaction API error: Unable to start a transaction in the given time.'))).toBe(true);
    expect(isDatabaseOverload(prismaError('P2028', 'Transaction API error: A commit cannot be executed on an expired transaction.'))).toBe(false);
  });

  it('an expired transaction and a lost connection are interruptions, found through causes', () => {
    const expired = prismaError(
      'P2028',
      'Transaction API error: A commit cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms',
    );
    expect(isDatabaseInterruption(expired)).toBe(true);
    expect(isDatabaseInterruption(new Error('wrapped', { cause: prismaError('57P01', 'terminating connection due to administrator command') }))).toBe(true);
    expect(isDatabaseInterruption(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
  });

  it('a request that is wrong, or a constraint, is neither', () => {
    for (const error of [prismaError('P2002', 'Unique constraint failed'), new Error('boom'), undefined, 'text']) {
      expect(isDatabaseOverload(error)).toBe(false);
      expect(isDatabaseInterruption(error)).toBe(false);
    }
  });
});
