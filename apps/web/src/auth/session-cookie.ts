import { refreshTokenLifetimeSeconds } from '@food/contracts';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { env } from '../env';

/** A session lasts as long as its refresh token could (each refresh starts the period again). */
export const sessionMaxAgeSeconds = refreshTokenLifetimeSeconds;

/** next-auth splits a cookie above this size into `<name>.0`, `<name>.1`, …; so does this module. */
const chunkSize = 4096 - 163;

export interface CookieReader {
  get(name: string): { value: string } | undefined;
  getAll(): Array<{ name: string; value: string }>;
}

export interface CookieWriter {
  set(name: string, value: string, options: SessionCookieOptions): void;
  delete(name: string): void;
}

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  maxAge: number;
}

const useSecureCookies = () => env.NEXTAUTH_URL.startsWith('https://');

/** The same name and options next-auth uses, given to next-auth explicitly so that both always agree. */
export function sessionCookie() {
  const secure = useSecureCookies();
  return {
    name: `${secure ? '__Secure-' : ''}next-auth.session-token`,
    options: { httpOnly: true, sameSite: 'lax', path: '/', secure } as const,
  };
}

function chunkNames(cookies: CookieReader, name: string): string[] {
  return cookies
    .getAll()
    .map((cookie) => cookie.name)
    .filter(
      (candidate) =>
        candidate.startsWith(`${name}.`) && /^\d+$/.test(candidate.slice(name.length + 1)),
    )
    .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
}

/** The encrypted session as sent by the browser (joined if next-auth chunked it), or undefined. */
export function readSessionCookie(cookies: CookieReader): string | undefined {
  const { name } = sessionCookie();
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = chunkNames(cookies, name).map((chunk) => cookies.get(chunk)?.value ?? '');
  return chunks.length ? chunks.join('') : undefined;
}

/** Writes the session (chunked when large) and removes whatever pieces of an earlier one are left over. */
export function writeSessionCookie(current: CookieReader, target: CookieWriter, value: string) {
  const { name, options } = sessionCookie();
  const pieces =
    value.length <= chunkSize
      ? [value]
      : Array.from({ length: Math.ceil(value.length / chunkSize) }, (_, i) =>
          value.slice(i * chunkSize, (i + 1) * chunkSize),
        );
  const written = pieces.length === 1 ? [name] : pieces.map((_, i) => `${name}.${i}`);
  for (const stale of [name, ...chunkNames(current, name)].filter(
    (candidate) => !written.includes(candidate),
  )) {
    if (current.get(stale)) target.delete(stale);
  }
  written.forEach((cookieName, i) =>
    target.set(cookieName, pieces[i] ?? '', { ...options, maxAge: sessionMaxAgeSeconds }),
  );
}

/** The session's content, or null when there is none or it cannot be decrypted (another secret, tampering). */
export async function decodeSession(value: string | undefined): Promise<JWT | null> {
  if (!value) return null;
  try {
    return await decode({ token: value, secret: env.NEXTAUTH_SECRET });
  } catch {
    return null;
  }
}

export function encodeSession(token: JWT): Promise<string> {
  return encode({ token, secret: env.NEXTAUTH_SECRET, maxAge: sessionMaxAgeSeconds });
}
