import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

/**
 * Cost of new hashes: N = 2^15 with r = 8 takes 32 MiB and ~80 ms. Every hash carries its parameters, so raising
 * these later only changes new hashes; older ones still verify and are re-hashed at the next successful login.
 */
export const currentScryptParameters: ScryptParameters = { ln: 15, r: 8, p: 1 };

const saltBytes = 16;
const keyBytes = 64;
// Bounds for parameters read back from a stored hash, so a corrupt row cannot ask for gigabytes of memory.
const acceptedRange = { ln: [10, 20], r: [1, 32], p: [1, 16] } as const;

// PHC string format: $scrypt$ln=15,r=8,p=1$<salt base64>$<key base64>
const encodedPattern =
  /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function deriveKey(
  password: string,
  salt: Buffer,
  parameters: ScryptParameters,
  length: number,
): Promise<Buffer> {
  const N = 2 ** parameters.ln;
  const memoryNeeded = 128 * N * parameters.r * parameters.p;
  return new Promise((resolve, reject) => {
    // NFKC, so the same password typed on another keyboard or OS (composed vs decomposed accents) still matches.
    scrypt(
      password.normalize('NFKC'),
      salt,
      length,
      { N, r: parameters.r, p: parameters.p, maxmem: 2 * memoryNeeded },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

function encode(parameters: ScryptParameters, salt: Buffer, key: Buffer): string {
  const { ln, r, p } = parameters;
  return `$scrypt$ln=${ln},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function decode(
  encoded: string,
): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | null {
  const match = encodedPattern.exec(encoded);
  if (!match) return null;
  const [, ln, r, p, salt, key] = match;
  const parameters = { ln: Number(ln), r: Number(r), p: Number(p) };
  const inRange = (Object.keys(acceptedRange) as Array<keyof ScryptParameters>).every(
    (name) =>
      parameters[name] >= acceptedRange[name][0] && parameters[name] <= acceptedRange[name][1],
  );
  return inRange
    ? { parameters, salt: Buffer.from(salt ?? '', 'base64'), key: Buffer.from(key ?? '', 'base64') }
    : null;
}

export async function hashPassword(
  password: string,
  parameters = currentScryptParameters,
): Promise<string> {
  const salt = randomBytes(saltBytes);
  return encode(parameters, salt, await deriveKey(password, salt, parameters, keyBytes));
}

/** Constant-time comparison; an unreadable stored hash never matches. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const stored = decode(encoded);
  if (!stored || stored.key.length === 0) return false;
  const candidate = await deriveKey(password, stored.salt, stored.parameters, stored.key.length);
  return timingSafeEqual(candidate, stored.key);
}

/** True when the hash was made with other parameters than today's, so it should be replaced after a login. */
export function needsRehash(encoded: string): boolean {
  const stored = decode(encoded);
  if (!stored) return true;
  const { ln, r, p } = stored.parameters;
  return (
    ln !== currentScryptParameters.ln ||
    r !== currentScryptParameters.r ||
    p !== currentScryptParameters.p ||
    stored.key.length !== keyBytes
  );
}

/**
 * A well-formed hash of no password, verified against when the email is unknown: the login then costs the same
 * scrypt work as a wrong password, so the response time does not tell whether the account exists.
 */
export const unknownUserPasswordHash = encode(
  currentScryptParameters,
  randomBytes(saltBytes),
  randomBytes(keyBytes),
);
