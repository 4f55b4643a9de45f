import { randomUUID } from 'node:crypto';
import {
  accessTokenAlgorithm,
  accessTokenAudience,
  accessTokenIssuer,
  accessTokenLifetimeSeconds,
  type Role,
} from '@food/contracts';
import { SignJWT } from 'jose';
import type { SigningKeys } from './signing-keys.js';

export interface AccessTokenSubject {
  id: string;
  email: string;
  role: Role;
}

export interface IssuedAccessToken {
  accessToken: string;
  /** ISO time. */
  accessTokenExpiresAt: string;
}

export type AccessTokenIssuer = (subject: AccessTokenSubject) => Promise<IssuedAccessToken>;

/** Signs 15-minute ES256 access tokens whose claims match `accessTokenClaims` in contracts. */
export function createAccessTokenIssuer(
  keys: SigningKeys,
  now: () => Date = () => new Date(),
): AccessTokenIssuer {
  return async (subject) => {
    const issuedAt = Math.floor(now().getTime() / 1000);
    const expiresAt = issuedAt + accessTokenLifetimeSeconds;
    const accessToken = await new SignJWT({ role: subject.role, email: subject.email })
      .setProtectedHeader({ alg: accessTokenAlgorithm, kid: keys.keyId, typ: 'JWT' })
      .setIssuer(accessTokenIssuer)
      .setAudience(accessTokenAudience)
      .setSubject(subject.id)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(keys.privateKey);
    return { accessToken, accessTokenExpiresAt: new Date(expiresAt * 1000).toISOString() };
  };
}
