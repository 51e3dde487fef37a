// The demo committee on both databases (issue 2 item 9; reference-scenario.md, "What the demo
// committee must contain"): Thành ủy Hà Tĩnh with its 42 grassroots organizations, about 4,000
// members with complete histories and audit, one login per role that sees what its role should.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { buildDemo, DEMO_PASSWORD, type DemoResult } from '../../src/server/features/demo/build-demo.js';
import { CITY_COMMUNES, CITY_WARDS } from '../../src/server/features/demo/city.js';
import { EXEMPT_REASON } from '../../src/server/features/demo/people.js';
import { addMonths } from '../../src/server/features/demo/random.js';
import { verifyAllChains } from '../../src/server/adapters/db/audit.repository.js';
import { BUSINESS_DATE, getSetting } from '../../src/server/adapters/db/settings.repository.js';
import { subtreeRange } from '../../src/server/adapters/db/dialect.js';
import { AppError } from '../../src/shared/errors.js';
import { foldForSearch } from '../../src/shared/text.js';
import { deriveNameColumns } from '../../src/server/domain/member-profile.js';
import { SECTORS } from '../../src/shared/vocabulary.js';
import { reviewContent } from '../../src/shared/contracts/review-content.js';
import { levelLabel, ruleSetById } from '../../src/server/domain/rule-sets/index.js';
import { CITY_SUGGESTIONS } from '../../src/server/features/demo/texts.js';
import { plainReviewCounts, type ReviewCounts } from '../support/review-counts.js';
import type { Level } from '../../src/shared/campaign-vocabulary.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TestClient } from '../support/http.js';

const SEED = 4242;
const BUSINESS_DAY = '2017-12-05';

describeEachDialect('demo committee (city scale)', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let result: DemoResult;
  const messages: string[] = [];

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    result = await buildDemo(ctx, { scale: 'city', seed: SEED, onProgress: (m) => messages.push(m) });
  });
  afterAll(async () => db?.drop());

  const unitByName = (name: string) => ctx.db.selectFrom('org_units').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const countUnder = async (path: string) => {
    const r = subtreeRange(path);
    const row = await ctx.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_path', '>=', r.from)
      .where('unit_path', '<', r.to)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('builds Thành ủy Hà Tĩnh with exactly 42 grassroots organizations directly under it', async () => {
    const root = await ctx.db.selectFrom('org_units').selectAll().where('parent_id', 'is', null).execute();
    expect(root).toHaveLength(1);
    expect(root[0]).toMatchObject({ id: result.committeeId, name: 'Thành ủy Hà Tĩnh', kind: 'committee', code: 'TU' });
    const grassroots = await ctx.db
      .selectFrom('org_units')
      .selectAll()
      .where('kind', 'in', ['grassroots_party', 'grassroots_cell'])
      .execute();
    expect(grassroots).toHaveLength(42);
    expect(result.grassroots).toBe(42);
    expect(grassroots.every((u) => u.parent_id === result.committeeId)).toBe(true);
    // A mix of đảng bộ cơ sở and chi bộ cơ sở, as the scenario says.
    expect(grassroots.filter((u) => u.kind === 'grassroots_party').length).toBeGreaterThan(16);
    expect(grassroots.filter((u) => u.kind === 'grassroots_cell').length).toBeGreaterThan(10);
    const all = await ctx.db
      .selectFrom('org_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(all.n)).toBe(result.units);
  });

  it('has the 16 wards and communes of 2017 as đảng bộ cơ sở with chi bộ trực thuộc', async () => {
    expect(CITY_WARDS).toHaveLength(10);
    expect(CITY_COMMUNES).toHaveLength(6);
    const names = [...CITY_WARDS.map((w) => `Đảng bộ phường ${w.name}`), ...CITY_COMMUNES.map((c) => `Đảng bộ xã ${c.name}`)];
    for (const name of names) {
      const u = await unitByName(name);
      expect(u.kind, name).toBe('grassroots_party');
      expect(u.sector, name).toBe(name.includes('phường') ? 'ward' : 'commune');
      const cells = await ctx.db.selectFrom('org_units').select(['kind', 'code']).where('parent_id', '=', u.id).execute();
      expect(cells.length, name).toBeGreaterThanOrEqual(10);
      expect(
        cells.every((c) => c.kind === 'cell' && c.code.startsWith(`${u.code}.C`)),
        name,
      ).toBe(true);
    }
  });

  it('gives every unit a readable unique code, a folded name and a sector of the vocabulary', async () => {
    const units = await ctx.db.selectFrom('org_units').selectAll().execute();
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    for (const u of units) {
      expect(u.code).toMatch(/^TU(\.[A-Z]{1,2}\d{2})*(\.C\d{2})?$/);
      expect(u.name_search).toBe(foldForSearch(u.name));
      if (u.sector !== null) expect(SECTORS as readonly string[]).toContain(u.sector);
    }
    // Grassroots chi bộ hold members directly; đảng bộ cơ sở only through their chi bộ.
    const cellsWithChildren = await ctx.db
      .selectFrom('org_units as c')
      .innerJoin('org_units as p', 'p.id', 'c.parent_id')
      .select('c.id')
      .where('p.kind', 'in', ['grassroots_cell', 'cell'])
      .execute();
    expect(cellsWithChildren).toHaveLength(0);
  });

  it('has 3,500–4,500 members, all in chi bộ, with name columns, unique cards and both histories', async () => {
    const members = await ctx.db
      .selectFrom('members as m')
      .innerJoin('org_units as u', 'u.id', 'm.unit_id')
      .select([
        'm.id',
        'm.family_name',
        'm.middle_name',
        'm.given_name',
        'm.full_name',
        'm.name_search',
        'm.sort_key',
        'm.card_number',
        'm.unit_path',
        'u.path',
        'u.kind',
        'm.status',
        'm.admission_date',
        'm.official_date',
        'm.birth_date',
        'm.gender',
      ])
      .execute();
    expect(members.length).toBe(result.members);
    expect(members.length).toBeGreaterThanOrEqual(3500);
    expect(members.length).toBeLessThanOrEqual(4500);
    for (const m of members) {
      expect(['cell', 'grassroots_cell']).toContain(m.kind);
      expect(m.unit_path).toBe(m.path);
      // The same derived columns as every other write of a member (domain/member-profile.ts).
      const derived = deriveNameColumns({ familyName: m.family_name, middleName: m.middle_name, givenName: m.given_name });
      expect(m.sort_key).toBe(derived.sortKey);
      expect(m.sort_key.length).toBeGreaterThan(0);
      expect(m.name_search).toBe(derived.nameSearch);
      expect(m.name_search).toContain(foldForSearch(m.full_name));
      expect(m.card_number).toMatch(/^\d{8}$/);
      expect(m.birth_date! < m.admission_date!).toBe(true);
      expect(['male', 'female']).toContain(m.gender);
    }
    expect(new Set(members.map((m) => m.card_number)).size).toBe(members.length);

    const statusRows = await ctx.db.selectFrom('member_status_history').select(['member_id', 'status', 'to_date', 'reason']).execute();
    const unitRows = await ctx.db.selectFrom('member_unit_history').select(['member_id', 'unit_id']).execute();
    const current = new Map(statusRows.filter((r) => r.to_date === null).map((r) => [r.member_id, r]));
    const units = new Map<string, number>();
    for (const r of unitRows) units.set(r.member_id, (units.get(r.member_id) ?? 0) + 1);
    for (const m of members) {
      expect(current.get(m.id)?.status, m.full_name).toBe(m.status);
      expect(units.get(m.id), m.full_name).toBe(1);
    }
  });

  it('has official and probationary members, exempt retirees, a few suspended, transferred and deceased', async () => {
    const members = await ctx.db
      .selectFrom('members')
      .select(['id', 'status', 'admission_date', 'official_date', 'status_since'])
      .execute();
    const probation = members.filter((m) => m.official_date === null);
    expect(probation.length).toBeGreaterThan(20);
    // Probation is 12 months (Điều lệ Đảng, Điều 5): admitted within a year of the business date.
    for (const m of probation) expect(m.admission_date! > addMonths(BUSINESS_DAY, -12)).toBe(true);
    expect(probation.some((m) => m.admission_date! > addMonths(BUSINESS_DAY, -6))).toBe(true);
    for (const m of members.filter((x) => x.official_date !== null))
      expect(m.official_date! >= addMonths(m.admission_date!, 12)).toBe(true);

    const byStatus = (s: string) => members.filter((m) => m.status === s);
    expect(byStatus('exempt').length).toBeGreaterThan(50);
    expect(byStatus('suspended').length).toBeGreaterThanOrEqual(1);
    expect(byStatus('transferred').length).toBeGreaterThanOrEqual(1);
    expect(byStatus('deceased').length).toBeGreaterThanOrEqual(1);
    expect(byStatus('suspended').length + byStatus('transferred').length + byStatus('deceased').length).toBeLessThan(50);

    const exemptHistory = await ctx.db
      .selectFrom('member_status_history')
      .select(['member_id', 'from_date', 'reason'])
      .where('status', '=', 'exempt')
      .execute();
    expect(exemptHistory).toHaveLength(byStatus('exempt').length);
    const since = new Map(members.map((m) => [m.id, m.status_since]));
    for (const h of exemptHistory) {
      expect(h.reason).toBe(EXEMPT_REASON);
      expect(h.from_date).toBe(since.get(h.member_id));
      expect(h.from_date <= BUSINESS_DAY).toBe(true);
    }
  });

  it('fills the posts: a secretary in every chi bộ, a đảng ủy in every đảng bộ cơ sở, heads and leaders', async () => {
    const cells = await ctx.db.selectFrom('org_units').select(['id', 'name']).where('kind', 'in', ['cell', 'grassroots_cell']).execute();
    const secretaries = await ctx.db
      .selectFrom('members')
      .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('party_posts', 'like', '%Bí thư Chi bộ%')
      .where('party_posts', 'not like', '%Phó Bí thư Chi bộ%')
      .groupBy('unit_id')
      .execute();
    const perCell = new Map(secretaries.map((s) => [s.unit_id, Number(s.n)]));
    for (const c of cells) expect(perCell.get(c.id), c.name).toBe(1);

    const namHa = await unitByName('Đảng bộ phường Nam Hà');
    const committee = await ctx.db
      .selectFrom('members')
      .select(['full_name', 'party_posts'])
      .where('unit_path', '>=', subtreeRange(namHa.path).from)
      .where('unit_path', '<', subtreeRange(namHa.path).to)
      .where('party_posts', 'like', '%Đảng ủy%phường Nam Hà%')
      .execute();
    expect(
      committee.filter((m) => m.party_posts!.includes('Bí thư Đảng ủy phường Nam Hà') && !m.party_posts!.includes('Phó Bí thư Đảng ủy')),
    ).toHaveLength(1);
    expect(committee.length).toBeGreaterThanOrEqual(11);

    const flags = await ctx.db
      .selectFrom('members')
      .select([
        (eb) => eb.fn.sum<number>('is_head').as('heads'),
        (eb) => eb.fn.sum<number>('is_leader').as('leaders'),
        (eb) => eb.fn.sum<number>('is_civil_servant').as('civil'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(flags.heads)).toBeGreaterThan(40);
    expect(Number(flags.leaders)).toBeGreaterThan(Number(flags.heads));
    expect(Number(flags.civil)).toBeGreaterThan(300);
    const standing = await ctx.db
      .selectFrom('members')
      .select('full_name')
      .where('party_posts', 'like', '%Ban Thường vụ Thành ủy%')
      .execute();
    expect(standing.length).toBeGreaterThanOrEqual(9);
  });

  it('writes an audit event for every unit, member and account, with intact chains', async () => {
    const counts = await ctx.db
      .selectFrom('audit_events')
      .select(['action', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('action')
      .execute();
    const n = new Map(counts.map((c) => [c.action, Number(c.n)]));
    expect(n.get('org_unit.create')).toBe(result.units);
    expect(n.get('member.create')).toBe(result.members);
    // The printed logins, and the other Standing Committee members' accounts (btv.02, …) the campaigns assign.
    const accounts = await ctx.db.selectFrom('accounts').select('username').execute();
    expect(n.get('account.create')).toBe(accounts.length);
    expect(accounts.length).toBeGreaterThan(result.accounts.length);
    expect(accounts.every((a) => result.accounts.some((p) => p.username === a.username) || /^btv\.\d{2}$/.test(a.username))).toBe(true);
    expect(n.get('setting.update')).toBe(1);
    // The tree, the members and the accounts are written by the system; the campaigns by the demo's
    // Organization Board and Standing office, through the campaign use cases.
    const system = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('actor_id', 'is not', null)
      .where('action', 'in', ['org_unit.create', 'member.create', 'account.create', 'account.grant', 'setting.update'])
      .execute();
    expect(system).toHaveLength(0);
    const campaignActors = await ctx.db
      .selectFrom('audit_events as e')
      .innerJoin('accounts as a', 'a.id', 'e.actor_id')
      .select('a.username')
      .distinct()
      .where('e.action', 'like', 'campaign.%')
      .execute();
    expect(campaignActors.map((a) => a.username).sort()).toEqual(['bantochuc', 'thuongtruc']);
    expect(n.get('campaign.create')).toBe(2);
    expect(n.get('campaign.snapshot')).toBe(2);
    const verified = await verifyAllChains(ctx.db);
    expect(verified.problem).toBeNull();
    expect(verified.checked).toBeGreaterThan(result.members + result.units);
  });

  it('sets the business date inside the 2017 campaign', async () => {
    expect(await getSetting(ctx.db, BUSINESS_DATE)).toBe(BUSINESS_DAY);
    expect(messages.at(-1)).toMatch(/Đã tạo dữ liệu mẫu: .* đảng viên/);
  });

  it('refuses to build on a database that already has data, in Vietnamese, changing nothing', async () => {
    const before = await ctx.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const error = await buildDemo(ctx, { scale: 'city', seed: SEED }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('demo.not_empty');
    expect((error as AppError).message).toMatch(/cơ sở dữ liệu đã có .* tổ chức đảng/);
    const after = await ctx.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('is deterministic: the same seed gives the same people and campaigns on a fresh database', async () => {
    const other = await migratedDatabase(dialect);
    try {
      const again = await buildDemo(contextFor(other.handle), { scale: 'city', seed: SEED });
      expect(again.members).toBe(result.members);
      expect(again.units).toBe(result.units);
      const sample = async (c: TestDatabase) =>
        (
          await sql<{
            card_number: string;
            full_name: string;
            birth_date: string;
            code: string;
            party_posts: string | null;
            status: string;
          }>`
            select m.card_number, m.full_name, m.birth_date, u.code, m.party_posts, m.status
            from members m join org_units u on u.id = m.unit_id
            order by m.card_number`.execute(c.handle.db)
        ).rows.filter((_, i) => i % 37 === 0);
      const first = await sample(db);
      expect(first.length).toBeGreaterThan(90);
      expect(await sample(other)).toEqual(first);
      // The campaigns too: the 2017 stage of every unit, the 2016 level of every member.
      const campaigns = async (c: TestDatabase) => ({
        stages: (
          await sql<{ code: string; stage: string; needs_appraisal: number }>`
            select u.code, cu.stage, cu.needs_appraisal from campaign_units cu
            join campaigns c on c.id = cu.campaign_id join org_units u on u.id = cu.unit_id
            where c.review_year = 2017 order by u.code`.execute(c.handle.db)
        ).rows,
        levels: (
          await sql<{ card_number: string; decided_level: string }>`
            select m.card_number, cl.decided_level from classifications cl
            join campaigns c on c.id = cl.campaign_id join members m on m.id = cl.member_id
            where c.review_year = 2016 order by m.card_number`.execute(c.handle.db)
        ).rows.filter((_, i) => i % 29 === 0),
      });
      const mine = await campaigns(db);
      expect(mine.stages).toHaveLength(result.units - 1);
      expect(await campaigns(other)).toEqual(mine);
    } finally {
      await other.drop();
    }
  });

  it('lets every demo account log in and see what its role should (design §2)', async () => {
    const root = await ctx.db.selectFrom('org_units').selectAll().where('id', '=', result.committeeId).executeTakeFirstOrThrow();
    const namHa = await unitByName('Đảng bộ phường Nam Hà');
    const cell = await ctx.db
      .selectFrom('org_units')
      .selectAll()
      .where('parent_id', '=', namHa.id)
      .where('name', '=', 'Chi bộ Khối phố 3')
      .executeTakeFirstOrThrow();
    const everyone = await countUnder(root.path);
    const expected: Record<string, { role: string; unit: string; members: number; tree: boolean; linked: boolean }> = {
      admin: { role: 'admin', unit: root.name, members: everyone, tree: true, linked: false },
      bithu: { role: 'standing', unit: root.name, members: everyone, tree: true, linked: true },
      chidao: { role: 'standing', unit: root.name, members: everyone, tree: true, linked: true },
      thuongtruc: { role: 'standing', unit: root.name, members: everyone, tree: true, linked: true },
      bantochuc: { role: 'organizer', unit: root.name, members: everyone, tree: true, linked: true },
      vanphong: { role: 'office', unit: root.name, members: everyone, tree: true, linked: true },
      'capuy.namha': { role: 'unit_committee', unit: namHa.name, members: await countUnder(namHa.path), tree: true, linked: true },
      'bithu.chibo': { role: 'cell_secretary', unit: cell.name, members: await countUnder(cell.path), tree: true, linked: true },
      dangvien: { role: 'member', unit: cell.name, members: 1, tree: false, linked: true },
    };
    expect(result.accounts.map((a) => a.username).sort()).toEqual(Object.keys(expected).sort());

    for (const account of result.accounts) {
      const want = expected[account.username];
      expect(account.password).toBe(DEMO_PASSWORD);
      expect(account.role).toBe(want.role);
      expect(account.unitName).toBe(want.unit);
      expect(account.note.length).toBeGreaterThan(10);
      const client = await TestClient.loggedIn(ctx, account.username, account.password);
      const me = await client.get('/api/me');
      expect(me.status, account.username).toBe(200);
      expect(me.body.mustChangePassword).toBe(false);
      expect(me.body.businessDate).toBe(BUSINESS_DAY);
      expect(
        me.body.grants.some((g: { role: string; unitName: string }) => g.role === want.role && g.unitName === want.unit),
        account.username,
      ).toBe(true);
      expect(me.body.memberId !== null, account.username).toBe(want.linked);
      expect(me.body.abilities.readOrgTree, account.username).toBe(want.tree);
      expect(me.body.abilities.manageAccounts, account.username).toBe(account.username === 'admin');
      const list = await client.get('/api/members?pageSize=5');
      expect(list.status, account.username).toBe(200);
      expect(list.body.total, account.username).toBe(want.members);
    }
  });

  it('links the chi bộ accounts to the right people: its secretary and a member named Thúy', async () => {
    const namHa = await unitByName('Đảng bộ phường Nam Hà');
    const cell = await ctx.db
      .selectFrom('org_units')
      .selectAll()
      .where('parent_id', '=', namHa.id)
      .where('name', '=', 'Chi bộ Khối phố 3')
      .executeTakeFirstOrThrow();
    const linked = async (username: string) =>
      ctx.db
        .selectFrom('accounts as a')
        .innerJoin('members as m', 'm.id', 'a.member_id')
        .select(['m.id', 'm.unit_id', 'm.given_name', 'm.party_posts', 'm.status', 'm.official_date'])
        .where('a.username', '=', username)
        .executeTakeFirstOrThrow();
    const secretary = await linked('bithu.chibo');
    expect(secretary.unit_id).toBe(cell.id);
    expect(secretary.party_posts).toContain('Bí thư Chi bộ');
    const thuy = await linked('dangvien');
    expect(thuy.unit_id).toBe(cell.id);
    expect(thuy.given_name).toBe('Thúy');
    expect(thuy.status).toBe('active');
    expect(thuy.official_date).not.toBeNull();
    const capuy = await linked('capuy.namha');
    expect(capuy.party_posts).toContain('Bí thư Đảng ủy phường Nam Hà');

    // The member sees her own profile and nobody else's, the admin sees the tree of 42.
    const member = await TestClient.loggedIn(ctx, 'dangvien', DEMO_PASSWORD);
    expect((await member.get(`/api/members/${thuy.id}`)).status).toBe(200);
    expect((await member.get(`/api/members/${secretary.id}`)).status).toBe(404);
    const admin = await TestClient.loggedIn(ctx, 'admin', DEMO_PASSWORD);
    const children = await admin.get(`/api/org-units?parent=${result.committeeId}&pageSize=100`);
    expect(children.status).toBe(200);
    expect(children.body.total).toBe(42);
  });

  // Issue 3 item 10: the 2016 campaign closed, the 2017 campaign open (reference-scenario.md).
  describe('campaigns', () => {
    const campaign = (year: number) => ctx.db.selectFrom('campaigns').selectAll().where('review_year', '=', year).executeTakeFirstOrThrow();
    const grassroots2017 = async () => {
      const c = await campaign(2017);
      return ctx.db
        .selectFrom('campaign_units as cu')
        .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
        .select(['cu.id', 'cu.unit_id', 'u.name', 'cu.stage', 'cu.needs_appraisal', 'cu.appraisal_round', 'cu.unit_path'])
        .where('cu.campaign_id', '=', c.id)
        .where('cu.is_grassroots', '=', 1)
        .execute();
    };

    it('has two campaigns of the committee: 2016 closed and 2017 open, both under HD 27 with their plan approved', async () => {
      const rows = await ctx.db.selectFrom('campaigns').selectAll().orderBy('review_year').execute();
      expect(rows.map((c) => [c.review_year, c.status, c.rule_set_id, c.plan_status, c.owner_unit_id])).toEqual([
        [2016, 'closed', 'hd27-2014', 'approved', result.committeeId],
        [2017, 'open', 'hd27-2014', 'approved', result.committeeId],
      ]);
      for (const c of rows) {
        expect(c.snapshot_at).not.toBeNull();
        expect(c.plan_text).toMatch(/^KẾ HOẠCH kiểm điểm/);
        expect(c.plan_approved_at!.slice(0, 4)).toBe(String(c.review_year));
      }
    });

    it('sets the business date inside the 2017 campaign, past its deadline for the reviews', async () => {
      const c = await campaign(2017);
      const milestones = JSON.parse(c.milestones_json) as { kind: string; dueDate: string }[];
      const due = (kind: string) => milestones.find((m) => m.kind === kind)!.dueDate;
      expect(due('plan') < BUSINESS_DAY && BUSINESS_DAY < due('report')).toBe(true);
      expect(due('reviews_due') < BUSINESS_DAY).toBe(true);
      expect(due('conferences') > BUSINESS_DAY).toBe(true);
      const admin = await TestClient.loggedIn(ctx, 'admin', DEMO_PASSWORD);
      const cockpit = await admin.get(`/api/campaigns/${c.id}/cockpit?pageSize=100`);
      expect(cockpit.status).toBe(200);
      expect(cockpit.body.businessDate).toBe(BUSINESS_DAY);
      // Units still planned or drafting are overdue for the reviews (design §3, Setting).
      expect(cockpit.body.totals.overdue).toBeGreaterThan(0);
      // The 42 units' review counts, counted ten units to a statement, are each a plain count over the
      // unit's subtree.
      const items = cockpit.body.items as { unitId: string; reviews: ReviewCounts }[];
      expect(items).toHaveLength(42);
      const countsOf = await plainReviewCounts(ctx.db, c.id);
      for (const item of items) expect(item.reviews).toEqual(countsOf(item.unitId));
      expect(items.some((i) => i.reviews.submitted > 0)).toBe(true);
    });

    it('puts the 42 grassroots units in the 2017 population, at every stage from planned to conference_scheduled', async () => {
      const units = await grassroots2017();
      expect(units).toHaveLength(42);
      const count = (stage: string) => units.filter((u) => u.stage === stage).length;
      for (const stage of ['planned', 'drafting', 'submitted', 'under_appraisal', 'cleared', 'conference_scheduled']) {
        expect(count(stage), stage).toBeGreaterThan(0);
      }
      // Units the demo accounts work in: Nam Hà is preparing its dossier.
      expect(units.find((u) => u.name === 'Đảng bộ phường Nam Hà')!.stage).toBe('drafting');
      // Every scheduled conference has its row, and only scheduled units have one.
      const conferences = await ctx.db
        .selectFrom('conferences')
        .select(['campaign_unit_id', 'scheduled_for', 'status'])
        .where('campaign_id', '=', (await campaign(2017)).id)
        .execute();
      const scheduled = units.filter((u) => u.stage === 'conference_scheduled');
      expect(scheduled.every((u) => conferences.some((c) => c.campaign_unit_id === u.id))).toBe(true);
      for (const c of conferences) {
        expect(c.status).toBe('scheduled');
        expect(c.scheduled_for > BUSINESS_DAY).toBe(true);
      }
    });

    it('gives about one unit in six issued suggested points, each waiting on or cleared by the Organization Board', async () => {
      const c = await campaign(2017);
      const units = await grassroots2017();
      const suggestions = await ctx.db
        .selectFrom('suggestions as s')
        .innerJoin('suggestion_items as i', 'i.suggestion_id', 's.id')
        .select(['s.unit_id', 's.status', 's.issued_at', (eb) => eb.fn.countAll<number>().as('items')])
        .where('s.campaign_id', '=', c.id)
        .where('s.target_kind', '=', 'unit')
        .groupBy(['s.unit_id', 's.status', 's.issued_at'])
        .execute();
      expect(suggestions.length).toBeGreaterThanOrEqual(6);
      expect(suggestions.length).toBeLessThanOrEqual(8);
      const withPoints = new Set(suggestions.map((s) => s.unit_id));
      for (const s of suggestions) {
        expect(s.status).toBe('issued');
        expect(s.issued_at! < `${BUSINESS_DAY}T`).toBe(true);
        expect(Number(s.items)).toBeGreaterThanOrEqual(2);
        expect(Number(s.items)).toBeLessThanOrEqual(4);
      }
      for (const u of units) {
        expect(u.needs_appraisal === 1, u.name).toBe(withPoints.has(u.unit_id));
        if (withPoints.has(u.unit_id)) expect(['submitted', 'under_appraisal', 'cleared'], u.name).toContain(u.stage);
      }
      const names = units.filter((u) => withPoints.has(u.unit_id)).map((u) => u.name);
      expect(names.sort()).toEqual(Object.keys(CITY_SUGGESTIONS).sort());
      // The gate (issue 3 item 7): no conference scheduled for a unit whose dossier needed appraisal and was not cleared.
      expect(units.filter((u) => u.stage === 'conference_scheduled' && u.needs_appraisal === 1)).toHaveLength(0);
    });

    it('has exactly one unit returned once with reasons and findings, resubmitted and in its second round', async () => {
      const c = await campaign(2017);
      const rounds = await ctx.db
        .selectFrom('appraisals as a')
        .innerJoin('campaign_units as cu', 'cu.id', 'a.campaign_unit_id')
        .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
        .select(['u.name', 'a.round', 'a.status', 'a.reason', 'a.findings_json', 'cu.stage', 'cu.appraisal_round'])
        .where('cu.campaign_id', '=', c.id)
        .orderBy('u.name')
        .orderBy('a.round')
        .execute();
      const returned = rounds.filter((r) => r.status === 'returned');
      expect(returned).toHaveLength(1);
      expect(returned[0]).toMatchObject({ name: 'Đảng bộ xã Thạch Trung', round: 1, stage: 'under_appraisal', appraisal_round: 2 });
      expect(returned[0].reason).toMatch(/gợi ý kiểm điểm/);
      const findings = JSON.parse(returned[0].findings_json) as { section: string; text: string }[];
      expect(findings.length).toBeGreaterThanOrEqual(2);
      expect(rounds.filter((r) => r.name === 'Đảng bộ xã Thạch Trung').map((r) => [r.round, r.status])).toEqual([
        [1, 'returned'],
        [2, 'open'],
      ]);
      // Cleared units have their cleared round; units under appraisal an open one.
      for (const r of rounds.filter((x) => x.name !== 'Đảng bộ xã Thạch Trung')) {
        expect(r.status, r.name).toBe(r.stage === 'cleared' ? 'cleared' : 'open');
      }
    });

    it('assigns every Standing Committee member to several units, and shows a director their units first', async () => {
      const c = await campaign(2017);
      const rows = await ctx.db
        .selectFrom('assignments as a')
        .innerJoin('accounts as acc', 'acc.id', 'a.account_id')
        .select(['acc.username', 'a.unit_id', 'a.duty'])
        .where('a.campaign_id', '=', c.id)
        .execute();
      const units = await grassroots2017();
      for (const u of units)
        expect(
          rows.some((r) => r.unit_id === u.unit_id && r.duty === 'direct'),
          u.name,
        ).toBe(true);
      const perPerson = new Map<string, Set<string>>();
      for (const r of rows) perPerson.set(r.username, (perPerson.get(r.username) ?? new Set()).add(r.unit_id));
      expect(perPerson.size).toBeGreaterThanOrEqual(9);
      for (const [username, set] of perPerson) expect(set.size, username).toBeGreaterThanOrEqual(2);
      for (const username of ['thuongtruc', 'bithu', 'chidao']) expect(perPerson.has(username), username).toBe(true);
      // The Standing office attends the conferences of the units with suggested points.
      const attend = rows.filter((r) => r.username === 'thuongtruc' && r.duty === 'attend').map((r) => r.unit_id);
      for (const u of units.filter((x) => x.needs_appraisal === 1)) expect(attend).toContain(u.unit_id);
      // Assignments went through the use case: audited, and each director notified.
      const audited = await ctx.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'assignment.create')
        .executeTakeFirstOrThrow();
      expect(Number(audited.n)).toBe(rows.length);
      const chidao = await TestClient.loggedIn(ctx, 'chidao', DEMO_PASSWORD);
      const cockpit = await chidao.get(`/api/campaigns/${c.id}/cockpit?pageSize=100`);
      expect(cockpit.status).toBe(200);
      const mine = perPerson.get('chidao')!;
      const firstIds = (cockpit.body.items as { unitId: string }[]).slice(0, mine.size).map((i) => i.unitId);
      expect(new Set(firstIds)).toEqual(mine);
      const notices = await chidao.get('/api/notifications');
      expect(notices.status).toBe(200);
      expect(JSON.stringify(notices.body)).toMatch(/phân công/);
    });

    it('publishes the 2016 levels of every unit and member under the pre-2018 names, by decisions of early 2017', async () => {
      const c = await campaign(2016);
      const hd27 = ruleSetById('hd27-2014')!;
      const rows = await ctx.db.selectFrom('classifications').selectAll().where('campaign_id', '=', c.id).execute();
      const population = await ctx.db
        .selectFrom('campaign_members')
        .select('member_id')
        .where('campaign_id', '=', c.id)
        .where('included', '=', 1)
        .where('classified', '=', 1)
        .execute();
      const units = await ctx.db
        .selectFrom('campaign_units')
        .select(['unit_id', 'is_grassroots'])
        .where('campaign_id', '=', c.id)
        .execute();
      expect(rows.filter((r) => r.subject_kind === 'member')).toHaveLength(population.length);
      expect(rows.filter((r) => r.subject_kind === 'unit')).toHaveLength(units.length);
      const grassroots = new Set(units.filter((u) => u.is_grassroots === 1).map((u) => u.unit_id));
      for (const r of rows) {
        expect(r.status).toBe('published');
        expect(r.published_at).not.toBeNull();
        expect(r.decision_date! >= '2017-01-01' && r.decision_date! < '2017-03-01').toBe(true);
        expect(r.decision_number).toMatch(/^Số \d+-(QĐ)\/(TU|ĐU|CB)$/);
        const label = levelLabel(hd27, r.subject_kind as 'unit' | 'member', r.decided_level as Level);
        expect(label.length).toBeGreaterThan(4);
        if (r.subject_kind === 'unit' && grassroots.has(r.subject_key)) expect(r.decision_number).toBe('Số 125-QĐ/TU');
      }
      const labels = new Set(rows.filter((r) => r.subject_kind === 'unit').map((r) => levelLabel(hd27, 'unit', r.decided_level as Level)));
      expect(labels.has('Trong sạch, vững mạnh')).toBe(true);
      const memberLabels = new Set(
        rows.filter((r) => r.subject_kind === 'member').map((r) => levelLabel(hd27, 'member', r.decided_level as Level)),
      );
      expect(memberLabels.has('Đủ tư cách, hoàn thành tốt nhiệm vụ')).toBe(true);
    });

    it('records the 2016 shortcomings of every unit and of a share of members, some already remedied in 2017', async () => {
      const c = await campaign(2016);
      const rows = await ctx.db.selectFrom('shortcomings').selectAll().where('campaign_id', '=', c.id).execute();
      const units = await ctx.db
        .selectFrom('campaign_units')
        .select(['unit_id', 'is_grassroots'])
        .where('campaign_id', '=', c.id)
        .execute();
      for (const u of units.filter((x) => x.is_grassroots === 1)) {
        const n = rows.filter((r) => r.subject_kind === 'unit' && r.subject_key === u.unit_id).length;
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(3);
      }
      const members = new Set(rows.filter((r) => r.subject_kind === 'member').map((r) => r.subject_key));
      expect(members.size).toBeGreaterThan(result.members * 0.1);
      expect(members.size).toBeLessThan(result.members * 0.4);
      for (const r of rows) expect(r.year_found).toBe(2016);
      const statuses = await ctx.db
        .selectFrom('shortcoming_statuses as st')
        .innerJoin('shortcomings as s', 's.id', 'st.shortcoming_id')
        .select(['st.status', 's.resolved_year'])
        .where('st.year', '=', 2017)
        .execute();
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.length).toBeLessThan(rows.length);
      for (const st of statuses) expect(st.resolved_year).toBe(st.status === 'fixed' ? 2017 : null);
    });

    it('has collective reports and member reviews in draft or submitted, carrying over the 2016 shortcomings', async () => {
      const c = await campaign(2017);
      const reviews = await ctx.db
        .selectFrom('reviews')
        .select(['id', 'subject_kind', 'subject_key', 'status', 'content_json', 'version'])
        .where('campaign_id', '=', c.id)
        .execute();
      const members = reviews.filter((r) => r.subject_kind === 'member');
      expect(reviews.filter((r) => r.subject_kind === 'collective').length).toBeGreaterThan(100);
      expect(members.length).toBeGreaterThan(result.members * 0.3);
      expect(new Set(reviews.map((r) => r.status))).toEqual(new Set(['draft', 'submitted']));
      const open2016 = await ctx.db.selectFrom('shortcomings').select(['id', 'subject_key']).where('year_found', '=', 2016).execute();
      const subjectOf = new Map(open2016.map((s) => [s.id, s.subject_key]));
      let carried = 0;
      for (const r of reviews) {
        const content = reviewContent.parse(JSON.parse(r.content_json));
        for (const e of content.carryOver) {
          expect(subjectOf.get(e.shortcomingId)).toBe(r.subject_key);
          carried++;
        }
        if (r.status === 'submitted') {
          expect(content.selfLevel).not.toBeNull();
          expect(content.carryOver.every((e) => e.status !== null)).toBe(true);
          expect(content.suggestionAnswers.every((a) => a.answer.trim() !== '')).toBe(true);
        }
      }
      expect(carried).toBeGreaterThan(500);
      const revisions = await ctx.db
        .selectFrom('review_revisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(
          'review_id',
          'in',
          reviews.map((r) => r.id),
        )
        .executeTakeFirstOrThrow();
      expect(Number(revisions.n)).toBe(reviews.length);
    });

    it('lets the demo member open her 2017 review pre-filled with her 2016 shortcoming and her commitment', async () => {
      const c = await campaign(2017);
      const thuy = await ctx.db
        .selectFrom('accounts as a')
        .innerJoin('members as m', 'm.id', 'a.member_id')
        .select('m.id')
        .where('a.username', '=', 'dangvien')
        .executeTakeFirstOrThrow();
      const client = await TestClient.loggedIn(ctx, 'dangvien', DEMO_PASSWORD);
      const r = await client.get(`/api/campaigns/${c.id}/reviews/member/${thuy.id}`);
      expect(r.status).toBe(200);
      expect(r.body.version).toBe(0);
      expect(r.body.prefill.carryOver.length).toBeGreaterThanOrEqual(1);
      expect(r.body.prefill.carryOver.every((s: { yearFound: number; own: boolean }) => s.yearFound === 2016 && s.own)).toBe(true);
      expect(r.body.prefill.commitment.year).toBe(2017);
      expect(r.body.prefill.commitment.items.length).toBeGreaterThanOrEqual(4);
      expect(r.body.abilities.save).toBe(true);
    });

    it('records commitments of 2017 for most members and the facts of the year: disciplines, civil-service ratings', async () => {
      const c = await campaign(2017);
      const included = await ctx.db
        .selectFrom('campaign_members')
        .select('member_id')
        .where('campaign_id', '=', c.id)
        .where('included', '=', 1)
        .execute();
      const commitments = await ctx.db.selectFrom('commitments').select(['member_id', 'items_json']).where('year', '=', 2017).execute();
      expect(commitments.length).toBeGreaterThan(included.length * 0.85);
      for (const x of commitments.slice(0, 50)) {
        const items = JSON.parse(x.items_json) as { id: string; text: string }[];
        expect(items.length).toBeGreaterThanOrEqual(4);
        expect(items.every((i) => i.id && i.text.length > 20)).toBe(true);
      }
      const facts = await ctx.db.selectFrom('member_year_facts').selectAll().where('year', '=', 2017).execute();
      const disciplined = facts.filter((f) => f.disciplines_json !== '[]');
      expect(disciplined.length).toBeGreaterThanOrEqual(3);
      for (const f of disciplined) {
        const d = JSON.parse(f.disciplines_json) as { form: string; date: string; reason: string }[];
        expect(['reprimand', 'warning']).toContain(d[0].form);
        expect(d[0].date.startsWith('2017-')).toBe(true);
        expect(d[0].reason.length).toBeGreaterThan(10);
      }
      const rated = facts.filter((f) => f.civil_service_rating !== null);
      expect(rated.length).toBeGreaterThan(100);
      expect(rated.every((f) => f.targets_completed_pct !== null && f.targets_completed_pct >= 70)).toBe(true);
    });
  });
});
