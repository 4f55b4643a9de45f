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

/**
 * Verifies an access token against the auth service's JWKS (cached; refetched when an unknown `kid` appears):
 * signature, expiry, issuer, audience, and the algorithm pinned to ES256 (`none` and HS256 are refused).
 */
export function createAccessTokenVerifier(jwks: string | JWTVerifyGetKey): AccessTokenVerifier {
  // A URL is the auth service's JWKS; the auth service itself passes its own key set.
  const keys =
    typeof jwks === 'string' ? createRemoteJWKSet(new URL(jwks), { cooldownDuration: 30_000, timeoutDuration: 3_000 }) : jwks;
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: accessTokenIssuer,
        audience: accessTokenAudience,
        algorithms: [accessTokenAlgorithm],
        requiredClaims: ['exp', 'sub', 'jti'],
      });
      const claims = accessTokenClaims.parse(payload);
      return { userId: claims.sub, email: claims.email, role: claims.role, tokenId: claims.jti };
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
