/** The two budgets, in requests per window; a batch costs one unit per procedure. */
export interface RateLimitBudgets {
  /** For each signed-in user, or each client address when anonymous. */
  perCaller: number;
  /** For auth.login and auth.register, per client address: password guessing and sign-up floods. */
  credentials: number;
}

export interface RateLimitCharge {
  budget: 'caller' | 'credentials';
  key: string;
  limit: number;
  cost: number;
}

const credentialProcedures: ReadonlySet<string> = new Set(['auth.login', 'auth.register']);

/**
 * Which budget a call draws on. A call that includes login or register is charged wholly to the stricter
 * per-address budget, whoever is signed in, so a token never buys more password attempts.
 */
export function rateLimitChargeFor(
  call: { procedures: readonly string[]; userId: string | undefined; clientAddress: string },
  budgets: RateLimitBudgets,
): RateLimitCharge {
  const cost = Math.max(1, call.procedures.length);
  if (call.procedures.some((procedure) => credentialProcedures.has(procedure))) {
    return {
      budget: 'credentials',
      key: `credentials:ip:${call.clientAddress}`,
      limit: budgets.credentials,
      cost,
    };
  }
  const caller = call.userId === undefined ? `ip:${call.clientAddress}` : `user:${call.userId}`;
  return { budget: 'caller', key: `caller:${caller}`, limit: budgets.perCaller, cost };
}
