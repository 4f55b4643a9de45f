import { randomUUID } from 'node:crypto';
import { signIn } from '@food/api-client';
import { serviceNames } from '@food/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, newCustomer, orderInput, signInAdmin } from './support/customers.js';
import { readServiceSurface } from './support/service-surface.js';
import { asGateway, gatewayTrpcUrl, stackUrl } from './support/stack.js';
import { callRaw, describeAnswer, trpcErrorOf, type RawAnswer } from './support/trpc-http.js';

/**
 * Who may call each procedure. Every procedure of every service router must be here: a new procedure without a
 * rule fails the first test below, so nobody adds one without deciding who may call it.
 *   public   anyone, without a token
 *   customer any signed-in user (customers and admins)
 *   admin    admins only
 */
const rules = {
  'auth.health': 'public',
  'auth.register': 'public',
  'auth.login': 'public',
  'auth.refresh': 'public',
  'auth.logout': 'public',
  'auth.me': 'customer',
  'auth.listUsers': 'admin',
  'auth.usersByIds': 'admin',
  'auth.setRole': 'admin',

  'order.health': 'public',
  'order.menu': 'public',
  'order.create': 'customer',
  'order.list': 'customer',
  'order.get': 'customer',
  'order.findByIdempotencyKey': 'customer',
  'order.adminList': 'admin',
  'order.adminCounts': 'admin',
  'order.adminGet': 'admin',
  'order.adminTimeline': 'admin',
  'order.deadLetters.list': 'admin',
  'order.deadLetters.count': 'admin',
  'order.deadLetters.groups': 'admin',
  'order.deadLetters.ofKey': 'admin',
  'order.deadLetters.get': 'admin',
  'order.deadLetters.replay': 'admin',
  'order.deadLetters.replaySelected': 'admin',
  'order.deadLetters.replayMatching': 'admin',
  'order.deadLetters.discard': 'admin',
  'order.deadLetters.discardMatching': 'admin',
  'order.deadLetters.resolve': 'admin',
  'order.deadLetters.startBulk': 'admin',
  'order.deadLetters.bulkActions': 'admin',
  'order.eventing.status': 'admin',
  'order.eventing.consumerGroups': 'admin',

  'payment.health': 'public',
  'payment.adminList': 'admin',
  'payment.providerStatus': 'admin',
  'payment.setProviderOutage': 'admin',
  'payment.deadLetters.list': 'admin',
  'payment.deadLetters.count': 'admin',
  'payment.deadLetters.groups': 'admin',
  'payment.deadLetters.ofKey': 'admin',
  'payment.deadLetters.get': 'admin',
  'payment.deadLetters.replay': 'admin',
  'payment.deadLetters.replaySelected': 'admin',
  'payment.deadLetters.replayMatching': 'admin',
  'payment.deadLetters.discard': 'admin',
  'payment.deadLetters.discardMatching': 'admin',
  'payment.deadLetters.resolve': 'admin',
  'payment.deadLetters.startBulk': 'admin',
  'payment.deadLetters.bulkActions': 'admin',
  'payment.eventing.status': 'admin',
  'payment.eventing.consumerGroups': 'admin',

  'notification.health': 'public',
  'notification.list': 'customer',
  'notification.unreadCount': 'customer',
  'notification.markRead': 'customer',
  'notification.feed': 'customer',
  'notification.adminList': 'admin',
  'notification.adminFeed': 'admin',
  'notification.deadLetters.list': 'admin',
  'notification.deadLetters.count': 'admin',
  'notification.deadLetters.groups': 'admin',
  'notification.deadLetters.ofKey': 'admin',
  'notification.deadLetters.get': 'admin',
  'notification.deadLetters.replay': 'admin',
  'notification.deadLetters.replaySelected': 'admin',
  'notification.deadLetters.replayMatching': 'admin',
  'notification.deadLetters.discard': 'admin',
  'notification.deadLetters.discardMatching': 'admin',
  'notification.deadLetters.resolve': 'admin',
  'notification.deadLetters.startBulk': 'admin',
  'notification.deadLetters.bulkActions': 'admin',
  'notification.eventing.status': 'admin',
  'notification.eventing.consumerGroups': 'admin',
} as const satisfies Record<string, 'public' | 'customer' | 'admin'>;

type Rule = (typeof rules)[keyof typeof rules];
type CallerKind = 'anonymous' | 'invalid token' | 'customer' | 'admin';

interface Caller {
  kind: CallerKind;
  token: string | undefined;
  /** An order of this caller's own (a random id for callers without one). */
  ownOrderId: string;
}

interface Fixtures {
  credentials: { email: string; password: string };
  roleTargetId: string;
  othersOrderId: string;
}

const password = 'correct-horse-battery-1';
const freshRefreshToken = async (fixtures: Fixtures) =>
  (await signIn(gatewayTrpcUrl(), fixtures.credentials)).session.current().refreshToken;
/** A filter no dead letter matches, so an admin's replay-by-filter in this test never touches real dead letters. */
const matchesNothing = () => ({ errorText: `access-matrix-matches-nothing-${randomUUID()}` });

/** A valid input per procedure that takes one; procedures without an entry are called without input. */
const inputs: Record<string, (caller: Caller, fixtures: Fixtures) => unknown> = {
  'auth.register': () => ({
    email: `matrix-${randomUUID().slice(0, 8)}@example.test`,
    password,
    name: 'Matrix Probe',
  }),
  'auth.login': (_caller, fixtures) => fixtures.credentials,
  'auth.refresh': async (_caller, fixtures) => ({
    refreshToken: await freshRefreshToken(fixtures),
  }),
  'auth.logout': async (_caller, fixtures) => ({ refreshToken: await freshRefreshToken(fixtures) }),
  'auth.listUsers': () => ({}),
  'auth.setRole': (_caller, fixtures) => ({ userId: fixtures.roleTargetId, role: 'CUSTOMER' }),

  'order.create': () => orderInput(),
  'order.list': () => ({}),
  'order.get': (caller) => ({ orderId: caller.ownOrderId }),
  'order.findByIdempotencyKey': () => ({ idempotencyKey: randomUUID() }),
  'auth.usersByIds': () => ({ ids: [randomUUID()] }),
  'order.adminList': () => ({}),
  'order.adminCounts': () => ({}),
  'order.adminGet': (_caller, fixtures) => ({ orderId: fixtures.othersOrderId }),
  'order.adminTimeline': (_caller, fixtures) => ({ orderId: fixtures.othersOrderId }),

  'payment.adminList': () => ({}),
  'payment.setProviderOutage': () => ({ enabled: false }),

  'notification.list': () => ({}),
  'notification.markRead': () => ({ ids: [randomUUID()] }),
  'notification.adminList': () => ({}),
};
for (const service of ['order', 'payment', 'notification']) {
  Object.assign(inputs, {
    [`${service}.deadLetters.list`]: () => ({}),
    [`${service}.deadLetters.count`]: () => ({}),
    [`${service}.deadLetters.groups`]: () => ({}),
    [`${service}.deadLetters.ofKey`]: () => ({ key: randomUUID() }),
    [`${service}.deadLetters.get`]: () => ({ id: randomUUID() }),
    [`${service}.deadLetters.replay`]: () => ({ id: randomUUID() }),
    [`${service}.deadLetters.replaySelected`]: () => ({ ids: [randomUUID()] }),
    [`${service}.deadLetters.replayMatching`]: () => ({ filter: matchesNothing(), limit: 1 }),
    [`${service}.deadLetters.discard`]: () => ({
      ids: [randomUUID()],
      reason: 'access matrix probe',
    }),
    [`${service}.deadLetters.startBulk`]: () => ({ action: 'REPLAY', filter: matchesNothing(), maxPerSecond: 1 }),
    [`${service}.deadLetters.bulkActions`]: () => ({}),
    [`${service}.deadLetters.resolve`]: () => ({ ids: [randomUUID()], note: 'access matrix probe' }),
    [`${service}.deadLetters.discardMatching`]: () => ({
      filter: matchesNothing(),
      reason: 'access matrix probe',
      limit: 1,
    }),
  });
}

/** Errors an allowed caller may still get from a valid input (the input names a thing that does not exist). */
const allowedErrors: Record<string, string[]> = {
  'order.deadLetters.get': ['NOT_FOUND'],
  'payment.deadLetters.get': ['NOT_FOUND'],
  'notification.deadLetters.get': ['NOT_FOUND'],
  'order.deadLetters.replay': ['NOT_FOUND'],
  'payment.deadLetters.replay': ['NOT_FOUND'],
  'notification.deadLetters.replay': ['NOT_FOUND'],
};

// Derived from the routers themselves, so the table above cannot silently fall behind them.
const { procedures } = await readServiceSurface();
const procedureList = Object.entries(procedures).sort(([a], [b]) => a.localeCompare(b));

const callers: Partial<Record<CallerKind, Caller>> = {};
let fixtures: Fixtures;
let bob: Awaited<ReturnType<typeof newCustomer>>;
let alice: Awaited<ReturnType<typeof newCustomer>>;
let bobsOrderId: string;

beforeAll(async () => {
  const [aliceSignedIn, bobSignedIn, roleTarget, admin] = await Promise.all([
    newCustomer('matrix-alice'),
    newCustomer('matrix-bob'),
    newCustomer('matrix-role'),
    signInAdmin(),
  ]);
  alice = aliceSignedIn;
  bob = bobSignedIn;
  const [alicesOrder, bobsOrder, adminsOrder] = await Promise.all([
    alice.client.order.create.mutate(orderInput()),
    bob.client.order.create.mutate(orderInput()),
    admin.client.order.create.mutate(orderInput()),
  ]);
  bobsOrderId = bobsOrder.id;
  fixtures = {
    credentials: { email: roleTarget.email, password },
    roleTargetId: roleTarget.user.id,
    othersOrderId: bobsOrder.id,
  };
  callers.anonymous = { kind: 'anonymous', token: undefined, ownOrderId: randomUUID() };
  // Well-formed, but signed by nobody the platform trusts.
  callers['invalid token'] = {
    kind: 'invalid token',
    token:
      'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJub2JvZHkiLCJyb2xlIjoiQURNSU4ifQ.c2lnbmF0dXJl',
    ownOrderId: randomUUID(),
  };
  callers.customer = {
    kind: 'customer',
    token: await alice.session.accessToken(),
    ownOrderId: alicesOrder.id,
  };
  callers.admin = {
    kind: 'admin',
    token: await admin.session.accessToken(),
    ownOrderId: adminsOrder.id,
  };
  // Bob's order reaches a terminal state and Bob gets his notifications, so there is data of Bob's to leak.
  await eventually(
    async () =>
      (await bob.client.notification.list.query({})).items.some(
        (item) => item.kind === 'ORDER_CONFIRMED',
      ),
    30_000,
    "Bob's order confirmation notification",
  );
});

async function call(
  path: string,
  callerKind: CallerKind,
  trpcUrl?: string,
  headers?: Record<string, string>,
): Promise<RawAnswer> {
  const caller = callers[callerKind];
  if (!caller) throw new Error(`no caller ${callerKind}`);
  const type = procedures[path];
  if (!type) throw new Error(`no procedure ${path}`);
  const input = await inputs[path]?.(caller, fixtures);
  return callRaw({
    path,
    type,
    input,
    token: caller.token,
    ...(trpcUrl ? { trpcUrl } : {}),
    ...(headers ? { headers } : {}),
  });
}

function ruleOf(path: string): Rule {
  const rule = (rules as Record<string, Rule>)[path];
  if (!rule) throw new Error(`${path} has no access rule: add it to the rules table of this test`);
  return rule;
}

/** The caller got through: an answer, or a domain error its input was expected to cause; never 401/403 or 5xx. */
function expectAllowed(path: string, answer: RawAnswer) {
  const error = trpcErrorOf(answer);
  const what = `${path}: ${describeAnswer(answer)}`;
  expect(answer.status, what).toBeLessThan(500);
  if (answer.events) {
    expect(answer.events[0]?.event, what).toBe('connected');
    expect(error, what).toBeUndefined();
    return;
  }
  if (error || answer.status >= 400) {
    expect(allowedErrors[path] ?? [], what).toContain(error?.data.code);
    return;
  }
  expect(answer.status, what).toBe(200);
  expect(answer.json, what).toHaveProperty('result');
}

/** Refused with this tRPC code and its HTTP status (a subscription's refusal is its stream's first event). */
function expectRefused(path: string, answer: RawAnswer, code: 'UNAUTHORIZED' | 'FORBIDDEN') {
  const httpStatus = code === 'UNAUTHORIZED' ? 401 : 403;
  const what = `${path}: ${describeAnswer(answer)}`;
  const error = trpcErrorOf(answer);
  expect(error?.data.code, what).toBe(code);
  expect(error?.data.httpStatus, what).toBe(httpStatus);
  // tRPC answers a subscription it refuses with an event stream (HTTP 200) that carries the error.
  expect(answer.status, what).toBe(answer.events ? 200 : httpStatus);
}

describe('the access rules of every procedure', () => {
  it('name exactly the procedures of the service routers (queries, mutations, subscriptions, health)', () => {
    expect(Object.keys(rules).sort()).toEqual(Object.keys(procedures).sort());
    expect(Object.values(procedures)).toContain('subscription');
    for (const service of serviceNames) expect(procedures).toHaveProperty([`${service}.health`]);
    const unknownInputs = Object.keys(inputs).filter((path) => !(path in procedures));
    expect(unknownInputs).toEqual([]);
  });

  describe.each(['anonymous', 'invalid token'] as const)(
    'called %s through the gateway',
    (callerKind) => {
      it.each(procedureList)('%s (%s)', async (path) => {
        const answer = await call(path, callerKind);
        if (ruleOf(path) === 'public') expectAllowed(path, answer);
        else expectRefused(path, answer, 'UNAUTHORIZED');
      });
    },
  );

  describe('called by a customer', () => {
    it.each(procedureList)('%s (%s)', async (path) => {
      const answer = await call(path, 'customer');
      if (ruleOf(path) === 'admin') expectRefused(path, answer, 'FORBIDDEN');
      else expectAllowed(path, answer);
    });
  });

  describe('called by an admin', () => {
    it.each(procedureList)('%s (%s)', async (path) => {
      expectAllowed(path, await call(path, 'admin'));
    });
  });

  // Defence in depth: each service enforces the same rules itself, for a request with the gateway's secret that the
  // gateway did not vet (a bug there, or a leaked secret).
  describe('called straight at the service with the gateway secret, the gateway bypassed', () => {
    it.each(
      procedureList.filter(
        ([path]) => (rules as Record<string, Rule | undefined>)[path] !== 'public',
      ),
    )('%s (%s)', async (path) => {
      const service = path.split('.')[0] ?? '';
      const trpcUrl = `${stackUrl(service)}/trpc`;
      expectRefused(path, await call(path, 'anonymous', trpcUrl, asGateway()), 'UNAUTHORIZED');
      if (ruleOf(path) === 'admin')
        expectRefused(path, await call(path, 'customer', trpcUrl, asGateway()), 'FORBIDDEN');
    });
  });

  // Finding 6 of issue 12: services answered anyone on their ports, where no rate limit applies.
  describe('called straight at the service without the gateway secret: refused, health excepted', () => {
    it.each(procedureList.filter(([path]) => !path.endsWith('.health')))(
      '%s (%s)',
      async (path) => {
        const service = path.split('.')[0] ?? '';
        const trpcUrl = `${stackUrl(service)}/trpc`;
        for (const caller of ['anonymous', 'admin'] as const) {
          expectRefused(path, await call(path, caller, trpcUrl), 'FORBIDDEN');
        }
      },
    );
  });
});

describe("one customer never reaches another's data", () => {
  it("Alice reading Bob's order gets NOT_FOUND, the same answer as for an order that does not exist", async () => {
    const token = callers.customer?.token;
    const bobs = await callRaw({
      path: 'order.get',
      type: 'query',
      input: { orderId: bobsOrderId },
      token,
    });
    const nobodys = await callRaw({
      path: 'order.get',
      type: 'query',
      input: { orderId: randomUUID() },
      token,
    });
    expect(bobs.status, describeAnswer(bobs)).toBe(404);
    expect(trpcErrorOf(bobs)?.data.code).toBe('NOT_FOUND');
    const withoutIds = (answer: RawAnswer) =>
      trpcErrorOf(answer)?.message.replace(/[0-9a-f-]{36}/g, '<id>');
    expect(withoutIds(bobs)).toBe(withoutIds(nobodys));
    // Bob still reads it.
    expect((await bob.client.order.get.query({ orderId: bobsOrderId })).id).toBe(bobsOrderId);
  });

  it("Alice's order list holds only her own orders", async () => {
    const { items } = await alice.client.order.list.query({ limit: 100 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((order) => order.id)).not.toContain(bobsOrderId);
    expect(new Set(items.map((order) => order.userId))).toEqual(new Set([alice.user.id]));
  });

  it("Bob's notifications never appear in Alice's list, and Alice cannot mark them read", async () => {
    const bobs = (await bob.client.notification.list.query({ limit: 100 })).items;
    expect(bobs.length).toBeGreaterThan(0);
    const alices = (await alice.client.notification.list.query({ limit: 100 })).items;
    expect(alices.every((item) => item.userId === alice.user.id)).toBe(true);
    const bobsIds = new Set(bobs.map((item) => item.id));
    expect(alices.filter((item) => bobsIds.has(item.id))).toEqual([]);
    expect(alices.some((item) => item.orderId === bobsOrderId)).toBe(false);

    const unreadBefore = (await bob.client.notification.unreadCount.query()).unread;
    expect(unreadBefore).toBeGreaterThan(0);
    const marked = await alice.client.notification.markRead.mutate({ ids: [...bobsIds] });
    expect(marked.marked).toBe(0);
    expect((await bob.client.notification.unreadCount.query()).unread).toBe(unreadBefore);
  });
});
