// The customers at the console's one address (two web instances behind a round-robin balancer, no affinity): they
// sign in there and look at their orders while the faults strike, and at the end each reads its orders' outcomes.
import { check, sleep, type Check } from './check.js';
import type { Customer, Placed } from './load.js';
import { WebSession } from './web-session.js';

export interface Browsing {
  pages: number;
  /** Answers other than the page: an error while a fault strikes is expected, a lost session is not. */
  failed: number;
  /** Pages that sent the customer to sign in again: a session one instance did not know. */
  signedOut: number;
}

export const signInThroughWeb = (address: string, customers: Customer[]) =>
  Promise.all(customers.map((customer) => WebSession.signIn(address, customer.account)));

/** One customer after another opens the orders page, every half second, until `done` resolves. */
export async function browseUntil(sessions: WebSession[], done: Promise<unknown>): Promise<Browsing> {
  const browsing: Browsing = { pages: 0, failed: 0, signedOut: 0 };
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => undefined);
  for (let turn = 0; !finished; turn += 1) {
    const session = sessions[turn % sessions.length]!;
    const answer = await session.request('/orders', { redirect: 'manual' }).catch(() => undefined);
    await answer?.body?.cancel();
    browsing.pages += 1;
    if (answer?.status !== 200) browsing.failed += 1;
    if (answer?.headers.get('location')?.includes('sign-in')) browsing.signedOut += 1;
    await sleep(500);
  }
  return browsing;
}

/** Each customer, through the one address, sees the outcome the database holds for three of its orders. */
export async function customersSeeTheirOrders(sessions: WebSession[], placed: Placed[], statusOf: Map<string, string>): Promise<Check> {
  let wrong = 0;
  for (const [customer, session] of sessions.entries()) {
    for (const { orderId } of placed.filter((order) => order.customer === customer).slice(0, 3)) {
      const answer = await session.query<{ status: string }>('order.get', { orderId });
      if (answer.status !== 200 || answer.data?.status !== statusOf.get(orderId)) wrong += 1;
    }
  }
  return check("customers read their orders' outcomes through the one web address", wrong);
}

export function browsingChecks(sessions: WebSession[], browsing: Browsing): Check[] {
  const served = new Map<string, number>();
  for (const name of sessions.flatMap((session) => session.servedBy)) served.set(name, (served.get(name) ?? 0) + 1);
  const detail = `${browsing.pages} pages, ${browsing.failed} not 200; ${[...served].map(([name, n]) => `${name} ${n}`).join(', ')}`;
  return [
    check('no customer signed out by an instance that did not know the session (no sticky sessions)', browsing.signedOut, detail),
    check('both web instances served the one address', ['web', 'web-2'].filter((name) => !served.has(name)).length, detail),
  ];
}
