// Test support (excluded from the build): a real database and Redis per test file, dropped and cleaned afterwards.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AuthenticatedUser, Role } from '@food/contracts';
import { createCallerFactory, createLogger, type ServiceContext } from '@food/service-kit';
import { createTestDatabase as sharedTestDatabase, testPostgresServerUrl } from '@food/service-kit/testing';
import { createAuthService, type AuthService } from '../auth-service.js';
import { createDatabase } from '../db.js';
import { createRedis, waitForRedis } from '../redis.js';
import { authRouter } from '../router/index.js';
import { loadSigningKeys, type SigningKeyMaterial } from '../tokens/signing-keys.js';
import { ensureUserWithRole } from '../users/ensure-user-with-role.js';

/* eslint-disable no-restricted-properties -- like every service's tests, the servers come from the test stack's environment */
export const postgresServerUrl = testPostgresServerUrl(process.env);
export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/* eslint-enable no-restricted-properties */

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

export const validPassword = 'correct horse 42';

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

export function generateKeyMaterial(
  keyId = `test-key-${randomUUID().slice(0, 8)}`,
): SigningKeyMaterial {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    keyId,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    previousPublicKeys: [],
  };
}

/** A database of its own with the app's migrations applied. */
export async function createTestDatabase(label: string) {
  const database = await sharedTestDatabase({ serverUrl: postgresServerUrl, label: `auth_test_${label}`, migrationsDirs: [migrationsDir] });
  const db = createDatabase(database.url, createLogger('auth-test-database', { level: 'error' }));
  return {
    ...database,
    db,
    async drop() {
      await db.$disconnect();
      await database.drop();
    },
  };
}

const createCaller = createCallerFactory(authRouter);

export interface TestAuthOptions {
  redisUrl?: string;
}

/** The whole service on a fresh database, a Redis key prefix of its own and freshly generated signing keys. */
export async function startTestAuth(label: string, options: TestAuthOptions = {}) {
  const database = await createTestDatabase(label);
  const logLines: string[] = [];
  const logger = createLogger('auth-test', {
    level: 'debug',
    write: (line) => logLines.push(line),
  });
  const redis = createRedis(options.redisUrl ?? redisUrl, logger);
  await waitForRedis(redis, 3_000);
  const loginThrottleKeyPrefix = `auth-test:${label}:${randomUUID().slice(0, 8)}:`;
  const signingKeys = await loadSigningKeys(generateKeyMaterial());
  const service: AuthService = createAuthService({
    db: database.db,
    redis,
    signingKeys,
    logger,
    loginThrottleKeyPrefix,
  });

  const contextFor = (user: AuthenticatedUser | null, clientIp: string | null): ServiceContext => ({
    correlationId: randomUUID(),
    user,
    authError: null,
    logger,
    dependencies: { service, clientIp },
  });

  /** Procedures as an anonymous caller from `clientIp`. */
  const anonymous = (clientIp: string | null = '203.0.113.10') =>
    createCaller(contextFor(null, clientIp)).auth;
  /** Procedures as the holder of `accessToken`, verified as the HTTP server would. */
  const withToken = async (accessToken: string) =>
    createCaller(contextFor(await service.verifyAccessToken(accessToken), null)).auth;

  /** Registers (or, for ADMIN, creates through the bootstrap path) and signs in. */
  const signUp = async (role: Role = 'CUSTOMER', email = uniqueEmail(role.toLowerCase())) => {
    if (role === 'ADMIN')
      await ensureUserWithRole(database.db, {
        email,
        password: validPassword,
        name: 'Admin',
        role,
      });
    const session =
      role === 'ADMIN'
        ? await anonymous().login({ email, password: validPassword })
        : await anonymous().register({ email, password: validPassword, name: 'Test Customer' });
    return { ...session, caller: await withToken(session.accessToken) };
  };

  return {
    service,
    db: database.db,
    logLines,
    loginThrottleKeyPrefix,
    anonymous,
    withToken,
    signUp,
    async close() {
      if (redis.status === 'ready') {
        const keys = await redis.keys(`${loginThrottleKeyPrefix}*`);
        if (keys.length > 0) await redis.del(...keys);
      }
      redis.disconnect();
      await database.drop();
    },
  };
}

export type TestAuth = Awaited<ReturnType<typeof startTestAuth>>;
