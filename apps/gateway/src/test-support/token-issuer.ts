import http from 'node:http';
import {
  accessTokenAlgorithm,
  accessTokenAudience,
  accessTokenIssuer,
  jwksPath,
  type Role,
} from '@food/contracts';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { closeServer, listenOnFreePort } from './http-servers.js';

export interface TokenClaims {
  sub: string;
  role: Role;
  email: string;
}

export interface SigningOptions {
  issuer?: string;
  audience?: string;
  /** Seconds since the epoch; default 15 minutes from now. */
  expiresAt?: number;
  kid?: string;
  key?: CryptoKey;
}

/**
 * A stand-in for the auth service's signing side: an ES256 key pair, its JWKS served over HTTP, and a function
 * that mints access tokens the way auth does (iss, aud, exp, sub, role, email, jti, header kid).
 */
export async function startTokenIssuer() {
  const { publicKey, privateKey } = await generateKeyPair(accessTokenAlgorithm, {
    extractable: true,
  });
  const kid = 'test-signing-key';
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: accessTokenAlgorithm, use: 'sig' };
  const server = http.createServer((request, response) => {
    if (request.url !== jwksPath) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  const baseUrl = await listenOnFreePort(server);

  const sign = (claims: TokenClaims, options: SigningOptions = {}) =>
    new SignJWT({ role: claims.role, email: claims.email })
      .setProtectedHeader({ alg: accessTokenAlgorithm, kid: options.kid ?? kid })
      .setSubject(claims.sub)
      .setJti(crypto.randomUUID())
      .setIssuer(options.issuer ?? accessTokenIssuer)
      .setAudience(options.audience ?? accessTokenAudience)
      .setIssuedAt()
      .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 15 * 60)
      .sign(options.key ?? privateKey);

  return { jwksUrl: baseUrl + jwksPath, kid, publicKey, sign, close: () => closeServer(server) };
}

export type TokenIssuer = Awaited<ReturnType<typeof startTokenIssuer>>;
