import { randomUUID } from 'node:crypto';
import { createAnonymousClient, signIn } from '@food/api-client';
import { serviceDatabases } from '../../scripts/chaos/databases.js';
import { databaseUrl, gatewayTrpcUrl, testStack } from './stack.js';

/** Registers a fresh customer through the gateway and signs them in. */
export async function newCustomer(label = 'customer') {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'correct-horse-battery-1';
  await createAnonymousClient(gatewayTrpcUrl()).auth.register.mutate({ email, password, name: `Test ${label}` });
  return { email, ...(await signIn(gatewayTrpcUrl(), { email, password })) };
}

export function signInAdmin() {
  return signIn(gatewayTrpcUrl(), testStack().accounts.admin);
}

export async function eventually<T>(check: () => Promise<T | undefined | false | null>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`, { cause: lastError });
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Reads a service's database directly: what the tests assert is what is stored, not what a service says. */
export const queryService = serviceDatabases(databaseUrl).query;

export const orderInput = (overrides: Partial<{ paymentMethod: string; items: Array<{ menuItemId: string; quantity: number }> }> = {}) => ({
  restaurantId: 'trattoria-roma',
  items: overrides.items ?? [
    { menuItemId: 'roma-margherita', quantity: 2 },
    { menuItemId: 'roma-tiramisu', quantity: 1 },
  ],
  deliveryAddress: '12 Test Street, Testville',
  paymentMethod: overrides.paymentMethod ?? 'tok_visa',
  idempotencyKey: randomUUID(),
});
