import { describe, expect, it } from 'vitest';
import { resolveClientAddress, trustedProxyList } from './client-address.js';

describe('resolveClientAddress', () => {
  const webApp = trustedProxyList(['10.0.0.5', '192.168.1.0/24', 'fd00::1']);

  it('uses the peer and ignores X-Forwarded-For when the peer is not trusted', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', webApp)).toBe('203.0.113.9');
    expect(resolveClientAddress('127.0.0.1', '198.51.100.1', trustedProxyList([]))).toBe(
      '127.0.0.1',
    );
  });

  it('takes the rightmost untrusted hop behind trusted proxies', () => {
    expect(resolveClientAddress('10.0.0.5', '198.51.100.1', webApp)).toBe('198.51.100.1');
    expect(
      resolveClientAddress('10.0.0.5', 'spoofed-by-client, 198.51.100.1, 192.168.1.20', webApp),
    ).toBe('198.51.100.1');
    expect(resolveClientAddress('10.0.0.5', ['1.1.1.1', '198.51.100.1'], webApp)).toBe(
      '198.51.100.1',
    );
  });

  it('writes IPv4-mapped IPv6 peers as IPv4, and matches them against IPv4 entries', () => {
    expect(resolveClientAddress('::ffff:10.0.0.5', '198.51.100.1', webApp)).toBe('198.51.100.1');
    expect(resolveClientAddress('::ffff:203.0.113.9', undefined, webApp)).toBe('203.0.113.9');
    expect(resolveClientAddress('fd00::1', '2001:db8::7', webApp)).toBe('2001:db8::7');
  });

  it('stops at the trusted proxy when it passes on no address or garbage', () => {
    expect(resolveClientAddress('10.0.0.5', undefined, webApp)).toBe('10.0.0.5');
    expect(resolveClientAddress('10.0.0.5', 'not-an-address', webApp)).toBe('10.0.0.5');
  });
});
