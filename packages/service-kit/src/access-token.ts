import {
  accessTokenAlgorithm,
  accessTokenAudience,
  accessTokenClaims,
  accessTokenIssuer,
  type AuthenticatedUser,
} from '@food/contracts';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

export type AccessTokenVerifier = (token: string) => Promise<AuthenticatedUser>;

export class InvalidAccessToken extends Error {
  override readonly name = 'InvalidAccessToken';
}

/** Tokens whose signature was checked, remembered until they expire: a customer's calls verify once, not each time. */
const verifiedTokensKept = 10_000;

/**
 * Verifies an access token against the auth service's JWKS (cached; refetched when an unknown `kid` appears):
 * signature, expiry, issuer, audience, and the algorithm pinned to ES256 (`none` and HS256 are refused). A token
 * that passed is remembered with its expiry (a signature check is the costliest step of a call); it is refused
 * again once expired, as the check itself would.
 */
export function createAccessTokenVerifier(jwks: string | JWTVerifyGetKey): AccessTokenVerifier {
  const verify = verifyWithKeys(jwks);
  const verified = new Map<string, { user: AuthenticatedUser; expiresAtMs: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.user;
    verified.delete(token);
    const { user, expiresAtMs } = await verify(token);
    // Oldest first out: a Map iterates in insertion order.
    if (verified.size >= verifiedTokensKept) verified.delete(verified.keys().next().value!);
    verified.set(token, { user, expiresAtMs });
    return user;
  };
}

function verifyWithKeys(jwks: string | JWTVerifyGetKey) {
  // A URL is the auth service's JWKS; the auth service itself passes its own key set.
  const keys =
    typeof jwks === 'string' ? createRemoteJWKSet(new URL(jwks), { cooldownDuration: 30_000, timeoutDuration: 3_000 }) : jwks;
  return async (token: string): Promise<{ user: AuthenticatedUser; expiresAtMs: number }> => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: accessTokenIssuer,
        audience: accessTokenAudience,
        algorithms: [accessTokenAlgorithm],
        requiredClaims: ['exp', 'sub', 'jti'],
      });
      const claims = accessTokenClaims.parse(payload);
      return {
        user: { userId: claims.sub, email: claims.email, role: claims.role, tokenId: claims.jti },
        expiresAtMs: (payload.exp ?? 0) * 1000,
      };
    } catch (error) {
      throw new InvalidAccessToken(`access token rejected: ${(error as Error).message}`, { cause: error });
    }
  };
}

export function bearerToken(authorization: string | string[] | undefined): string | undefined {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  const match = value?.match(/^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i);
  return match?.[1];
}
