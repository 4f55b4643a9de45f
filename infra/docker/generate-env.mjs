// Writes .env for `docker compose` from .env.example, with a fresh value for every secret left empty there:
//   node infra/docker/generate-env.mjs
// It never overwrites a .env: the database roles keep the passwords they were created with (docs/docker.md).
import { Buffer } from 'node:buffer';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

/** Fresh secrets for every empty value of .env.example, made as its comments describe. */
export function generateSecrets() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pemBase64 = (key, type) =>
    Buffer.from(key.export({ format: 'pem', type })).toString('base64');
  const hex = (bytes) => randomBytes(bytes).toString('hex');
  return {
    POSTGRES_PASSWORD: hex(24),
    AUTH_DB_PASSWORD: hex(24),
    ORDER_DB_PASSWORD: hex(24),
    PAYMENT_DB_PASSWORD: hex(24),
    NOTIFICATION_DB_PASSWORD: hex(24),
    JWT_PRIVATE_KEY_PEM_BASE64: pemBase64(privateKey, 'pkcs8'),
    JWT_PUBLIC_KEY_PEM_BASE64: pemBase64(publicKey, 'spki'),
    JWT_KEY_ID: `compose-${hex(6)}`,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    GATEWAY_SECRET: hex(32),
    PROXY_SECRET: hex(32),
    BOOTSTRAP_ADMIN_PASSWORD: hex(16),
  };
}

/** The example file with each empty `NAME=` line that has a secret filled in; everything else as it was. */
export function fillEnvFile(example, secrets) {
  return example.replace(/^([A-Z][A-Z0-9_]*)=$/gm, (line, name) =>
    Object.hasOwn(secrets, name) ? `${name}=${secrets[name]}` : line,
  );
}

function main() {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const target = path.join(root, '.env');
  const contents = fillEnvFile(
    readFileSync(path.join(root, '.env.example'), 'utf8'),
    generateSecrets(),
  );
  try {
    writeFileSync(target, contents, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    process.stderr.write(
      `${target} exists; it is left as it is. Delete it first to start over (with \`docker compose down -v\`, since the databases keep their passwords).\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `wrote ${target}; the admin's password is BOOTSTRAP_ADMIN_PASSWORD there.\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  main();
