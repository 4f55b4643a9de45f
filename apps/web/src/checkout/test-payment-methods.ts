/** The simulated provider's test tokens a customer can pick at checkout (see payment.providerStatus for admins). */
export const testPaymentMethods = [
  {
    token: 'tok_visa',
    label: 'Visa test card',
    description: 'The payment goes through and the order is confirmed.',
  },
  {
    token: 'tok_decline',
    label: 'Declined test card',
    description: 'The bank declines the card and the order is cancelled.',
  },
  {
    token: 'tok_insufficient_funds',
    label: 'Test card without funds',
    description: 'Declined for insufficient funds; the order is cancelled.',
  },
] as const;

export type TestPaymentToken = (typeof testPaymentMethods)[number]['token'];

export function paymentMethodLabel(token: string): string {
  return testPaymentMethods.find((method) => method.token === token)?.label ?? token;
}
