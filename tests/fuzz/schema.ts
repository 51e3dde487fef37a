// Values from an operation's JSON schema (as /api/openapi.json publishes it), a second pass that
// pushes them beyond the schema, and a small validator that says when a value is certainly outside
// the schema — so the fuzzer knows which requests the server must refuse.
import fc from 'fast-check';
import { oddObject, oddString, oddValue, hugeString, NFD_NAME, ODD_STRINGS, rand, type Gen } from './values.js';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export const ID_PATTERN = '^[0-9a-z]{6,40}$';

/** Real ids of the fixture for a property or parameter name ("unitId", "memberIds", "subjectKey"…). */
export type IdSource = (name: string) => readonly string[];

const VIETNAMESE_TEXT = [
  'Nguyễn Thị Thúy',
  'Đảng bộ phường Bắc Hà',
  'Chi bộ khối phố 1',
  'Tinh thần trách nhiệm chưa cao; còn ngại va chạm.',
  'Hoàn thành tốt nhiệm vụ được giao',
  'Khắc phục hạn chế trong quý I năm 2025',
  'Ý kiến của chi ủy nơi cư trú',
  '12-QĐ/ĐU',
  'Bí thư Đảng ủy',
];

function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

function isAny(schema: JsonSchema): boolean {
  return (
    schema.type === undefined &&
    schema.enum === undefined &&
    schema.const === undefined &&
    !schema.anyOf &&
    !schema.oneOf &&
    !schema.properties
  );
}

function isoDate(g: Gen): string {
  const y = rand.int(g, 2022, 2026);
  const m = rand.int(g, 1, 12);
  const d = rand.int(g, 1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function looksLikeDate(name: string): boolean {
  return /date|On$|^(from|to|date|validFrom|validTo|deadline|dueDate|scheduledFor)$/i.test(name);
}

function validString(g: Gen, schema: JsonSchema, name: string, ids: IdSource): string {
  if (schema.pattern === ID_PATTERN) {
    const pool = ids(name);
    if (pool.length > 0 && rand.chance(g, 0.85)) return rand.pick(g, pool);
    return g(fc.stringMatching, new RegExp(ID_PATTERN));
  }
  if (schema.pattern) return g(fc.stringMatching, new RegExp(schema.pattern));
  // An id checked by the use case rather than by a pattern ("looseText" fields that answer in Vietnamese).
  if (/Id$/.test(name) && rand.chance(g, 0.8)) {
    const pool = ids(name);
    if (pool.length > 0) return rand.pick(g, pool);
  }
  const max = schema.maxLength ?? 200;
  const min = schema.minLength ?? 0;
  let s: string;
  if (looksLikeDate(name) && rand.chance(g, 0.95)) s = /scheduled/i.test(name) && rand.chance(g, 0.5) ? `${isoDate(g)}T08:30` : isoDate(g);
  else if (/year/i.test(name)) s = String(rand.int(g, 2023, 2025));
  else if (name === 'username') s = rand.chance(g, 0.5) ? rand.pick(g, ids(name)) : g(fc.stringMatching, /^[a-z][a-z0-9._]{2,20}$/);
  else if (name === 'code') s = `FZ.${rand.int(g, 1, 9999)}`;
  else if (/password/i.test(name))
    s = rand.pick(g, ['matkhau123', 'Tự soi 2025 mới', `Kiểm điểm ${rand.int(g, 1000, 9999)}`, 'short', 'x'.repeat(200)]);
  else if (name === 'cardNumber') s = `${rand.int(g, 10, 99)}.${rand.int(g, 100000, 999999)}`;
  else if (name === 'email') s = rand.pick(g, ['van.phong@tinh-uy.vn', 'khong-phai-thu']);
  else if (/mime|type$/i.test(name)) s = rand.pick(g, ['application/pdf', 'text/plain', 'image/png']);
  else if (rand.chance(g, 0.3)) {
    // Hostile but allowed by the schema: these must reach the use case and the database.
    const fitting = ODD_STRINGS.filter((x) => x.trim() !== '' && x.length >= min && x.length <= max);
    s = fitting.length > 0 ? rand.pick(g, fitting) : 'a'.repeat(min);
  } else if (max >= 400 && rand.chance(g, 0.1)) {
    // Long text near the limit. Free text (text() in contracts/common.ts) publishes four times its
    // limit, counted before NFC; a quarter of it, in decomposed Vietnamese, fits both counts.
    const unit = rand.pick(g, ['ễ'.normalize('NFD'), 'ễ', 'Đ', 'a ']);
    s = unit.repeat(Math.max(1, Math.floor(max / 4 / unit.length)));
  } else if (rand.chance(g, 0.5)) s = rand.pick(g, VIETNAMESE_TEXT);
  else s = g(fc.string, { unit: 'grapheme', minLength: min, maxLength: Math.min(max, 60) });
  if (s.length > max) s = s.slice(0, max);
  while (s.length < min) s += 'a';
  return s;
}

function validNumber(g: Gen, schema: JsonSchema, name: string, integer: boolean): number {
  let min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.001) : -1000);
  let max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 0.001) : 1000);
  // Realistic corners first: versions of fresh rows are small, years are recent.
  if (/version/i.test(name) && rand.chance(g, 0.8)) return rand.int(g, Math.max(min, 0), Math.min(max, 4));
  if (/year/i.test(name) && rand.chance(g, 0.8)) return rand.int(g, 2023, 2025);
  if (max - min > 2000 && rand.chance(g, 0.7)) {
    min = Math.max(min, 0);
    max = Math.min(max, Math.max(min, 100));
  }
  if (integer) return rand.int(g, Math.ceil(Math.max(min, -(2 ** 31))), Math.floor(Math.min(max, 2 ** 31)));
  return g(fc.double, { min: Math.max(min, -1e6), max: Math.min(max, 1e6), noNaN: true, noDefaultInfinity: true });
}

/** A value of the schema's shape; semantic checks (dates, real ids, states) may still refuse it. */
export function validish(g: Gen, schema: JsonSchema, name: string, ids: IdSource, depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rand.pick(g, schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const nonNull = branches.filter((b) => b.type !== 'null');
    const pool = nonNull.length > 0 && rand.chance(g, 0.8) ? nonNull : branches;
    return validish(g, rand.pick(g, pool), name, ids, depth);
  }
  const types = typesOf(schema);
  if (types.length === 0) {
    if (schema.properties) return validObject(g, schema, ids, depth);
    // Unrepresentable in JSON schema (a preprocess or a refinement): guess from the name.
    if (looksLikeDate(name)) return isoDate(g);
    return rand.pick(g, VIETNAMESE_TEXT);
  }
  const nonNullTypes = types.filter((t) => t !== 'null');
  const type = nonNullTypes.length > 0 && rand.chance(g, 0.85) ? rand.pick(g, nonNullTypes) : rand.pick(g, types);
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return rand.chance(g, 0.5);
    case 'integer':
      return validNumber(g, schema, name, true);
    case 'number':
      return validNumber(g, schema, name, false);
    case 'string':
      return validString(g, schema, name, ids);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? min + 3, min + 3);
      const n = rand.int(g, min, Math.max(min, max));
      return Array.from({ length: n }, () => validish(g, schema.items ?? {}, singular(name), ids, depth + 1));
    }
    case 'object':
      return validObject(g, schema, ids, depth);
    default:
      return null;
  }
}

function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name.endsWith('s') ? name.slice(0, -1) : name;
}

function validObject(g: Gen, schema: JsonSchema, ids: IdSource, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (required.has(key) || rand.chance(g, depth > 1 ? 0.5 : 0.75)) out[key] = validish(g, prop, key, ids, depth + 1);
  }
  return out;
}

// ── Beyond the schema ──────────────────────────────────────────────────────────────────────────

/** One place in a value: the container and key, with the schema that describes it. */
interface Slot {
  parent: Record<string, unknown> | unknown[] | null;
  key: string | number | null;
  schema: JsonSchema;
  name: string;
}

function slotsOf(
  value: unknown,
  schema: JsonSchema,
  name: string,
  out: Slot[],
  parent: Slot['parent'],
  key: Slot['key'],
  depth = 0,
): Slot[] {
  out.push({ parent, key, schema, name });
  // Not into what an earlier round nested thousands of levels deep.
  if (depth > 12) return out;
  const branch = pickBranch(schema, value);
  if (Array.isArray(value)) {
    value.slice(0, 20).forEach((v, i) => slotsOf(v, branch.items ?? {}, singular(name), out, value, i, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value).slice(0, 40))
      slotsOf(v, branch.properties?.[k] ?? {}, k, out, value as Record<string, unknown>, k, depth + 1);
  }
  return out;
}

/** The branch of an anyOf the value belongs to (the first it does not violate). */
function pickBranch(schema: JsonSchema, value: unknown): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  return branches.find((b) => violation(b, value) === null) ?? branches[0];
}

function setSlot(root: { v: unknown }, slot: Slot, value: unknown): void {
  if (slot.parent === null) root.v = value;
  else if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else Object.defineProperty(slot.parent, slot.key as string, { value, enumerable: true, writable: true, configurable: true });
}

function wrongTypeFor(g: Gen, schema: JsonSchema, current: unknown): unknown {
  const types = typesOf(pickBranch(schema, current));
  if (types.includes('string')) return rand.pick(g, [1, true, null, [], {}, ['x'], 12.5]);
  if (types.includes('integer') || types.includes('number')) return rand.pick(g, ['1', 'một', null, true, [1], { n: 1 }, 1.5, -1, 1e308]);
  if (types.includes('boolean')) return rand.pick(g, ['true', 1, 0, null, 'có']);
  if (types.includes('array')) return rand.pick(g, [{}, 'a,b', 1, null, { 0: 'x', length: 1 }]);
  if (types.includes('object')) return rand.pick(g, [[], [current], 'x', 0, null]);
  return oddValue(g);
}

/**
 * Takes a valid-ish value and breaks it in one to three places: wrong types, nulls, a required
 * field taken out, extra fields, huge or odd strings, NFD text, arrays for objects, an item twice
 * in a list, deep nesting.
 */
export function beyond(g: Gen, schema: JsonSchema, value: unknown): unknown {
  const root = { v: structuredClone(value) };
  const rounds = rand.int(g, 1, 3);
  for (let r = 0; r < rounds; r++) {
    const slots = slotsOf(root.v, schema, '', [], null, null);
    const slot = rand.pick(g, slots);
    const current = slot.parent === null ? root.v : (slot.parent as Record<string | number, unknown>)[slot.key as string | number];
    const kind = rand.int(g, 0, 11);
    switch (kind) {
      case 0:
        setSlot(root, slot, wrongTypeFor(g, slot.schema, current));
        break;
      case 1:
        setSlot(root, slot, null);
        break;
      case 2: {
        // A required field taken out (or any field, when the object has none required).
        if (current && typeof current === 'object' && !Array.isArray(current)) {
          const keys = Object.keys(current);
          const required = (pickBranch(slot.schema, current).required ?? []).filter((k) => keys.includes(k));
          const victim = required.length > 0 ? rand.pick(g, required) : keys.length > 0 ? rand.pick(g, keys) : null;
          if (victim !== null) delete (current as Record<string, unknown>)[victim];
        } else setSlot(root, slot, undefined);
        break;
      }
      case 3:
        if (current && typeof current === 'object' && !Array.isArray(current)) Object.assign(current, oddObject(g));
        else setSlot(root, slot, { ...oddObject(g), value: current });
        break;
      case 4:
        setSlot(root, slot, hugeString(g));
        break;
      case 5:
        setSlot(root, slot, oddString(g));
        break;
      case 6:
        setSlot(root, slot, typeof current === 'string' ? current.normalize('NFD') + NFD_NAME : NFD_NAME);
        break;
      case 7:
        setSlot(root, slot, [current]);
        break;
      case 8: {
        // The same item twice in a list (two attendance rows, two grants, two items of a decision …).
        const list = Array.isArray(current) ? current : Array.isArray(slot.parent) ? slot.parent : null;
        if (list && list.length > 0) list.push(structuredClone(list[rand.int(g, 0, list.length - 1)]));
        else setSlot(root, slot, oddValue(g));
        break;
      }
      default:
        setSlot(root, slot, oddValue(g));
    }
  }
  return root.v;
}

// ── Certainly outside the schema? ──────────────────────────────────────────────────────────────

function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/**
 * Why `value` (as the server will parse it: after a JSON round trip) is outside the schema, or
 * null when it is inside or when the schema cannot tell (an unrepresentable zod check). Only the
 * constraints zod itself publishes are checked, so a reason here means zod must refuse it too.
 */
export function violation(schema: JsonSchema, value: unknown, where = '$'): string | null {
  if (value === undefined) return null;
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const reasons = branches.map((b) => violation(b, value, where));
    return reasons.every((r) => r !== null) ? reasons[0] : null;
  }
  if (schema.const !== undefined && value !== schema.const) return `${where}: không phải ${JSON.stringify(schema.const)}`;
  if (schema.enum && !schema.enum.includes(value)) return `${where}: ngoài danh sách ${JSON.stringify(schema.enum).slice(0, 80)}`;
  if (isAny(schema)) return null;
  const types = typesOf(schema);
  const t = jsonTypeOf(value);
  if (types.length > 0 && !types.includes(t) && !(t === 'integer' && types.includes('number')))
    return `${where}: kiểu ${t}, cần ${types.join('|')}`;
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return `${where}: dài ${value.length} > ${schema.maxLength}`;
    if (schema.minLength !== undefined && value.length < schema.minLength) return `${where}: ngắn hơn ${schema.minLength}`;
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) return `${where}: không khớp ${schema.pattern}`;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `${where}: ${value} < ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${where}: ${value} > ${schema.maximum}`;
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
      return `${where}: ${value} <= ${schema.exclusiveMinimum}`;
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum)
      return `${where}: ${value} >= ${schema.exclusiveMaximum}`;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return `${where}: ít hơn ${schema.minItems} phần tử`;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return `${where}: nhiều hơn ${schema.maxItems} phần tử`;
    if (schema.items) {
      for (const [i, item] of value.entries()) {
        const r = violation(schema.items, item, `${where}[${i}]`);
        if (r) return r;
      }
    }
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj) || obj[key] === undefined) return `${where}.${key}: thiếu`;
    for (const [key, v] of Object.entries(obj)) {
      const prop = schema.properties?.[key];
      if (prop) {
        const r = violation(prop, v, `${where}.${key}`);
        if (r) return r;
      } else if (schema.additionalProperties === false) return `${where}.${key}: trường lạ`;
    }
  }
  return null;
}

/**
 * The same for a path or query parameter, which arrives as a string: numbers go through zod's
 * coercion (Number(text)); an empty string is left alone (some parameters map it to "none").
 */
export function parameterViolation(schema: JsonSchema, value: string | undefined, required: boolean, name: string): string | null {
  if (value === undefined) return required ? `${name}: thiếu` : null;
  const types = typesOf(schema);
  if ((types.includes('integer') || types.includes('number')) && !types.includes('string')) {
    const n = Number(value); // z.coerce.number(): "" and blanks are 0
    if (Number.isNaN(n)) return `${name}: không phải số`;
    return violation(schema, n, name);
  }
  if (value === '') return null;
  if (types.includes('string') || schema.enum || schema.anyOf) return violation(schema, value, name);
  return null;
}

// ── Poisoned but valid ─────────────────────────────────────────────────────────────────────────

/** Characters that storage, search and rendering have choked on; each is allowed in free text. */
export const POISONS: readonly string[] = [
  '\u0000', // NUL: PostgreSQL text cannot hold it
  '\uD800', // a lone surrogate (JSON "\ud800"): not valid UTF-8 once stored
  '\u202E', // right-to-left override
  NFD_NAME, // decomposed Vietnamese
  '👨‍👩‍👧‍👦', // one grapheme of seven code points
  "'; --",
  '\uFEFF\u200B',
  '%_\\', // LIKE wildcards and the escape character
];

/**
 * Adds the poison to every free-text string of the value (no pattern, enum or const), keeping
 * within maxLength: the request stays inside the schema, so it must reach the database.
 */
export function poison(schema: JsonSchema, value: unknown, token: string): unknown {
  const branch = pickBranch(schema, value);
  if (typeof value === 'string') {
    if (branch.pattern || branch.enum || branch.const !== undefined || !typesOf(branch).includes('string')) return value;
    const max = branch.maxLength ?? 10_000;
    const out = `${value.slice(0, Math.max(0, max - token.length - 1))} ${token}`.slice(0, max);
    // Free text must not turn into a date or a number the schema cannot see (a refinement).
    return out.length >= (branch.minLength ?? 0) ? out : value;
  }
  if (Array.isArray(value)) return value.map((v) => poison(branch.items ?? {}, v, token));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(branch.properties?.[k] ?? {}, v, token)]));
  }
  return value;
}
