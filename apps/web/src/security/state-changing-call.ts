import type { WebErrorCode } from '../gateway/trpc-error-response';

export interface CallRefusal {
  code: WebErrorCode;
  message: string;
}

/**
 * Whether a state-changing call (a POST to /api/trpc) may be forwarded with the session's token: only a JSON body
 * (an HTML form cannot send one, and a cross-origin fetch of it needs a CORS preflight nobody answers), and only from
 * this app's own origin when the browser says where it comes from (Origin, Sec-Fetch-Site). SameSite=Lax cookies do
 * not stop another port of the same host, which is same-site. Null when it may.
 */
export function refusalOfStateChangingCall(
  headers: { get(name: string): string | null },
  ownOrigin: string,
): CallRefusal | null {
  const mediaType = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'send calls that change something as application/json',
    };
  }
  const origin = headers.get('origin');
  const site = headers.get('sec-fetch-site');
  if ((origin !== null && origin !== ownOrigin) || (site !== null && site !== 'same-origin')) {
    return {
      code: 'FORBIDDEN',
      message: 'calls that change something are accepted from this site only',
    };
  }
  return null;
}
