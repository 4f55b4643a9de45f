import { DomainError } from '@food/contracts';
import type { AuthService } from './auth-service.js';
import {
  issueRefreshToken,
  revokeRefreshTokenFamily,
  rotateRefreshToken,
} from './tokens/refresh-tokens.js';
import { publicUserFields, type PublicUser } from './users/public-user.js';

/** What register, login and refresh answer; the api-client's session depends on this shape. */
export interface SessionAnswer {
  accessToken: string;
  /** ISO time the access token expires. */
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: PublicUser;
}

/** A new sign-in: an access token and the first refresh token of a new family. */
export async function startSession(service: AuthService, user: PublicUser): Promise<SessionAnswer> {
  const { token: refreshToken } = await issueRefreshToken(service.db, user.id);
  return { ...(await service.issueAccessToken(user)), refreshToken, user };
}

/** Rotates the refresh token and signs an access token with the user's current email and role. */
export async function continueSession(
  service: AuthService,
  presentedRefreshToken: string,
): Promise<SessionAnswer> {
  const { userId, refreshToken } = await rotateRefreshToken(
    service.db,
    presentedRefreshToken,
    service.logger,
    service.refreshReuseGraceMs,
  );
  const user = await service.db.user.findUnique({
    where: { id: userId },
    select: publicUserFields,
  });
  if (!user)
    throw new DomainError(
      'UNAUTHENTICATED',
      'the account of this session no longer exists: sign in again',
    );
  return { ...(await service.issueAccessToken(user)), refreshToken, user };
}

/** Signs out everywhere this sign-in's refresh tokens went. Access tokens already issued run out on their own. */
export async function endSession(service: AuthService, presentedRefreshToken: string) {
  const revoked = await revokeRefreshTokenFamily(service.db, presentedRefreshToken);
  if (revoked)
    service.logger.info('signed out', {
      familyId: revoked.familyId,
      revokedCount: revoked.revokedCount,
    });
}
