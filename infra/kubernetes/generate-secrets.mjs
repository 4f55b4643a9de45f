// Prints the platform's Secrets with fresh values, for kubectl; nothing secret is written to a file:
//   node infra/kubernetes/generate-secrets.mjs [--namespace food-ordering] [--postgres-host postgres-rw] \
//     [--admin-email admin@example.com] | kubectl apply -f -
// Run it once: the database roles keep the passwords they were first given (CloudNativePG reads them from the
// <service>-database Secrets). A real deployment would rather sync the same names and keys from its secret store.
import process from 'node:process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { generateSecrets } from '../docker/generate-env.mjs';

const databases = {
  auth: { database: 'auth_db', role: 'auth_service', password: 'AUTH_DB_PASSWORD' },
  order: { database: 'order_db', role: 'order_service', password: 'ORDER_DB_PASSWORD' },
  payment: { database: 'payment_db', role: 'payment_service', password: 'PAYMENT_DB_PASSWORD' },
  notification: { database: 'notification_db', role: 'notification_service', password: 'NOTIFICATION_DB_PASSWORD' },
};

/**
 * The Secrets the manifests reference, by name, with their keys: each holds what one trust boundary or one process
 * needs, so a Deployment is given only its own.
 */
export function platformSecrets(values, { namespace = 'food-ordering', postgresHost = 'postgres-rw', adminEmail = 'admin@example.com' } = {}) {
  const secret = (name, data, type = 'Opaque') => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, labels: { 'app.kubernetes.io/part-of': 'food-ordering' } },
    type,
    stringData: data,
  });
  return [
    secret('gateway-secret', { GATEWAY_SECRET: values.GATEWAY_SECRET }),
    secret('proxy-secret', { PROXY_SECRET: values.PROXY_SECRET }),
    secret('web-session', { NEXTAUTH_SECRET: values.NEXTAUTH_SECRET }),
    secret('auth-signing-key', {
      JWT_PRIVATE_KEY_PEM_BASE64: values.JWT_PRIVATE_KEY_PEM_BASE64,
      JWT_PUBLIC_KEY_PEM_BASE64: values.JWT_PUBLIC_KEY_PEM_BASE64,
      JWT_KEY_ID: values.JWT_KEY_ID,
    }),
    secret('auth-bootstrap-admin', {
      BOOTSTRAP_ADMIN_EMAIL: adminEmail,
      BOOTSTRAP_ADMIN_PASSWORD: values.BOOTSTRAP_ADMIN_PASSWORD,
    }),
    // basic-auth (username, password) is what CloudNativePG's managed roles read; the service reads DATABASE_URL.
    ...Object.entries(databases).map(([service, { database, role, password }]) =>
      secret(
        `${service}-database`,
        {
          username: role,
          password: values[password],
          DATABASE_URL: `postgresql://${role}:${values[password]}@${postgresHost}:5432/${database}`,
        },
        'kubernetes.io/basic-auth',
      ),
    ),
  ];
}

function main() {
  const { values: options } = parseArgs({
    options: {
      namespace: { type: 'string', default: 'food-ordering' },
      'postgres-host': { type: 'string', default: 'postgres-rw' },
      'admin-email': { type: 'string', default: 'admin@example.com' },
    },
  });
  const secrets = platformSecrets(generateSecrets(), {
    namespace: options.namespace,
    postgresHost: options['postgres-host'],
    adminEmail: options['admin-email'],
  });
  // JSON is YAML: kubectl reads a List of them.
  process.stdout.write(`${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: secrets }, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
