import { z } from 'zod';

export const roles = ['ADMIN', 'CUSTOMER'] as const;
export type Role = (typeof roles)[number];

/** Who signs access tokens and for whom: checked by the gateway and again by every service. */
export const accessTokenIssuer = 'food-ordering/auth';
export const accessTokenAudience = 'food-ordering/api';
export const accessTokenAlgorithm = 'ES256';
export const accessTokenLifetimeSeconds = 15 * 60;
export const refreshTokenLifetimeSeconds = 30 * 24 * 60 * 60;
/** Where the auth service publishes its public keys. */
export const jwksPath = '/.well-known/jwks.json';

export const accessTokenClaims = z.object({
  sub: z.string().min(1),
  role: z.enum(roles),
  email: z.email(),
  jti: z.string().min(1),
});
export type AccessTokenClaims = z.infer<typeof accessTokenClaims>;

export interface AuthenticatedUser {
  userId: string;
  email: string;
  role: Role;
  tokenId: string;
}

/** Identity headers the gateway sets after verifying the token (and strips when a client sends them). */
export const identityHeaders = {
  userId: 'x-user-id',
  userRole: 'x-user-role',
} as const;
