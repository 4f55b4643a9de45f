/**
 * The simulated payment provider declines amounts above this (AMOUNT_OVER_LIMIT); admins read the live value from
 * payment.providerStatus, customers get this hint before they order.
 */
export const orderAmountLimitCents = 50_000;
