import type { ServiceName } from '@food/contracts';
import type { AccessTokenVerifier, Logger } from '@food/service-kit';
import type { Redis } from 'ioredis';
import type { RateLimitSettings } from '../rate-limiting/rate-limit-gate.js';

export interface GatewayDependencies {
  upstreams: Record<ServiceName, URL>;
  verifyAccessToken: AccessTokenVerifier;
  redis: Redis;
  rateLimits: RateLimitSettings;
  /** Sent to every service, which answers nothing else. */
  gatewaySecret: string;
  /** A peer that sends this in X-Proxy-Secret has its X-Forwarded-For believed; undefined: nobody's is. */
  proxySecret: string | undefined;
  logger: Logger;
}
