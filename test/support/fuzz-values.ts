import fc from 'fast-check';

/**
 * A value too big to print in a counterexample: it is sent as `count` copies of `unit` (a string, or an array when
 * `asArray`), and printed as the expression that builds it.
 */
export class Huge {
  constructor(
    readonly unit: unknown,
    readonly count: number,
    readonly asArray = false,
  ) {}

  toJSON(): unknown {
    return this.asArray
      ? Array.from({ length: this.count }, () => this.unit)
      : String(this.unit).repeat(this.count);
  }

  [fc.toStringMethod](): string {
    return this.asArray
      ? `Array(${this.count}).fill(${JSON.stringify(this.unit)})`
      : `${JSON.stringify(this.unit)}.repeat(${this.count})`;
  }
}

/** Strings that have broken parsers, databases and renderers before: empty, control and NUL, lone surrogates, RTL… */
export const nastyStrings = [
  '',
  ' ',
  '   padded   ',
  '\u0000',
  'nul\u0000inside',
  '\u0000\u0000\u0000\u0000\u0000',
  '\uD800',
  '\uDFFF',
  'lone \uD83D high surrogate',
  'lone \uDE00 low surrogate',
  '\u202Eevil.exe',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩‍👩‍👧‍👦',
  '🍕🍣🥗',
  'e\u0301\u0301\u0301',
  '\uFEFFbom',
  'zero\u200Bwidth',
  '\t\n\r\v\f',
  '\u001b[31mred',
  '%00%ff',
  '../../etc/passwd',
  "'; DROP TABLE customer_order; --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  'x'.repeat(99),
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(254),
  'x'.repeat(255),
  'Ω'.repeat(300),
];

const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));
const controlCharacter = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));

export interface ValueOptions {
  /** Include ~1 MB strings and arrays of 100 000 entries (only in a request body: a URL cannot carry them). */
  huge: boolean;
}

/** Any string: nasty constants, random unicode, lone surrogates, control characters, and very long ones. */
export function anyString({ huge }: ValueOptions): fc.Arbitrary<string | Huge> {
  const long = huge
    ? fc.constantFrom(
        new Huge('x', 1_000_000),
        new Huge('é', 400_000),
        new Huge('🍕', 200_000),
        new Huge('\u0000', 50_000),
        new Huge('\uD800', 50_000),
      )
    : fc.constantFrom(new Huge('x', 2_000), new Huge('🍕', 500), new Huge('\u0000', 500));
  const withNul = fc
    .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
    .map(([before, after]) => `${before}\u0000${after}`);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...nastyStrings), weight: 4 },
    { arbitrary: withNul, weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
    {
      arbitrary: fc.string({
        unit: fc.oneof(loneSurrogate, controlCharacter, fc.constant('a')),
        maxLength: 20,
      }),
      weight: 1,
    },
    { arbitrary: long, weight: 1 },
  );
}

/** Any number JSON can carry (NaN and ±Infinity become null): boundaries, negatives, fractions, huge ones. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    -2.5,
    98,
    99,
    100,
    101,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31),
    2 ** 53,
    2 ** 53 + 2,
    1e308,
    -1e308,
    5e-324,
  ),
  fc.integer(),
  fc.double(),
);

/** Any JSON value, nested a little: the wrong type for whatever field it lands in. */
export function anyValue(options: ValueOptions): fc.Arbitrary<unknown> {
  const hugeArrays: fc.Arbitrary<unknown>[] = options.huge
    ? [
        fc.constantFrom(
          new Huge(0, 100_000, true),
          new Huge({ menuItemId: 'roma-margherita', quantity: 1 }, 20_000, true),
        ),
      ]
    : [];
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      anyString(options),
      anyNumber,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(
        fc.oneof(
          anyString({ huge: false }).map(String),
          fc.constantFrom('__proto__', 'constructor'),
        ),
        tie('value'),
        { maxKeys: 4 },
      ),
      ...hugeArrays,
    ),
  }));
  return value;
}

/**
 * Inputs around a valid shape: mostly `valid` itself (by default each field drawn from its own arbitrary, which may
 * already be odd but well-typed), often that shape with fields swapped for any value, left out, or joined by extra
 * fields (`extras`: ones a client must never get to set, like prices), and now and then not an object at all.
 */
export function fuzzedObject(
  fields: Record<string, fc.Arbitrary<unknown>>,
  options: ValueOptions & {
    extras?: Record<string, fc.Arbitrary<unknown>>;
    valid?: fc.Arbitrary<unknown>;
  },
): fc.Arbitrary<unknown> {
  const wrong = anyValue(options);
  const field = (valid: fc.Arbitrary<unknown>) =>
    fc.oneof(
      { arbitrary: valid, weight: 5 },
      { arbitrary: wrong, weight: 2 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
  const mutated = fc
    .tuple(
      fc.record(
        Object.fromEntries(Object.entries(fields).map(([name, valid]) => [name, field(valid)])),
      ),
      fc.option(fc.record(options.extras ?? {}, { requiredKeys: [] }), { freq: 2 }),
      fc.option(fc.dictionary(fc.string({ maxLength: 12 }), wrong, { maxKeys: 2 }), { freq: 3 }),
    )
    .map(([known, extras, unknown]) => {
      const value: Record<string, unknown> = { ...unknown, ...extras };
      for (const [name, fieldValue] of Object.entries(known))
        if (fieldValue !== undefined) value[name] = fieldValue;
      return value;
    });
  return fc.oneof(
    { arbitrary: options.valid ?? fc.record(fields), weight: 4 },
    { arbitrary: mutated, weight: 5 },
    { arbitrary: wrong, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}
