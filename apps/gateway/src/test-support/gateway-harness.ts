import { randomUUID } from 'node:crypto';
import { serviceNames, type ServiceName } from '@food/contracts';
import { createAccessTokenVerifier, createLogger } from '@food/service-kit';
import { Redis } from 'ioredis';
import { createGatewayServer } from '../server/gateway-server.js';
import { createRedisClient } from '../redis-client.js';
import { testRedisUrl } from './env.js';
import {
  startFakeUpstream,
  trpcResultResponder,
  type FakeUpstream,
  type UpstreamResponder,
} from './fake-upstream.js';
import { closeServer, listenOnFreePort } from './http-servers.js';
import { startTokenIssuer, type TokenClaims, type TokenIssuer } from './token-issuer.js';

export interface HarnessOptions {
  perCaller?: number;
  credentials?: number;
  windowSeconds?: number;
  /** The proxy secret the gateway believes X-Forwarded-For with; none by default. */
  proxySecret?: string;
  /** Where the gateway's rate limiter finds Redis; point it at a closed port to simulate an outage. */
  redisUrl?: string;
  respond?: Partial<Record<ServiceName, UpstreamResponder>>;
  /** Share one issuer between harnesses (its JWKS server is the auth service's stand-in). */
  issuer?: TokenIssuer;
}

/** What the harness's gateway sends its (fake) services; and a proxy secret for tests that give one. */
export const testGatewaySecret = 'test-gateway-secret-0123456789abcdef';
export const testProxySecret = 'test-proxy-secret-0123456789abcdefgh';

export const customer: TokenClaims = {
  sub: 'user-customer-1',
  role: 'CUSTOMER',
  email: 'customer@example.test',
};
export const otherCustomer: TokenClaims = {
  sub: 'user-customer-2',
  role: 'CUSTOMER',
  email: 'other@example.test',
};

/**
 * A gateway running in-process on a free port, in front of a fake upstream per service, with a JWKS server, its
 * own Redis key prefix (deleted on close) and the log lines it wrote.
 */
export async function startGatewayHarness(options: HarnessOptions = {}) {
  const issuer = options.issuer ?? (await startTokenIssuer());
  const upstreamList = await Promise.all(
    serviceNames.map(
      async (service) =>
        [
          service,
          await startFakeUpstream(options.respond?.[service] ?? trpcResultResponder(service)),
        ] as const,
    ),
  );
  const upstreams = Object.fromEntries(upstreamList) as Record<ServiceName, FakeUpstream>;
  const logLines: Array<Record<string, unknown>> = [];
  const logger = createLogger('gateway', {
    level: 'debug',
    write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>),
  });

  const keyPrefix = `test:gateway:${randomUUID()}:`;
  const redis = createRedisClient(options.redisUrl ?? testRedisUrl, logger);
  if (options.redisUrl === undefined) {
    // The gateway fails open while Redis is still connecting; wait, so the first requests are really counted.
    await new Promise<void>((resolve, reject) => {
      if (redis.status === 'ready') return resolve();
      redis.once('ready', resolve);
      setTimeout(
        () => reject(new Error(`redis at ${testRedisUrl} did not become ready`)),
        5_000,
      ).unref();
    });
  }
  const windowSeconds = options.windowSeconds ?? 60;
  const server = createGatewayServer({
    upstreams: Object.fromEntries(
      upstreamList.map(([service, upstream]) => [service, upstream.url]),
    ) as Record<ServiceName, URL>,
    verifyAccessToken: createAccessTokenVerifier(issuer.jwksUrl),
    redis,
    rateLimits: {
      perCaller: options.perCaller ?? 1000,
      credentials: options.credentials ?? 1000,
      windowSeconds,
      keyPrefix,
    },
    gatewaySecret: testGatewaySecret,
    proxySecret: options.proxySecret,
    logger,
  });
  const url = await listenOnFreePort(server);

  const allReceived = () => serviceNames.flatMap((service) => upstreams[service].received);
  return {
    url,
    issuer,
    upstreams,
    logLines,
    keyPrefix,
    /** Every request any fake service received. */
    allReceived,
    tokenFor: (claims: TokenClaims = customer) => issuer.sign(claims),
    fetch: (path: string, init: RequestInit & { token?: string } = {}) => {
      const headers = new Headers(init.headers);
      if (init.token) headers.set('authorization', `Bearer ${init.token}`);
      return fetch(url + path, { ...init, headers });
    },
    async close() {
      await closeServer(server);
      redis.disconnect();
      await Promise.all(upstreamList.map(([, upstream]) => upstream.close()));
      if (!options.issuer) await issuer.close();
      await deleteKeys(keyPrefix);
    },
  };
}

export type GatewayHarness = Awaited<ReturnType<typeof startGatewayHarness>>;

async function deleteKeys(prefix: string) {
  const cleaner = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await cleaner.connect();
    for await (const keys of cleaner.scanStream({ match: `${prefix}*`, count: 500 })) {
      if ((keys as string[]).length > 0) await cleaner.del(...(keys as string[]));
    }
  } finally {
    cleaner.disconnect();
  }
}

/** A tRPC mutation body the way httpBatchLink sends it for one procedure. */
export const jsonBody = (value: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});
