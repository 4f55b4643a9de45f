import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError, refreshTokenLifetimeSeconds } from '@food/contracts';
import type { Logger } from '@food/service-kit';
import type { Database, Transaction } from '../db.js';

/** One message for every refusal: the caller can only sign in again, whatever the reason. */
const refusal = 'refresh token is not valid (expired, revoked or already used): sign in again';

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Stores a new opaque refresh token (only its hash) in `familyId`, a new sign-in's family when omitted. */
export async function issueRefreshToken(
  tx: Transaction | Database,
  userId: string,
  familyId: string = randomUUID(),
) {
  const token = randomBytes(32).toString('base64url');
  const { id } = await tx.refreshToken.create({
    data: {
      userId,
      familyId,
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(Date.now() + refreshTokenLifetimeSeconds * 1000),
    },
    select: { id: true },
  });
  return { id, token };
}

/**
 * Serialises every change to one family (rotation, reuse detection, logout) behind a transaction-scoped lock, so a
 * logout racing a refresh cannot miss the token that refresh is creating. Always taken before any row lock.
 */
async function lockFamily(tx: Transaction, familyId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${familyId}::text, 0))`;
}

async function revokeFamily(tx: Transaction, familyId: string) {
  const { count } = await tx.refreshToken.updateMany({
    where: { familyId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

async function familyOf(tx: Transaction, tokenHash: string) {
  const row = await tx.refreshToken.findUnique({
    where: { tokenHash },
    select: { familyId: true },
  });
  return row?.familyId;
}

interface LockedToken {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  replacedById: string | null;
}

type Rotation =
  | { outcome: 'rotated'; userId: string; refreshToken: string; retried: boolean }
  | { outcome: 'reused'; userId: string; familyId: string; revokedCount: number }
  | { outcome: 'refused'; reason: 'unknown' | 'revoked' | 'expired' };

/**
 * A rotated token presented again within the grace period, whose successor has never been presented: the answer
 * that carried the successor was lost on its way (a gateway or web instance died mid-call), so the holder could not
 * have used it. The unused successor is revoked and replaced, keeping one live token per sign-in.
 */
async function retriedRotation(tx: Transaction, token: LockedToken, reuseGraceMs: number): Promise<boolean> {
  if (!token.usedAt || !token.replacedById || Date.now() - token.usedAt.getTime() > reuseGraceMs) return false;
  const { count } = await tx.refreshToken.updateMany({
    where: { id: token.replacedById, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

async function rotateInTransaction(tx: Transaction, tokenHash: string, reuseGraceMs: number): Promise<Rotation> {
  const familyId = await familyOf(tx, tokenHash);
  if (!familyId) return { outcome: 'refused', reason: 'unknown' };
  await lockFamily(tx, familyId);
  const [token] = await tx.$queryRaw<LockedToken[]>`
    SELECT id, user_id AS "userId", family_id AS "familyId", expires_at AS "expiresAt", used_at AS "usedAt",
      revoked_at AS "revokedAt", replaced_by_id AS "replacedById"
    FROM refresh_token WHERE token_hash = ${tokenHash} FOR UPDATE`;
  if (!token) return { outcome: 'refused', reason: 'unknown' };
  if (token.revokedAt) return { outcome: 'refused', reason: 'revoked' };
  if (token.usedAt && !(await retriedRotation(tx, token, reuseGraceMs))) {
    // A rotated token came back: someone holds a copy. Nobody can tell which holder is legitimate, so end them all.
    return {
      outcome: 'reused',
      userId: token.userId,
      familyId,
      revokedCount: await revokeFamily(tx, familyId),
    };
  }
  if (token.expiresAt.getTime() <= Date.now()) return { outcome: 'refused', reason: 'expired' };
  const next = await issueRefreshToken(tx, token.userId, familyId);
  await tx.refreshToken.update({
    where: { id: token.id },
    // A retried rotation keeps the first use's time: the grace period does not grow with each retry.
    data: { usedAt: token.usedAt ?? new Date(), replacedById: next.id },
  });
  return { outcome: 'rotated', userId: token.userId, refreshToken: next.token, retried: token.usedAt !== null };
}

/**
 * Exchanges a refresh token for its successor in the same family. The presented token is locked, so simultaneous
 * refreshes with one token rotate one after the other. A rotated token that comes back is reuse, which revokes the
 * whole family, newest token included, and is answered UNAUTHENTICATED like any refusal; except within
 * `reuseGraceMs` of its rotation while its successor has never been presented (see retriedRotation).
 */
export async function rotateRefreshToken(db: Database, presented: string, logger: Logger, reuseGraceMs: number) {
  // The revocation must commit, so the transaction returns what happened and the error is thrown after it.
  const rotation = await db.$transaction((tx) =>
    rotateInTransaction(tx, hashRefreshToken(presented), reuseGraceMs),
  );
  if (rotation.outcome === 'rotated') {
    if (rotation.retried) logger.info('refresh retried after a lost answer: its unused successor revoked', { userId: rotation.userId });
    return { userId: rotation.userId, refreshToken: rotation.refreshToken };
  }
  if (rotation.outcome === 'reused') {
    const { userId, familyId, revokedCount } = rotation;
    logger.warn('refresh token reused: family revoked', { userId, familyId, revokedCount });
  } else {
    logger.info('refresh refused', { reason: rotation.reason });
  }
  throw new DomainError('UNAUTHENTICATED', refusal);
}

/** Ends the sign-in the token belongs to: every token of its family. Unknown tokens are ignored (logout is idempotent). */
export async function revokeRefreshTokenFamily(db: Database, presented: string) {
  return db.$transaction(async (tx) => {
    const familyId = await familyOf(tx, hashRefreshToken(presented));
    if (!familyId) return null;
    await lockFamily(tx, familyId);
    return { familyId, revokedCount: await revokeFamily(tx, familyId) };
  });
}
