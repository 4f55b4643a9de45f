import { DomainError } from '@food/contracts';
import type { Logger } from '@food/service-kit';
import type { Database } from '../db.js';
import {
  hashPassword,
  needsRehash,
  unknownUserPasswordHash,
  verifyPassword,
} from '../domain/password-hashing.js';
import type { LoginAttempt, LoginThrottle } from '../login-throttle.js';
import { publicUserFields, type PublicUser } from './public-user.js';

/** The same answer for an unknown email and a wrong password, so a login never tells whether an account exists. */
const refusal = 'email or password is incorrect';

export interface Credentials extends LoginAttempt {
  password: string;
}

/**
 * Checks email and password under the login throttle. An unknown email still costs one scrypt verification, so
 * timing does not reveal it either. A hash made with older scrypt parameters is replaced on success.
 */
export async function authenticateUser(
  db: Database,
  throttle: LoginThrottle,
  credentials: Credentials,
  logger: Logger,
): Promise<PublicUser> {
  await throttle.assertAllowed(credentials);
  const user = await db.user.findUnique({
    where: { email: credentials.email },
    select: { ...publicUserFields, passwordHash: true },
  });
  const matches = await verifyPassword(
    credentials.password,
    user?.passwordHash ?? unknownUserPasswordHash,
  );
  if (!user || !matches) {
    await throttle.recordFailure(credentials);
    logger.info('login refused', {
      reason: user ? 'wrong password' : 'unknown email',
      userId: user?.id,
      clientIp: credentials.clientIp,
    });
    throw new DomainError('UNAUTHENTICATED', refusal);
  }
  await throttle.recordSuccess(credentials);
  if (needsRehash(user.passwordHash)) {
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(credentials.password) },
    });
    logger.info('password hash upgraded', { userId: user.id });
  }
  const { passwordHash: _hash, ...publicUser } = user;
  return publicUser;
}
