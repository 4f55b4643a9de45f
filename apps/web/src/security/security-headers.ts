/**
 * The console's content security policy. Scripts run only with this response's nonce, and what those load
 * ('strict-dynamic': Next.js adds its chunks at run time); nothing may frame the console; every fetch, and the live
 * feed, goes to this origin. Styles allow inline attributes: React renders `style` props into the HTML, and an inline
 * style cannot run code.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { development: boolean; https: boolean },
): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its stack traces; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** A fresh nonce per response: 16 random bytes, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Sent only over https (browsers ignore it over http): two years, the preload lists' minimum. */
export const strictTransportSecurity = 'max-age=63072000; includeSubDomains';

/** The headers every answer carries, pages, API and static files alike (next.config.ts). */
export const staticSecurityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // For browsers without CSP's frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
