import { isIP } from 'node:net';

/** `::ffff:203.0.113.9` (an IPv4 peer on a dual-stack socket) is written as plain IPv4. */
export function canonicalAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** The last X-Forwarded-For entry (the one the proxy in front of us wrote), when it is an IP address. */
export function lastForwardedAddress(forwardedFor: string | string[] | undefined): string | null {
  const last = canonicalAddress([forwardedFor ?? []].flat().join(',').split(',').at(-1)?.trim() ?? '');
  return isIP(last) === 0 ? null : last;
}

/**
 * The client's address: the direct peer, unless the peer proved it is our proxy (a shared secret, never an address:
 * on one host every process shares 127.0.0.1). Then it is the last X-Forwarded-For entry, the one that proxy wrote
 * from its socket; a proxy that passes on no usable address leaves its own.
 */
export function resolveClientAddress(
  peerAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  fromProvenProxy: boolean,
): string {
  const peer = canonicalAddress(peerAddress ?? 'unknown');
  if (!fromProvenProxy) return peer;
  return lastForwardedAddress(forwardedFor) ?? peer;
}
