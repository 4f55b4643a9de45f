import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  needsRehash,
  unknownUserPasswordHash,
  verifyPassword,
} from './password-hashing.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse 42');
    expect(await verifyPassword('correct horse 42', hash)).toBe(true);
    expect(await verifyPassword('correct horse 43', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time, with its parameters in the encoding', async () => {
    const [first, second] = await Promise.all([
      hashPassword('same password 1'),
      hashPassword('same password 1'),
    ]);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
  });

  it('still verifies hashes made with other parameters, and flags them for re-hashing', async () => {
    const older = await hashPassword('legacy password 1', { ln: 14, r: 8, p: 1 });
    expect(await verifyPassword('legacy password 1', older)).toBe(true);
    expect(needsRehash(older)).toBe(true);
    expect(needsRehash(await hashPassword('legacy password 1'))).toBe(false);
  });

  it('matches a password typed in another Unicode form (composed vs decomposed accents)', async () => {
    const hash = await hashPassword('caf\u00e9 au lait 7');
    expect(await verifyPassword('cafe\u0301 au lait 7', hash)).toBe(true);
  });

  it('never matches a malformed hash or one asking for absurd parameters', async () => {
    expect(await verifyPassword('anything', 'plain-text-password')).toBe(false);
    const absurd = (await hashPassword('x y z 12345')).replace('ln=15', 'ln=30');
    expect(await verifyPassword('x y z 12345', absurd)).toBe(false);
  });

  it('the stand-in hash for unknown users matches nothing', async () => {
    expect(await verifyPassword('', unknownUserPasswordHash)).toBe(false);
    expect(await verifyPassword('correct horse 42', unknownUserPasswordHash)).toBe(false);
  });
});
