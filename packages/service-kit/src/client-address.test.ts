import { describe, expect, it } from 'vitest';
import { lastForwardedAddress, resolveClientAddress } from './client-address.js';

describe('resolveClientAddress', () => {
  it('uses the peer and ignores X-Forwarded-For unless the peer proved it is our proxy', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', false)).toBe('203.0.113.9');
    expect(resolveClientAddress('127.0.0.1', '198.51.100.1', false)).toBe('127.0.0.1');
  });

  it("behind the proven proxy takes the last entry, the one it wrote; the client's own entries are ignored", () => {
    expect(resolveClientAddress('10.0.0.5', '198.51.100.1', true)).toBe('198.51.100.1');
    expect(resolveClientAddress('10.0.0.5', 'spoofed-by-client, 1.1.1.1, 198.51.100.1', true)).toBe(
      '198.51.100.1',
    );
    expect(resolveClientAddress('10.0.0.5', ['1.1.1.1', '198.51.100.1'], true)).toBe('198.51.100.1');
  });

  it('writes IPv4-mapped IPv6 addresses as IPv4', () => {
    expect(resolveClientAddress('::ffff:10.0.0.5', '::ffff:198.51.100.1', true)).toBe('198.51.100.1');
    expect(resolveClientAddress('::ffff:203.0.113.9', undefined, false)).toBe('203.0.113.9');
    expect(resolveClientAddress('fd00::1', '2001:db8::7', true)).toBe('2001:db8::7');
  });

  it('stops at the proxy when it passes on no address or garbage', () => {
    expect(resolveClientAddress('10.0.0.5', undefined, true)).toBe('10.0.0.5');
    expect(resolveClientAddress('10.0.0.5', 'not-an-address', true)).toBe('10.0.0.5');
    expect(lastForwardedAddress('198.51.100.1, not-an-address')).toBeNull();
  });
});
