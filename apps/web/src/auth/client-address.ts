import { isIP } from 'node:net';

/**
 * The browser's address as this app saw it. server.mjs replaces whatever X-Forwarded-For the client sent with the
 * socket's address, so the header holds exactly that one entry.
 */
export function clientAddressOf(headers: { get(name: string): string | null }): string | null {
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(last)?.[1] ?? last;
  return isIP(mapped) ? mapped : null;
}
