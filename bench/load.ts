// The season's load (issue 6 item 7), run by `npm run bench` (and alone with `--only load`): on the
// province dataset, against a real server process on loopback, an OPEN-LOOP arrival process — requests
// leave on a fixed schedule at the target rate whatever the server answers, and each latency is
// measured from the request's scheduled time, so a slow server cannot hide its slowness by slowing
// the generator down (coordinated omission) — from 200 users of the province with API tokens:
//
//   - 15 of the province committee (Ban Tổ chức, Văn phòng, Thường trực, the administrator),
//   - 15 of the district-level committees (their Ban Tổ chức and Văn phòng),
//   - 30 grassroots unit committees (cấp ủy cơ sở),
//   - 40 chi bộ secretaries, 12 of whom hold their review meeting now (started, everyone present,
//     every agenda item reached) and type its vote tallies,
//   - 100 members, 99 of whom write their own review.
//
// 80 % reads — the campaign cockpit with its filters, member lists and name search, unit lists,
// opening reviews, a unit's review progress, "my reviews", the meeting page — and 20 % writes: a member
// saving their own review draft at the version they read (70 % of the writes) and a secretary saving
// a vote tally of their meeting (30 %). Each subject has one writer, so a conflict (409) can only be
// the generator's own doing: a write whose previous save of the same subject has not been answered yet
// waits for that answer, as the browser's autosave does, and its wait counts in its latency (a 409
// can still follow a save given up at 30 s, which the server may make after the version was read
// again). Every phase starts with the versions read again. Any 5xx, network error or 4xx — 409
// included — is an error.
//
// The season: 300 requests per second for 2 minutes (after a 10-second warm-up at 100/s, not counted).
// Then a ramp of 20-second steps (100, 200, 300, 450, 600, 800, 1000, …) until p99 reaches 1 s or an
// error appears; the highest step sustained with p99 < 1 s, no error and ≥ 95 % of the offered rate
// answered is `load.ramp.max-rate`. A request unanswered 30 s after its scheduled time is given up and
// counted as an error. Each phase starts once the server is idle again. On SQLite every error line of
// the server is read for "database is locked" (SQLITE_BUSY), and so is every error body.
//
// The generator runs in this process on the same 2 cores as the server (and PostgreSQL): its schedule
// lag (scheduled → actual send) and the CPU time per request of the server, PostgreSQL's backends and
// the generator are printed for every phase, with the machine's load average before and after.
//
// The setup uses the use cases, as the other metrics do: accounts (createAccount, grantRole, as the
// province administrator; reused by username on later runs) and the meetings (startConference,
// saveAttendance, completeAgendaItem, as their secretary). Tokens are written into the database.
import fs from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import type { DatabaseConfig, DialectName } from '../src/server/adapters/db/dialect.js';
import { loadPrincipal } from '../src/server/adapters/auth/principal.repository.js';
import { openContext } from '../src/server/main.js';
import { Rng } from '../src/server/features/demo/random.js';
import { createApiToken } from '../src/server/features/accounts/create-api-token.js';
import type { AppContext } from '../src/server/features/context.js';
import { createAccount } from '../src/server/features/accounts/create-account.js';
import { grantRole } from '../src/server/features/accounts/grant-role.js';
import { completeAgendaItem } from '../src/server/features/conferences/complete-agenda-item.js';
import { getConference } from '../src/server/features/conferences/get-conference.js';
import { saveAttendance } from '../src/server/features/conferences/save-attendance.js';
import { startConference } from '../src/server/features/conferences/start-conference.js';
import { getReview } from '../src/server/features/reviews/get-review.js';
import type { ConferenceView } from '../src/shared/contracts/conferences.js';
import type { Role } from '../src/shared/vocabulary.js';
import { foldForSearch } from '../src/shared/text.js';

export interface LoadServer {
  port: number;
  child: { pid?: number };
  memory(): { rss: number; peak: number };
  stop(): Promise<void>;
}

/** What bench/run.ts lends the load run. */
export interface LoadKit {
  record(metric: string, dialect: DialectName, value: number, unit: string, target: string): void;
  /** A `tusoi serve` process on the database; `onStderr` sees what it writes to stderr. */
  startServer(config: DatabaseConfig, onStderr: (text: string) => void): Promise<LoadServer>;
  dry: boolean;
}

const OPEN_YEAR = 2026;
const BENCH_PASSWORD = 'Dotai-2026-bench';

// ── The scenario's shape ─────────────────────────────────────────────────────────────────────────

const READ_KINDS = [
  'cockpit',
  'members.list',
  'members.search',
  'org-units.list',
  'reviews.open',
  'reviews.unit-list',
  'reviews.mine',
  'conferences.get',
] as const;
const WRITE_KINDS = ['reviews.save', 'votes.save'] as const;
type ReadKind = (typeof READ_KINDS)[number];
type WriteKind = (typeof WRITE_KINDS)[number];
type Kind = ReadKind | WriteKind;
const KINDS: readonly Kind[] = [...READ_KINDS, ...WRITE_KINDS];

/** Out of 100 requests: 80 reads, 20 writes. */
const WEIGHTS: Record<Kind, number> = {
  cockpit: 18,
  'members.list': 14,
  'members.search': 14,
  'org-units.list': 8,
  'reviews.open': 16,
  'reviews.unit-list': 4,
  'reviews.mine': 4,
  'conferences.get': 2,
  'reviews.save': 14,
  'votes.save': 6,
};

type Group = 'province' | 'district' | 'committee' | 'secretary' | 'member';

interface Plan {
  season: { rate: number; seconds: number };
  warmup: { rate: number; seconds: number };
  ramp: { rates: number[]; seconds: number };
  users: Record<Group, number>;
  conferences: number;
}

const FULL: Plan = {
  season: { rate: 300, seconds: 120 },
  warmup: { rate: 100, seconds: 10 },
  // From below the season's rate, so that a machine that cannot hold 300/s still shows what it holds.
  ramp: { rates: [100, 200, 300, 450, 600, 800, 1000, 1250, 1500, 2000], seconds: 20 },
  users: { province: 15, district: 15, committee: 30, secretary: 40, member: 100 },
  conferences: 12,
};
/** `--dry`: the same paths on the small province, in seconds rather than minutes. */
const DRY: Plan = {
  season: { rate: 300, seconds: 10 },
  warmup: { rate: 100, seconds: 2 },
  ramp: { rates: [300, 600], seconds: 4 },
  users: { province: 15, district: 15, committee: 30, secretary: 40, member: 100 },
  conferences: 12,
};

interface LoadUser {
  username: string;
  group: Group;
  headers: Record<string, string>;
  reads: Partial<Record<ReadKind, string[]>>;
  cursor: Partial<Record<ReadKind, number>>;
}

/** One review or one member's tally, written by one user only, at the version last saved. */
interface WriteSubject {
  kind: WriteKind;
  user: LoadUser;
  path: string;
  /** The body for a version: precomputed text around the version number. */
  body(version: number | null, n: number): string;
  version: number | null;
  /** Where to read the version again after a failed save. */
  reread: { path: string; version(body: string): number | null };
  saves: number;
  inFlight: boolean;
  /** Scheduled times of saves waiting for the previous one of this subject. */
  waiting: { scheduledAt: number; phase: Phase }[];
}

// ── Setup: accounts, tokens, meetings, paths ────────────────────────────────────────────────────

interface MemberRow {
  memberId: string;
  unitId: string;
  unitPath: string;
  homeUnitId: string;
  classified: boolean;
  status: string;
  fullName: string;
  givenName: string;
}

/** Every k-th of `rows` (deterministic, spread over the list). */
function spread<T>(rows: T[], n: number): T[] {
  if (rows.length <= n) return [...rows];
  return Array.from({ length: n }, (_, i) => rows[Math.floor(((i + 0.5) * rows.length) / n)]);
}

function within(path: string, scope: string): boolean {
  return path.startsWith(scope);
}

interface AccountSpec {
  username: string;
  displayName: string;
  memberId: string | null;
  grants: { role: Role; unitId: string }[];
}

/** The account by its username, made through the use cases (as the province administrator) the first time. */
async function ensureAccount(ctx: AppContext, adminId: string, spec: AccountSpec): Promise<string> {
  const found = await ctx.db.selectFrom('accounts').select('id').where('username', '=', spec.username).executeTakeFirst();
  if (found) return found.id;
  const admin = await loadPrincipal(ctx.db, adminId);
  const account = await createAccount(ctx, admin, {
    username: spec.username,
    displayName: spec.displayName,
    password: BENCH_PASSWORD,
    memberId: spec.memberId,
    mustChangePassword: false,
  });
  for (const g of spec.grants) await grantRole(ctx, admin, account.id, { role: g.role, unitId: g.unitId });
  return account.id;
}

/** A token per user, through the use case of "Tài khoản của tôi" (audited as made by nobody: the bench). */
async function issueToken(ctx: AppContext, accountId: string): Promise<string> {
  return (await createApiToken(ctx, { accountId, name: 'bench-load', actorId: null })).token;
}

interface Scenario {
  users: LoadUser[];
  subjects: Record<WriteKind, WriteSubject[]>;
  /** Accounts by group and role, for the report. */
  census: string;
}

async function buildScenario(config: DatabaseConfig, plan: Plan): Promise<Scenario> {
  const ctx = await openContext(config);
  try {
    const campaign = await ctx.db
      .selectFrom('campaigns')
      .select(['id', 'owner_path'])
      .where('review_year', '=', OPEN_YEAR)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const cid = campaign.id;
    const root = await ctx.db.selectFrom('org_units').select(['id', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const adminId = (await ctx.db.selectFrom('accounts').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;

    const units = await ctx.db
      .selectFrom('campaign_units as cu')
      .innerJoin('org_units as o', 'o.id', 'cu.unit_id')
      .select(['o.id', 'o.path', 'o.kind', 'o.name', 'cu.stage'])
      .where('cu.campaign_id', '=', cid)
      .orderBy('o.id')
      .execute();
    const members: MemberRow[] = (
      await ctx.db
        .selectFrom('campaign_members as cm')
        .innerJoin('members as m', 'm.id', 'cm.member_id')
        .select([
          'cm.member_id',
          'cm.unit_id',
          'cm.unit_path',
          'cm.classified',
          'm.unit_id as home_unit_id',
          'm.status',
          'm.full_name',
          'm.given_name',
        ])
        .where('cm.campaign_id', '=', cid)
        .where('cm.included', '=', 1)
        .orderBy('cm.member_id')
        .execute()
    ).map((r) => ({
      memberId: r.member_id,
      unitId: r.unit_id,
      unitPath: r.unit_path,
      homeUnitId: r.home_unit_id,
      classified: r.classified === 1,
      status: r.status,
      fullName: r.full_name,
      givenName: r.given_name,
    }));
    const reviewStatus = new Map(
      (
        await ctx.db
          .selectFrom('reviews')
          .select(['subject_key', 'status', 'version'])
          .where('campaign_id', '=', cid)
          .where('subject_kind', '=', 'member')
          .execute()
      ).map((r) => [r.subject_key, r.version > 0 ? r.status : 'draft']),
    );
    // Members whose account is someone else's than the bench's: never given a bench account.
    const taken = new Set(
      (await ctx.db.selectFrom('accounts').select(['member_id', 'username']).where('member_id', 'is not', null).execute())
        .filter((a) => !a.username.startsWith('bench.'))
        .map((a) => a.member_id!),
    );
    const used = new Set<string>();
    const membersByCell = new Map<string, MemberRow[]>();
    for (const m of members) {
      const list = membersByCell.get(m.unitId) ?? [];
      list.push(m);
      membersByCell.set(m.unitId, list);
    }
    const freeMemberIn = (scopePath: string, cellId?: string): MemberRow | undefined => {
      const pool = cellId ? (membersByCell.get(cellId) ?? []) : members.filter((m) => within(m.unitPath, scopePath));
      const m = pool.find((x) => x.status === 'active' && x.homeUnitId === x.unitId && !taken.has(x.memberId) && !used.has(x.memberId));
      if (m) used.add(m.memberId);
      return m;
    };
    const cells = units.filter((u) => u.kind === 'cell' || u.kind === 'grassroots_cell');
    const cellIds = new Set(cells.map((c) => c.id));

    // Accounts: the demo's own, then the bench's (bench.*), made once per dataset.
    const specs: (AccountSpec & { group: Group })[] = [];
    const existing = [
      'bantochuc',
      'vanphong',
      'bithu',
      'thuongtruc',
      'chidao',
      'btv.02',
      'admin',
      'capuy.namha',
      'bithu.chibo',
      'dangvien',
    ];
    const demoAccounts = await ctx.db.selectFrom('accounts').select('username').where('username', 'in', existing).execute();
    const demoGroup: Record<string, Group> = { 'capuy.namha': 'committee', 'bithu.chibo': 'secretary', dangvien: 'member' };
    const demo = existing.filter((u) => demoAccounts.some((a) => a.username === u));
    const count = (g: Group) => demo.filter((u) => (demoGroup[u] ?? 'province') === g).length;

    for (let i = 1; specs.length < plan.users.province - count('province'); i++) {
      const organizer = i % 2 === 1;
      specs.push({
        group: 'province',
        username: `bench.tinh.${String(i).padStart(2, '0')}`,
        displayName: `${organizer ? 'Chuyên viên Ban Tổ chức' : 'Chuyên viên Văn phòng'} Tỉnh ủy (đo tải ${i})`,
        memberId: null,
        grants: [{ role: organizer ? 'organizer' : 'office', unitId: root.id }],
      });
    }
    // The whole tree (the campaign holds only the grassroots units and chi bộ): district committees, parents to list.
    const tree = await ctx.db
      .selectFrom('org_units')
      .select(['id', 'path', 'kind', 'name', 'parent_id'])
      .where('valid_to', 'is', null)
      .orderBy('id')
      .execute();
    const districts = tree.filter((u) => u.kind === 'committee' && u.parent_id === root.id);
    spread(districts, plan.users.district).forEach((d, i) => {
      const organizer = i % 2 === 0;
      specs.push({
        group: 'district',
        username: `bench.huyen.${String(i + 1).padStart(2, '0')}`,
        displayName: `${organizer ? 'Ban Tổ chức' : 'Văn phòng'} ${d.name} (đo tải)`,
        memberId: null,
        grants: [{ role: organizer ? 'organizer' : 'office', unitId: d.id }],
      });
    });
    const grassroots = units.filter((u) => u.kind === 'grassroots_party');
    spread(grassroots, plan.users.committee - count('committee')).forEach((g, i) => {
      const m = freeMemberIn(g.path);
      specs.push({
        group: 'committee',
        username: `bench.capuy.${String(i + 1).padStart(2, '0')}`,
        displayName: m?.fullName ?? `Cấp ủy ${g.name}`,
        memberId: m?.memberId ?? null,
        grants: [{ role: 'unit_committee', unitId: g.id }, ...(m ? [{ role: 'member' as Role, unitId: m.homeUnitId }] : [])],
      });
    });

    // The meetings held during the load: chi bộ whose conference is scheduled (or held by an earlier
    // run), with at least six members classified this year.
    const conferences = await ctx.db
      .selectFrom('conferences')
      .select(['id', 'unit_id', 'status'])
      .where('campaign_id', '=', cid)
      .where('status', 'in', ['scheduled', 'in_progress'])
      .orderBy('unit_id')
      .execute();
    const held = spread(
      conferences.filter((c) => cellIds.has(c.unit_id) && (membersByCell.get(c.unit_id) ?? []).filter((m) => m.classified).length >= 6),
      plan.conferences,
    );
    const heldCells = new Set(held.map((c) => c.unit_id));
    const secretaryCells = [
      ...held.map((c) => c.unit_id),
      ...spread(
        cells.filter((c) => !heldCells.has(c.id) && (membersByCell.get(c.id)?.length ?? 0) >= 3),
        plan.users.secretary - count('secretary') - held.length,
      ).map((c) => c.id),
    ];
    const cellById = new Map(cells.map((c) => [c.id, c]));
    secretaryCells.forEach((cellId, i) => {
      const cell = cellById.get(cellId)!;
      const m = freeMemberIn(cell.path, cellId);
      specs.push({
        group: 'secretary',
        username: `bench.bithu.${String(i + 1).padStart(2, '0')}`,
        displayName: m?.fullName ?? `Bí thư ${cell.name}`,
        memberId: m?.memberId ?? null,
        grants: [{ role: 'cell_secretary', unitId: cellId }, ...(m ? [{ role: 'member' as Role, unitId: cellId }] : [])],
      });
    });
    // The writers: members whose own review is still a draft (or not begun), spread over the province.
    const writers = spread(
      members.filter(
        (m) =>
          m.status === 'active' &&
          m.homeUnitId === m.unitId &&
          !taken.has(m.memberId) &&
          !used.has(m.memberId) &&
          !heldCells.has(m.unitId) &&
          (reviewStatus.get(m.memberId) ?? 'draft') === 'draft',
      ),
      plan.users.member - count('member'),
    );
    writers.forEach((m, i) => {
      used.add(m.memberId);
      specs.push({
        group: 'member',
        username: `bench.dv.${String(i + 1).padStart(3, '0')}`,
        displayName: m.fullName,
        memberId: m.memberId,
        grants: [{ role: 'member', unitId: m.unitId }],
      });
    });

    const t0 = performance.now();
    const accountIds = new Map<string, string>();
    for (const u of demo) {
      accountIds.set(u, (await ctx.db.selectFrom('accounts').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id);
    }
    let made = 0;
    for (const s of specs) {
      const before = await ctx.db.selectFrom('accounts').select('id').where('username', '=', s.username).executeTakeFirst();
      accountIds.set(s.username, await ensureAccount(ctx, adminId, s));
      if (!before) made++;
    }
    console.log(`  (tài khoản: ${made} mới, ${accountIds.size - made} có sẵn; ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    // Each account as the server will see it: its grants and member.
    const groups = new Map<string, Group>([
      ...demo.map((u): [string, Group] => [u, demoGroup[u] ?? 'province']),
      ...specs.map((s): [string, Group] => [s.username, s.group]),
    ]);
    const principals = new Map<string, Awaited<ReturnType<typeof loadPrincipal>>>();
    for (const [username, id] of accountIds) principals.set(username, await loadPrincipal(ctx.db, id));

    // The meetings: started, everyone present, every agenda item done, so that every member of the
    // chi bộ may be voted on (an item is votable once reached).
    const meetings: { secretary: string; view: ConferenceView }[] = [];
    for (const [i, c] of held.entries()) {
      const secretary = `bench.bithu.${String(i + 1).padStart(2, '0')}`;
      const caller = principals.get(secretary)!;
      let view = await getConference(ctx, caller, c.id);
      if (view.status === 'scheduled') view = await startConference(ctx, caller, c.id, { version: view.version });
      if (view.attendance.some((a) => a.present !== true)) {
        view = await saveAttendance(ctx, caller, c.id, {
          items: view.attendance.map((a) => ({ memberId: a.memberId, present: true, absenceReason: null })),
        });
      }
      for (const item of view.agenda) if (item.status !== 'done') view = await completeAgendaItem(ctx, caller, c.id, { itemId: item.id });
      meetings.push({ secretary, view });
    }

    // Tokens and the paths each user reads.
    const users: LoadUser[] = [];
    const byName = new Map<string, LoadUser>();
    for (const [username, id] of accountIds) {
      const token = await issueToken(ctx, id);
      const u: LoadUser = { username, group: groups.get(username)!, headers: { authorization: `Bearer ${token}` }, reads: {}, cursor: {} };
      users.push(u);
      byName.set(username, u);
    }
    const sectorRows = await ctx.db
      .selectFrom('org_units')
      .select('sector')
      .distinct()
      .where('kind', 'in', ['grassroots_party', 'grassroots_cell'])
      .where('sector', 'is not', null)
      .execute();
    const cockpitBase = `/api/campaigns/${cid}/cockpit`;
    const cockpitVariants = cockpitFilters(
      sectorRows.map((s) => s.sector!),
      { grassroots: 3, all: 20 },
    );
    const reviewPath = (memberId: string) => `/api/campaigns/${cid}/reviews/member/${memberId}`;
    const searchTerms = (scope: MemberRow[], n: number) => {
      const picked = spread(scope, n);
      return picked.map((m, i) => `/api/members?q=${encodeURIComponent(foldForSearch(i % 2 ? m.givenName : m.fullName))}&pageSize=20`);
    };
    const meetingBySecretary = new Map(meetings.map((m) => [m.secretary, m.view]));

    for (const u of users) {
      const p = principals.get(u.username)!;
      const grant = p.grants.find((g) => g.role !== 'member');
      const roles = new Set(p.grants.map((g) => g.role));
      const scopePath = grant?.unitPath ?? p.memberUnitPath ?? root.path;
      // A unit's path ends with its own id ("/root/…/id/").
      const scopeUnit = grant ? grant.unitPath.split('/').filter(Boolean).pop()! : null;
      const inScope = members.filter((m) => within(m.unitPath, scopePath));
      const scopeCells = cells.filter((c) => within(c.path, scopePath));
      const reads = u.reads;
      const campaignReader = roles.has('standing') || roles.has('organizer') || roles.has('office');
      const reviewReader = roles.has('standing') || roles.has('organizer') || roles.has('unit_committee') || roles.has('cell_secretary');
      if (u.group === 'member') {
        reads['reviews.mine'] = ['/api/reviews/mine'];
        if (p.memberId) reads['reviews.open'] = [reviewPath(p.memberId)];
        continue;
      }
      if (campaignReader) reads.cockpit = cockpitVariants.map((v) => `${cockpitBase}${v}`);
      if (roles.has('unit_committee')) {
        reads.cockpit = ['?level=all', '?level=all&stage=drafting', '?level=all&overdueOnly=true', ''].map((v) => `${cockpitBase}${v}`);
      }
      reads['members.list'] = [
        ...spread(scopeCells, 30).map((c) => `/api/members?unit=${c.id}&pageSize=20`),
        ...(scopeUnit ? [1, 2, 5].map((page) => `/api/members?unit=${scopeUnit}&page=${page}&pageSize=20`) : []),
      ];
      reads['members.search'] = searchTerms(inScope, 40);
      if (u.group !== 'secretary') {
        const parents = tree.filter((x) => within(x.path, scopePath) && x.kind !== 'cell' && x.kind !== 'grassroots_cell');
        reads['org-units.list'] = [
          ...spread(parents, 20).map((x) => `/api/org-units?parent=${x.id}&pageSize=200`),
          ...(scopeUnit ? [`/api/org-units?subtree=${scopeUnit}&kind=cell&pageSize=50`] : []),
        ];
      }
      if (reviewReader) reads['reviews.open'] = spread(inScope, 40).map((m) => reviewPath(m.memberId));
      if (roles.has('unit_committee') || roles.has('cell_secretary')) {
        reads['reviews.unit-list'] = spread(scopeCells, 10).map((c) => `/api/campaigns/${cid}/units/${c.id}/reviews?pageSize=50`);
      }
      const meeting = meetingBySecretary.get(u.username);
      if (meeting) reads['conferences.get'] = [`/api/conferences/${meeting.id}`];
    }

    // The writes: each writer member's own review, with its current content and version; each held
    // meeting's tallies, one subject per member voted on.
    const subjects: Record<WriteKind, WriteSubject[]> = { 'reviews.save': [], 'votes.save': [] };
    for (const u of users) {
      if (!u.username.startsWith('bench.dv.')) continue;
      const p = principals.get(u.username)!;
      const params = { campaignId: cid, subjectKind: 'member' as const, subjectKey: p.memberId! };
      const review = await getReview(ctx, p, params);
      if (review.status !== 'draft' && review.status !== 'returned') continue;
      const variants = [0, 1].map((n) => {
        const content = {
          ...review.content,
          directions: `Phương hướng khắc phục năm ${OPEN_YEAR}: tiếp tục học tập, rèn luyện; giữ gìn phẩm chất đạo đức, lối sống (bản nháp ${n + 1}).`,
        };
        return JSON.stringify(content);
      });
      const path = reviewPath(p.memberId!);
      subjects['reviews.save'].push({
        kind: 'reviews.save',
        user: u,
        path,
        body: (version, n) => `{"version":${version ?? 0},"content":${variants[n % 2]}}`,
        version: review.version,
        reread: { path, version: (body) => (JSON.parse(body) as { version: number }).version },
        saves: 0,
        inFlight: false,
        waiting: [],
      });
    }
    for (const { secretary, view } of meetings) {
      const u = byName.get(secretary)!;
      const present = view.attendance.filter((a) => a.official && a.present).length;
      const path = `/api/conferences/${view.id}/tallies`;
      for (const item of view.agenda.filter((a) => a.votable && a.memberId)) {
        const memberId = item.memberId!;
        const tally = view.tallies.find((t) => t.memberId === memberId);
        const votes = [
          `{"excellent":0,"good":${present},"satisfactory":0,"unsatisfactory":0}`,
          `{"excellent":1,"good":${present - 1},"satisfactory":0,"unsatisfactory":0}`,
        ];
        subjects['votes.save'].push({
          kind: 'votes.save',
          user: u,
          path,
          body: (version, n) =>
            `{"memberId":"${memberId}","version":${version ?? 'null'},"present":${present},"valid":${present},"invalid":0,"votes":${votes[n % 2]}}`,
          version: tally?.version ?? null,
          reread: {
            path: `/api/conferences/${view.id}`,
            version: (body) => (JSON.parse(body) as ConferenceView).tallies.find((t) => t.memberId === memberId)?.version ?? null,
          },
          saves: 0,
          inFlight: false,
          waiting: [],
        });
      }
    }

    const census = (['province', 'district', 'committee', 'secretary', 'member'] as Group[])
      .map((g) => `${g} ${users.filter((u) => u.group === g).length}`)
      .join(', ');
    return {
      users,
      subjects,
      census: `${users.length} người dùng (${census}); ${subjects['reviews.save'].length} bản kiểm điểm được lưu, ${meetings.length} hội nghị với ${subjects['votes.save'].length} đảng viên được biểu quyết`,
    };
  } finally {
    await ctx.handle.close();
  }
}

// ── The generator ────────────────────────────────────────────────────────────────────────────────

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const LOCKED = /database is locked|SQLITE_BUSY/i;
/** A request not answered within 30 s of its scheduled time is an error (and is given up). */
const TIMEOUT_MS = 30_000;

class Phase {
  sent = 0;
  done = 0;
  ok = 0;
  /** Users who sent at least one request. */
  users = new Set<string>();
  outstanding = 0;
  /** Scheduled send → actual send, ms (the generator's own lateness). */
  lags: number[] = [];
  latencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  errors = new Map<string, number>();
  errorSamples: string[] = [];
  /** Writes that waited for the previous save of their subject (the autosave's order). */
  waitedWrites = 0;
  conflicts = 0;
  locked = 0;
  retried = 0;
  start = 0;
  lastDone = 0;
  cpu: CpuUse | null = null;
  constructor(
    readonly name: string,
    readonly rate: number,
    readonly seconds: number,
  ) {}

  fail(kind: Kind | 'all', what: string, sample: string): void {
    const key = `${kind} ${what}`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    // A few examples of each kind of failure, for the log.
    if (this.errors.get(key)! <= 2 && this.errorSamples.length < 12) this.errorSamples.push(`${key}: ${sample.slice(0, 300)}`);
  }

  get errorCount(): number {
    let n = 0;
    for (const v of this.errors.values()) n += v;
    return n;
  }

  stats(kinds: readonly Kind[]): { n: number; p50: number; p95: number; p99: number; max: number } {
    const all = kinds.flatMap((k) => this.latencies.get(k)!).sort((a, b) => a - b);
    return { n: all.length, p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99), max: all[all.length - 1] ?? NaN };
  }

  lagStats(): { p50: number; p99: number; max: number } {
    const s = [...this.lags].sort((a, b) => a - b);
    return { p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
  }

  /** Successful answers per second over the phase (from the first scheduled send to the last answer). */
  achieved(): number {
    const span = Math.max(this.seconds * 1000, this.lastDone - this.start);
    return (this.ok * 1000) / span;
  }
}

class Generator {
  private agent: http.Agent;
  private readonly agents: http.Agent[] = [];
  // The demo's seeded generator: the same mix of requests every run.
  private readonly random = new Rng(2026);
  private readonly kindTable: Kind[] = [];
  private readonly pools = new Map<Kind, LoadUser[]>();
  private readonly poolCursor = new Map<Kind, number>();
  private readonly subjectCursor = new Map<WriteKind, number>();

  constructor(
    private readonly port: number,
    private readonly scenario: Scenario,
  ) {
    this.agent = this.pool(64);
    for (const k of KINDS) for (let i = 0; i < WEIGHTS[k]; i++) this.kindTable.push(k);
    for (const k of READ_KINDS)
      this.pools.set(
        k,
        scenario.users.filter((u) => (u.reads[k]?.length ?? 0) > 0),
      );
    for (const k of KINDS) this.poolCursor.set(k, 0);
  }

  /**
   * A kept-alive pool sized for one phase by Little's law: `rate` × 1 s (the ramp's p99 limit) sockets,
   * at most 1,200 (200 browsers × 6 connections). When the server is slower than that, requests wait
   * for a socket here — still timed from their scheduled send — instead of piling up inside the server,
   * which keeps working on a request its client has given up on.
   */
  private pool(sockets: number): http.Agent {
    // An idle connection is closed here after 4 s, before the server's keep-alive timeout (5 s)
    // closes it: a request sent on a connection the server is closing meets a reset (ECONNRESET),
    // which a browser retries and a load generator would count as an error.
    const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, scheduling: 'lifo', timeout: 4000 });
    this.agents.push(agent);
    return agent;
  }

  /** Reads every write subject's version again (after a phase whose abandoned saves the server may have made late). */
  async resync(): Promise<void> {
    const all = [...this.scenario.subjects['reviews.save'], ...this.scenario.subjects['votes.save']];
    let next = 0;
    const worker = async () => {
      while (next < all.length) {
        const s = all[next++];
        await new Promise<void>((resolve) =>
          this.request('GET', s.reread.path, s.user.headers, null, performance.now() + TIMEOUT_MS, (status, body) => {
            if (status === 200) s.version = s.reread.version(body);
            resolve();
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  close(): void {
    for (const a of this.agents) a.destroy();
  }

  /** The kind of the next request, falling back to the other reads or writes when a kind has nobody to send it. */
  private nextKind(): Kind {
    for (;;) {
      const k = this.kindTable[Math.floor(this.random.next() * this.kindTable.length)];
      if ((WRITE_KINDS as readonly string[]).includes(k)) {
        if (this.scenario.subjects[k as WriteKind].length > 0) return k;
      } else if (this.pools.get(k)!.length > 0) return k;
    }
  }

  private launch(phase: Phase, scheduledAt: number): void {
    const kind = this.nextKind();
    phase.sent++;
    phase.lags.push(performance.now() - scheduledAt);
    if (kind === 'reviews.save' || kind === 'votes.save') {
      const list = this.scenario.subjects[kind];
      const i = this.subjectCursor.get(kind) ?? 0;
      this.subjectCursor.set(kind, i + 1);
      const s = list[i % list.length];
      phase.users.add(s.user.username);
      if (s.inFlight) {
        phase.waitedWrites++;
        phase.outstanding++;
        s.waiting.push({ scheduledAt, phase });
        return;
      }
      phase.outstanding++;
      this.write(s, phase, scheduledAt);
      return;
    }
    const pool = this.pools.get(kind)!;
    const c = this.poolCursor.get(kind)!;
    this.poolCursor.set(kind, c + 1);
    const user = pool[c % pool.length];
    phase.users.add(user.username);
    const paths = user.reads[kind as ReadKind]!;
    const j = user.cursor[kind as ReadKind] ?? 0;
    user.cursor[kind as ReadKind] = j + 1;
    phase.outstanding++;
    this.request('GET', paths[j % paths.length], user.headers, null, scheduledAt + TIMEOUT_MS, (status, body, error) => {
      this.settle(phase, kind, scheduledAt, status, body, error);
    });
  }

  private write(s: WriteSubject, phase: Phase, scheduledAt: number): void {
    s.inFlight = true;
    const body = s.body(s.version, s.saves);
    this.request('PUT', s.path, s.user.headers, body, scheduledAt + TIMEOUT_MS, (status, text, error) => {
      const ok = this.settle(phase, s.kind, scheduledAt, status, text, error);
      const next = () => {
        s.inFlight = false;
        // Saves that waited past their own deadline fail as timeouts without being sent.
        let w = s.waiting.shift();
        while (w && performance.now() > w.scheduledAt + TIMEOUT_MS) {
          this.settle(w.phase, s.kind, w.scheduledAt, 0, '', new Error(`timeout ${TIMEOUT_MS / 1000} s`));
          w = s.waiting.shift();
        }
        if (w) this.write(s, w.phase, w.scheduledAt);
      };
      if (ok) {
        s.saves++;
        s.version = (s.version ?? 0) + 1;
        next();
        return;
      }
      // The version is unknown after a failed save: read it again (not measured) before the next one.
      this.request('GET', s.reread.path, s.user.headers, null, performance.now() + TIMEOUT_MS, (st, b) => {
        if (st === 200) s.version = s.reread.version(b);
        next();
      });
    });
  }

  /** Counts the answer; true when it is a success. */
  private settle(phase: Phase, kind: Kind, scheduledAt: number, status: number, body: string, error: Error | null): boolean {
    const now = performance.now();
    phase.outstanding--;
    phase.done++;
    phase.lastDone = Math.max(phase.lastDone, now);
    phase.latencies.get(kind)!.push(now - scheduledAt);
    if (LOCKED.test(body)) phase.locked++;
    if (error) {
      const timeout = error.name === 'TimeoutError' || error.name === 'AbortError' || error.message.startsWith('timeout');
      phase.fail(kind, timeout ? 'timeout' : `network ${(error as NodeJS.ErrnoException).code ?? error.message}`, error.message);
      return false;
    }
    if (status >= 200 && status < 300) {
      phase.ok++;
      return true;
    }
    if (status === 409) phase.conflicts++;
    phase.fail(kind, String(status), body);
    return false;
  }

  /**
   * One request on the kept-alive pool, given up at `deadline` (the scheduled time plus 30 s, also while
   * it waits for a socket); `done` is called exactly once.
   */
  private request(
    method: 'GET' | 'PUT',
    path: string,
    headers: Record<string, string>,
    body: string | null,
    deadline: number,
    done: (status: number, body: string, error: Error | null) => void,
    retry = true,
  ): void {
    let finished = false;
    const finish = (status: number, text: string, error: Error | null) => {
      if (finished) return;
      finished = true;
      done(status, text, error);
    };
    const h =
      body === null ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const signal = AbortSignal.timeout(Math.max(1, Math.round(deadline - performance.now())));
    const req = http.request({ host: '127.0.0.1', port: this.port, method, path, headers: h, agent: this.agent, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), null));
      res.on('error', (e) => finish(0, '', e));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed just as it was reused: the request never reached the
      // server (Node's documented race), so it is sent once more on a fresh socket.
      if (!finished && retry && req.reusedSocket && e.code === 'ECONNRESET') {
        finished = true;
        this.request(method, path, headers, body, deadline, done, false);
        return;
      }
      finish(0, '', e);
    });
    req.end(body ?? undefined);
  }

  /** Sends `rate` requests per second for `seconds` on a fixed schedule, then waits for the answers. */
  async run(phase: Phase): Promise<Phase> {
    this.agent = this.pool(Math.min(1200, Math.max(64, Math.ceil(phase.rate))));
    const total = Math.round(phase.rate * phase.seconds);
    const interval = 1000 / phase.rate;
    phase.start = performance.now() + 20;
    let i = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        // Every request whose time has come leaves now, in one batch.
        while (i < total && phase.start + i * interval <= now) this.launch(phase, phase.start + i++ * interval);
        if (i >= total) return resolve();
        const wait = phase.start + i * interval - performance.now();
        setTimeout(tick, Math.max(0, Math.min(wait, 4)));
      };
      setTimeout(tick, 20);
    });
    // Every request ends by its deadline; a little more for the saves queued behind a slow one.
    const deadline = performance.now() + TIMEOUT_MS + 15_000;
    while (phase.outstanding > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (phase.outstanding > 0) phase.fail('all', 'unanswered', `${phase.outstanding} requests unanswered after the drain`);
    return phase;
  }
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────────

/** The 1, 5 and 15-minute load averages of the machine (other work on it makes the figures pessimistic). */
function loadAverage(): string {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return 'n/a';
  }
}

/** CPU seconds (user + system) of a process, from /proc/<pid>/stat. */
function cpuOf(pid: number): number {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds of the server: its main process and, with several HTTP workers (node:cluster), its children. */
function serverCpu(pid: number): number {
  let total = cpuOf(pid);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    // The parent's pid is the second field after the command name.
    if (stat && stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === String(pid)) total += cpuOf(Number(entry));
  }
  return total;
}

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** CPU seconds of the PostgreSQL backends serving `database` (their command line names it). */
function postgresCpu(database: string | null): number {
  if (!database) return 0;
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = readProc(`/proc/${entry}/cmdline`);
    if (cmd?.startsWith('postgres: ') && cmd.includes(` ${database} `)) total += cpuOf(Number(entry));
  }
  return total;
}

interface CpuUse {
  server: number;
  postgres: number;
  generator: number;
  /** PostgreSQL transactions committed in the database (each statement outside a transaction is one). */
  transactions: number;
}

async function postgresTransactions(url: string | null): Promise<number> {
  if (!url) return 0;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(
      'select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()',
    );
    return Number(r.rows[0].n);
  } finally {
    await c.end();
  }
}

function report(p: Phase): void {
  const reads = p.stats(READ_KINDS);
  const writes = p.stats(WRITE_KINDS);
  const lag = p.lagStats();
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
  console.log(
    `  [${p.name}] ${p.rate}/s × ${p.seconds} s, ${p.users.size} người dùng: gửi ${p.sent}, trả lời ${p.done}, thành công ${p.achieved().toFixed(0)}/s, lỗi ${p.errorCount}, xung đột ${p.conflicts}` +
      `; đọc p50/p95/p99 ${f(reads.p50)}/${f(reads.p95)}/${f(reads.p99)} ms, ghi ${f(writes.p50)}/${f(writes.p95)}/${f(writes.p99)} ms` +
      `; trễ lịch gửi p50/p99/max ${lag.p50.toFixed(1)}/${lag.p99.toFixed(1)}/${lag.max.toFixed(1)} ms; ghi chờ lần lưu trước ${p.waitedWrites}`,
  );
  if (p.cpu) {
    const per = (sec: number) => ((sec * 1000) / Math.max(1, p.done)).toFixed(2);
    const wall = p.seconds;
    console.log(
      `    CPU: máy chủ ${per(p.cpu.server)} ms/yêu cầu (${((p.cpu.server / wall) * 100).toFixed(0)} % một nhân)` +
        (p.cpu.postgres
          ? `, PostgreSQL ${per(p.cpu.postgres)} ms/yêu cầu (${((p.cpu.postgres / wall) * 100).toFixed(0)} %, ${(p.cpu.transactions / Math.max(1, p.done)).toFixed(1)} giao dịch/yêu cầu)`
          : '') +
        `, bộ tạo tải ${per(p.cpu.generator)} ms/yêu cầu (${((p.cpu.generator / wall) * 100).toFixed(0)} %)`,
    );
  }
  for (const s of p.errorSamples) console.log(`    ! ${s}`);
}

function perKind(p: Phase): { kind: Kind; n: number; p50: number; p95: number; p99: number; max: number }[] {
  return KINDS.map((k) => ({ kind: k, ...p.stats([k]) }))
    .filter((r) => r.n > 0)
    .sort((a, b) => b.p99 - a.p99);
}

/**
 * The cockpit as the Organization Board opens and filters it (issue 3 item 8): the grassroots units,
 * every unit, by stage, overdue only, those needing appraisal, a later page of each, by sector.
 * Shared with the cockpit metric of bench/run.ts.
 */
export function cockpitFilters(sectors: string[], later: { grassroots: number; all: number }): string[] {
  return [
    '',
    '?level=all',
    '?stage=drafting',
    '?stage=conference_scheduled',
    '?overdueOnly=true',
    '?needsAppraisal=true',
    `?page=${later.grassroots}`,
    `?level=all&page=${later.all}`,
    ...sectors.map((s) => `?sector=${encodeURIComponent(s)}`),
  ];
}

/**
 * TUSOI_LOAD_PLAN='{"season":{"rate":150,"seconds":20},"ramp":{"rates":[],"seconds":0}}' replaces
 * parts of the plan: a shorter run to profile the server (with NODE_OPTIONS=--cpu-prof) or to try
 * another rate. The recorded figures are those of the plan above only when it is not set.
 */
function planFor(dry: boolean): Plan {
  const base = dry ? DRY : FULL;
  const override = process.env.TUSOI_LOAD_PLAN;
  return override ? { ...base, ...(JSON.parse(override) as Partial<Plan>) } : base;
}

export async function benchLoad(config: DatabaseConfig, dialect: DialectName, givenKit: LoadKit): Promise<void> {
  const plan = planFor(givenKit.dry);
  // A plan changed by TUSOI_LOAD_PLAN is not the issue's scenario: its figures are printed, not recorded.
  const kit: LoadKit = process.env.TUSOI_LOAD_PLAN
    ? { ...givenKit, record: (metric, d, value, unit) => console.log(`  (không ghi) ${metric} [${d}] ${value} ${unit}`) }
    : givenKit;
  const loadStart = loadAverage();
  console.log(`  tải máy lúc bắt đầu (/proc/loadavg): ${loadStart}`);
  const t0 = performance.now();
  const scenario = await buildScenario(config, plan);
  console.log(`  (${scenario.census}; chuẩn bị ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  let lockedLines = 0;
  const server = await kit.startServer(config, (text) => {
    for (const line of text.split('\n')) if (LOCKED.test(line)) lockedLines++;
  });
  const generator = new Generator(server.port, scenario);
  let lockedBodies = 0;
  const pid = server.child.pid!;
  const database = config.dialect === 'postgres' ? new URL(config.url).pathname.slice(1) : null;
  const cpuNow = async (): Promise<CpuUse> => ({
    server: serverCpu(pid),
    postgres: postgresCpu(database),
    generator: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    // The statistics collector reports with a delay of up to a second or so; good enough over a phase.
    transactions: await postgresTransactions(config.dialect === 'postgres' ? config.url : null),
  });
  // The server works on after a step that overloaded it (an abandoned request is still answered): each
  // phase starts once the server process is quiet again (under 20 % of a core over half a second).
  const quiet = async () => {
    const until = performance.now() + 60_000;
    for (let last = serverCpu(pid); performance.now() < until;) {
      await new Promise((r) => setTimeout(r, 500));
      const now = serverCpu(pid);
      if (now - last < 0.1) return;
      last = now;
    }
  };
  const run = async (phase: Phase) => {
    await quiet();
    await generator.resync();
    const before = await cpuNow();
    await generator.run(phase);
    const after = await cpuNow();
    phase.cpu = {
      server: after.server - before.server,
      postgres: after.postgres - before.postgres,
      generator: after.generator - before.generator,
      transactions: after.transactions - before.transactions,
    };
    lockedBodies += phase.locked;
    return phase;
  };
  try {
    report(await run(new Phase('khởi động, không tính', plan.warmup.rate, plan.warmup.seconds)));
    const season = await run(new Phase('mùa kiểm điểm', plan.season.rate, plan.season.seconds));
    report(season);
    const reads = season.stats(READ_KINDS);
    const writes = season.stats(WRITE_KINDS);
    console.log('  p99 theo loại yêu cầu (chậm nhất trước):');
    for (const r of perKind(season)) {
      console.log(
        `    ${r.kind.padEnd(18)} ${String(r.n).padStart(6)} yêu cầu  p50 ${r.p50.toFixed(0).padStart(5)}  p95 ${r.p95.toFixed(0).padStart(5)}  p99 ${r.p99.toFixed(0).padStart(5)}  max ${r.max.toFixed(0).padStart(5)} ms`,
      );
    }
    kit.record('load.season.read-p50', dialect, reads.p50, 'ms', '—');
    kit.record('load.season.read-p95', dialect, reads.p95, 'ms', '—');
    kit.record('load.season.read-p99', dialect, reads.p99, 'ms', '<300');
    kit.record('load.season.write-p50', dialect, writes.p50, 'ms', '—');
    kit.record('load.season.write-p95', dialect, writes.p95, 'ms', '—');
    kit.record('load.season.write-p99', dialect, writes.p99, 'ms', '<500');
    kit.record('load.season.users', dialect, season.users.size, 'count', '200');
    kit.record('load.season.errors', dialect, season.errorCount, 'count', '0');
    kit.record('load.season.conflicts', dialect, season.conflicts, 'count', '0');
    kit.record('load.season.rate', dialect, season.achieved(), 'rps', '>=300');
    kit.record('load.season.send-lag-p99', dialect, season.lagStats().p99, 'ms', '<10');
    for (const r of perKind(season)) kit.record(`load.season.p99.${r.kind}`, dialect, r.p99, 'ms', '—');

    // The ramp: each step drains before the next, and the ramp stops at the first step over 1 s or with errors.
    let best = 0;
    for (const rate of plan.ramp.rates) {
      const step = await run(new Phase(`bậc ${rate}/s`, rate, plan.ramp.seconds));
      report(step);
      console.log(
        `    p99 theo loại: ${perKind(step)
          .map((r) => `${r.kind} ${r.p99.toFixed(0)}`)
          .join(', ')} ms`,
      );
      const p99 = step.stats(KINDS).p99;
      const sustained = p99 < 1000 && step.errorCount === 0 && step.achieved() >= 0.95 * rate;
      if (sustained) best = rate;
      if (!sustained) break;
    }
    kit.record('load.ramp.max-rate', dialect, best, 'rps', '>=300');
    if (dialect === 'sqlite') kit.record('load.sqlite-locked', dialect, lockedLines + lockedBodies, 'count', '0');
    const mem = server.memory();
    console.log(`  (máy chủ: RSS ${mem.rss.toFixed(0)} MB, cao nhất ${mem.peak.toFixed(0)} MB)`);
  } finally {
    generator.close();
    await server.stop();
  }
  const loadEnd = loadAverage();
  console.log(`  tải máy lúc kết thúc (/proc/loadavg): ${loadEnd}`);
  const first = (s: string) => Number(s.split(' ')[0]);
  kit.record('load.loadavg.start', dialect, first(loadStart), '1-min', '—');
  kit.record('load.loadavg.end', dialect, first(loadEnd), '1-min', '—');
  console.log(`  (thời gian đo tải: ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
