import type { NextConfig } from 'next';
import { staticSecurityHeaders } from './src/security/security-headers';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by Node as they are, not bundled: the refresh rotations' Redis client (proxy.ts), and the platform's
  // logger and settings, which server.mjs loads too (one pino destination for the process's lines).
  serverExternalPackages: ['ioredis', '@food/service-kit'],
  // forbidden() answers a customer who opens /admin with a real 403 page.
  experimental: { authInterrupts: true },
  // The content security policy needs a nonce per response: proxy.ts sets it.
  headers: async () => [{ source: '/:path*', headers: staticSecurityHeaders }],
};

export default config;
