// Property-based requests against every operation of /api/openapi.json (issue 6, "Prove it", item 2),
// on SQLite and PostgreSQL. Each operation gets requests made from its own schema — path ids of
// real rows, query and JSON bodies of the right shape, some carrying a poison in every free-text
// field (NUL, a lone surrogate, RTL override, NFD Vietnamese …) — and requests pushed beyond it:
// wrong types, nulls, missing and extra fields, strings of 10k–100k characters, deep nesting,
// arrays for objects, broken JSON, random bytes or damaged workbooks as files, junk ids, no session,
// no CSRF header, a caller outside the subtree. For every answer (contract.ts, problemsOf):
//   1. never a 5xx;
//   2. a 4xx is JSON { error: { code, message } } whose code the operation documents, or one of
//      the codes any operation may answer (commonCodes, with the reason for each);
//   3. a 2xx is the documented media type, and JSON that matches the documented response schema;
//   4. no stack trace, file path, JavaScript error or SQL text in the body;
//   5. a request outside the published schema is refused (never a 2xx);
//   6. a refused write leaves the database as it was, and a read writes nothing at all (a write
//      counter per table, world.ts).
// Deterministic: one fixed seed per operation (printed on failure, FUZZ_SEED to change it); the row
// ids differ per run but are picked by rank. The number of requests per dialect is printed at the
// end. FUZZ_DEBUG=<operationId> prints that operation's cases and answers.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/each-dialect.js';
import { DOCUMENT, OPERATIONS, problemsOf, truncate, type FuzzCase, type Operation } from './contract.js';
import { beyond, parameterViolation, poison, POISONS, validish, violation } from './schema.js';
import { NFD_NAME, oddString, rand, type Gen } from './values.js';
import { ANONYMOUS, buildWorld, send, type Body, type Caller, type CallerName, type Pool, type World } from './world.js';

/**
 * Operations not fuzzed, each with its reason. Empty: every operation of the document is fuzzed.
 * A new operation is fuzzed by default; one that cannot be must be listed here, never skipped.
 */
const EXCLUDED: Record<string, string> = {};

/** Operations that write on purpose when they refuse: the fingerprint is not compared for them. */
const WRITES_WHEN_REFUSING: Record<string, string> = {
  'auth.login':
    'a failed login counts against the username in login_throttle and is audited (auth.login_failed), so that guessing is throttled',
};

/**
 * Requests per operation: reads are cheap and harmless, writes change the fixture. 7,800 requests
 * per dialect: about 20 s on SQLite and 40 s on PostgreSQL on a quiet 2-core machine, under 90 s
 * when other tests share it. FUZZ_SCALE=4 (and another FUZZ_SEED) soaks for longer.
 */
const SCALE = Number(process.env.FUZZ_SCALE) > 0 ? Number(process.env.FUZZ_SCALE) : 1;
function runsFor(op: Operation): number {
  const base = HEAVY.has(op.operationId) ? 12 : op.method === 'GET' ? 60 : 48;
  return Math.ceil(base * SCALE);
}

/** Downloads that render a document or a workbook (hundreds of milliseconds each). */
const HEAVY = new Set([
  'documents.draft-file',
  'documents.file',
  'members.export',
  'imports.members-template',
  'imports.org-units-template',
  'year-facts.template',
  'exports.member-levels',
  'exports.level-totals',
  'exports.unit-progress',
  'exports.remediation-tracking',
]);

const SEED = Number(process.env.FUZZ_SEED) || 20_260_601;

function seedOf(operationId: string): number {
  let h = SEED;
  for (const ch of operationId) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

// ── Who calls ──────────────────────────────────────────────────────────────────────────────────

const CALLER_WEIGHTS: [CallerName, number][] = [
  ['organizer', 6],
  ['admin', 2],
  ['standing', 1],
  ['office', 1],
  ['unitCommittee', 3],
  ['cellSecretary', 1],
  ['member', 3],
  ['director', 1],
  ['otherUnitCommittee', 1],
  ['organizerToken', 2],
  ['anonymous', 1],
  ['noCsrf', 1],
];

function pickCaller(g: Gen, world: World, op: Operation, runIndex: number): Caller {
  // Ending sessions and changing passwords only on callers kept for it (the others must survive).
  if (op.operationId === 'auth.logout') return rand.chance(g, 0.85) ? world.spareSessions[runIndex] : ANONYMOUS;
  if (op.operationId === 'me.change-password') return rand.chance(g, 0.85) ? world.callers.passwordChanger : ANONYMOUS;
  if (op.operationId === 'auth.login') return ANONYMOUS;
  // Four in ten cases go to the role whose use case the operation serves, so that they get past
  // the policy; the rest are spread over every role.
  const preferred = preferredCaller(op);
  if (preferred && rand.chance(g, 0.4)) return world.callers[preferred];
  const total = CALLER_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let roll = rand.int(g, 0, total - 1);
  for (const [name, w] of CALLER_WEIGHTS) {
    if (roll < w) return world.callers[name];
    roll -= w;
  }
  return world.callers.organizer;
}

/** The role that may do what the operation does, where the organizer may not (design §2). */
function preferredCaller(op: Operation): CallerName | null {
  const id = op.operationId;
  if (id.startsWith('accounts.') || id === 'documents.update-settings') return 'admin';
  if (id.startsWith('year-facts.') || id.startsWith('commitments.') || id.startsWith('conferences.') || id === 'votes.save')
    return 'unitCommittee';
  if (id === 'complaints.resolve' || id === 'plans.approve') return 'standing';
  if (id.startsWith('remediation.') || id.startsWith('reviews.') || id.startsWith('classification.') || id.startsWith('complaints.'))
    return 'unitCommittee';
  return null;
}

// ── Which real ids ─────────────────────────────────────────────────────────────────────────────

const ID_BY_PREFIX: Record<string, Pool> = {
  'org-units': 'units',
  members: 'members',
  accounts: 'accounts',
  me: 'tokens',
  jobs: 'jobs',
  notifications: 'notifications',
  announcements: 'announcements',
  campaigns: 'campaigns',
  attachments: 'attachments',
  suggestions: 'suggestions',
  shortcomings: 'shortcomings',
  documents: 'documents',
  'rule-sets': 'ruleSets',
};

/** The pool of a parameter or property by its name ("unitId", "sourceIds", "subjectKey", …). */
function poolByName(name: string, op: Operation): Pool {
  if (name === 'id') {
    const prefix = op.path.split('/')[2];
    const pool = ID_BY_PREFIX[prefix];
    if (!pool) throw new Error(`${op.operationId}: no id pool for /${prefix}/{id}; add it to ID_BY_PREFIX`);
    return pool;
  }
  const n = name.toLowerCase();
  if (n.startsWith('grant')) return 'grants';
  if (n.startsWith('subject')) return 'subjects';
  if (/unit|parent|subtree|source|issuer/.test(n)) return 'units';
  if (n.startsWith('member')) return 'members';
  if (/account|director|assignee/.test(n)) return 'accounts';
  if (n.startsWith('campaign')) return 'campaigns';
  if (n.startsWith('conference')) return 'conferences';
  if (n.startsWith('attachment')) return 'attachments';
  if (n.startsWith('decision')) return 'decisions';
  if (n.startsWith('complaint')) return 'complaints';
  if (n.startsWith('shortcoming')) return 'shortcomings';
  if (n.startsWith('comment')) return 'comments';
  if (n.startsWith('item')) return 'items';
  if (n.startsWith('suggestion')) return 'suggestions';
  return 'all';
}

/**
 * Operations that end, move or take away what the other cases need use spare rows only (the spare
 * chi bộ and members, the spare accounts and their grants): the organizer must not lose its grant,
 * nor the ward its members, halfway through the run.
 */
const POOL_OVERRIDES: Record<string, Partial<Record<Pool, Pool>>> = {
  'org-units.move': { units: 'spareUnits' },
  'org-units.merge': { units: 'spareUnits' },
  'members.transfer': { members: 'spareMembers' },
  'members.change-status': { members: 'spareMembers' },
  'accounts.grant': { accounts: 'spareAccounts' },
  'accounts.revoke': { accounts: 'spareAccounts', grants: 'spareGrants' },
  'accounts.reset-password': { accounts: 'spareAccounts' },
  'accounts.disable': { accounts: 'spareAccounts' },
  'accounts.enable': { accounts: 'spareAccounts' },
};

function idsFor(world: World, op: Operation) {
  return (name: string): readonly string[] => {
    if (name === 'username') return ['fuzz.login', 'khong.ton.tai'];
    const pool = poolByName(name, op);
    const chosen = POOL_OVERRIDES[op.operationId]?.[pool] ?? pool;
    return world.pools[chosen];
  };
}

// ── Making a request ───────────────────────────────────────────────────────────────────────────

/** encodeURIComponent, except for lone surrogates (sent as raw invalid UTF-8) and dot segments. */
function encodeSegment(value: string): string {
  if (value === '.' || value === '..') return `${value}x`;
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out += `%ED%${(0xa0 + ((code >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 + (code & 0x3f)).toString(16).toUpperCase()}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

function scalarText(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

function makeCase(g: Gen, world: World, op: Operation, runIndex: number): FuzzCase {
  const caller = pickCaller(g, world, op, runIndex);
  const ids = idsFor(world, op);
  // A quarter of the cases stay inside the schema, a third stay inside it but carry a poison in
  // every free-text field (NUL, a lone surrogate, NFD …), the others break the schema somewhere.
  const roll = rand.int(g, 0, 11);
  const mode = roll < 3 ? 'valid' : roll < 7 ? 'poison' : 'break';
  const token = mode === 'poison' ? rand.pick(g, POISONS) : null;
  const breakWhere = mode === 'break' ? rand.pick(g, ['path', 'query', 'body', 'body', 'body', 'all'] as const) : null;
  const notes: string[] = [];
  const outside: string[] = [];

  let url = op.path;
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    let value: string;
    const pool = p.schema.pattern ? ids(p.name) : [];
    if ((breakWhere === 'path' || breakWhere === 'all') && rand.chance(g, 0.7)) value = oddString(g);
    else if (pool.length > 0 && rand.chance(g, 0.85)) value = rand.pick(g, pool);
    else value = scalarText(validish(g, p.schema, p.name, ids));
    const why = parameterViolation(p.schema, value, true, p.name);
    if (why) outside.push(why);
    url = url.replace(`{${p.name}}`, encodeSegment(value));
    notes.push(`${p.name}=${value.slice(0, 60)}${value.length > 60 ? `…(${value.length})` : ''}`);
  }

  const query = new URLSearchParams();
  const breakQuery = breakWhere === 'query' || breakWhere === 'all';
  const seen = new Map<string, string>();
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    if (!p.required && rand.chance(g, 0.45)) continue;
    if (p.required && breakQuery && rand.chance(g, 0.2)) {
      outside.push(`${p.name}: thiếu`);
      continue;
    }
    let raw = breakQuery && rand.chance(g, 0.6) ? oddString(g) : validish(g, p.schema, p.name, ids);
    if (token) raw = poison(p.schema, raw, token);
    const value = scalarText(raw);
    query.append(p.name, value);
    seen.set(p.name, value);
    if (breakQuery && rand.chance(g, 0.2)) query.append(p.name, oddString(g)); // a repeated key
  }
  if (breakQuery && rand.chance(g, 0.5)) query.append(rand.pick(g, ['x', '__proto__', 'page[]', 'unitId ']), oddString(g));
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    const why = parameterViolation(p.schema, seen.get(p.name), p.required, p.name);
    if (why && !outside.includes(why)) outside.push(why);
  }
  const qs = query.toString();
  if (qs) url += `?${qs}`;

  let body: Body = { kind: 'none' };
  const breakBody = breakWhere === 'body' || breakWhere === 'all';
  if (op.jsonBody) {
    const example = EXAMPLES[op.operationId];
    const valid = example && rand.chance(g, 0.5) ? example(g, world) : validish(g, op.jsonBody, '', ids);
    const roll = breakBody ? rand.int(g, 0, 19) : 99;
    if (roll === 0) {
      body = { kind: 'raw', text: rand.pick(g, ['{', '{"a":', '', 'null x', '\u0000', '{"version":1,}']), contentType: 'application/json' };
      outside.push('JSON hỏng');
    } else if (roll === 1) {
      body = { kind: 'none' };
      outside.push('không có nội dung');
    } else if (roll === 2) {
      body = { kind: 'raw', text: JSON.stringify(valid), contentType: rand.pick(g, ['text/plain', 'application/x-www-form-urlencoded']) };
    } else {
      const value = breakBody ? beyond(g, op.jsonBody, valid) : token ? poison(op.jsonBody, valid, token) : valid;
      if (value === undefined) {
        body = { kind: 'none' };
        outside.push('không có nội dung');
      } else {
        body = { kind: 'json', value };
        const why = violation(op.jsonBody, JSON.parse(JSON.stringify(value)));
        if (why) outside.push(why);
      }
    }
  } else if (op.multipart) {
    // Now and then JSON or text where a form is expected.
    const roll = breakBody ? rand.int(g, 0, 9) : 99;
    if (roll === 0) body = { kind: 'json', value: { file: oddString(g), unitId: rand.pick(g, ids('unitId')) } };
    else if (roll === 1)
      body = {
        kind: 'raw',
        text: oddString(g),
        contentType: rand.pick(g, ['multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain']),
      };
    else body = { kind: 'multipart', form: multipartForm(g, world, op, breakBody, ids) };
  } else if (breakBody && op.method !== 'GET' && rand.chance(g, 0.5)) {
    // A body where none is expected: ignored, never harmful.
    body = { kind: 'json', value: { version: 1, __extra: oddString(g) } };
  }

  const bodyNote =
    body.kind === 'json'
      ? truncate(JSON.stringify(body.value), 300)
      : body.kind === 'raw'
        ? `raw(${body.contentType}) ${truncate(body.text, 80)}`
        : body.kind === 'multipart'
          ? 'multipart'
          : '';
  return {
    caller,
    method: op.method,
    url,
    body,
    outside: outside.length ? outside.join('; ') : null,
    summary: `[${mode}${token ? ` ${JSON.stringify(token)}` : ''}] ${op.method} ${truncate(url, 300)} as ${caller.name}${caller.username ? ` (${caller.username})` : ''} ${notes.join(' ')} ${bodyNote}`,
  };
}

/**
 * Hand-made starting points (a seed corpus) for bodies whose fields depend on each other in ways a
 * JSON schema cannot say, so that the schema's values alone never get past validation. Cases start
 * from them half of the time, and are then broken like the others.
 */
const EXAMPLES: Partial<Record<string, (g: Gen, world: World) => unknown>> = {
  'conferences.save-entry': (g, { fx }) => ({
    clientKey: g(fc.uuid, { version: 4 }),
    kind: rand.pick(g, ['criticism', 'conclusion', 'note']),
    subjectKind: 'member',
    subjectKey: rand.pick(g, [fx.tree.members.thuy.id, fx.tree.members.dang.id]),
    speaker: 'Đồng chí Trần Thị Lan',
    text: 'Đồng chí cần mạnh dạn hơn trong đấu tranh phê bình.',
  }),
  'complaints.resolve': (g) =>
    rand.chance(g, 0.5)
      ? { version: 1, outcome: 'dismissed', resolution: 'Kiến nghị không có căn cứ.' }
      : {
          version: 1,
          outcome: 'upheld',
          resolution: 'Chi bộ đã xem xét lại.',
          level: 'excellent',
          decisionNumber: '09-QĐ/ĐU',
          decisionDate: '2025-01-05',
          overrideReason: 'Có thành tích nổi bật',
        },
  'conferences.save-attendance': (g, { fx }) => ({
    items: [
      { memberId: fx.tree.members.thuy.id, present: true },
      { memberId: fx.tree.members.dang.id, present: rand.chance(g, 0.5), absenceReason: 'Đi công tác' },
    ],
  }),
};

/**
 * The form fields each multipart operation reads besides "file" (in its route's handler: the
 * OpenAPI document only says "a file"). An operation missing here gets all of them.
 */
const MULTIPART_FIELDS: Record<string, string[]> = {
  'members.import': ['unitId'],
  'org-units.import': ['parentId'],
  'year-facts.import': ['unitId', 'year'],
  'remediation.add-update': ['version', 'note', 'progressPct', 'status'],
  'reviews.attach': ['commentId'],
  'plans.attach': [],
  'dossiers.attach': [],
};
const ALL_MULTIPART_FIELDS = [...new Set(Object.values(MULTIPART_FIELDS).flat())];

function fieldValue(g: Gen, field: string, ids: (name: string) => readonly string[]): string {
  switch (field) {
    case 'year':
      return String(rand.int(g, 2023, 2025));
    case 'version':
      return String(rand.int(g, 1, 3));
    case 'progressPct':
      return String(rand.pick(g, [0, 50, 100]));
    case 'status':
      return rand.pick(g, ['planned', 'in_progress', 'done']);
    case 'note':
      return rand.pick(g, ['Đã hoàn thành', NFD_NAME]);
    default: {
      const pool = ids(field);
      return pool.length > 0 ? rand.pick(g, pool) : '';
    }
  }
}

function multipartForm(g: Gen, world: World, op: Operation, breakIt: boolean, ids: (name: string) => readonly string[]): FormData {
  const form = new FormData();
  const fileRoll = rand.int(g, 0, 9);
  if (fileRoll > 0) {
    // Random bytes of any size up to past the upload limit (UPLOAD_LIMIT in world.ts), or one of the
    // server's own Excel templates, whole (an import with no rows) or cut short or with bytes flipped.
    let bytes: Uint8Array<ArrayBuffer>;
    if (rand.chance(g, 0.4)) {
      const template = rand.pick(g, Object.values(world.templates));
      bytes = new Uint8Array(template);
      const damage = rand.int(g, 0, 2);
      if (damage === 1) bytes = bytes.slice(0, rand.int(g, 0, bytes.length));
      else if (damage === 2) for (let i = 0; i < 8; i++) bytes[rand.int(g, 0, bytes.length - 1)] = rand.int(g, 0, 255);
    } else {
      const size = rand.pick(g, [0, 1, 17, 512, 4096, 65_536, 300_000]);
      bytes = g(fc.uint8Array, { minLength: size, maxLength: size }) as Uint8Array<ArrayBuffer>;
      // Sometimes a zip header, so that the xlsx reader gets past its first check.
      if (size >= 4 && rand.chance(g, 0.3)) bytes.set([0x50, 0x4b, 0x03, 0x04]);
    }
    const name = rand.pick(g, [
      'tep.xlsx',
      'ke-hoach.pdf',
      '',
      oddString(g).slice(0, 300),
      '../../etc/passwd',
      'Nguyễn.docx'.normalize('NFD'),
    ]);
    const type = rand.pick(g, [
      '',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/html',
      'x/y',
    ]);
    if (fileRoll === 1) form.append('file', oddString(g));
    else form.append('file', new File([bytes], name, { type }));
  }
  for (const field of MULTIPART_FIELDS[op.operationId] ?? ALL_MULTIPART_FIELDS) {
    if (!rand.chance(g, breakIt ? 0.5 : 0.9)) continue;
    form.append(field, breakIt && rand.chance(g, 0.6) ? oddString(g) : fieldValue(g, field, ids));
  }
  return form;
}

// ── The run ────────────────────────────────────────────────────────────────────────────────────

/** Writes that may end a session, a grant or an account: the callers are checked after each. */
const RISKY = /^(auth|me|tokens|accounts)\.|^org-units\.(move|merge|update)$|^members\.(transfer|change-status)$/;

/** The fuzzer's callers, checked to still work after the risky writes and at the end. */
const STILL_ALIVE: CallerName[] = [
  'organizer',
  'admin',
  'standing',
  'office',
  'unitCommittee',
  'cellSecretary',
  'member',
  'director',
  'otherUnitCommittee',
  'organizerToken',
  'noCsrf',
  'passwordChanger',
];

/**
 * Answers that stop a request before its use case does anything: validation, routing, the session
 * and the caller's role. An operation whose every case ended so was not really fuzzed.
 */
const NOT_REACHED = new Set([
  'request.invalid',
  'request.not_found',
  'request.too_large',
  'auth.unauthenticated',
  'auth.csrf',
  'auth.password_change_required',
  'auth.forbidden',
]);

/** auth.logout ends one session per case: that many are made aside. */
const LOGOUT_RUNS = runsFor(OPERATIONS.find((o) => o.operationId === 'auth.logout')!);

describeEachDialect('fuzzing every operation of the API', (dialect) => {
  let world: World;
  let cases = 0;
  const reached = new Set<string>();
  /** Per operation, how often each answer came (status and code): shown for an operation never reached. */
  const answers = new Map<string, Map<string, number>>();
  const statuses = new Map<number, number>();
  let started = 0;

  async function brokenCallers(): Promise<string[]> {
    const answers = await Promise.all(STILL_ALIVE.map((name) => send(world.app, world.callers[name], 'GET', '/api/me', { kind: 'none' })));
    return STILL_ALIVE.flatMap((name, i) => (answers[i].status === 200 ? [] : [`${name}: ${answers[i].status} ${answers[i].text}`]));
  }

  beforeAll(async () => {
    world = await buildWorld(dialect, LOGOUT_RUNS);
    started = Date.now();
  }, 120_000);

  afterAll(async () => {
    const spread = [...statuses].sort(([x], [y]) => x - y).map(([s, n]) => `${s}×${n}`);
    console.log(
      `[fuzz ${dialect}] ${cases} requests over ${OPERATIONS.length - Object.keys(EXCLUDED).length} operations ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}; ${spread.join(', ')})`,
    );
    if (process.env.FUZZ_REPORT) {
      for (const [id, tally] of answers) console.log(`[fuzz answers] ${id}: ${[...tally].map(([k, n]) => `${k}×${n}`).join(', ')}`);
    }
    await world?.close();
  });

  it('walks the document the server serves', async () => {
    const served = await send(world.app, ANONYMOUS, 'GET', '/api/openapi.json', { kind: 'none' });
    expect(served.status).toBe(200);
    expect(served.json).toEqual(JSON.parse(JSON.stringify(DOCUMENT)));
    expect(OPERATIONS.length).toBeGreaterThan(100);
    for (const id of Object.keys(EXCLUDED)) expect(OPERATIONS.map((o) => o.operationId)).toContain(id);
  });

  it('sees a committed write in the fingerprint, and neither a rolled-back one nor a session kept alive', async () => {
    const db = world.ctx.db;
    const start = await world.fingerprint();
    await db
      .transaction()
      .execute(async (tx) => {
        await tx.updateTable('org_units').set({ note: 'tạm' }).where('code', '=', 'FZ.C3').execute();
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await db.updateTable('sessions').set({ last_seen_at: new Date().toISOString() }).execute();
    expect(await world.fingerprint()).toBe(start);
    await db.updateTable('org_units').set({ note: null }).where('code', '=', 'FZ.C3').execute();
    expect(diff(start, await world.fingerprint())).toMatch(/org_units=\d+ → org_units=\d+/);
  });

  it('refuses NUL in text and a malformed upload form with 400, as the fuzzer first found them (500 on PostgreSQL)', async () => {
    const { app, callers, fx } = world;
    const start = await world.fingerprint();
    const nul = [
      await send(app, callers.organizer, 'POST', '/api/announcements', {
        kind: 'json',
        value: { unitId: fx.tree.committee.id, title: 'Lịch họp\u0000', body: 'x', publishedOn: '2024-11-20' },
      }),
      await send(app, callers.organizer, 'GET', `/api/members?q=${encodeURIComponent('Thúy\u0000')}`, { kind: 'none' }),
      await send(app, ANONYMOUS, 'POST', '/api/auth/login', { kind: 'json', value: { username: 'fuzz.login\u0000', password: 'x' } }),
    ];
    for (const r of nul) {
      expect(r.status, r.text).toBe(400);
      expect(r.json).toMatchObject({ error: { code: 'request.invalid', message: expect.stringContaining('NUL') } });
    }
    const form = await send(app, callers.organizer, 'POST', `/api/campaigns/${fx.id}/plan/attachments`, {
      kind: 'raw',
      text: '--x\r\nContent-Disposition: form-data; name="file"',
      contentType: 'multipart/form-data; boundary=x',
    });
    expect(form.status, form.text).toBe(400);
    expect(form.json).toMatchObject({ error: { code: 'request.invalid' } });
    expect(await world.fingerprint()).toBe(start);
  });

  // Reads first, with the fixture as built; then the writes, in the document's order.
  const ordered = [...OPERATIONS.filter((o) => o.method === 'GET'), ...OPERATIONS.filter((o) => o.method !== 'GET')];
  let poolsAt = '';
  describe.each(ordered.map((o) => [o.operationId, o] as const))('%s', (operationId, op) => {
    const excluded = EXCLUDED[operationId];
    (excluded ? it.skip : it)(`answers ${runsFor(op)} fuzzed requests within its contract`, async () => {
      const read = op.method === 'GET';
      const start = await world.fingerprint();
      // Rows made by the writes before this operation join the pools of real ids.
      if (start !== poolsAt) {
        await world.refreshPools();
        poolsAt = start;
      }
      let before = start;
      let runIndex = 0;
      const summaries: string[] = [];
      await fc.assert(
        fc.asyncProperty(fc.gen(), async (g) => {
          const c = makeCase(g, world, op, runIndex++);
          const a = await send(world.app, c.caller, c.method, c.url, c.body);
          cases++;
          statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
          const code = (a.json as { error?: { code?: string } } | undefined)?.error?.code;
          const key = `${a.status} ${code ?? ''} ${c.caller.name}`;
          const tally = answers.get(operationId) ?? new Map<string, number>();
          answers.set(operationId, tally.set(key, (tally.get(key) ?? 0) + 1));
          if (a.status < 300 || (code && !NOT_REACHED.has(code))) reached.add(operationId);
          summaries.push(`${a.status} ${truncate(c.summary, 160)}`);
          if (process.env.FUZZ_DEBUG && (process.env.FUZZ_DEBUG === operationId || (!c.outside && code === 'request.invalid')))
            console.log(`[fuzz debug] ${operationId}: ${c.summary}\n   → ${truncate(a.text, 500)}`);
          const problems = problemsOf(op, c, a);
          // A write is fingerprinted after every request; reads once for the batch, below.
          if (!read) {
            const after = await world.fingerprint();
            if (a.status >= 400 && a.status < 500 && !WRITES_WHEN_REFUSING[operationId] && after !== before) {
              problems.push(`từ chối (${a.status} ${code}) nhưng cơ sở dữ liệu đã thay đổi:\n${diff(before, after)}`);
            }
            before = after;
          }
          if (problems.length > 0) {
            throw new Error(
              `${operationId} [${dialect}]: ${problems.join('; ')}\n  yêu cầu: ${c.summary}\n  trả lời: ${a.status} ${truncate(a.text, 600)}`,
            );
          }
        }),
        { numRuns: runsFor(op), seed: seedOf(operationId), endOnFailure: true },
      );
      if (read) {
        // A read writes nothing at all, answered or refused (sessions' sliding expiry aside).
        const after = await world.fingerprint();
        expect(
          after === start ? '' : `${diff(start, after)}\n  sau các yêu cầu:\n  ${summaries.join('\n  ')}`,
          `${operationId} đã ghi`,
        ).toBe('');
      }
      // Writes that may end sessions, grants or accounts must not have taken the fuzzer's callers.
      if (RISKY.test(operationId)) expect(await brokenCallers(), `${operationId} left callers unable to work`).toEqual([]);
    });
  });

  it('reached the use case of every operation, not only its validation', async () => {
    const missed = OPERATIONS.filter((o) => !EXCLUDED[o.operationId] && !reached.has(o.operationId)).map(
      (o) => `${o.operationId}: ${[...(answers.get(o.operationId) ?? [])].map(([k, n]) => `${k}×${n}`).join(', ')}`,
    );
    expect(missed).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(OPERATIONS.length * 6);
    expect(await brokenCallers()).toEqual([]);
  });
});

function diff(before: string, after: string): string {
  const b = before.split('\n');
  const a = after.split('\n');
  return a
    .filter((line, i) => line !== b[i])
    .map((line) => `    ${b.find((x) => x.split('=')[0] === line.split('=')[0]) ?? '(mới)'} → ${line}`)
    .join('\n');
}
