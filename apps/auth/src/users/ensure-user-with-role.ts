import type { Role } from '@food/contracts';
import type { Database } from '../db.js';
import { hashPassword } from '../domain/password-hashing.js';

export interface ConfiguredUser {
  email: string;
  password: string;
  name: string;
  role: Role;
}

export type EnsureOutcome = 'created' | 'promoted' | 'unchanged';

/**
 * Makes sure a configured account exists: creates it with the role, or promotes an existing account to ADMIN when
 * the role is ADMIN. Never changes an existing password and never demotes. Safe to run at every start and from two
 * processes at once.
 */
export async function ensureUserWithRole(
  db: Database,
  wanted: ConfiguredUser,
): Promise<EnsureOutcome> {
  const existing = await db.user.findUnique({
    where: { email: wanted.email },
    select: { role: true },
  });
  if (!existing) {
    const passwordHash = await hashPassword(wanted.password);
    // An upsert, so a second process creating the same account meanwhile ends in the same state, not an error.
    await db.user.upsert({
      where: { email: wanted.email },
      create: { email: wanted.email, name: wanted.name, passwordHash, role: wanted.role },
      update: wanted.role === 'ADMIN' ? { role: 'ADMIN' } : {},
    });
    return 'created';
  }
  if (wanted.role === 'ADMIN' && existing.role !== 'ADMIN') {
    await db.user.update({ where: { email: wanted.email }, data: { role: 'ADMIN' } });
    return 'promoted';
  }
  return 'unchanged';
}
