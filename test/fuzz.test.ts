import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newCustomer, orderInput, queryService } from './support/customers.js';
import {
  anyNumber,
  anyString,
  anyValue,
  fuzzedObject,
  type ValueOptions,
} from './support/fuzz-values.js';
import { gatewayTrpcUrl } from './support/stack.js';
import {
  callRaw,
  describeAnswer,
  trpcErrorOf,
  type ProcedureType,
  type RawAnswer,
} from './support/trpc-http.js';

// Deterministic: the same seed sends the same requests (bar the per-run email nonce). FUZZ_SEED replays another.
const seed = Number(process.env.FUZZ_SEED ?? 82026);
const numRuns = Number(process.env.FUZZ_RUNS ?? 40);
/** Registered emails must not collide with an earlier run's against the same database. */
const runNonce = randomUUID().slice(0, 8);

interface MenuItemRow {
  id: string;
  restaurant_id: string;
  name: string;
  price_cents: number;
  available: boolean;
}

let customer: Awaited<ReturnType<typeof newCustomer>>;
/** An account only the known inputs log in to, so the fuzzing's failed logins cannot get it throttled first. */
let passwordOwner: Awaited<ReturnType<typeof newCustomer>>;
let token: string;
let menu: MenuItemRow[];
/** An order of the fuzzing customer's, for order.get to find. */
let ownOrderId: string;
let startedAt: Date;
const tally: Record<string, Record<number, number>> = {};

beforeAll(async () => {
  startedAt = new Date();
  [customer, passwordOwner] = await Promise.all([
    newCustomer('fuzz'),
    newCustomer('fuzz-password'),
  ]);
  token = await customer.session.accessToken();
  ownOrderId = (await customer.client.order.create.mutate(orderInput())).id;
  menu = await queryService<MenuItemRow>(
    'order',
    'SELECT id, restaurant_id, name, price_cents, available FROM menu_item',
  );
  expect(menu.length).toBeGreaterThan(0);
});

afterAll(() => {
  // What the fuzzing reached, so a run that only ever hit validation errors is visible.
  console.info(
    `fuzz (seed ${seed}, ${numRuns} runs per procedure, email nonce ${runNonce}): statuses per procedure ${JSON.stringify(tally)}`,
  );
});

/**
 * The contract every answer keeps, whatever was sent: never a 5xx; an error is a tRPC error envelope (a message and
 * a tRPC code whose HTTP status is the one sent); a success is a tRPC result.
 */
function assertWellFormed(path: string, answer: RawAnswer, tallyAs = path): void {
  const counts = (tally[tallyAs] ??= {});
  counts[answer.status] = (counts[answer.status] ?? 0) + 1;
  if (answer.status >= 500)
    throw new Error(`${path} answered a server error: ${describeAnswer(answer)}`);
  if (answer.status >= 400) {
    const error = trpcErrorOf(answer);
    if (!error)
      throw new Error(
        `${path} answered ${answer.status} without a tRPC error body: ${describeAnswer(answer)}`,
      );
    if (error.data.httpStatus !== undefined && error.data.httpStatus !== answer.status) {
      throw new Error(
        `${path}: the error says HTTP ${error.data.httpStatus} but the response is ${answer.status}: ${describeAnswer(answer)}`,
      );
    }
    return;
  }
  if (
    answer.status !== 200 ||
    typeof answer.json !== 'object' ||
    answer.json === null ||
    !('result' in answer.json)
  ) {
    throw new Error(
      `${path} answered neither a tRPC result nor a tRPC error: ${describeAnswer(answer)}`,
    );
  }
}

/** Each property gets its own seed (`seed + offset`), so adding one does not change what the others send. */
function fuzz<T>(
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => Promise<void>,
  { runs = numRuns, offset = 0 }: { runs?: number; offset?: number } = {},
) {
  return fc.assert(fc.asyncProperty(arbitrary, check), { seed: seed + offset, numRuns: runs });
}

const body: ValueOptions = { huge: true };
// A query's input travels in the URL, which cannot carry a megabyte: queries get long strings, not huge ones.
const url: ValueOptions = { huge: false };
const validPassword = 'correct-horse-battery-1';
const uniqueEmail = fc.nat().map((n) => `fuzz-${runNonce}-${n}@example.test`);
const weirdEmail = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom(
    '  Mixed.Case@Example.COM  ',
    'a@b',
    'a@@example.test',
    '@example.test',
    'nobody@',
    '"quoted local"@example.test',
    'ünïcode@exämple.test',
    'a\u0000b@example.test',
    'rtl\u202E@example.test',
    'a@example.test\n',
    `${'a'.repeat(250)}@example.test`,
  ),
  anyString(body),
);
const idempotencyKey = fc.uuid().map((uuid) => `fuzz-${uuid}`);

interface Target {
  path: string;
  type: ProcedureType;
  signedIn: boolean;
  input: fc.Arbitrary<unknown>;
  /** Extra checks on a successful answer. */
  onSuccess?: (data: unknown, input: unknown) => void;
  /** Valid inputs are reachable: a run that never succeeded only ever exercised validation. */
  succeedsSometimes: boolean;
}

function expectPricedFromMenu(data: unknown): void {
  const order = data as {
    id: string;
    totalCents: number;
    status: string;
    userId: string;
    restaurant: { id: string };
    items: Array<{ menuItemId: string; quantity: number; unitPriceCents: number }>;
  };
  if (order.userId !== customer.user.id)
    throw new Error(`order ${order.id} belongs to ${order.userId}, not the caller`);
  if (order.status !== 'PENDING_PAYMENT') throw new Error(`a new order is ${order.status}`);
  let total = 0;
  for (const item of order.items) {
    const menuItem = menu.find((candidate) => candidate.id === item.menuItemId);
    if (!menuItem || menuItem.restaurant_id !== order.restaurant.id)
      throw new Error(`order ${order.id} has ${item.menuItemId}, not on its restaurant's menu`);
    if (item.unitPriceCents !== menuItem.price_cents)
      throw new Error(
        `order ${order.id} priced ${item.menuItemId} at ${item.unitPriceCents}, the menu says ${menuItem.price_cents}`,
      );
    if (!Number.isInteger(item.quantity) || item.quantity < 1)
      throw new Error(`order ${order.id} has quantity ${item.quantity}`);
    total += item.quantity * item.unitPriceCents;
  }
  if (total !== order.totalCents)
    throw new Error(`order ${order.id} totals ${order.totalCents}, its items ${total}`);
}

function targets(): Target[] {
  const menuItemId = fc.oneof(fc.constantFrom(...menu.map((item) => item.id)), anyString(body));
  const restaurantId = fc.oneof(
    fc.constantFrom(...new Set(menu.map((item) => item.restaurant_id))),
    anyString(body),
  );
  // Prices, totals and identities a client might try to set.
  const clientPrices = {
    unitPriceCents: anyNumber,
    priceCents: anyNumber,
    totalCents: anyNumber,
    price: anyNumber,
  };
  const line = fuzzedObject(
    { menuItemId, quantity: fc.oneof(fc.integer({ min: 1, max: 99 }), anyNumber) },
    { ...body, extras: clientPrices },
  );
  const deliveryAddress = fc.oneof(
    { arbitrary: fc.constant('12 Fuzz Street, Testville'), weight: 2 },
    { arbitrary: anyString(body), weight: 1 },
  );
  // Items of the chosen restaurant in any quantity 1..99: succeeds unless merged lines pass 99 or the total 10 000.
  const wellFormedOrder = fc
    .constantFrom(...new Set(menu.map((item) => item.restaurant_id)))
    .chain((chosen) =>
      fc.record({
        restaurantId: fc.constant(chosen),
        items: fc.array(
          fc.record({
            menuItemId: fc.constantFrom(
              ...menu.filter((item) => item.restaurant_id === chosen).map((item) => item.id),
            ),
            quantity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 99 })),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        deliveryAddress,
        paymentMethod: fc.constantFrom(
          'tok_visa',
          'tok_decline',
          'tok_insufficient_funds',
          'tok_fuzz',
        ),
        idempotencyKey,
      }),
    );
  const uuidOrNot = (options: ValueOptions) => fc.oneof(fc.uuid(), anyString(options));
  const page = (options: ValueOptions) => ({
    limit: fc.oneof(fc.integer({ min: 1, max: 100 }), anyNumber),
    cursor: uuidOrNot(options),
  });
  return [
    {
      path: 'auth.register',
      type: 'mutation',
      signedIn: false,
      input: fuzzedObject(
        {
          email: fc.oneof(uniqueEmail, weirdEmail),
          password: fc.oneof(fc.constant(validPassword), anyString(body)),
          name: fc.oneof(
            { arbitrary: fc.constant('Fuzz Tester'), weight: 1 },
            { arbitrary: anyString(body), weight: 2 },
          ),
        },
        { ...body, extras: { role: fc.constantFrom('ADMIN', 'admin'), id: fc.uuid() } },
      ),
      onSuccess: (data) => {
        if ((data as { user: { role: string } }).user.role !== 'CUSTOMER')
          throw new Error(`self-registration made a ${JSON.stringify(data)}`);
      },
      succeedsSometimes: true,
    },
    {
      path: 'auth.login',
      type: 'mutation',
      signedIn: false,
      input: fuzzedObject(
        {
          email: fc.oneof(fc.constant(customer.email), weirdEmail),
          password: fc.oneof(fc.constant(validPassword), anyString(body)),
        },
        body,
      ),
      succeedsSometimes: true,
    },
    {
      path: 'auth.refresh',
      type: 'mutation',
      signedIn: false,
      input: fuzzedObject({ refreshToken: anyString(body) }, body),
      succeedsSometimes: false,
    },
    {
      path: 'auth.logout',
      type: 'mutation',
      signedIn: false,
      input: fuzzedObject({ refreshToken: anyString(body) }, body),
      succeedsSometimes: true,
    },
    {
      path: 'auth.me',
      type: 'query',
      signedIn: true,
      input: anyValue(url),
      succeedsSometimes: true,
    },
    {
      path: 'order.menu',
      type: 'query',
      signedIn: false,
      input: anyValue(url),
      succeedsSometimes: true,
    },
    {
      path: 'order.create',
      type: 'mutation',
      signedIn: true,
      input: fuzzedObject(
        {
          restaurantId,
          items: fc.oneof(
            fc.array(line, { minLength: 1, maxLength: 4 }),
            fc.array(line, { maxLength: 40 }),
          ),
          deliveryAddress,
          paymentMethod: fc.oneof(fc.constantFrom('tok_visa', 'tok_decline'), anyString(body)),
          idempotencyKey: fc.oneof(idempotencyKey, anyString(body)),
        },
        {
          ...body,
          valid: wellFormedOrder,
          extras: {
            ...clientPrices,
            currency: anyString(url),
            status: fc.constant('CONFIRMED'),
            userId: fc.uuid(),
          },
        },
      ),
      onSuccess: expectPricedFromMenu,
      succeedsSometimes: true,
    },
    {
      path: 'order.list',
      type: 'query',
      signedIn: true,
      input: fuzzedObject(
        {
          status: fc.oneof(
            fc.constantFrom('PENDING_PAYMENT', 'CONFIRMED', 'CANCELLED'),
            anyString(url),
          ),
          ...page(url),
        },
        url,
      ),
      succeedsSometimes: true,
    },
    {
      path: 'order.get',
      type: 'query',
      signedIn: true,
      input: fuzzedObject({ orderId: fc.oneof(uuidOrNot(url), fc.constant('own order')) }, url).map(
        (input) =>
          input &&
          typeof input === 'object' &&
          (input as { orderId?: unknown }).orderId === 'own order'
            ? { orderId: ownOrderId }
            : input,
      ),
      succeedsSometimes: true,
    },
    {
      path: 'notification.list',
      type: 'query',
      signedIn: true,
      input: fuzzedObject({ unreadOnly: fc.boolean(), ...page(url) }, url),
      succeedsSometimes: true,
    },
    {
      path: 'notification.unreadCount',
      type: 'query',
      signedIn: true,
      input: anyValue(url),
      succeedsSometimes: true,
    },
    {
      path: 'notification.markRead',
      type: 'mutation',
      signedIn: true,
      input: fuzzedObject(
        {
          ids: fc.oneof(
            fc.array(fc.uuid(), { maxLength: 5 }),
            fc.array(uuidOrNot(body), { minLength: 150, maxLength: 250 }),
          ),
        },
        body,
      ),
      succeedsSometimes: true,
    },
  ];
}

describe(`fuzzing every public and customer procedure through the gateway (seed ${seed}, FUZZ_SEED to replay another)`, () => {
  const procedures = [
    'auth.register',
    'auth.login',
    'auth.refresh',
    'auth.logout',
    'auth.me',
    'order.menu',
    'order.create',
    'order.list',
    'order.get',
    'notification.list',
    'notification.unreadCount',
    'notification.markRead',
  ];

  it.each(procedures.map((path, index) => [path, index] as const))(
    '%s: never a 5xx, every refusal a tRPC error',
    async (path, index) => {
      const target = targets().find((candidate) => candidate.path === path);
      if (!target) throw new Error(`no fuzz target for ${path}`);
      await fuzz(
        target.input,
        async (input) => {
          const answer = await callRaw({
            path,
            type: target.type,
            input,
            token: target.signedIn ? token : undefined,
          });
          assertWellFormed(path, answer);
          if (answer.status === 200)
            target.onSuccess?.((answer.json as { result: { data: unknown } }).result.data, input);
        },
        { offset: index },
      );
      if (target.succeedsSometimes)
        expect(
          tally[path]?.[200] ?? 0,
          `${path} never succeeded: the fuzzing only reached validation`,
        ).toBeGreaterThan(0);
    },
    60_000,
  );

  it('requests that are not tRPC at all (broken JSON, wrong content type, bad paths, odd methods) get tRPC errors', async () => {
    const request = fc.record({
      path: fc.oneof(
        fc.constantFrom('auth.login', 'order.create', 'order.list', 'notification.markRead'),
        fc.constantFrom(
          'order.nope',
          'order.',
          'order..create',
          'order.create,order.list',
          'auth.login,order.create',
          'ORDER.CREATE',
          'order.%E0%A4%A',
          'order.%00',
          'order.__proto__',
          'order.deadLetters',
        ),
        fc
          .string({ unit: 'grapheme-ascii', maxLength: 20 })
          .map((suffix) => `order.${encodeURIComponent(suffix)}`),
      ),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/octet-stream',
        'multipart/form-data; boundary=x',
        undefined,
      ),
      body: fc.oneof(
        fc.constantFrom(
          '',
          '{',
          '{"email":',
          'null',
          '[]',
          '"text"',
          '{"0":{}}',
          'true',
          '\u0000',
          '{"a":1}{"b":2}',
        ),
        fc.uint8Array({ maxLength: 64 }),
        fc.string({ maxLength: 64 }),
      ),
      query: fc.constantFrom(
        '',
        '?input=',
        '?input={',
        '?input=%7B%22a%22%3A',
        '?batch=1',
        '?batch=1&input=%5B%5D',
        '?batch=1&input=null',
        '?input=%00',
      ),
    });
    await fuzz(
      request,
      async ({ path, method, contentType, body: requestBody, query }) => {
        const response = await fetch(`${gatewayTrpcUrl()}/${path}${query}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(contentType ? { 'content-type': contentType } : {}),
          },
          body: method === 'GET' ? undefined : requestBody,
        });
        const text = await response.text();
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        const answer: RawAnswer = {
          status: response.status,
          contentType: response.headers.get('content-type'),
          text,
          json,
        };
        if (Array.isArray(json) && response.status >= 400) {
          // A batch answers one envelope per procedure.
          for (const envelope of json)
            assertWellFormed(
              `${method} ${path}${query}`,
              { ...answer, json: envelope },
              'raw requests',
            );
        } else {
          assertWellFormed(`${method} ${path}${query}`, answer, 'raw requests');
        }
      },
      { runs: numRuns * 2, offset: 100 },
    );
  }, 60_000);

  it('a forged or garbled Authorization header is a 401 tRPC error, never a 5xx', async () => {
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
      maxLength: 300,
    });
    const header = fc.oneof(
      printable,
      printable.map((value) => `Bearer ${value}`),
      fc.constantFrom(
        'Bearer',
        'Bearer ',
        'bearer x.y.z',
        'Basic dXNlcjpwYXNz',
        `Bearer ${token}x`,
        `Bearer ${token.split('.').slice(0, 2).join('.')}.`,
        `Bearer ${'A'.repeat(8_000)}`,
      ),
      fc
        .tuple(
          fc.base64String({ maxLength: 60 }),
          fc.base64String({ maxLength: 200 }),
          fc.base64String({ maxLength: 90 }),
        )
        .map((parts) => `Bearer ${parts.join('.')}`),
    );
    await fuzz(
      header.filter((value) => value.trim() !== ''),
      async (authorization) => {
        const answer = await callRaw({
          path: 'auth.me',
          type: 'query',
          headers: { authorization },
        });
        assertWellFormed('auth.me', answer, 'forged Authorization');
        if (answer.status !== 401)
          throw new Error(
            `Authorization ${JSON.stringify(authorization.slice(0, 80))} was not refused: ${describeAnswer(answer)}`,
          );
      },
      { offset: 200 },
    );
  }, 60_000);

  it('a query input too long for a URL gets a tRPC error, not a bare HTTP error', async () => {
    for (const length of [20_000, 1_000_000]) {
      const answer = await callRaw({
        path: 'order.list',
        type: 'query',
        input: { cursor: 'x'.repeat(length) },
        token,
      });
      expect(answer.status, describeAnswer(answer)).toBeGreaterThanOrEqual(400);
      expect(answer.status, describeAnswer(answer)).toBeLessThan(500);
      expect(trpcErrorOf(answer), `${length} characters: ${describeAnswer(answer)}`).toBeDefined();
    }
  });
});

interface KnownInput {
  path: 'auth.register' | 'auth.login' | 'order.create';
  input: () => unknown;
  /** `ok`: must succeed; `refused`: must be a 4xx; unset: anything well-formed. */
  outcome?: 'ok' | 'refused';
}

const order = (change: Record<string, unknown>) => () => ({
  restaurantId: 'trattoria-roma',
  items: [{ menuItemId: 'roma-margherita', quantity: 2 }],
  deliveryAddress: '12 Fuzz Street, Testville',
  paymentMethod: 'tok_visa',
  idempotencyKey: `fuzz-known-${randomUUID()}`,
  ...change,
});
const registration = (change: Record<string, unknown>) => () => ({
  email: `fuzz-${runNonce}-${randomUUID().slice(0, 8)}@example.test`,
  password: validPassword,
  name: 'Fuzz Known',
  ...change,
});

/** Inputs of the kinds that break services (every run sends all of them, whatever the random fuzzing draws). */
const knownInputs: Record<string, KnownInput> = {
  'register: padded, mixed-case email': {
    path: 'auth.register',
    input: registration({ email: `  Fuzz-${runNonce}-Padded@Example.TEST ` }),
    outcome: 'ok',
  },
  'register: RTL override, Arabic and a ZWJ emoji in the name': {
    path: 'auth.register',
    input: registration({ name: '\u202Eevil مرحبا 👩‍👩‍👧‍👦' }),
    outcome: 'ok',
  },
  'register: lone surrogates in name and password': {
    path: 'auth.register',
    input: registration({ name: 'lone \uDE00', password: 'lone \uD800 surrogate 1' }),
  },
  'register: asks for the ADMIN role': {
    path: 'auth.register',
    input: registration({ role: 'ADMIN' }),
    outcome: 'ok',
  },
  'register: a 1 MB password': {
    path: 'auth.register',
    input: registration({ password: 'x1'.repeat(500_000) }),
    outcome: 'refused',
  },
  'register: NUL in the name': {
    path: 'auth.register',
    input: registration({ name: 'nul\u0000inside' }),
  },
  'login: the right password followed by a NUL is not the right password': {
    path: 'auth.login',
    input: () => ({ email: passwordOwner.email, password: `${validPassword}\u0000` }),
    outcome: 'refused',
  },
  'login: NUL in the email': {
    path: 'auth.login',
    input: () => ({ email: `nul\u0000${passwordOwner.email}`, password: validPassword }),
    outcome: 'refused',
  },
  'create: a unit price sent by the client': {
    path: 'order.create',
    input: order({ items: [{ menuItemId: 'roma-margherita', quantity: 1, unitPriceCents: 1 }] }),
  },
  'create: a total and currency sent by the client': {
    path: 'order.create',
    input: order({ totalCents: 1, currency: 'XXX' }),
  },
  'create: negative quantity': {
    path: 'order.create',
    input: order({ items: [{ menuItemId: 'roma-margherita', quantity: -1 }] }),
    outcome: 'refused',
  },
  'create: zero quantity': {
    path: 'order.create',
    input: order({ items: [{ menuItemId: 'roma-margherita', quantity: 0 }] }),
    outcome: 'refused',
  },
  'create: fractional quantity': {
    path: 'order.create',
    input: order({ items: [{ menuItemId: 'roma-margherita', quantity: 1.5 }] }),
    outcome: 'refused',
  },
  'create: one item twice, 60 + 40': {
    path: 'order.create',
    input: order({
      items: [
        { menuItemId: 'roma-margherita', quantity: 60 },
        { menuItemId: 'roma-margherita', quantity: 40 },
      ],
    }),
    outcome: 'refused',
  },
  "create: another restaurant's item": {
    path: 'order.create',
    input: order({ items: [{ menuItemId: 'sakura-salmon-nigiri', quantity: 1 }] }),
    outcome: 'refused',
  },
  'create: a total over the limit': {
    path: 'order.create',
    input: order({
      restaurantId: 'sakura-sushi',
      items: [{ menuItemId: 'sakura-banquet', quantity: 23 }],
    }),
    outcome: 'refused',
  },
  'create: RTL override, Hebrew and emoji in the address': {
    path: 'order.create',
    input: order({ deliveryAddress: '\u202E12 שלום Street 🍕' }),
    outcome: 'ok',
  },
  'create: a 1 MB address': {
    path: 'order.create',
    input: order({ deliveryAddress: 'x'.repeat(1_000_000) }),
    outcome: 'refused',
  },
  'create: a lone surrogate in the address': {
    path: 'order.create',
    input: order({ deliveryAddress: 'lone \uD800 surrogate road' }),
  },
  'create: NUL in the address': {
    path: 'order.create',
    input: order({ deliveryAddress: '12 Nul\u0000 Street' }),
  },
  'create: NUL in the restaurant id': {
    path: 'order.create',
    input: order({ restaurantId: 'trattoria-roma\u0000' }),
  },
  'create: NUL in a menu item id': {
    path: 'order.create',
    input: order({ items: [{ menuItemId: 'roma-margherita\u0000', quantity: 1 }] }),
  },
};

describe('inputs of the kinds that break services', () => {
  it.each(Object.entries(knownInputs))('%s', async (_label, known) => {
    const type =
      known.path === 'order.create' || known.path.startsWith('auth.') ? 'mutation' : 'query';
    const answer = await callRaw({
      path: known.path,
      type,
      input: known.input(),
      token: known.path.startsWith('order.') ? token : undefined,
    });
    assertWellFormed(known.path, answer, 'known inputs');
    if (known.outcome === 'ok') expect(answer.status, describeAnswer(answer)).toBe(200);
    if (known.outcome === 'refused')
      expect(answer.status, describeAnswer(answer)).toBeGreaterThanOrEqual(400);
    if (answer.status !== 200) return;
    const data = (answer.json as { result: { data: unknown } }).result.data;
    if (known.path === 'order.create') expectPricedFromMenu(data);
    if (known.path === 'auth.register')
      expect((data as { user: { role: string } }).user.role).toBe('CUSTOMER');
  });
});

describe('what the fuzzing left in the databases', () => {
  it('every order is priced from the menu, for a real restaurant and real items, with positive quantities and a known status', async () => {
    const totals = await queryService(
      'order',
      `SELECT o.id::text, o.total_cents, coalesce(sum(i.quantity * i.unit_price_cents), 0)::bigint::text AS items_total, count(i.id)::int AS lines
       FROM customer_order o LEFT JOIN order_item i ON i.order_id = o.id
       GROUP BY o.id HAVING o.total_cents <> coalesce(sum(i.quantity * i.unit_price_cents), 0) OR count(i.id) = 0`,
    );
    expect(totals, 'orders whose total is not the sum of their items (or that have none)').toEqual(
      [],
    );

    const lines = await queryService(
      'order',
      `SELECT i.order_id::text, i.menu_item_id, i.name, i.quantity, i.unit_price_cents, m.price_cents AS menu_price_cents,
              m.restaurant_id AS menu_restaurant_id, o.restaurant_id AS order_restaurant_id
       FROM order_item i JOIN customer_order o ON o.id = i.order_id LEFT JOIN menu_item m ON m.id = i.menu_item_id
       WHERE m.id IS NULL OR m.restaurant_id <> o.restaurant_id OR i.unit_price_cents <> m.price_cents OR i.name <> m.name
          OR i.quantity <= 0 OR i.quantity > 99`,
    );
    expect(
      lines,
      'order lines not on their restaurant menu, not at its price, or with a quantity outside 1..99',
    ).toEqual([]);

    const duplicates = await queryService(
      'order',
      'SELECT order_id::text, menu_item_id, count(*)::int AS n FROM order_item GROUP BY order_id, menu_item_id HAVING count(*) > 1',
    );
    expect(
      duplicates,
      'orders with two lines for one menu item (repeated items are merged)',
    ).toEqual([]);

    const orders = await queryService(
      'order',
      `SELECT o.id::text, o.status, o.restaurant_id, o.currency, o.total_cents, o.cancellation_reason
       FROM customer_order o LEFT JOIN restaurant r ON r.id = o.restaurant_id
       WHERE r.id IS NULL OR o.status NOT IN ('PENDING_PAYMENT', 'CONFIRMED', 'CANCELLED') OR o.currency <> r.currency
          OR o.total_cents < 0 OR o.total_cents > 1000000
          OR (o.status = 'CANCELLED') <> (o.cancellation_reason IS NOT NULL)`,
    );
    expect(
      orders,
      'orders of no restaurant, in an unknown status, in another currency, or with an impossible total',
    ).toEqual([]);
  });

  it('every user has a valid, normalised email and a trimmed name of 1 to 100 characters', async () => {
    const users = await queryService<{
      id: string;
      email: string;
      name: string;
      role: string;
      created_at: Date;
    }>('auth', 'SELECT id::text, email, name, role::text, created_at FROM user_account');
    const email = z.email();
    const broken = users.filter(
      (user) =>
        !email.safeParse(user.email).success ||
        user.email !== user.email.trim().toLowerCase() ||
        user.email.length > 254 ||
        user.name !== user.name.trim() ||
        user.name.length < 1 ||
        user.name.length > 100 ||
        /\p{Cc}/u.test(user.email),
    );
    expect(broken).toEqual([]);
    const registered = users.filter(
      (user) => user.created_at >= startedAt && user.email.startsWith(`fuzz-${runNonce}-`),
    );
    expect(
      registered.filter((user) => user.role !== 'CUSTOMER'),
      'self-registered users that are not customers',
    ).toEqual([]);
  });
});
