/** Pages that need a signed-in user; /admin additionally needs the ADMIN role (checked in its layout). */
const signInRequired = ['/checkout', '/orders', '/notifications', '/admin'];

export function requiresSignIn(pathname: string): boolean {
  return signInRequired.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Where to go after signing in: only a path of this site, never another origin (`//evil.example`). */
export function safeCallbackPath(candidate: string | null | undefined, fallback = '/'): string {
  if (
    !candidate ||
    !candidate.startsWith('/') ||
    candidate.startsWith('//') ||
    candidate.startsWith('/\\')
  )
    return fallback;
  return candidate;
}
