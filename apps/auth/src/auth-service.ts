import { createAccessTokenVerifier, type AccessTokenVerifier, type Logger } from '@food/service-kit';
import type { Redis } from 'ioredis';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { Database } from './db.js';
import {
  createLoginThrottle,
  type LoginThrottle,
  type LoginThrottleLimits,
} from './login-throttle.js';
import { createAccessTokenIssuer, type AccessTokenIssuer } from './tokens/access-tokens.js';
import type { SigningKeys } from './tokens/signing-keys.js';

/** Everything the procedures use, built once per process by main.ts (or per test file with a database of its own). */
export interface AuthService {
  db: Database;
  redis: Redis;
  logger: Logger;
  /** The public keys served at the JWKS path. */
  jwks: JSONWebKeySet;
  issueAccessToken: AccessTokenIssuer;
  verifyAccessToken: AccessTokenVerifier;
  loginThrottle: LoginThrottle;
  /** How long a rotated refresh token may be presented again when its successor never was (a lost answer). */
  refreshReuseGraceMs: number;
}

export interface AuthServiceOptions {
  db: Database;
  redis: Redis;
  signingKeys: SigningKeys;
  logger: Logger;
  /** Prefix of the login throttle's Redis keys. */
  loginThrottleKeyPrefix?: string;
  loginThrottleLimits?: LoginThrottleLimits;
  refreshReuseGraceMs?: number;
}

export function createAuthService(options: AuthServiceOptions): AuthService {
  const { db, redis, signingKeys, logger } = options;
  return {
    db,
    redis,
    logger,
    jwks: signingKeys.jwks,
    issueAccessToken: createAccessTokenIssuer(signingKeys),
    verifyAccessToken: createAccessTokenVerifier(createLocalJWKSet(signingKeys.jwks)),
    loginThrottle: createLoginThrottle({
      redis,
      logger,
      keyPrefix: options.loginThrottleKeyPrefix ?? 'auth:login-throttle:',
      limits: options.loginThrottleLimits,
    }),
    refreshReuseGraceMs: options.refreshReuseGraceMs ?? 30_000,
  };
}
