import { DomainError, type AuthenticatedUser, type Role } from '@food/contracts';
import type { Logger } from '@food/service-kit';
import type { Database } from '../db.js';
import { publicUserFields, type PublicUser } from './public-user.js';

/**
 * Sets a user's role. The new role reaches the user's access tokens at their next refresh (at most 15 minutes).
 * Admins cannot change their own role, so the last admin cannot lock everyone out by accident.
 */
export async function changeRole(
  db: Database,
  actor: AuthenticatedUser,
  userId: string,
  role: Role,
  logger: Logger,
): Promise<PublicUser> {
  if (actor.userId === userId) {
    throw new DomainError(
      'FORBIDDEN',
      'userId: you cannot change your own role; ask another admin',
    );
  }
  const before = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!before) throw new DomainError('NOT_FOUND', `userId: no user ${userId}`);
  const user = await db.user.update({
    where: { id: userId },
    data: { role },
    select: publicUserFields,
  });
  if (before.role !== role)
    logger.info('role changed', { userId, from: before.role, to: role, changedBy: actor.userId });
  return user;
}
