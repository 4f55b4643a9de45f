import type { IncomingMessage } from 'node:http';
import type { BlockList } from 'node:net';
import { isTrustedAddress, resolveClientAddress } from '@food/service-kit';

/**
 * The address a login came from (see service-kit's resolveClientAddress). When a trusted proxy forwards no usable
 * client address the answer is null rather than the proxy's own address, which would put every user behind it
 * into one shared login-failure counter.
 */
export function clientIpOf(request: Pick<IncomingMessage, 'headers' | 'socket'>, trustedProxies: BlockList): string | null {
  const peer = request.socket.remoteAddress;
  if (!peer) return null;
  const resolved = resolveClientAddress(peer, request.headers['x-forwarded-for'], trustedProxies);
  return isTrustedAddress(resolved, trustedProxies) ? null : resolved;
}
