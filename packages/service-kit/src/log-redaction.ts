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

const path = (key: string) => (/^[\w]+$/.test(key) ? key : `["${key}"]`);
const join = (prefix: string, key: string) => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`);

/**
 * Where a secret can sit in a log line: at the top, one level down (`input.password`), and in headers at either
 * level (`headers.authorization`, `request.headers.cookie`). pino replaces each with `[redacted]` before the line
 * is written, whatever a caller passed.
 */
export const redactedLogPaths = secretKeys.flatMap((key) => {
  const own = path(key);
  return [own, join('*', own), join('headers', own), join('*.headers', own)];
});
