/** Pages that need a signed-in user; /admin additionally needs the ADMIN role (checked in its layout). */
const signInRequired = ['/checkout', '/orders', '/notifications', '/admin'];

export function requiresSignIn(pathname: string): boolean {
  return signInRequired.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

// Control characters (a tab or newline is dropped by URL parsers, so `/\t/evil.example` is `//evil.example`) and
// backslashes (read as slashes) have no place in a path we send anyone to.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\\]/;
const base = 'http://console.invalid';

/**
 * Where to go after signing in: a path of this site, as the browser will read it, or the fallback (the home page).
 * Refuses other origins in every spelling (`//evil.example`, `/\t/evil.example`, `/\\evil.example`, `https:…`).
 */
export function safeCallbackPath(candidate: string | null | undefined, fallback = '/'): string {
  if (!candidate || !candidate.startsWith('/') || unsafeCharacters.test(candidate)) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || url.pathname.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
