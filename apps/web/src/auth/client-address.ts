import { isIP } from 'node:net';

/**
 * The browser's address as this app saw it: the last X-Forwarded-For entry. `next start` fills the header from the
 * socket when the request has none; behind a reverse proxy the last entry is the one that proxy appended.
 */
export function clientAddressOf(headers: { get(name: string): string | null }): string | null {
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(last)?.[1] ?? last;
  return isIP(mapped) ? mapped : null;
}
