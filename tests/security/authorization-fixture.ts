// The world of the authorization matrix (authorization-matrix.test.ts), per dialect: two committees
// that never see each other (A, where every caller holds its role, and B, the "foreign" committee),
// each with the same small tree — a ward (đảng bộ phường) with two chi bộ, and a chi bộ cơ sở (a
// school) — the same members and accounts, and two campaigns: `late` (2023: conferences held,
// tallies, proposals and decisions made but not yet published, remediation plans filed) and
// `current` (2024: plan with a file, suggestions, commitments, facts, reviews, dossiers with files,
// conferences scheduled, announcements, documents). Everything is made through the real use cases
// over HTTP where a user would make it, and straight in the tables where another test file already
// covers how (held conferences, tallies, shortcomings, notifications, jobs).
//
// Both committees sit below one province (one deployment has one tree: an administrator over its
// root sees every account). Four places hold one of everything, so that every caller has a resource inside its subtrees and
// the nearest one outside:
//   in      A: chi bộ 1 of the ward (Thúy)        — inside every caller's subtree
//   neigh   A: chi bộ 2 of the ward (Lan)         — outside for the chi bộ 1 secretary and Thúy
//   sib     A: the school's chi bộ cơ sở (An)     — outside for the ward's committee and director
//   foreign B: chi bộ 1 of B's ward (B's Thúy)    — outside for the committee-wide roles of A
import type { Hono } from 'hono';
import { newId } from '../../src/server/adapters/clock.js';
import { loadPrincipal } from '../../src/server/adapters/auth/principal.repository.js';
import { createSession } from '../../src/server/adapters/auth/sessions.repository.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { createHttpApp } from '../../src/server/adapters/http/app.js';
import { SESSION_COOKIE } from '../../src/server/adapters/http/routes/auth.routes.js';
import type { DialectName } from '../../src/server/adapters/db/dialect.js';
import { createCampaign } from '../../src/server/features/campaigns/create-campaign.js';
import { snapshotPopulation } from '../../src/server/features/campaigns/snapshot-population.js';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import type { Level } from '../../src/shared/campaign-vocabulary.js';
import { heldConference, seedTally } from '../classification/seed.js';
import { send, type Answer, type Body, type Caller } from '../fuzz/world.js';
import { assign, scheduledConference, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { makeAccount, makeMember, makeUnit, type UnitRef } from '../support/factories.js';

/** The roles of design §2, in its order. `director` is never granted: it comes from assignments. */
export const ROLES = ['admin', 'standing', 'organizer', 'office', 'director', 'unit_committee', 'cell_secretary', 'member'] as const;
export type Role = (typeof ROLES)[number];

export type PlaceName = 'in' | 'neigh' | 'sib' | 'foreign';

/** The place just outside each role's subtrees (see the header). */
export const OUTSIDE: Record<Role, PlaceName> = {
  admin: 'foreign',
  standing: 'foreign',
  organizer: 'foreign',
  office: 'foreign',
  director: 'sib',
  unit_committee: 'sib',
  cell_secretary: 'neigh',
  member: 'neigh',
};

export const BUSINESS_DAY = '2024-12-10';
export const LATE_YEAR = 2023;
export const CURRENT_YEAR = 2024;

export interface Member {
  id: string;
  fullName: string;
}

/** The campaign-side rows of one place (a chi bộ and its member). */
export interface PlaceCampaignRows {
  /** Issued suggestion to the place's member; draft suggestion to the place's chi bộ. */
  memberSuggestionId: string;
  unitSuggestionId: string;
  reviewAttachmentId: string;
  dossierAttachmentId: string;
  conferenceId: string;
  documentId: string;
}

export interface PlaceLateRows {
  conferenceId: string;
  decisionId: string;
  shortcomingId: string;
  remediationItemId: string;
}

export interface Place {
  name: PlaceName;
  committee: Committee;
  /** The chi bộ (for the school: the chi bộ cơ sở itself). */
  cell: UnitRef;
  /** The grassroots unit holding the chi bộ (the ward, or the school itself). */
  grassroots: UnitRef;
  member: Member;
  /** A leader of the chi bộ (LĐQL): a key leader, whose review an assigned director reads. */
  leader: Member;
  /** The member's own account. */
  memberAccount: Account;
  /** The unit committee over the place (the ward's, or the school's). */
  committeeAccount: Account;
  current: PlaceCampaignRows;
  late: PlaceLateRows;
  announcementId: string;
}

export interface Account {
  id: string;
  username: string;
}

export interface Committee {
  tag: 'A' | 'B';
  /** The committee itself (thành ủy, huyện ủy), below the province. */
  root: UnitRef;
  ward: UnitRef;
  cellA: UnitRef;
  cellB: UnitRef;
  school: UnitRef;
  members: { thuy: Member; dang: Member; lan: Member; thuyB: Member; school1: Member };
  leaders: { cellA: Member; cellB: Member; school: Member };
  accounts: Record<
    | 'admin'
    | 'standing'
    | 'organizer'
    | 'office'
    | 'unitCommittee'
    | 'cellSecretary'
    | 'member'
    | 'director'
    | 'schoolCommittee'
    | 'memberLan'
    | 'memberSchool'
    | 'memberDang',
    Account
  >;
  lateId: string;
  currentId: string;
  /** A file attached to the current campaign's plan. */
  planAttachmentId: string;
}

export interface World {
  dialect: DialectName;
  db: TestDatabase;
  ctx: AppContext;
  app: Hono;
  /** The root of the tree, above both committees. */
  province: UnitRef;
  A: Committee;
  B: Committee;
  places: Record<PlaceName, Place>;
  /** The callers of committee A, one per role; `anonymous` has no session. */
  callers: Record<Role, Caller>;
  accountOf: Record<Role, Account>;
  /** Logged in as anyone of either committee (fixture steps), by username. */
  as(username: string): Promise<Caller>;
  /** A request that must succeed (fixture steps); returns the JSON body. */
  ok(caller: Caller, method: string, path: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

export const ANON: Caller = { name: 'anonymous', username: null, cookie: null, csrf: null, bearer: null };

const NOW = '2024-12-10T08:00:00.000Z';

/** A committee's tree, members and accounts: the small committee of tests/support/factories.ts, twice. */
async function makeCommittee(
  ctx: AppContext,
  province: UnitRef,
  tag: 'A' | 'B',
): Promise<Omit<Committee, 'lateId' | 'currentId' | 'planAttachmentId'>> {
  const db = ctx.db;
  const a = tag === 'A';
  const code = (c: string) => (a ? c : `HK.${c}`);
  const user = (u: string) => (a ? u : `${u}.hk`);
  const root = await makeUnit(db, {
    parent: province,
    kind: 'committee',
    code: a ? 'TU' : 'HK',
    name: a ? 'Thành ủy Hà Tĩnh' : 'Huyện ủy Hương Khê',
  });
  const ward = await makeUnit(db, {
    parent: root,
    kind: 'grassroots_party',
    code: code('P01'),
    name: a ? 'Đảng bộ phường Bắc Hà' : 'Đảng bộ xã Phúc Đồng',
    sector: a ? 'ward' : 'commune',
  });
  const cellA = await makeUnit(db, { parent: ward, kind: 'cell', code: code('P01.C1'), name: 'Chi bộ khối phố 1', sector: 'ward' });
  const cellB = await makeUnit(db, { parent: ward, kind: 'cell', code: code('P01.C2'), name: 'Chi bộ khối phố 2', sector: 'ward' });
  const school = await makeUnit(db, {
    parent: root,
    kind: 'grassroots_cell',
    code: code('S01'),
    name: a ? 'Chi bộ Trường THPT Phan Đình Phùng' : 'Chi bộ Trường THPT Hương Khê',
    sector: 'school',
  });
  const thuy = await makeMember(db, cellA, 'Nguyễn Thị Thúy');
  const dang = await makeMember(db, cellA, 'Đặng Văn Hùng', { gender: 'male' });
  const lan = await makeMember(db, cellB, 'Trần Thị Lan');
  const thuyB = await makeMember(db, cellB, 'Lê Thủy', { status: 'exempt' });
  const school1 = await makeMember(db, school, 'Phạm Văn An', { gender: 'male' });
  const leader = (unit: UnitRef, name: string) =>
    makeMember(db, unit, name, { gender: 'male', isLeader: true, governmentPosts: 'Trưởng phòng' });
  const leaders = {
    cellA: await leader(cellA, 'Võ Văn Lãnh'),
    cellB: await leader(cellB, 'Hà Văn Đạo'),
    school: await leader(school, 'Đinh Văn Hiệu'),
  };
  const acc = (username: string, grants: Parameters<typeof makeAccount>[1]['grants'] = [], memberId: string | null = null) =>
    makeAccount(db, { username: user(username), grants, memberId });
  const accounts = {
    admin: await acc('admin', [{ role: 'admin', unit: root }]),
    standing: await acc('thuongtruc', [{ role: 'standing', unit: root }]),
    organizer: await acc('bantochuc', [{ role: 'organizer', unit: root }]),
    office: await acc('vanphong', [{ role: 'office', unit: root }]),
    unitCommittee: await acc('capuy.p01', [{ role: 'unit_committee', unit: ward }]),
    cellSecretary: await acc('bithu.c1', [{ role: 'cell_secretary', unit: cellA }]),
    member: await acc('dangvien.thuy', [{ role: 'member', unit: cellA }], thuy.id),
    // Design §2: director is never granted; the campaigns assign this account to the ward.
    director: await acc('chidao.p01'),
    schoolCommittee: await acc('capuy.s01', [{ role: 'unit_committee', unit: school }]),
    memberLan: await acc('dangvien.lan', [{ role: 'member', unit: cellB }], lan.id),
    memberSchool: await acc('dangvien.an', [{ role: 'member', unit: school }], school1.id),
    memberDang: await acc('dangvien.dang', [{ role: 'member', unit: cellA }], dang.id),
  };
  return { tag, root, ward, cellA, cellB, school, members: { thuy, dang, lan, thuyB, school1 }, leaders, accounts };
}

/** Enough of a CampaignFixture for the shared seeding helpers (seed.ts, campaign-factories.ts). */
function fixtureOf(ctx: AppContext, id: string, year: number): CampaignFixture {
  return {
    id,
    year,
    campaignUnitId: async (unit: UnitRef) =>
      (
        await ctx.db
          .selectFrom('campaign_units')
          .select('id')
          .where('campaign_id', '=', id)
          .where('unit_id', '=', unit.id)
          .executeTakeFirstOrThrow()
      ).id,
  } as CampaignFixture;
}

const PDF = (name: string) => new File([new TextEncoder().encode(`%PDF-1.4 ${name}`)], name, { type: 'application/pdf' });
export function fileForm(name: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', PDF(name));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

/** The file just attached to a dossier (dossiers.attach answers with the whole dossier). */
export function lastAttachment(dossier: { attachments: { id: string; createdAt?: string }[] }): { id: string } {
  const file = dossier.attachments.at(-1);
  if (!file) throw new Error('authorization fixture: the dossier has no attachment');
  return file;
}

export async function buildWorld(dialect: DialectName): Promise<World> {
  const db = await migratedDatabase(dialect);
  const ctx = contextFor(db.handle);
  const app = createHttpApp(ctx, { webRoot: null });
  await setSetting(ctx.db, BUSINESS_DATE, BUSINESS_DAY, NOW);

  const sessions = new Map<string, Caller>();
  async function as(username: string): Promise<Caller> {
    let c = sessions.get(username);
    if (!c) {
      const account = await ctx.db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow();
      const s = await createSession(ctx.db, account.id, ctx.clock.nowMs(), ctx.config.sessionIdleMinutes, null);
      // A session made straight in the table (no password hashing per account); `name` is a label.
      c = { name: 'organizer', username, cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken, bearer: null };
      sessions.set(username, c);
    }
    return c;
  }
  async function ok(caller: Caller, method: string, path: string, body?: unknown): Promise<any> {
    const b: Body =
      body === undefined ? { kind: 'none' } : body instanceof FormData ? { kind: 'multipart', form: body } : { kind: 'json', value: body };
    const r: Answer = await send(app, caller, method, path, b);
    if (r.status !== 200)
      throw new Error(`authorization fixture: ${caller.username} ${method} ${path} → ${r.status} ${r.text.slice(0, 500)}`);
    return r.json;
  }

  // One deployment, one tree: the province above two committees. Every caller holds its role in
  // committee A; committee B is the outside of A's committee-wide roles.
  const province = await makeUnit(ctx.db, { kind: 'committee', code: 'TINH', name: 'Tỉnh ủy Hà Tĩnh' });
  const committees: Partial<Record<'A' | 'B', Committee>> = {};
  const placeRows = new Map<string, { current: PlaceCampaignRows; late: PlaceLateRows; announcementId: string }>();

  for (const tag of ['A', 'B'] as const) {
    const c = await makeCommittee(ctx, province, tag);
    const u = c.accounts;
    const organizerPrincipal = await loadPrincipal(ctx.db, u.organizer.id);
    const campaign = async (year: number) => {
      const { id } = await createCampaign(ctx, organizerPrincipal, {
        ownerUnitId: c.root.id,
        reviewYear: year,
        config: {},
        milestones: [
          { kind: 'reviews_due', dueDate: `${year}-12-01` },
          { kind: 'conferences', dueDate: `${year}-12-20` },
        ],
      });
      await snapshotPopulation(ctx, organizerPrincipal, id);
      await assign(ctx, id, c.ward, u.director.id, 'direct');
      return id;
    };
    const lateId = await campaign(LATE_YEAR);
    const currentId = await campaign(CURRENT_YEAR);
    const organizer = await as(u.organizer.username);
    const cur = `/api/campaigns/${currentId}`;
    const late = `/api/campaigns/${lateId}`;
    const plan = await ok(organizer, 'POST', `${cur}/plan/attachments`, fileForm('ke-hoach.pdf'));
    await ok(organizer, 'POST', '/api/announcements', {
      unitId: c.root.id,
      title: 'Lịch hội nghị kiểm điểm năm 2024',
      body: 'Các chi bộ hoàn thành hội nghị trước ngày 20/12/2024.',
    });

    // The three places of the committee: its member, chi bộ, grassroots unit and their committee.
    const spots = [
      { key: 'in', cell: c.cellA, grassroots: c.ward, member: c.members.thuy, account: u.member, committee: u.unitCommittee },
      { key: 'neigh', cell: c.cellB, grassroots: c.ward, member: c.members.lan, account: u.memberLan, committee: u.unitCommittee },
      {
        key: 'sib',
        cell: c.school,
        grassroots: c.school,
        member: c.members.school1,
        account: u.memberSchool,
        committee: u.schoolCommittee,
      },
    ];
    const lateFx = fixtureOf(ctx, lateId, LATE_YEAR);
    const currentFx = fixtureOf(ctx, currentId, CURRENT_YEAR);
    for (const s of spots) {
      const self = await as(s.account.username);
      const committee = await as(s.committee.username);
      const m = s.member.id;
      // ── current campaign ──
      const memberSuggestion = await ok(organizer, 'POST', `${cur}/suggestions`, {
        target: { kind: 'member', memberId: m },
        items: ['Giải trình việc chậm nộp báo cáo'],
      });
      await ok(organizer, 'POST', `/api/suggestions/${memberSuggestion.id}/issue`, { version: memberSuggestion.version });
      const unitSuggestion = await ok(organizer, 'POST', `${cur}/suggestions`, {
        target: { kind: 'unit', unitId: s.cell.id },
        items: ['Làm rõ trách nhiệm trong công tác giải phóng mặt bằng'],
      });
      await ok(self, 'PUT', `/api/members/${m}/commitments/${CURRENT_YEAR}`, { items: [{ text: 'Gương mẫu chấp hành chủ trương' }] });
      await ok(committee, 'PUT', `/api/members/${m}/year-facts/${CURRENT_YEAR}`, { civilServiceRating: 'good', targetsCompletedPct: 100 });
      await ok(self, 'PUT', `${cur}/reviews/member/${m}`, {
        version: 0,
        content: {
          shortcomings: [{ key: 'h1', text: 'Còn ngại va chạm', causeKind: 'subjective', cause: 'Chưa mạnh dạn' }],
          selfLevel: 'good',
        },
      });
      const reviewFile = await ok(self, 'POST', `${cur}/reviews/member/${m}/attachments`, fileForm('minh-chung.pdf'));
      await ok(committee, 'POST', `${cur}/reviews/member/${m}/comments`, {
        sourceKind: 'residence',
        sourceName: 'Chi ủy nơi cư trú',
        text: 'Gương mẫu nơi cư trú.',
      });
      await ok(committee, 'PUT', `${cur}/reviews/collective/${s.cell.id}`, {
        version: 0,
        content: { shortcomings: [{ key: 'h1', text: 'Sinh hoạt chưa đều', causeKind: 'subjective', cause: 'Chưa sâu sát' }] },
      });
      const dossierPath = `${cur}/units/${s.cell.id}/dossier`;
      const dossier = await ok(committee, 'GET', dossierPath);
      await ok(committee, 'POST', `${dossierPath}/start`, { version: dossier.version });
      const dossierFile = lastAttachment(await ok(committee, 'POST', `${dossierPath}/attachments`, fileForm('bao-cao.pdf')));
      const conferenceId = await scheduledConference(ctx, currentFx, s.cell);
      const announcement = await ok(committee, 'POST', '/api/announcements', {
        unitId: s.cell.id,
        title: `Thông báo của ${s.cell.name}`,
        body: 'Sinh hoạt chi bộ định kỳ ngày 05 hằng tháng.',
      });
      const document = await ok(committee, 'POST', '/api/documents', {
        kind: 'collective_report',
        campaignId: currentId,
        subjectId: s.cell.id,
      });

      // ── late campaign: conference held, tally, proposal, decision (not published), plan filed ──
      const lateConference = await heldConference(ctx, lateFx, s.cell);
      // The top level, so that the commendation lists have their candidate.
      await seedTally(ctx, lateFx, lateConference, s.cell, m, 'excellent' as Level);
      await ok(committee, 'POST', `${late}/classification/proposals`, {
        unitId: s.cell.id,
        items: [{ subjectKind: 'member', subjectKey: m, version: 0 }],
      });
      const decision = await ok(committee, 'POST', `${late}/decisions`, {
        unitId: s.cell.id,
        number: `0${spots.indexOf(s) + 1}-QĐ/ĐU`,
        date: `${LATE_YEAR}-12-20`,
        items: [
          {
            subjectKind: 'member',
            subjectKey: m,
            level: 'excellent',
            version: 1,
            overrideReason: 'Thành tích nổi bật trong công tác giải phóng mặt bằng',
          },
        ],
      });
      const shortcomingId = newId();
      await ctx.db
        .insertInto('shortcomings')
        .values({
          id: shortcomingId,
          subject_kind: 'member',
          subject_key: m,
          unit_id: s.cell.id,
          member_id: m,
          scope_path: s.cell.path,
          campaign_id: lateId,
          year_found: LATE_YEAR,
          text: 'Chưa thường xuyên nghiên cứu nghị quyết',
          cause_kind: 'subjective',
          cause: 'Chưa sắp xếp thời gian',
          source: 'review',
          resolved_year: null,
          version: 1,
          created_at: NOW,
          updated_at: NOW,
        })
        .execute();
      const remediation = await ok(self, 'PUT', `${late}/remediation/member/${m}`, {
        version: 0,
        items: [{ shortcomingId, action: 'Nghiên cứu nghị quyết mỗi tháng', owner: s.member.fullName, deadline: '2024-06-30' }],
      });
      const filed = await ok(self, 'POST', `${late}/remediation/member/${m}/file`, { version: remediation.version });
      placeRows.set(`${tag}:${s.key}`, {
        current: {
          memberSuggestionId: memberSuggestion.id,
          unitSuggestionId: unitSuggestion.id,
          reviewAttachmentId: reviewFile.id,
          dossierAttachmentId: dossierFile.id,
          conferenceId,
          documentId: document.id,
        },
        late: { conferenceId: lateConference, decisionId: decision.id, shortcomingId, remediationItemId: filed.items[0].id },
        announcementId: announcement.id,
      });
    }
    committees[tag] = { ...c, lateId, currentId, planAttachmentId: plan.id };
  }

  const A = committees.A!;
  const B = committees.B!;
  const place = (name: PlaceName): Place => {
    const c = name === 'foreign' ? B : A;
    const key = name === 'foreign' ? 'in' : name;
    const rows = placeRows.get(`${c.tag}:${key}`)!;
    const base = {
      in: {
        cell: c.cellA,
        grassroots: c.ward,
        member: c.members.thuy,
        leader: c.leaders.cellA,
        memberAccount: c.accounts.member,
        committeeAccount: c.accounts.unitCommittee,
      },
      neigh: {
        cell: c.cellB,
        grassroots: c.ward,
        member: c.members.lan,
        leader: c.leaders.cellB,
        memberAccount: c.accounts.memberLan,
        committeeAccount: c.accounts.unitCommittee,
      },
      sib: {
        cell: c.school,
        grassroots: c.school,
        member: c.members.school1,
        leader: c.leaders.school,
        memberAccount: c.accounts.memberSchool,
        committeeAccount: c.accounts.schoolCommittee,
      },
    }[key as 'in' | 'neigh' | 'sib'];
    return { name, committee: c, ...base, ...rows };
  };
  const places: Record<PlaceName, Place> = { in: place('in'), neigh: place('neigh'), sib: place('sib'), foreign: place('foreign') };

  const accountOf: Record<Role, Account> = {
    admin: A.accounts.admin,
    standing: A.accounts.standing,
    organizer: A.accounts.organizer,
    office: A.accounts.office,
    director: A.accounts.director,
    unit_committee: A.accounts.unitCommittee,
    cell_secretary: A.accounts.cellSecretary,
    member: A.accounts.member,
  };
  const callers = {} as Record<Role, Caller>;
  for (const role of Object.keys(accountOf) as Role[]) callers[role] = await as(accountOf[role].username);

  return {
    dialect,
    db,
    ctx,
    app,
    province,
    A,
    B,
    places,
    callers,
    accountOf,
    as,
    ok,
    async close() {
      await db.drop();
    },
  };
}
