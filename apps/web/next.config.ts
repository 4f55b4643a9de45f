import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() answers a customer who opens /admin with a real 403 page.
  experimental: { authInterrupts: true },
};

export default config;
