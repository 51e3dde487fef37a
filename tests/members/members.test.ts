// Members through HTTP on both databases: scoped lists and search, roster order, profile,
// status over time, transfers, permissions inside and outside the subtree (issue 2 item 4).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeMember, makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

describeEachDialect('members', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let tree: Awaited<ReturnType<typeof makeSmallCommittee>>;
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    tree = await makeSmallCommittee(ctx.db);
    await makeMember(ctx.db, tree.cellA, 'Nguyễn Văn Thành');
    await makeMember(ctx.db, tree.cellA, 'Hoàng Thị Ánh');
  });
  afterAll(async () => db.drop());

  it('answers 401 to an anonymous request', async () => {
    const r = await TestClient.for(ctx).get('/api/members');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('auth.unauthenticated');
    expect(r.body.error.message).toMatch(/đăng nhập/);
  });

  it('searches ignoring diacritics and case: "thuy" finds Thúy and Thủy', async () => {
    const c = await as('admin');
    const r = await c.get('/api/members?q=thuy');
    expect(r.status).toBe(200);
    expect(r.body.items.map((m: { fullName: string }) => m.fullName).sort()).toEqual(['Lê Thủy', 'Nguyễn Thị Thúy']);
    expect(r.body.total).toBe(2);
  });

  it('"dang" finds Đặng and "nguyen van" finds Nguyễn Văn …', async () => {
    const c = await as('admin');
    expect((await c.get('/api/members?q=dang')).body.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Đặng Văn Hùng']);
    expect((await c.get('/api/members?q=NGUYEN%20VAN')).body.items.map((m: { fullName: string }) => m.fullName)).toEqual([
      'Nguyễn Văn Thành',
    ]);
  });

  it('matches the start of words: "an" finds An and Ánh but not Thành', async () => {
    const c = await as('admin');
    const found = (await c.get('/api/members?q=an&pageSize=50')).body.items.map((m: { fullName: string }) => m.fullName);
    expect(found.sort()).toEqual(['Hoàng Thị Ánh', 'Phạm Văn An']);
  });

  it('finds a phrase whose rare word is not the last one, and follows a renamed member', async () => {
    const c = await as('admin');
    // "thi" is common, "hoang" rare: the search starts from "hoang" and still checks the whole phrase.
    expect((await c.get('/api/members?q=hoang%20thi')).body.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Hoàng Thị Ánh']);
    expect((await c.get('/api/members?q=thi%20hoang')).body.total).toBe(0);
    const m = (await c.get(`/api/members/${tree.members.school1.id}`)).body;
    expect((await c.patch(`/api/members/${m.id}`, { version: m.version, givenName: 'Quyết' })).status).toBe(200);
    expect((await c.get('/api/members?q=quyet')).body.items.map((x: { id: string }) => x.id)).toEqual([m.id]);
    expect((await c.get('/api/members?q=pham%20van%20an')).body.total).toBe(0);
    expect((await c.get('/api/members?q=pham%20van%20an')).body.items).toEqual([]);
  });

  it('gives the total past the last page too', async () => {
    const c = await as('admin');
    const r = await c.get(`/api/members?unit=${tree.ward.id}&pageSize=4&page=9`);
    expect(r.body.items).toEqual([]);
    expect(r.body.total).toBe(6);
  });

  it('lists a unit subtree in roster order with paging and the total', async () => {
    const c = await as('admin');
    const all = await c.get(`/api/members?unit=${tree.ward.id}&pageSize=50`);
    // Given names: Ánh, Hùng, Lan, Thành, Thúy, Thủy → roster order by given name in Vietnamese order.
    expect(all.body.items.map((m: { givenName: string }) => m.givenName)).toEqual(['Ánh', 'Hùng', 'Lan', 'Thành', 'Thủy', 'Thúy']);
    expect(all.body.total).toBe(6);
    const page2 = await c.get(`/api/members?unit=${tree.ward.id}&pageSize=4&page=2`);
    expect(page2.body.items.map((m: { givenName: string }) => m.givenName)).toEqual(['Thủy', 'Thúy']);
    expect(page2.body.total).toBe(6);
  });

  it('a chi bộ secretary lists, searches and opens only their own chi bộ', async () => {
    const c = await as('bithu.c1');
    const list = await c.get('/api/members?pageSize=100');
    expect(list.body.items.every((m: { unitId: string }) => m.unitId === tree.cellA.id)).toBe(true);
    expect(list.body.total).toBe(4);
    expect((await c.get('/api/members?q=lan')).body.total).toBe(0);
    expect((await c.get(`/api/members?unit=${tree.cellB.id}`)).body.total).toBe(0);
    expect((await c.get(`/api/members/${tree.members.lan.id}`)).status).toBe(404);
    expect((await c.get(`/api/members/${tree.members.thuy.id}`)).status).toBe(200);
  });

  it('a unit committee does not see another grassroots unit', async () => {
    const c = await as('capuy.p01');
    expect((await c.get(`/api/members/${tree.members.school1.id}`)).status).toBe(404);
    expect((await c.get('/api/members?q=an')).body.items.map((m: { fullName: string }) => m.fullName)).not.toContain('Phạm Văn An');
  });

  it('a member sees only their own profile', async () => {
    const c = await as('dangvien.thuy');
    const list = await c.get('/api/members');
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([tree.members.thuy.id]);
    expect((await c.get(`/api/members/${tree.members.thuy.id}`)).body.fullName).toBe('Nguyễn Thị Thúy');
    expect((await c.get(`/api/members/${tree.members.dang.id}`)).status).toBe(404);
    const write = await c.patch(`/api/members/${tree.members.thuy.id}`, { version: 1, partyPosts: 'Bí thư' });
    expect(write.status).toBe(403);
  });

  it('creates a member with derived search and sort columns, audited', async () => {
    const c = await as('capuy.p01');
    const r = await c.post('/api/members', {
      unitId: tree.cellB.id,
      familyName: 'Võ',
      middleName: 'Thị',
      givenName: 'Thùy',
      birthDate: '1990-02-03',
      gender: 'female',
      cardNumber: '93.001234',
      admissionDate: '2015-05-19',
      officialDate: '2016-05-19',
    });
    expect(r.status).toBe(200);
    const found = await c.get('/api/members?q=vo%20thi%20thuy');
    expect(found.body.items.map((m: { id: string }) => m.id)).toEqual([r.body.id]);
    const events = await ctx.db.selectFrom('audit_events').selectAll().where('entity_id', '=', r.body.id).execute();
    expect(events.map((e) => e.action)).toEqual(['member.create']);
  });

  it('refuses a member in a đảng bộ (members live in chi bộ) and a duplicate card', async () => {
    const c = await as('admin');
    const inParty = await c.post('/api/members', { unitId: tree.ward.id, familyName: 'Lê', givenName: 'Bình' });
    expect(inParty.status).toBe(400);
    expect(inParty.body.error.code).toBe('member.invalid_unit');
    const dup = await c.post('/api/members', {
      unitId: tree.cellA.id,
      familyName: 'Lê',
      givenName: 'Bình',
      cardNumber: tree.members.thuy.cardNumber,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('member.card_taken');
  });

  it('validates input with Vietnamese messages and writes nothing', async () => {
    const c = await as('admin');
    const before = await ctx.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await c.post('/api/members', { unitId: tree.cellA.id, familyName: '', givenName: 'X', birthDate: '1990-02-30' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('request.invalid');
    expect(JSON.stringify(r.body.error.details)).toMatch(/Ngày không hợp lệ|Không được để trống/);
    const after = await ctx.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('edits with optimistic locking', async () => {
    const c = await as('admin');
    const m = (await c.get(`/api/members/${tree.members.dang.id}`)).body;
    expect((await c.patch(`/api/members/${m.id}`, { version: m.version, partyPosts: 'Chi ủy viên', givenName: 'Hưng' })).status).toBe(200);
    const stale = await c.patch(`/api/members/${m.id}`, { version: m.version, partyPosts: 'Bí thư' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict.version');
    const now = (await c.get(`/api/members/${m.id}`)).body;
    expect(now.partyPosts).toBe('Chi ủy viên');
    expect(now.fullName).toBe('Đặng Văn Hưng');
    expect((await c.get('/api/members?q=hung')).body.items.map((x: { id: string }) => x.id)).toEqual([m.id]);
  });

  it('keeps status over time with dates and reasons', async () => {
    const c = await as('admin');
    const m = (await c.get(`/api/members/${tree.members.lan.id}`)).body;
    const r = await c.post(`/api/members/${m.id}/status`, {
      version: m.version,
      status: 'exempt',
      date: '2017-03-01',
      reason: 'Tuổi cao, sức yếu',
    });
    expect(r.status).toBe(200);
    const after = (await c.get(`/api/members/${m.id}`)).body;
    expect(after.status).toBe('exempt');
    expect(after.statusHistory[0]).toMatchObject({ status: 'exempt', fromDate: '2017-03-01', toDate: null, reason: 'Tuổi cao, sức yếu' });
    expect(after.statusHistory[1]).toMatchObject({ status: 'active', toDate: '2017-03-01' });
    expect((await c.get(`/api/members?unit=${tree.cellB.id}&status=exempt`)).body.items.map((x: { id: string }) => x.id)).toContain(m.id);
  });

  it('transfers to another chi bộ and keeps the unit history', async () => {
    const c = await as('capuy.p01');
    const m = (await c.get(`/api/members/${tree.members.thuy.id}`)).body;
    const r = await c.post(`/api/members/${m.id}/transfer`, {
      version: m.version,
      toUnitId: tree.cellB.id,
      date: '2017-06-01',
      reason: 'Chuyển nơi cư trú',
    });
    expect(r.status).toBe(200);
    const after = (await c.get(`/api/members/${m.id}`)).body;
    expect(after.unitId).toBe(tree.cellB.id);
    expect(after.unitHistory.map((h: { unitId: string; toDate: string | null }) => [h.unitId, h.toDate])).toEqual([
      [tree.cellB.id, null],
      [tree.cellA.id, '2017-06-01'],
    ]);
    // The chi bộ secretary of the old chi bộ no longer sees her.
    const secretary = await as('bithu.c1');
    expect((await secretary.get(`/api/members/${m.id}`)).status).toBe(404);
    // A secretary (read only) cannot transfer anyone.
    const again = await secretary.post(`/api/members/${tree.members.dang.id}/transfer`, {
      version: 2,
      toUnitId: tree.cellB.id,
      date: '2017-06-01',
      reason: 'x',
    });
    expect(again.status).toBe(403);
    // Outside the subtree: a unit committee of P01 cannot send a member to another grassroots unit.
    const out = await c.post(`/api/members/${tree.members.dang.id}/transfer`, {
      version: 2,
      toUnitId: tree.school.id,
      date: '2017-06-01',
      reason: 'x',
    });
    expect(out.status).toBe(403);
  });

  it('shows the history to those who may read audit', async () => {
    const c = await as('admin');
    const h = await c.get(`/api/members/${tree.members.thuy.id}/history`);
    expect(h.status).toBe(200);
    expect(h.body.items.map((e: { action: string }) => e.action)).toContain('member.transfer');
    const office = await as('vanphong');
    expect((await office.get(`/api/members/${tree.members.thuy.id}/history`)).status).toBe(403);
  });

  it("keeps a roster's total five seconds, and forgets it on any write through this server", async () => {
    // Logged in first: a login is a write, and would empty the caches itself.
    const c = await as('admin');
    const office = await as('vanphong');
    const roster = async () => (await c.get(`/api/members?unit=${tree.school.id}&pageSize=50`)).body as { total: number; items: unknown[] };
    const before = await roster();
    expect(before.total).toBe(before.items.length);
    // Added behind the server's back, as another app server would: the page shows the new member, the
    // total is still the one counted (RequestCaches.memberTotals).
    await makeMember(ctx.db, tree.school, 'Vũ Văn Kiên');
    const kept = await roster();
    expect(kept.items.length).toBe(before.total + 1);
    expect(kept.total).toBe(before.total);
    // Any write through this server (here a logout) forgets it.
    expect((await office.post('/api/auth/logout', {})).status).toBe(200);
    expect((await roster()).total).toBe(before.total + 1);
    // And five seconds later it is counted again without any write.
    await makeMember(ctx.db, tree.school, 'Vũ Thị Hạnh');
    expect((await roster()).total).toBe(before.total + 1);
    const realClock = ctx.clock;
    try {
      ctx.clock = { now: realClock.now, nowMs: () => realClock.nowMs() + 5_001 };
      const later = await roster();
      expect(later.total).toBe(before.total + 2);
      expect(later.items.length).toBe(before.total + 2);
    } finally {
      ctx.clock = realClock;
    }
  });
});
