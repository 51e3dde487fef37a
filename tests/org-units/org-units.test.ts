// The organization tree through HTTP on both databases: tree listing scoped to the caller, unit
// search, unit page with member counts, create / edit / move / merge with history (issue 2 item 3).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

describeEachDialect('org units', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let tree: Awaited<ReturnType<typeof makeSmallCommittee>>;
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);
  const names = (r: { body: { items: { name: string }[] } }) => r.body.items.map((u) => u.name);

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    tree = await makeSmallCommittee(ctx.db);
  });
  afterAll(async () => db.drop());

  it('starts the tree at the roots of the caller’s subtrees', async () => {
    expect(names(await (await as('admin')).get('/api/org-units'))).toEqual(['Thành ủy Hà Tĩnh']);
    expect(names(await (await as('capuy.p01')).get('/api/org-units'))).toEqual(['Đảng bộ phường Bắc Hà']);
    expect(names(await (await as('bithu.c1')).get('/api/org-units'))).toEqual(['Chi bộ khối phố 1']);
    expect(names(await (await as('dangvien.thuy')).get('/api/org-units'))).toEqual(['Chi bộ khối phố 1']);
  });

  it('lists children with their child counts', async () => {
    const r = await (await as('admin')).get(`/api/org-units?parent=${tree.committee.id}`);
    expect(r.body.items.map((u: { code: string; childCount: number }) => [u.code, u.childCount])).toEqual([
      ['P01', 2],
      ['S01', 0],
    ]);
  });

  it('finds units by name ignoring diacritics, only inside the scope', async () => {
    expect(names(await (await as('admin')).get('/api/org-units?q=khoi%20pho'))).toEqual(['Chi bộ khối phố 1', 'Chi bộ khối phố 2']);
    expect(names(await (await as('bithu.c1')).get('/api/org-units?q=khoi%20pho'))).toEqual(['Chi bộ khối phố 1']);
    expect(names(await (await as('capuy.p01')).get('/api/org-units?q=phan%20dinh%20phung'))).toEqual([]);
  });

  it('opens a unit with breadcrumb, member counts by status and abilities', async () => {
    const r = await (await as('admin')).get(`/api/org-units/${tree.ward.id}`);
    expect(r.status).toBe(200);
    expect(r.body.ancestors.map((a: { name: string }) => a.name)).toEqual(['Thành ủy Hà Tĩnh']);
    expect(r.body.memberCounts).toMatchObject({ active: 3, exempt: 1, suspended: 0 });
    expect(r.body.abilities).toMatchObject({ update: true, move: true, merge: true });
    const standing = await (await as('thuongtruc')).get(`/api/org-units/${tree.ward.id}`);
    expect(standing.body.abilities).toMatchObject({ read: true, update: false, createMember: false });
  });

  it('hides units outside the subtree as not found', async () => {
    const r = await (await as('bithu.c1')).get(`/api/org-units/${tree.cellB.id}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('org_unit.not_found');
  });

  it('creates a chi bộ, checking kind, code and permission', async () => {
    const cap = await as('capuy.p01');
    const ok = await cap.post('/api/org-units', {
      parentId: tree.ward.id,
      kind: 'cell',
      code: 'p01.c3',
      name: 'Chi bộ khối phố 3',
      sector: 'ward',
    });
    expect(ok.status).toBe(200);
    const unit = await cap.get(`/api/org-units/${ok.body.id}`);
    expect(unit.body.code).toBe('P01.C3');
    const dup = await cap.post('/api/org-units', { parentId: tree.ward.id, kind: 'cell', code: 'P01.C3', name: 'Trùng mã' });
    expect(dup.status).toBe(409);
    const wrongKind = await cap.post('/api/org-units', { parentId: tree.ward.id, kind: 'grassroots_party', code: 'X1', name: 'Sai loại' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.code).toBe('org_unit.invalid_parent');
    const outside = await cap.post('/api/org-units', {
      parentId: tree.committee.id,
      kind: 'grassroots_cell',
      code: 'X2',
      name: 'Ngoài phạm vi',
    });
    expect(outside.status).toBe(403);
    const office = await (
      await as('vanphong')
    ).post('/api/org-units', { parentId: tree.ward.id, kind: 'cell', code: 'X3', name: 'Văn phòng không được tạo' });
    expect(office.status).toBe(403);
  });

  it('edits with optimistic locking and keeps the history', async () => {
    const admin = await as('admin');
    const u = (await admin.get(`/api/org-units/${tree.school.id}`)).body;
    expect((await admin.patch(`/api/org-units/${u.id}`, { version: u.version, name: 'Chi bộ Trường THPT chuyên Hà Tĩnh' })).status).toBe(
      200,
    );
    expect((await admin.patch(`/api/org-units/${u.id}`, { version: u.version, name: 'Cũ' })).status).toBe(409);
    const h = await admin.get(`/api/org-units/${u.id}/history`);
    expect(h.body.items[0]).toMatchObject({
      action: 'org_unit.update',
      before: { name: 'Chi bộ Trường THPT Phan Đình Phùng' },
      after: { name: 'Chi bộ Trường THPT chuyên Hà Tĩnh' },
    });
    expect(names(await admin.get('/api/org-units?q=chuyen'))).toEqual(['Chi bộ Trường THPT chuyên Hà Tĩnh']);
  });

  it('moves a unit with its members, and refuses moving into its own subtree', async () => {
    const admin = await as('admin');
    const other = await admin.post('/api/org-units', {
      parentId: tree.committee.id,
      kind: 'grassroots_party',
      code: 'P02',
      name: 'Đảng bộ phường Nam Hà',
      sector: 'ward',
    });
    const cellB = (await admin.get(`/api/org-units/${tree.cellB.id}`)).body;
    const r = await admin.post(`/api/org-units/${cellB.id}/move`, {
      version: cellB.version,
      newParentId: other.body.id,
      reason: 'Điều chỉnh địa giới',
    });
    expect(r.status).toBe(200);
    const moved = (await admin.get(`/api/org-units/${cellB.id}`)).body;
    expect(moved.ancestors.map((a: { name: string }) => a.name)).toEqual(['Thành ủy Hà Tĩnh', 'Đảng bộ phường Nam Hà']);
    // Members follow: the new đảng bộ's subtree lists them, the old one no longer does.
    expect((await admin.get(`/api/members?unit=${other.body.id}`)).body.total).toBe(2);
    expect((await admin.get(`/api/members?unit=${tree.ward.id}`)).body.total).toBe(2);
    // The unit committee of P01 lost sight of the moved chi bộ and its members.
    const cap = await as('capuy.p01');
    expect((await cap.get(`/api/members/${tree.members.lan.id}`)).status).toBe(404);
    const ward = (await admin.get(`/api/org-units/${tree.ward.id}`)).body;
    const intoOwn = await admin.post(`/api/org-units/${ward.id}/move`, { version: ward.version, newParentId: tree.cellA.id, reason: 'x' });
    expect(intoOwn.status).toBe(400);
    expect(intoOwn.body.error.code).toBe('org_unit.invalid_move');
  });

  it('merges chi bộ: members move, the source is kept with its successor link', async () => {
    const admin = await as('admin');
    const c3 = (await admin.get('/api/org-units?q=khoi%20pho%203')).body.items[0];
    const r = await admin.post(`/api/org-units/${c3.id}/merge`, {
      sourceIds: [tree.cellA.id],
      date: '2017-07-01',
      reason: 'Sáp nhập khối phố',
    });
    expect(r.status).toBe(200);
    expect(r.body.movedMembers).toBe(2);
    const source = (await admin.get(`/api/org-units/${tree.cellA.id}`)).body;
    expect(source.validTo).toBe('2017-07-01');
    expect(source.mergedInto).toMatchObject({ id: c3.id });
    const target = (await admin.get(`/api/org-units/${c3.id}`)).body;
    expect(target.predecessors).toEqual([{ id: tree.cellA.id, name: 'Chi bộ khối phố 1', relation: 'merged_into' }]);
    expect(target.memberCounts.active).toBe(2);
    const member = (await admin.get(`/api/members/${tree.members.thuy.id}`)).body;
    expect(member.unitHistory[0]).toMatchObject({ unitId: c3.id, fromDate: '2017-07-01' });
    // Merged units leave the live tree but stay reachable.
    expect(names(await admin.get(`/api/org-units?parent=${tree.ward.id}`))).toEqual(['Chi bộ khối phố 3']);
    expect(names(await admin.get(`/api/org-units?parent=${tree.ward.id}&includeInactive=true`))).toContain('Chi bộ khối phố 1');
  });
});
