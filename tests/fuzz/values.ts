// The hostile values the fuzzer sends where the schema expects something else, or something
// tamer: odd Unicode, decomposed Vietnamese, huge strings, wrong types, deep nesting.
import fc from 'fast-check';

/** A thin wrapper over fast-check's `gen()`: every random choice of a case goes through it. */
export type Gen = fc.GeneratorValue;

export const rand = {
  int: (g: Gen, min: number, max: number) => g(fc.integer, { min, max }),
  chance: (g: Gen, p: number) => g(fc.integer, { min: 0, max: 9999 }) < p * 10000,
  pick: <T>(g: Gen, items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })],
};

/** "Nguyễn Thị Thúy" written decomposed (NFD): what a Mac or an old Word document may send. */
export const NFD_NAME = 'Nguyễn Thị Thúy'.normalize('NFD');

/** Short strings that have broken systems before. NUL may be refused (PostgreSQL cannot store it). */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t\n ',
  NFD_NAME,
  'Đặng Văn Hùng'.normalize('NFD'),
  'Nguyễn Thị Thúy',
  'ĐẢNG BỘ PHƯỜNG BẮC HÀ',
  'a\u0000b',
  '\u0000',
  '\u202Eabc\u202C', // right-to-left override
  '\u200F\u200E\u200B\u200D\uFEFF', // direction marks, zero-width, BOM
  '👨‍👩‍👧‍👦🇻🇳💩',
  'e' + '\u0301'.repeat(64), // one letter under a pile of combining accents
  '\uD800', // lone high surrogate (sent as the JSON escape \ud800)
  'x\uDFFFy', // lone low surrogate
  '\uFFFF\uFFFE',
  '１２３４', // full-width digits
  'İıſK', // case folding traps
  "' OR '1'='1' --",
  "'; DROP TABLE members; --",
  'SeLeCt 1',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '\r\n\r\nX-Injected: 1',
  'null',
  'undefined',
  'true',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  '__proto__',
  'constructor',
  '2024-02-30',
  '2024-13-01',
  '0000-00-00',
  '9999-12-31',
  '31/12/2024',
  '2024-12-01T00:00:00Z',
];

export const ODD_NUMBERS: readonly number[] = [
  0,
  -1,
  1.5,
  -0.000001,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e308,
  5e-324,
];

/** A string of 10,000 to 100,000 characters, of one of a few shapes. */
export function hugeString(g: Gen): string {
  const length = rand.int(g, 10_000, 100_000);
  const unit = rand.pick(g, ['a', 'ễ', 'e\u0301', '😀', ' ', '\u0000', 'Nguyễn '.normalize('NFD')]);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Random Unicode, graphemes of any plane (fast-check's full generator). */
export function anyUnicode(g: Gen, maxLength = 40): string {
  return g(fc.string, { unit: 'grapheme', maxLength });
}

export function oddString(g: Gen): string {
  const roll = rand.int(g, 0, 9);
  if (roll === 0) return hugeString(g);
  if (roll <= 2) return anyUnicode(g);
  if (roll === 3) return g(fc.string, { unit: 'binary', maxLength: 30 });
  return rand.pick(g, ODD_STRINGS);
}

/** An object or array nested hundreds to thousands of levels deep. */
export function deeplyNested(g: Gen): unknown {
  const depth = rand.int(g, 100, 1500);
  const asArray = rand.chance(g, 0.5);
  let v: unknown = asArray ? [] : {};
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** Any JSON value, the hostile kinds first. */
export function oddValue(g: Gen, depth = 0): unknown {
  const roll = rand.int(g, 0, 15);
  switch (roll) {
    case 0:
    case 1:
    case 2:
    case 3:
      return oddString(g);
    case 4:
    case 5:
      return rand.pick(g, ODD_NUMBERS);
    case 6:
      return rand.chance(g, 0.5);
    case 7:
    case 8:
      return null;
    case 9:
      return depth > 2 ? [] : Array.from({ length: rand.int(g, 0, 3) }, () => oddValue(g, depth + 1));
    case 10:
      return depth > 2 ? {} : oddObject(g, depth + 1);
    case 11:
      return deeplyNested(g);
    case 12:
      // A long array: 1,000 to 20,000 small items where a few are expected.
      return Array.from({ length: rand.int(g, 1000, 20_000) }, (_, i) => (rand.chance(g, 0.001) ? 'x' : i));
    case 13:
      return g(fc.jsonValue, { maxDepth: 3 });
    default:
      return {};
  }
}

/** A small object with odd keys (prototype pollution, empty, huge, Unicode) and odd values. */
export function oddObject(g: Gen, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = rand.int(g, 0, 4);
  // defineProperty, so that "__proto__" is an own key that JSON.stringify sends, not the prototype.
  for (let i = 0; i < n; i++)
    Object.defineProperty(out, oddKey(g), { value: oddValue(g, depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}

export function oddKey(g: Gen): string {
  return rand.pick(g, [
    '__proto__',
    'constructor',
    'prototype',
    '',
    'x'.repeat(5000),
    NFD_NAME,
    'id',
    'version',
    '$where',
    'a.b',
    '\u0000',
  ]);
}
