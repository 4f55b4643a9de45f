import type { IncomingHttpHeaders } from 'node:http';
import { trustHeaders } from '@food/contracts';
import { describe, expect, it } from 'vitest';
import { clientIpOf } from './client-ip.js';

const gatewaySecret = 'a-gateway-secret-of-at-least-32-characters';
const fromGateway = (headers: IncomingHttpHeaders = {}) => ({
  headers: { [trustHeaders.gatewaySecret]: gatewaySecret, ...headers },
});

describe('clientIpOf', () => {
  it('is the last X-Forwarded-For entry (the one the gateway wrote) on a call from the gateway', () => {
    expect(clientIpOf(fromGateway({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }), gatewaySecret)).toBe(
      '203.0.113.9',
    );
    expect(clientIpOf(fromGateway({ 'x-forwarded-for': '::ffff:203.0.113.9' }), gatewaySecret)).toBe(
      '203.0.113.9',
    );
    expect(clientIpOf(fromGateway({ 'x-forwarded-for': '2001:db8::1' }), gatewaySecret)).toBe('2001:db8::1');
  });

  it('believes no X-Forwarded-For without the gateway secret, or with a wrong one', () => {
    expect(clientIpOf({ headers: { 'x-forwarded-for': '203.0.113.9' } }, gatewaySecret)).toBeNull();
    expect(
      clientIpOf(
        { headers: { 'x-forwarded-for': '203.0.113.9', [trustHeaders.gatewaySecret]: `${gatewaySecret}x` } },
        gatewaySecret,
      ),
    ).toBeNull();
  });

  it('is unknown, not the gateway, when the gateway passes on no usable address', () => {
    expect(clientIpOf(fromGateway(), gatewaySecret)).toBeNull();
    expect(clientIpOf(fromGateway({ 'x-forwarded-for': 'not-an-ip' }), gatewaySecret)).toBeNull();
  });
});
