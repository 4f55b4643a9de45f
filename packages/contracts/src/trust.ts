/**
 * Headers that prove which side of a trust boundary a request comes from (docs/gateway.md, "Trust boundaries").
 * Each carries a shared secret; the receiver compares it in constant time and believes nothing without it.
 */
export const trustHeaders = {
  /** The web app (a proxy in front of the gateway) sends PROXY_SECRET here: its X-Forwarded-For is believed. */
  proxySecret: 'x-proxy-secret',
  /** The gateway sends GATEWAY_SECRET here on every call to a service: the call came through the gateway. */
  gatewaySecret: 'x-gateway-secret',
} as const;

/** Shared secrets are random strings of at least this many characters (`openssl rand -hex 32`). */
export const minimumSharedSecretLength = 32;
