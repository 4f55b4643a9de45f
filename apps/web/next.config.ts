import type { NextConfig } from 'next';
import { staticSecurityHeaders } from './src/security/security-headers';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by Node as it is (the refresh rotations' Redis client, proxy.ts), not bundled.
  serverExternalPackages: ['ioredis'],
  // forbidden() answers a customer who opens /admin with a real 403 page.
  experimental: { authInterrupts: true },
  // The content security policy needs a nonce per response: proxy.ts sets it.
  headers: async () => [{ source: '/:path*', headers: staticSecurityHeaders }],
};

export default config;
