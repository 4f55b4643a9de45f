import { trustHeaders } from '@food/contracts';

const secretKeys = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  trustHeaders.gatewaySecret,
  trustHeaders.proxySecret,
];

// Looked up as written (no case folding per key and line): each name as above, in lower case and capitalised.
const redactedLogKeys: ReadonlySet<string> = new Set(
  secretKeys.flatMap((key) => [key, key.toLowerCase(), key[0]!.toUpperCase() + key.slice(1)]),
);

/**
 * Whether a field's value is a secret wherever it appears in a log line, at any depth (`input.password`,
 * `request.headers.authorization`): its value is replaced by `[redacted]` before the line is written, whatever a
 * caller passed.
 */
export function isRedactedLogKey(key: string): boolean {
  return redactedLogKeys.has(key);
}

export const redactedValue = '[redacted]';
