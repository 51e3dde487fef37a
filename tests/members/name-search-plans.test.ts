// The two ways a name search finds its members (docs/decisions/0011), on both databases: reading
// the scope's own names, or starting from the rarest word in the name-word index, whose rows copy
// each member's unit path, roster key and folded name. Both plans must give the members a plain
// filter of the scope gives, in roster order, and the copies must follow every change of name and
// place: a renamed member, a transfer, a unit moved under another parent, merged units.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { loadPrincipal } from '../../src/server/adapters/auth/principal.repository.js';
import {
  chooseNameDriver,
  nameMatchesQuery,
  planNameSearch,
  type MemberListFilter,
  type NamePlan,
} from '../../src/server/adapters/db/members.repository.js';
import { memberReadScope, type Principal } from '../../src/server/domain/policy.js';
import { updateMember } from '../../src/server/features/members/update-member.js';
import { transferMember } from '../../src/server/features/members/transfer-member.js';
import { moveOrgUnit } from '../../src/server/features/org-units/move-org-unit.js';
import { mergeOrgUnits } from '../../src/server/features/org-units/merge-org-units.js';
import { foldForSearch } from '../../src/shared/text.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeMember, makeSmallCommittee, makeUnit } from '../support/factories.js';

describeEachDialect('member name search plans', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let tree: Awaited<ReturnType<typeof makeSmallCommittee>>;
  let admin: Principal;
  let cellC: Awaited<ReturnType<typeof makeUnit>>;
  let ward2: Awaited<ReturnType<typeof makeUnit>>;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    tree = await makeSmallCommittee(ctx.db);
    ward2 = await makeUnit(ctx.db, {
      parent: tree.committee,
      kind: 'grassroots_party',
      code: 'P02',
      name: 'Đảng bộ phường Nam Hà',
      sector: 'ward',
    });
    cellC = await makeUnit(ctx.db, { parent: tree.ward, kind: 'cell', code: 'P01.C3', name: 'Chi bộ khối phố 3', sector: 'ward' });
    // Two words of one name start with "thu": a prefix search must still count her once.
    await makeMember(ctx.db, tree.cellA, 'Phạm Thu Thủy');
    await makeMember(ctx.db, tree.cellB, 'Nguyễn Thuận');
    await makeMember(ctx.db, cellC, 'Võ Thị Thùy Dung');
    await makeMember(ctx.db, tree.school, 'Nguyễn Văn Thủy');
    admin = await loadPrincipal(ctx.db, tree.accounts.admin.id);
  });
  afterAll(async () => db.drop());

  const filterOf = async (accountId: string, unitPath?: string): Promise<MemberListFilter> => ({
    scope: memberReadScope(await loadPrincipal(ctx.db, accountId)),
    unitPath,
  });

  /** The ids a plan finds, in roster order. */
  async function found(f: MemberListFilter, q: string, plan: NamePlan): Promise<string[]> {
    const rows = await ctx.db
      .selectFrom(nameMatchesQuery(ctx.db, f, q, plan).as('c'))
      .select(['c.id', 'c.sort_key'])
      .orderBy('c.sort_key')
      .orderBy('c.id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** What a plain filter of the members table gives: scope by path prefix, name by word-prefix phrase. */
  async function expected(f: MemberListFilter, q: string): Promise<string[]> {
    const phrase = ` ${foldForSearch(q)}`;
    const rows = await ctx.db.selectFrom('members').select(['id', 'unit_path', 'name_search', 'sort_key']).execute();
    return rows
      .filter((m) => {
        const inScope = f.scope.paths.some((p) => m.unit_path.startsWith(p)) || m.id === f.scope.selfMemberId;
        return inScope && (!f.unitPath || m.unit_path.startsWith(f.unitPath)) && m.name_search.includes(phrase);
      })
      .sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.id < b.id ? -1 : 1))
      .map((m) => m.id);
  }

  async function bothPlans(f: MemberListFilter, q: string) {
    const driver = (await chooseNameDriver(ctx.db, q, f))!;
    return { scope: await found(f, q, { scan: 'scope' }), word: await found(f, q, { scan: 'word', driver }) };
  }

  it('finds what a plain filter finds, in roster order, by either plan and for every kind of caller', async () => {
    const queries = ['thuy', 'thu', 'THỦY', 'nguyen thi thuy', 'nguyen', 'pham thu', 'dang', 'le thuy', 'van thuy', 'xyz', 'thi thuy d'];
    const callers = [
      await filterOf(tree.accounts.admin.id),
      await filterOf(tree.accounts.admin.id, tree.ward.path),
      await filterOf(tree.accounts.unitCommittee.id),
      await filterOf(tree.accounts.cellSecretaryA.id),
      await filterOf(tree.accounts.member.id),
      await filterOf(tree.accounts.member.id, tree.cellB.path),
    ];
    let nonEmpty = 0;
    for (const f of callers) {
      for (const q of queries) {
        const want = await expected(f, q);
        const got = await bothPlans(f, q);
        expect({ q, paths: f.scope.paths, ...got }).toEqual({ q, paths: f.scope.paths, scope: want, word: want });
        if (want.length) nonEmpty++;
      }
    }
    // The comparison is not vacuous: most of the searches find someone.
    expect(nonEmpty).toBeGreaterThan(30);
  });

  it('counts a name once when two of its words start with the prefix typed', async () => {
    const f = await filterOf(tree.accounts.admin.id);
    const { word } = await bothPlans(f, 'thu');
    const pham = await ctx.db.selectFrom('members').select('id').where('full_name', '=', 'Phạm Thu Thủy').executeTakeFirstOrThrow();
    expect(word.filter((id) => id === pham.id)).toHaveLength(1);
  });

  it('reads a small scope and starts a large one from a word', async () => {
    const f = await filterOf(tree.accounts.admin.id);
    expect(await planNameSearch(ctx.db, 'thuy', f)).toEqual({ scan: 'scope' });
    expect(await planNameSearch(ctx.db, 'nguyen thuy', f, 3)).toEqual({ scan: 'word', driver: { word: 'thuy', prefix: true } });
    expect(await planNameSearch(ctx.db, '  ', f)).toBeNull();
  });

  it('follows a renamed member, a transfer, a moved unit and merged units', async () => {
    const all = await filterOf(tree.accounts.admin.id);
    const wordPlan = async (f: MemberListFilter, q: string) => (await bothPlans(f, q)).word;
    const member = () => ctx.db.selectFrom('members').selectAll().where('full_name', '=', 'Võ Thị Thùy Dung').executeTakeFirstOrThrow();

    // Renamed: the new given name is found, the old one no longer.
    let m = await member();
    await updateMember(ctx, admin, m.id, { version: m.version, givenName: 'Thùy Dương' } as never);
    expect(await wordPlan(all, 'thuy duong')).toEqual([m.id]);
    expect(await wordPlan(all, 'thuy dung')).toEqual([]);

    // Transferred from chi bộ 3 to chi bộ 2: found under chi bộ 2 only.
    m = await ctx.db.selectFrom('members').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    await transferMember(ctx, admin, m.id, { version: m.version, toUnitId: tree.cellB.id, date: '2026-11-01', reason: 'Chuyển sinh hoạt' });
    expect(await wordPlan({ ...all, unitPath: tree.cellB.path }, 'thuy duong')).toEqual([m.id]);
    expect(await wordPlan({ ...all, unitPath: cellC.path }, 'thuy duong')).toEqual([]);

    // Chi bộ 2 moved from one ward to another: its members' words move with it.
    const cellB = await ctx.db.selectFrom('org_units').selectAll().where('id', '=', tree.cellB.id).executeTakeFirstOrThrow();
    await moveOrgUnit(ctx, admin, cellB.id, { version: cellB.version, newParentId: ward2.id, reason: 'Sắp xếp lại' });
    const movedPath = (await ctx.db.selectFrom('org_units').select('path').where('id', '=', cellB.id).executeTakeFirstOrThrow()).path;
    expect(movedPath.startsWith(ward2.path)).toBe(true);
    for (const q of ['thuy duong', 'tran thi lan', 'thuan']) {
      expect(await wordPlan({ ...all, unitPath: movedPath }, q)).toEqual(await expected({ ...all, unitPath: movedPath }, q));
      expect(await wordPlan({ ...all, unitPath: movedPath }, q)).toHaveLength(1);
      expect(await wordPlan({ ...all, unitPath: tree.ward.path }, q)).toEqual([]);
    }

    // Chi bộ 1 merged into chi bộ 3: its members are found under chi bộ 3.
    const inA = await expected({ ...all, unitPath: tree.cellA.path }, 'thu');
    expect(inA.length).toBeGreaterThan(0);
    await mergeOrgUnits(ctx, admin, cellC.id, { sourceIds: [tree.cellA.id], date: '2026-11-02', reason: 'Hợp nhất chi bộ' });
    expect(await wordPlan({ ...all, unitPath: cellC.path }, 'thu')).toEqual(await expected({ ...all, unitPath: cellC.path }, 'thu'));
    expect(await wordPlan({ ...all, unitPath: cellC.path }, 'thu')).toEqual(expect.arrayContaining(inA));
    expect(await wordPlan({ ...all, unitPath: tree.cellA.path }, 'thu')).toEqual([]);
  });
});
