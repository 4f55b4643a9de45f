import { parseEnv } from '@food/service-kit';
import { describe, expect, it } from 'vitest';
import { envSchema, toolEnvSchema } from './env.js';
import { generateKeyMaterial } from './testing/auth-test-harness.js';

const material = generateKeyMaterial('env-test');
const base64 = (text: string) => Buffer.from(text).toString('base64');
const keys = {
  JWT_PRIVATE_KEY_PEM_BASE64: base64(material.privateKeyPem),
  JWT_PUBLIC_KEY_PEM_BASE64: base64(material.publicKeyPem),
  JWT_KEY_ID: material.keyId,
};

describe('auth settings', () => {
  it('decode the keys and default the login limits', () => {
    const env = parseEnv(envSchema, keys);
    expect(env.JWT_PRIVATE_KEY_PEM_BASE64).toBe(material.privateKeyPem);
    expect(env.JWT_PREVIOUS_PUBLIC_KEYS_JSON).toEqual([]);
    expect(env).toMatchObject({
      LOGIN_THROTTLE_KEY_PREFIX: 'auth:login-throttle:',
      LOGIN_FAILURES_PER_ACCOUNT: 5,
      LOGIN_FAILURES_PER_CLIENT_IP: 20,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
    });
  });

  it('name each missing key and say that `npm start` generates them', () => {
    expect(() => parseEnv(envSchema, {})).toThrow(
      /JWT_PRIVATE_KEY_PEM_BASE64: is not set: `npm start` generates it[\s\S]*JWT_PUBLIC_KEY_PEM_BASE64[\s\S]*JWT_KEY_ID/,
    );
  });

  it('parse previous public keys for rotation', () => {
    const previous = generateKeyMaterial('old');
    const env = parseEnv(envSchema, {
      ...keys,
      JWT_PREVIOUS_PUBLIC_KEYS_JSON: JSON.stringify([
        { kid: 'old', pem: base64(previous.publicKeyPem) },
      ]),
    });
    expect(env.JWT_PREVIOUS_PUBLIC_KEYS_JSON).toEqual([{ kid: 'old', pem: previous.publicKeyPem }]);
    expect(() => parseEnv(envSchema, { ...keys, JWT_PREVIOUS_PUBLIC_KEYS_JSON: 'nope' })).toThrow(
      /JWT_PREVIOUS_PUBLIC_KEYS_JSON: must be JSON/,
    );
  });

  it('want the bootstrap admin’s email and password together, the email valid and the password strong', () => {
    expect(() => parseEnv(toolEnvSchema, { BOOTSTRAP_ADMIN_EMAIL: 'root@example.com' })).toThrow(
      /BOOTSTRAP_ADMIN_PASSWORD: is required when BOOTSTRAP_ADMIN_EMAIL is set/,
    );
    expect(() => parseEnv(toolEnvSchema, { DEMO_CUSTOMER_PASSWORD: 'demo password 1' })).toThrow(
      /DEMO_CUSTOMER_EMAIL: is required when DEMO_CUSTOMER_PASSWORD is set/,
    );
    expect(() =>
      parseEnv(toolEnvSchema, {
        BOOTSTRAP_ADMIN_EMAIL: 'root@example.com',
        BOOTSTRAP_ADMIN_PASSWORD: 'short',
      }),
    ).toThrow(/BOOTSTRAP_ADMIN_PASSWORD: must be at least 10 characters/);
    expect(
      parseEnv(toolEnvSchema, {
        BOOTSTRAP_ADMIN_EMAIL: 'Root@Example.com',
        BOOTSTRAP_ADMIN_PASSWORD: 'admin password 1',
      }),
    ).toMatchObject({
      BOOTSTRAP_ADMIN_EMAIL: 'root@example.com',
    });
  });

  it('refuse a gateway secret shorter than 32 characters', () => {
    expect(() => parseEnv(envSchema, { ...keys, GATEWAY_SECRET: 'short' })).toThrow(/GATEWAY_SECRET/);
  });
});
