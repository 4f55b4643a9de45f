/**
 * Text PostgreSQL cannot store or that is not text at all: NUL characters (rejected by every text and jsonb column)
 * and unpaired UTF-16 surrogates (rejected by jsonb; silently replaced elsewhere). Besides failing the write,
 * a NUL can change meaning: scrypt pads keys with zeros, so `password` and `password\0` hash alike.
 */
export function isUnsafeText(value: string): boolean {
  return value.includes('\u0000') || !value.isWellFormed();
}

/** The path of the first unsafe string inside an input (`items.0.name`), or null; bounded in depth and breadth. */
export function findUnsafeText(input: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof input === 'string') return isUnsafeText(input) ? path.join('.') || '(input)' : null;
  if (depth > 20 || input === null || typeof input !== 'object') return null;
  const entries = Array.isArray(input) ? input.map((value, index) => [String(index), value] as const) : Object.entries(input);
  for (const [key, value] of entries.slice(0, 10_000)) {
    if (isUnsafeText(key)) return [...path, '(a key)'].join('.');
    const found = findUnsafeText(value, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Text made storable: NUL and unpaired surrogates become U+FFFD (for data we must keep, such as dead letters). */
export function storableText(value: string): string {
  return value.replaceAll('\u0000', '\uFFFD').toWellFormed();
}
