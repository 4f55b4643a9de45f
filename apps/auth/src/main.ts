import { admissionLimitsOf, registerProcessLoop, RetentionPurge, startServiceProcess } from '@food/service-kit';
import { createAuthService } from './auth-service.js';
import { ensureBootstrapAdmin, ensureDemoCustomer } from './configured-users.js';
import { createDatabase } from './db.js';
import { loadEnv } from './env.js';
import { createAuthHttpServer } from './http-server.js';
import { logger } from './logger.js';
import { createRedis, waitForRedis } from './redis.js';
import { endedSignInRetention } from './tokens/refresh-token-retention.js';
import { loadSigningKeys } from './tokens/signing-keys.js';

const env = loadEnv();

await startServiceProcess({
  service: 'auth',
  env,
  logger,
  open: async ({ onShutdown }) => {
    const signingKeys = await loadSigningKeys({
      keyId: env.JWT_KEY_ID,
      privateKeyPem: env.JWT_PRIVATE_KEY_PEM_BASE64,
      publicKeyPem: env.JWT_PUBLIC_KEY_PEM_BASE64,
      previousPublicKeys: env.JWT_PREVIOUS_PUBLIC_KEYS_JSON,
    }).catch((error: unknown) => {
      logger.error('signing keys unusable: check JWT_PRIVATE_KEY_PEM_BASE64, JWT_PUBLIC_KEY_PEM_BASE64, JWT_KEY_ID', { error });
      process.exit(78);
    });
    logger.info('signing keys loaded', { keyId: signingKeys.keyId, publishedKeys: signingKeys.jwks.keys.length });
    const db = createDatabase(env.DATABASE_URL, logger, env.DATABASE_POOL_SIZE);
    onShutdown('database', () => db.$disconnect());
    const redis = createRedis(env.REDIS_URL, logger);
    onShutdown('redis', () => redis.disconnect());
    if (!(await waitForRedis(redis, 3_000))) logger.warn('redis not reachable at start: logins are not throttled until it is');
    try {
      await ensureBootstrapAdmin(db, env, logger);
      await ensureDemoCustomer(db, env, logger);
    } catch (error) {
      logger.error('could not ensure the configured accounts: is the database up and migrated?', { error });
      process.exit(1);
    }
    return createAuthService({
      db,
      redis,
      signingKeys,
      logger,
      loginThrottleKeyPrefix: env.LOGIN_THROTTLE_KEY_PREFIX,
      loginThrottleLimits: {
        failuresPerAccount: env.LOGIN_FAILURES_PER_ACCOUNT,
        failuresPerClientIp: env.LOGIN_FAILURES_PER_CLIENT_IP,
        windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
      },
      refreshReuseGraceMs: env.REFRESH_TOKEN_REUSE_GRACE_SECONDS * 1000,
    });
  },
  http: (service, { gatewaySecret }) => createAuthHttpServer(service, { gatewaySecret, admission: admissionLimitsOf(env) }),
  background: (service, { onShutdown }) => {
    const purge = new RetentionPurge({
      targets: [endedSignInRetention(service.db, env.REFRESH_TOKEN_RETENTION_HOURS)],
      intervalMs: env.RETENTION_PURGE_INTERVAL_SECONDS * 1000,
      logger,
    });
    purge.start();
    registerProcessLoop('retention purge', () => purge.report());
    onShutdown('retention purge', () => purge.stop());
  },
});
