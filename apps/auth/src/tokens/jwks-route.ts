import type { RequestListener } from 'node:http';
import type { JSONWebKeySet } from 'jose';

/** Verifiers cache the key set this long; a token with an unknown kid makes them fetch again sooner anyway. */
const cacheSeconds = 300;

/** GET the public key set (RFC 7517), for the gateway and every service to verify access tokens. */
export function jwksRoute(jwks: JSONWebKeySet): RequestListener {
  const body = JSON.stringify(jwks);
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'METHOD_NOT_ALLOWED', message: 'use GET' } }));
      return;
    }
    response.writeHead(200, {
      'content-type': 'application/json',
      'cache-control': `public, max-age=${cacheSeconds}`,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
