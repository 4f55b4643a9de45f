import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isAddressOrRange, trustedProxyList } from '@food/service-kit';
import { clientIpOf } from './client-ip.js';

const trusted = trustedProxyList(['127.0.0.1', '::1', '10.1.0.0/16']);

function request(remoteAddress: string | undefined, headers: IncomingHttpHeaders = {}) {
  return { headers, socket: { remoteAddress } as Socket };
}

describe('clientIpOf', () => {
  it('is the socket address of a direct client, whatever X-Forwarded-For it claims', () => {
    expect(clientIpOf(request('198.51.100.7', { 'x-forwarded-for': '10.0.0.1' }), trusted)).toBe(
      '198.51.100.7',
    );
    expect(clientIpOf(request('::ffff:198.51.100.7'), trusted)).toBe('198.51.100.7');
  });

  it('behind a trusted proxy is the last X-Forwarded-For entry (the one the proxy wrote)', () => {
    const forwarded = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' };
    expect(clientIpOf(request('127.0.0.1', forwarded), trusted)).toBe('203.0.113.9');
    expect(
      clientIpOf(request('::ffff:127.0.0.1', { 'x-forwarded-for': '2001:db8::1' }), trusted),
    ).toBe('2001:db8::1');
    // A gateway container somewhere in a trusted range (docker-compose).
    expect(clientIpOf(request('10.1.4.2', forwarded), trusted)).toBe('203.0.113.9');
  });

  it('behind a trusted proxy without a usable X-Forwarded-For is unknown, not the proxy', () => {
    expect(clientIpOf(request('127.0.0.1'), trusted)).toBeNull();
    expect(clientIpOf(request('::1', { 'x-forwarded-for': 'not-an-ip' }), trusted)).toBeNull();
  });
});

describe('isAddressOrRange', () => {
  it.each(['127.0.0.1', '::1', '10.0.0.0/8', 'fd00::/8'])('accepts %s', (entry) => {
    expect(isAddressOrRange(entry)).toBe(true);
  });

  it.each(['gateway', '10.0.0.0/33', '10.0.0.0/x', '::1/129', '1.2.3.4/8/9'])(
    'refuses %s',
    (entry) => {
      expect(isAddressOrRange(entry)).toBe(false);
    },
  );
});
