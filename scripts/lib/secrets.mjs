import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { localDir } from './paths.mjs';
import { say } from './run.mjs';

const secretsFile = path.join(localDir, 'secrets.env');

function generateSecrets() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = (key, type) => Buffer.from(key.export({ format: 'pem', type })).toString('base64');
  return {
    JWT_PRIVATE_KEY_PEM_BASE64: pem(privateKey, 'pkcs8'),
    JWT_PUBLIC_KEY_PEM_BASE64: pem(publicKey, 'spki'),
    JWT_KEY_ID: randomUUID(),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    // Proves a call to a service came through the gateway (docs/gateway.md, "Trust boundaries").
    GATEWAY_SECRET: randomBytes(32).toString('hex'),
    // Proves a call to the gateway came from the web app, whose X-Forwarded-For is then believed.
    PROXY_SECRET: randomBytes(32).toString('hex'),
  };
}

/**
 * The local secrets (JWT signing key, next-auth secret, the gateway's and the proxy's shared secrets): generated into .local/secrets.env on first run,
 * never committed. Values already set in the environment win.
 */
export function loadLocalSecrets() {
  if (!existsSync(secretsFile)) {
    mkdirSync(localDir, { recursive: true });
    const lines = Object.entries(generateSecrets()).map(([name, value]) => `${name}=${value}`);
    writeFileSync(secretsFile, `# Generated on first run for local use only. Delete to rotate.\n${lines.join('\n')}\n`, {
      mode: 0o600,
    });
    say(`  generated local secrets in ${path.relative(process.cwd(), secretsFile)}`);
  }
  const written = readFileSync(secretsFile, 'utf8');
  const secrets = parseEnv(written);
  // A secrets file from before a secret was introduced gets just the new one, keeping the others as they are.
  const fresh = generateSecrets();
  const missing = Object.keys(fresh).filter((name) => !(name in secrets));
  if (missing.length > 0) {
    const lines = missing.map((name) => `${name}=${fresh[name]}`).join('\n');
    appendFileSync(secretsFile, `${written.endsWith('\n') ? '' : '\n'}${lines}\n`);
    for (const name of missing) secrets[name] = fresh[name];
    say(`  added ${missing.join(', ')} to ${path.relative(process.cwd(), secretsFile)}`);
  }
  for (const name of Object.keys(secrets)) {
    if (process.env[name]) secrets[name] = process.env[name];
  }
  return secrets;
}
