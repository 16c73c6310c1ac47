import fc from 'fast-check';

/**
 * Values chosen to break parsers, queries and comparisons: SQL injection,
 * path traversal, Azerbaijani dotted/dotless i (which case-fold differently
 * from every other language), right-to-left and zero-width marks, NUL and
 * lone surrogates, template and prototype tricks.
 */
export const hostileStrings: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(5); --',
  "admin'--",
  '" OR ""="',
  "') UNION SELECT password_hash FROM users --",
  '%',
  '_',
  '%%_%',
  '\\',
  '\\x00',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..\\..\\..\\windows\\win.ini',
  '/dev/zero',
  'file:///etc/passwd',
  'İ',
  'ı',
  'İSTİFADƏÇİ',
  'istifadəçi',
  'ADMİN',
  'admın',
  'i\u0307',
  '\u202Eevil.exe\u202C',
  '\u200B',
  '\u200F\u200E',
  '\uFEFFbom',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301\u0301',
  '__proto__',
  'constructor',
  'prototype',
  '{{7*7}}',
  '${7*7}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  'v1:-1',
  'v1:99999999999999999',
  '\r\nX-Injected: 1',
  ' ',
  '',
  '   \t\n',
];

/** The strings above, plus random unicode and a few very long ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'İ', '\u0000', 'ə'), fc.constantFrom(1_000, 70_000))
      .map(([unit, times]) => unit.repeat(times)),
  },
);

/** Numbers at and past every boundary a schema might draw. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    1,
    0.5,
    -0,
    2 ** 31,
    2 ** 53,
    -(2 ** 63),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON-able value of a wrong kind, hostile leaves included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(1_000, 20_000)
      .map((n) => Array.from({ length: n }, (_, i) => i)),
  },
  { weight: 1, arbitrary: fc.constantFrom(20, 200).map((depth) => nested(depth)) },
);

/** An array nested `depth` levels deep. */
export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

/** Raw bodies that are not JSON, not complete, or not what the header says. */
export const rawBodies: readonly string[] = [
  '',
  '{',
  '{"a":',
  '[',
  'null',
  'true',
  '"text"',
  '{"a":1}{"b":2}',
  '\u0000',
  '\uFEFF{}',
  "{'single':'quotes'}",
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":1,}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`,
  `{"a":"${'x'.repeat(1024 * 1024)}"}`,
  'username=admin&password=admin-demo',
];

export const contentTypes: readonly (string | undefined)[] = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json\u0000',
  '*/*',
  undefined,
];
