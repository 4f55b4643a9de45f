import { describe, expect, it } from 'vitest';
import { generateKeyMaterial } from '../testing/auth-test-harness.js';
import { loadSigningKeys } from './signing-keys.js';

describe('loadSigningKeys', () => {
  it('publishes the current key first and the previous ones after it, public parts only', async () => {
    const current = generateKeyMaterial('current');
    const previous = generateKeyMaterial('previous');
    const keys = await loadSigningKeys({
      ...current,
      previousPublicKeys: [{ kid: 'previous', pem: previous.publicKeyPem }],
    });
    expect(keys.jwks.keys.map((key) => key.kid)).toEqual(['current', 'previous']);
    for (const key of keys.jwks.keys)
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
  });

  it('refuses a private key that does not match the public key', async () => {
    const one = generateKeyMaterial('one');
    const other = generateKeyMaterial('other');
    await expect(loadSigningKeys({ ...one, publicKeyPem: other.publicKeyPem })).rejects.toThrow(
      /does not belong/,
    );
  });

  it('refuses a key that is not PEM and duplicate key ids', async () => {
    const material = generateKeyMaterial('dup');
    await expect(loadSigningKeys({ ...material, privateKeyPem: 'garbage' })).rejects.toThrow(
      /PKCS#8/,
    );
    await expect(
      loadSigningKeys({
        ...material,
        previousPublicKeys: [{ kid: 'dup', pem: material.publicKeyPem }],
      }),
    ).rejects.toThrow(/unique/);
  });
});
