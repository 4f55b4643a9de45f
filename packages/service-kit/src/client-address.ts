import { BlockList, isIP } from 'node:net';

/** `::ffff:203.0.113.9` (an IPv4 peer on a dual-stack socket) is written as plain IPv4. */
export function canonicalAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** True for an IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`): the syntax of a trusted-proxy setting. */
export function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  if (isIP(address) === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (isIP(address) === 6 ? 128 : 32);
}

export function isTrustedAddress(address: string, trustedProxies: BlockList): boolean {
  return isIP(address) !== 0 && trustedProxies.check(address, familyOf(address));
}

/** The proxies whose X-Forwarded-For is believed, from addresses and CIDR ranges. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [listed = '', prefix] = entry.split('/');
    const address = canonicalAddress(listed);
    if (prefix === undefined) list.addAddress(address, familyOf(address));
    else list.addSubnet(address, Number(prefix), familyOf(address));
  }
  return list;
}

/**
 * The client's address: the direct peer, unless the peer is a trusted proxy; then X-Forwarded-For is read from the
 * right (the hop the trusted proxy saw) past any further trusted proxies. Entries left of the first untrusted hop
 * are the client's own claims and are ignored.
 */
export function resolveClientAddress(
  peerAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: BlockList,
): string {
  let client = canonicalAddress(peerAddress ?? 'unknown');
  const isTrusted = (address: string) => isTrustedAddress(address, trustedProxies);
  if (!isTrusted(client)) return client;
  const hops = [forwardedFor ?? []]
    .flat()
    .join(',')
    .split(',')
    .map((hop) => canonicalAddress(hop.trim()))
    .filter(Boolean);
  for (const hop of hops.reverse()) {
    // A trusted proxy that passes on garbage: the last address we can vouch for is the proxy itself.
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!isTrusted(hop)) return hop;
  }
  return client;
}
