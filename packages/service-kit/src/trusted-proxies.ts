import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import { canonicalAddress } from './client-address.js';

/** The reverse proxies (a balancer, an ingress controller) whose X-Forwarded-For is believed, by socket address. */
export interface TrustedProxies {
  /** The entries as configured (addresses and CIDR ranges), for the start-up log line. */
  readonly entries: readonly string[];
  includes(address: string): boolean;
}

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** `10.0.0.5` or `10.0.0.0/8` (IPv4 or IPv6) added to `list`; the problem when the entry is neither. */
function addEntry(list: BlockList, entry: string): string | undefined {
  const [address = '', prefix, ...rest] = entry.split('/');
  if (isIP(address) === 0 || rest.length > 0)
    return `"${entry}" is not an IP address or a CIDR range`;
  if (prefix === undefined) {
    list.addAddress(address, familyOf(address));
    return undefined;
  }
  const bits = Number(prefix);
  const maxBits = isIP(address) === 6 ? 128 : 32;
  if (!/^\d+$/.test(prefix) || bits > maxBits)
    return `"${entry}" has a prefix length outside 0-${maxBits}`;
  list.addSubnet(address, bits, familyOf(address));
  return undefined;
}

/**
 * A comma-separated list of the proxies in front of this process: addresses and CIDR ranges
 * (`127.0.0.2`, `10.0.0.0/8, fd00::/8`). Empty (the default) trusts nobody: the socket's address is the client's.
 */
export const trustedProxiesSetting = z
  .string()
  .default('')
  .transform((text, context): TrustedProxies => {
    const entries = text
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const list = new BlockList();
    for (const entry of entries) {
      const problem = addEntry(list, entry);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }
    return {
      entries,
      includes: (address) => isIP(address) !== 0 && list.check(address, familyOf(address)),
    };
  });

/**
 * The client's address as the proxies in front of us report it. The socket's peer, unless it is a trusted proxy;
 * then X-Forwarded-For is read from its right end (each proxy appends the address it saw) past every trusted proxy,
 * and the first address that is not one is the client's. Whatever the client itself wrote stands left of that and is
 * never reached; an entry that is not an address ends the walk at the last proxy that reported it.
 */
export function clientAddressBehind(
  trustedProxies: TrustedProxies,
  peerAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
): string | undefined {
  if (peerAddress === undefined) return undefined;
  let address = canonicalAddress(peerAddress);
  const hops = [forwardedFor ?? []].flat().join(',').split(',').reverse();
  for (const hop of hops) {
    if (!trustedProxies.includes(address)) return address;
    const reported = canonicalAddress(hop.trim());
    if (isIP(reported) === 0) return address;
    address = reported;
  }
  return address;
}
