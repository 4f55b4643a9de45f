import 'server-only';
import { cookies, headers } from 'next/headers';
import { clientAddressOf } from '../auth/client-address';
import { decodeSession, readSessionCookie } from '../auth/session-cookie';
import { createGatewayClient } from './gateway-client';

/**
 * The gateway client of a server component: acts for the signed-in user of this request. proxy.ts has already
 * refreshed the access token if it was due, so the cookie read here is current.
 */
export async function serverGateway() {
  const session = await decodeSession(readSessionCookie(await cookies()));
  return createGatewayClient({
    accessToken: session?.error ? undefined : session?.accessToken,
    clientAddress: clientAddressOf(await headers()),
  });
}
