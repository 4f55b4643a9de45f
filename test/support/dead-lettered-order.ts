import { eventually, newCustomer, orderInput, queryService, signInAdmin } from './customers.js';

/** An order of a new customer dead-lettered in payment while the provider was down (back up when this returns). */
export async function deadLetteredOrder(label: string, timeoutMs: number) {
  const { client: adminApi } = await signInAdmin();
  const customer = await newCustomer(label);
  await adminApi.payment.setProviderOutage.mutate({ enabled: true });
  try {
    const { id: orderId } = await customer.client.order.create.mutate(orderInput());
    const deadLetterId = await eventually(
      async () =>
        (await queryService<{ id: string }>('payment', 'SELECT id::text FROM dead_letter WHERE message_key = $1', [orderId]))[0]?.id,
      timeoutMs,
      'the order dead-lettered in payment',
    );
    return { orderId, deadLetterId, customer, adminApi };
  } finally {
    await adminApi.payment.setProviderOutage.mutate({ enabled: false });
  }
}
