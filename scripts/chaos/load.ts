// The load: customers placing orders through the gateway at a steady rate, each create retried with its key.
import { randomUUID } from 'node:crypto';
import { createAnonymousClient, signIn, type ApiClient } from '@food/api-client';
import { retrying, sleep } from './check.js';
import type { WebAccount } from './web-session.js';

export interface Customer {
  account: WebAccount;
  client: ApiClient;
}

export interface Placed {
  orderId: string;
  declined: boolean;
  customer: number;
}

export async function registerCustomers(gatewayTrpcUrl: string, count: number): Promise<Customer[]> {
  const customers: Customer[] = [];
  for (let i = 0; i < count; i += 1) {
    const account = { email: `chaos-${randomUUID().slice(0, 8)}@example.test`, password: 'chaos-password-1' };
    await createAnonymousClient(gatewayTrpcUrl).auth.register.mutate({ ...account, name: `Chaos ${i}` });
    customers.push({ account, client: (await signIn(gatewayTrpcUrl, account)).client });
  }
  return customers;
}

/** Every 5th payment is declined (tok_decline), the others captured. */
function orderInput(index: number) {
  const declined = index % 5 === 4;
  return {
    declined,
    input: {
      restaurantId: 'trattoria-roma',
      items: [{ menuItemId: index % 2 ? 'roma-margherita' : 'roma-carbonara', quantity: 1 + (index % 3) }],
      deliveryAddress: `${index} Chaos Street`,
      paymentMethod: declined ? 'tok_decline' : 'tok_visa',
      idempotencyKey: randomUUID(),
    },
  };
}

/** Places `orderCount` orders at `ratePerSecond` from `started`; resolves once every one was accepted. */
export async function placeOrders(
  customers: Customer[],
  { orderCount, ratePerSecond, started }: { orderCount: number; ratePerSecond: number; started: number },
) {
  const placed: Placed[] = [];
  let createRetries = 0;
  const placeOrder = async (index: number) => {
    const { declined, input } = orderInput(index);
    const customer = index % customers.length;
    const client = customers[customer]!.client;
    // The same idempotency key on every retry: a create whose answer was lost returns the order it created.
    const order = await retrying(
      `order ${index}`,
      () =>
        client.order.create.mutate(input).catch((error: unknown) => {
          createRetries += 1;
          throw error;
        }),
      120_000,
    );
    placed.push({ orderId: order.id, declined, customer });
  };
  const inFlight = new Set<Promise<void>>();
  for (let index = 0; index < orderCount; index += 1) {
    const due = started + (index / ratePerSecond) * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
    const pending = placeOrder(index).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
  }
  await Promise.all(inFlight);
  return { placed, createRetries };
}
