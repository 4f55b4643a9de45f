import { accessTokenAlgorithm } from '@food/contracts';
import {
  exportJWK,
  importJWK,
  importPKCS8,
  importSPKI,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';

export interface PublicKeyPem {
  kid: string;
  pem: string;
}

export interface SigningKeyMaterial {
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
  /** Public keys of earlier signing keys, still published so tokens they signed verify until they expire. */
  previousPublicKeys: PublicKeyPem[];
}

export interface SigningKeys {
  keyId: string;
  privateKey: CryptoKey;
  /** Public keys only (current first), as served at the JWKS path. */
  jwks: JSONWebKeySet;
}

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

async function publicJwk({ kid, pem }: PublicKeyPem): Promise<JWK> {
  const key = await importSPKI(pem, accessTokenAlgorithm, { extractable: true }).catch(
    (error: unknown) => {
      throw new SigningKeyError(
        `public key ${kid} is not an ES256 (P-256) SPKI PEM: ${(error as Error).message}`,
      );
    },
  );
  // Copy only the public members, so nothing else a JWK export may carry is ever published.
  const { kty, crv, x, y } = await exportJWK(key);
  return { kty, crv, x, y, kid, alg: accessTokenAlgorithm, use: 'sig' };
}

async function assertSameKeyPair(privateKey: CryptoKey, publicKey: JWK) {
  const probe = await new SignJWT({})
    .setProtectedHeader({ alg: accessTokenAlgorithm })
    .sign(privateKey);
  try {
    await jwtVerify(probe, await importJWK(publicKey, accessTokenAlgorithm));
  } catch {
    throw new SigningKeyError(`the private key does not belong to the public key ${publicKey.kid}`);
  }
}

/** Imports the signing key and the public keys to publish; refuses a private key that does not match its public key. */
export async function loadSigningKeys(material: SigningKeyMaterial): Promise<SigningKeys> {
  const privateKey = await importPKCS8(material.privateKeyPem, accessTokenAlgorithm).catch(
    (error: unknown) => {
      throw new SigningKeyError(
        `the private key is not an ES256 (P-256) PKCS#8 PEM: ${(error as Error).message}`,
      );
    },
  );
  const current = await publicJwk({ kid: material.keyId, pem: material.publicKeyPem });
  await assertSameKeyPair(privateKey, current);
  const previous = await Promise.all(material.previousPublicKeys.map(publicJwk));
  const kids = [current, ...previous].map((key) => key.kid);
  if (new Set(kids).size !== kids.length)
    throw new SigningKeyError(`key ids must be unique, got ${kids.join(', ')}`);
  return { keyId: material.keyId, privateKey, jwks: { keys: [current, ...previous] } };
}
