// Registers a user through the gateway with the typed client, signs in, and asks who we are.
// Run from the repo root with the stack up (`npm start`):
//   npx tsx --conditions=source scripts/examples/register-and-me.ts
// GATEWAY_URL (default http://127.0.0.1:4000/trpc) points it at another gateway.
import { randomUUID } from 'node:crypto';
import { createAnonymousClient, signIn } from '@food/api-client';
import { say } from '../lib/run.mjs';

const url = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/trpc';
const credentials = {
  email: `example-${randomUUID().slice(0, 8)}@example.test`,
  password: `Example-${randomUUID()}`,
};

const registered = await createAnonymousClient(url).auth.register.mutate({ ...credentials, name: 'Example user' });
say(`registered: ${JSON.stringify(registered.user)}`);

const { client } = await signIn(url, credentials);
say(`me: ${JSON.stringify(await client.auth.me.query())}`);
