// The world the fuzzer attacks, per dialect: the small committee with a 2024 campaign (its
// population frozen, a meeting scheduled in chi bộ 1, one held in chi bộ 2 with a tally, a member's
// review, suggestions, an announcement, an issued document, a plan attachment, a proposal, a
// published decision and a complaint about it), a second campaign without its snapshot, spare
// units, members and accounts that the destructive operations may use up, API tokens, and one
// logged-in caller per role. Also: the fingerprint of the database (a write counter per table)
// that a refused request must leave unchanged.
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { loadPrincipal } from '../../src/server/adapters/auth/principal.repository.js';
import { createSession } from '../../src/server/adapters/auth/sessions.repository.js';
import { createHttpApp } from '../../src/server/adapters/http/app.js';
import { SESSION_COOKIE } from '../../src/server/adapters/http/routes/auth.routes.js';
import type { AppContext } from '../../src/server/features/context.js';
import { createCampaign } from '../../src/server/features/campaigns/create-campaign.js';
import { contextFor } from '../../src/server/main.js';
import { makeCampaignFixture, scheduledConference, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { makeAccount, makeMember, makeSmallCommittee, makeUnit, TEST_PASSWORD } from '../support/factories.js';
import { heldConference, seedTally } from '../classification/seed.js';
import type { DialectName } from '../../src/server/adapters/db/dialect.js';

export type CallerName =
  | 'organizer'
  | 'admin'
  | 'standing'
  | 'office'
  | 'unitCommittee'
  | 'cellSecretary'
  | 'member'
  | 'director'
  | 'otherUnitCommittee'
  | 'organizerToken'
  | 'anonymous'
  | 'noCsrf'
  | 'passwordChanger';

export interface Caller {
  name: CallerName;
  username: string | null;
  cookie: string | null;
  csrf: string | null;
  bearer: string | null;
}

export type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'multipart'; form: FormData };

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
}

/** One request through every middleware of the real app (in process, no socket). */
export async function send(app: Hono, caller: Caller, method: string, path: string, body: Body): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.csrf && method !== 'GET') headers['x-csrf-token'] = caller.csrf;
  if (caller.bearer) headers.authorization = `Bearer ${caller.bearer}`;
  let payload: BodyInit | undefined;
  if (body.kind === 'json') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.value);
  } else if (body.kind === 'raw') {
    headers['content-type'] = body.contentType;
    payload = body.text;
  } else if (body.kind === 'multipart') payload = body.form;
  const raw = await app.request(path, { method, headers, body: payload });
  const contentType = raw.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await raw.arrayBuffer());
  // Downloads are checked by their media type; only text answers are read for leaks.
  const text = /json|text|html|xml|csv/.test(contentType) ? bytes.toString('utf8') : '';
  let json: unknown = undefined;
  if (contentType.includes('application/json')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: raw.status, contentType, text, json };
}

async function login(app: Hono, name: CallerName, username: string): Promise<Caller> {
  const raw = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  const body = (await raw.json()) as { csrfToken?: string };
  if (raw.status !== 200 || !body.csrfToken) throw new Error(`fuzz setup: login ${username} → ${raw.status} ${JSON.stringify(body)}`);
  const cookie = (raw.headers.get('set-cookie') ?? '').split(';')[0];
  return { name, username, cookie, csrf: body.csrfToken, bearer: null };
}

export const ANONYMOUS: Caller = { name: 'anonymous', username: null, cookie: null, csrf: null, bearer: null };

/** Names of id pools; `ids(pool)` lists the rows of the moment, in a stable order. */
export type Pool =
  | 'units'
  | 'spareUnits'
  | 'members'
  | 'spareMembers'
  | 'subjects'
  | 'accounts'
  | 'spareAccounts'
  | 'grants'
  | 'spareGrants'
  | 'tokens'
  | 'campaigns'
  | 'conferences'
  | 'suggestions'
  | 'attachments'
  | 'documents'
  | 'announcements'
  | 'notifications'
  | 'jobs'
  | 'decisions'
  | 'complaints'
  | 'items'
  | 'shortcomings'
  | 'ruleSets'
  | 'comments'
  | 'all';

export interface World {
  dialect: DialectName;
  db: TestDatabase;
  ctx: AppContext;
  app: Hono;
  fx: CampaignFixture;
  callers: Record<CallerName, Caller>;
  /** The server's own Excel templates, as files for the imports. */
  templates: Record<string, Uint8Array>;
  /** Sessions kept aside for auth.logout, one used per case. */
  spareSessions: Caller[];
  pools: Record<Pool, string[]>;
  refreshPools(): Promise<void>;
  fingerprint(): Promise<string>;
  close(): Promise<void>;
}

const SPARE_PREFIX = 'fuzz.spare';
export const UPLOAD_LIMIT = 256 * 1024;

export async function buildWorld(dialect: DialectName, spareSessionCount: number): Promise<World> {
  const db = await migratedDatabase(dialect);
  // A small upload limit, so that files and bodies past it cost little to send.
  const ctx = contextFor(db.handle, { maxUploadBytes: UPLOAD_LIMIT });
  const app = createHttpApp(ctx, { webRoot: null });

  // ── Data ───────────────────────────────────────────────────────────────────────────────────
  const tree = await makeSmallCommittee(ctx.db);
  // Spare units and members: the operations that move, merge, transfer or end them use only these.
  const spareParty = await makeUnit(ctx.db, {
    parent: tree.committee,
    kind: 'grassroots_party',
    code: 'FZ',
    name: 'Đảng bộ Cơ quan Thử nghiệm',
    sector: 'agency',
  });
  const spareCells = [
    await makeUnit(ctx.db, { parent: spareParty, kind: 'cell', code: 'FZ.C1', name: 'Chi bộ Thử nghiệm 1', sector: 'agency' }),
    await makeUnit(ctx.db, { parent: spareParty, kind: 'cell', code: 'FZ.C2', name: 'Chi bộ Thử nghiệm 2', sector: 'agency' }),
    await makeUnit(ctx.db, { parent: spareParty, kind: 'cell', code: 'FZ.C3', name: 'Chi bộ Thử nghiệm 3', sector: 'agency' }),
  ];
  const spareMembers: { id: string }[] = [];
  for (const [i, name] of ['Vũ Văn Dự', 'Hồ Thị Phòng', 'Lý Văn Thử', 'Mai Thị Nghiệm'].entries()) {
    spareMembers.push(await makeMember(ctx.db, spareCells[i % 3], name, { gender: i % 2 ? 'female' : 'male' }));
  }
  const fx = await makeCampaignFixture(ctx, { tree });
  const organizerPrincipal = await loadPrincipal(ctx.db, tree.accounts.organizer.id);
  // A second campaign, its population not frozen (campaign.no_snapshot paths).
  await createCampaign(ctx, organizerPrincipal, { ownerUnitId: tree.committee.id, reviewYear: 2025, config: {}, milestones: [] });
  await scheduledConference(ctx, fx, tree.cellA);
  const heldB = await heldConference(ctx, fx, tree.cellB);
  await seedTally(ctx, fx, heldB, tree.cellB, tree.members.lan.id, 'good');
  for (let i = 1; i <= 3; i++) {
    await makeAccount(ctx.db, { username: `${SPARE_PREFIX}${i}`, grants: [{ role: 'office', unit: spareParty }] });
  }
  await makeAccount(ctx.db, { username: 'fuzz.password', grants: [{ role: 'member', unit: tree.cellA }] });
  await makeAccount(ctx.db, { username: 'fuzz.login' });

  // ── Callers ────────────────────────────────────────────────────────────────────────────────
  const a = fx.accounts;
  const organizer = await login(app, 'organizer', a.organizer.username);
  const callers: Record<CallerName, Caller> = {
    organizer,
    admin: await login(app, 'admin', a.admin.username),
    standing: await login(app, 'standing', a.standing.username),
    office: await login(app, 'office', a.office.username),
    unitCommittee: await login(app, 'unitCommittee', a.unitCommittee.username),
    cellSecretary: await login(app, 'cellSecretary', a.cellSecretaryA.username),
    member: await login(app, 'member', a.member.username),
    director: await login(app, 'director', a.director.username),
    // The school's unit committee: outside the ward's subtree, where most of the data lives.
    otherUnitCommittee: await login(app, 'otherUnitCommittee', a.schoolCommittee.username),
    organizerToken: { name: 'organizerToken', username: a.organizer.username, cookie: null, csrf: null, bearer: null },
    anonymous: ANONYMOUS,
    noCsrf: { ...(await login(app, 'noCsrf', a.organizer.username)), name: 'noCsrf', csrf: null },
    passwordChanger: await login(app, 'passwordChanger', 'fuzz.password'),
  };
  // auth.logout ends sessions (all of an account's with `everywhere`): each case gets its own,
  // of its own account, made straight in the table (no password hashing).
  const spareSessions: Caller[] = [];
  for (let i = 0; i < spareSessionCount; i++) {
    const account = await makeAccount(ctx.db, { username: `fuzz.logout${i}`, grants: [{ role: 'member', unit: tree.cellB }] });
    const s = await createSession(ctx.db, account.id, ctx.clock.nowMs(), ctx.config.sessionIdleMinutes, null);
    spareSessions.push({
      name: 'member',
      username: account.username,
      cookie: `${SESSION_COOKIE}=${s.token}`,
      csrf: s.csrfToken,
      bearer: null,
    });
  }

  // ── Rows made through the API, as users make them ──────────────────────────────────────────
  const ok = async (caller: Caller, method: string, path: string, body: unknown): Promise<any> => {
    const r = await send(
      app,
      caller,
      method,
      path,
      body instanceof FormData ? { kind: 'multipart', form: body } : { kind: 'json', value: body },
    );
    if (r.status !== 200) throw new Error(`fuzz setup: ${method} ${path} → ${r.status} ${r.text.slice(0, 400)}`);
    return r.json;
  };
  const token = await ok(organizer, 'POST', '/api/me/tokens', { name: 'Kịch bản thử nghiệm' });
  callers.organizerToken.bearer = token.token;
  // Two more tokens of the organizer that tokens.revoke may take (never the one the fuzzer uses).
  await ok(organizer, 'POST', '/api/me/tokens', { name: 'Dự phòng 1' });
  await ok(organizer, 'POST', '/api/me/tokens', { name: 'Dự phòng 2' });
  const c = `/api/campaigns/${fx.id}`;
  await ok(organizer, 'POST', `${c}/suggestions`, {
    target: { kind: 'unit', unitId: tree.ward.id },
    items: ['Làm rõ trách nhiệm trong công tác giải phóng mặt bằng'],
  });
  await ok(organizer, 'POST', `${c}/suggestions`, {
    target: { kind: 'member', memberId: tree.members.thuy.id },
    items: ['Giải trình việc chậm nộp báo cáo'],
  });
  await ok(organizer, 'POST', '/api/announcements', {
    unitId: tree.committee.id,
    title: 'Lịch hội nghị kiểm điểm năm 2024',
    body: 'Các chi bộ hoàn thành hội nghị trước ngày 20/12/2024.',
    publishedOn: '2024-11-20',
  });
  await ok(organizer, 'POST', '/api/documents', { kind: 'campaign_plan', campaignId: fx.id });
  const plan = new FormData();
  plan.append('file', new File([new TextEncoder().encode('%PDF-1.4 kế hoạch')], 'ke-hoach.pdf', { type: 'application/pdf' }));
  await ok(organizer, 'POST', `${c}/plan/attachments`, plan);
  const member = callers.member;
  await ok(member, 'PUT', `${c}/reviews/member/${tree.members.thuy.id}`, {
    version: 0,
    content: {
      shortcomings: [{ key: 'h1', text: 'Còn ngại va chạm', causeKind: 'subjective', cause: 'Chưa mạnh dạn' }],
      selfLevel: 'good',
    },
  });
  await ok(callers.unitCommittee, 'POST', `${c}/classification/proposals`, {
    unitId: tree.cellB.id,
    items: [{ subjectKind: 'member', subjectKey: tree.members.lan.id, version: 0 }],
  });
  const decision = await ok(callers.unitCommittee, 'POST', `${c}/decisions`, {
    unitId: tree.cellB.id,
    number: '07-QĐ/ĐU',
    date: '2024-12-20',
    items: [{ subjectKind: 'member', subjectKey: tree.members.lan.id, level: 'good', version: 1 }],
  });

  await ok(callers.unitCommittee, 'POST', `${c}/decisions/${decision.id}/publish`, { version: decision.version });
  // Lan files a complaint about her own published level (only the subject may: QĐ 366 Điều 13).
  await makeAccount(ctx.db, { username: 'dangvien.lan', memberId: tree.members.lan.id, grants: [{ role: 'member', unit: tree.cellB }] });
  await ok(await login(app, 'member', 'dangvien.lan'), 'POST', `${c}/complaints`, {
    subjectKind: 'member',
    subjectKey: tree.members.lan.id,
    text: 'Đề nghị xem xét lại mức xếp loại của đồng chí Lan.',
  });

  const templates: Record<string, Uint8Array> = {};
  for (const path of ['/api/imports/members/template', '/api/imports/org-units/template', '/api/year-facts/template']) {
    const raw = await app.request(path, { headers: { cookie: callers.unitCommittee.cookie! } });
    if (raw.status !== 200) throw new Error(`fuzz setup: GET ${path} → ${raw.status}`);
    templates[path] = new Uint8Array(await raw.arrayBuffer());
  }

  // ── Pools ──────────────────────────────────────────────────────────────────────────────────
  const pools = {} as Record<Pool, string[]>;
  const idsOf = async (table: string, order: string, where = 'true'): Promise<string[]> => {
    const r = await sql<{ id: string }>`select id from ${sql.table(table)} where ${sql.raw(where)} order by ${sql.raw(order)}`.execute(
      ctx.db,
    );
    return r.rows.map((x) => String(x.id));
  };
  const bearerTokenId = token.id as string;
  async function refreshPools(): Promise<void> {
    pools.units = await idsOf('org_units', 'code, id');
    pools.spareUnits = await idsOf('org_units', 'code, id', `code like 'FZ%'`);
    pools.members = await idsOf('members', 'card_number, id');
    pools.spareMembers = spareMembers.map((m) => m.id);
    pools.subjects = [...pools.members, ...pools.units];
    pools.accounts = await idsOf('accounts', 'username, id');
    pools.spareAccounts = await idsOf('accounts', 'username, id', `username like '${SPARE_PREFIX}%'`);
    // Grants made by the factories share one timestamp: ordered by holder, role and unit instead.
    const grantOrder =
      'created_at, (select username from accounts a where a.id = account_id), role, (select code from org_units u where u.id = unit_id), id';
    pools.grants = await idsOf('role_grants', grantOrder);
    pools.spareGrants = await idsOf(
      'role_grants',
      grantOrder,
      `account_id in (select id from accounts where username like '${SPARE_PREFIX}%')`,
    );
    pools.tokens = (await idsOf('api_tokens', 'created_at, id')).filter((t) => t !== bearerTokenId);
    pools.campaigns = await idsOf('campaigns', 'review_year, id');
    pools.conferences = await idsOf('conferences', 'created_at, id');
    pools.suggestions = await idsOf('suggestions', 'created_at, id');
    pools.attachments = await idsOf('attachments', 'created_at, id');
    pools.documents = await idsOf('documents', 'created_at, id');
    pools.announcements = await idsOf('announcements', 'created_at, id');
    pools.notifications = await idsOf('notifications', 'created_at, id');
    pools.jobs = await idsOf('jobs', 'created_at, id');
    pools.decisions = await idsOf('decisions', 'created_at, id');
    pools.complaints = await idsOf('complaints', 'created_at, id');
    pools.items = [...(await idsOf('remediation_items', 'created_at, id')), ...(await idsOf('suggestion_items', 'position, id'))];
    pools.shortcomings = await idsOf('shortcomings', 'created_at, id');
    pools.comments = await idsOf('review_comments', 'created_at, id');
    const ruleSets = await send(app, organizer, 'GET', '/api/rule-sets', { kind: 'none' });
    pools.ruleSets = ((ruleSets.json as { items?: { id: string }[] }).items ?? []).map((r) => r.id);
    pools.all = [...new Set(Object.values(pools).flat())];
  }
  await refreshPools();

  // ── Fingerprint ────────────────────────────────────────────────────────────────────────────
  await installChangeCounters(ctx, dialect);
  return {
    dialect,
    db,
    ctx,
    app,
    fx,
    callers,
    templates,
    spareSessions,
    pools,
    refreshPools,
    async fingerprint() {
      const r = await sql<{ table_name: string; n: number }>`select table_name, n from fuzz_changes order by table_name`.execute(ctx.db);
      return r.rows.map((row) => `${row.table_name}=${row.n}`).join('\n');
    },
    async close() {
      await db.drop();
    },
  };
}

/**
 * Every write of the app to any table bumps that table's counter in `fuzz_changes`, through a row
 * trigger added to this test database only. Triggers run inside the writing transaction, so a
 * refused request whose transaction rolled back leaves the counters as they were, and one that
 * wrote anything (even a row inserted then deleted) moves them. Left out, because reading writes
 * them by design: the sliding expiry of sessions (last_seen_at, expires_at) and the last use of an
 * API token (last_used_at).
 */
async function installChangeCounters(ctx: AppContext, dialect: DialectName): Promise<void> {
  const columns =
    dialect === 'sqlite'
      ? (
          await sql<{ table_name: string; column_name: string }>`
            select m.name as table_name, p.name as column_name
            from sqlite_master m join pragma_table_info(m.name) p
            where m.type = 'table' and m.name not like 'sqlite_%'
            order by m.name, p.cid`.execute(ctx.db)
        ).rows
      : (
          await sql<{ table_name: string; column_name: string }>`
            select table_name, column_name from information_schema.columns
            where table_schema = current_schema()
            order by table_name, ordinal_position`.execute(ctx.db)
        ).rows;
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  const notWrites = new Set(['sessions.last_seen_at', 'sessions.expires_at', 'api_tokens.last_used_at']);
  const run = (text: string) => sql.raw(text).execute(ctx.db);
  await run('create table fuzz_changes (table_name text primary key, n integer not null)');
  if (dialect === 'postgres') {
    await run(`create function fuzz_bump() returns trigger language plpgsql as $$
      begin update fuzz_changes set n = n + 1 where table_name = TG_TABLE_NAME; return null; end $$`);
  }
  for (const [table, cols] of byTable) {
    await run(`insert into fuzz_changes (table_name, n) values ('${table}', 0)`);
    const watched = cols.filter((c) => !notWrites.has(`${table}.${c}`));
    const updateOf = watched.length < cols.length ? `update of ${watched.map((c) => `"${c}"`).join(', ')}` : 'update';
    if (dialect === 'postgres') {
      await run(`create trigger fuzz_bump after insert or ${updateOf} or delete on "${table}" for each row execute function fuzz_bump()`);
    } else {
      for (const [name, event] of [
        ['ins', 'insert'],
        ['upd', updateOf],
        ['del', 'delete'],
      ]) {
        await run(
          `create trigger "fuzz_${name}_${table}" after ${event} on "${table}" begin update fuzz_changes set n = n + 1 where table_name = '${table}'; end`,
        );
      }
    }
  }
}
