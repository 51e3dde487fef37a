// The demo committee on both databases (issue 2 item 9; reference-scenario.md, "What the demo
// committee must contain"): Thành ủy Hà Tĩnh with its 42 grassroots organizations, about 4,000
// members with complete histories and audit, one login per role that sees what its role should.
import { afterAll, beforeAll, expect, it } from 'vitest';
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
    expect(n.get('account.create')).toBe(result.accounts.length);
    expect(n.get('setting.update')).toBe(1);
    const system = await ctx.db.selectFrom('audit_events').select('id').where('actor_id', 'is not', null).execute();
    expect(system).toHaveLength(0);
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

  it('is deterministic: the same seed gives the same people on a fresh database', async () => {
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
});
