// The audit trail through HTTP (design §2 "Audit history": admin, standing, organizer R over their
// subtree, unit committee R over its own unit, office / cell secretary / member —), and one
// entity's history, on both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordAudit } from '../../src/server/adapters/db/audit.repository.js';
import { listEntityHistory } from '../../src/server/features/audit/list-entity-history.js';
import { loadPrincipal } from '../../src/server/adapters/auth/principal.repository.js';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

type Committee = Awaited<ReturnType<typeof makeSmallCommittee>>;

describeEachDialect('audit list', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let t: Committee;
  let admin: TestClient;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    t = await makeSmallCommittee(db.handle.db);
    const at = (s: number) => `2026-02-01T08:00:${String(s).padStart(2, '0')}.000Z`;
    // One chain per entity, at several places of the tree (scope_path = the entity's unit path).
    await db.handle.db.transaction().execute(async (tx) => {
      await recordAudit(tx, {
        entityType: 'org_unit',
        entityId: t.committee.id,
        action: 'org_unit.update',
        actorId: t.accounts.organizer.id,
        scopePath: t.committee.path,
        at: at(1),
        after: { name: 'Thành ủy Hà Tĩnh' },
      });
      await recordAudit(tx, {
        entityType: 'org_unit',
        entityId: t.ward.id,
        action: 'org_unit.update',
        actorId: t.accounts.unitCommittee.id,
        scopePath: t.ward.path,
        at: at(2),
        before: { name: 'Đảng bộ Bắc Hà' },
        after: { name: 'Đảng bộ phường Bắc Hà' },
      });
      await recordAudit(tx, {
        entityType: 'member',
        entityId: t.members.thuy.id,
        action: 'member.create',
        actorId: null,
        scopePath: t.cellA.path,
        at: at(3),
        after: { fullName: 'Nguyễn Thị Thúy' },
        isNew: true,
      });
      await recordAudit(tx, {
        entityType: 'member',
        entityId: t.members.thuy.id,
        action: 'member.update',
        actorId: t.accounts.unitCommittee.id,
        scopePath: t.cellA.path,
        at: at(4),
        after: { partyPosts: 'Chi ủy viên' },
      });
      await recordAudit(tx, {
        entityType: 'member',
        entityId: t.members.school1.id,
        action: 'member.update',
        actorId: t.accounts.organizer.id,
        scopePath: t.school.path,
        at: at(5),
        after: { partyPosts: 'Bí thư' },
      });
    });
    admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD); // writes an unscoped login event
  });
  afterAll(async () => {
    await db?.drop();
  });

  const entities = (items: { entityType: string; entityId: string }[]) => new Set(items.map((i) => `${i.entityType}:${i.entityId}`));

  it("shows a unit committee the events of its own unit's subtree only", async () => {
    const p01 = await TestClient.loggedIn(ctx, 'capuy.p01', TEST_PASSWORD, admin.app);
    const r = await p01.get('/api/audit');
    expect(r.status).toBe(200);
    expect(entities(r.body.items)).toEqual(new Set([`org_unit:${t.ward.id}`, `member:${t.members.thuy.id}`]));
    expect(r.body.total).toBe(3);
    // Newest first, with the actor's display name or "Hệ thống".
    expect(r.body.items.map((i: { action: string }) => i.action)).toEqual(['member.update', 'member.create', 'org_unit.update']);
    expect(r.body.items[0]).toMatchObject({
      actorName: 'capuy.p01',
      actorId: t.accounts.unitCommittee.id,
      after: { partyPosts: 'Chi ủy viên' },
      before: null,
    });
    expect(r.body.items[1]).toMatchObject({ actorName: 'Hệ thống', actorId: null });
    expect(r.body.items[2]).toMatchObject({ before: { name: 'Đảng bộ Bắc Hà' } });
  });

  it('shows the whole committee to the standing committee, but account events to administrators only', async () => {
    const standing = await TestClient.loggedIn(ctx, 'thuongtruc', TEST_PASSWORD, admin.app);
    const r = await standing.get('/api/audit?pageSize=200');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(5);
    expect(r.body.items.some((i: { entityType: string }) => i.entityType === 'account')).toBe(false);

    const all = await admin.get('/api/audit?pageSize=200');
    expect(all.body.total).toBeGreaterThan(5);
    expect(all.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ entityType: 'account', action: 'auth.login', entityId: t.accounts.admin.id })]),
    );
  });

  it("shows an administrator of one ward the account events of the ward's accounts only", async () => {
    await makeAccount(db.handle.db, { username: 'quantri.p01', grants: [{ role: 'admin', unit: t.ward }] });
    const standing = await TestClient.loggedIn(ctx, 'thuongtruc', TEST_PASSWORD, admin.app);
    await TestClient.loggedIn(ctx, 'bithu.c1', TEST_PASSWORD, admin.app);
    const wardAdmin = await TestClient.loggedIn(ctx, 'quantri.p01', TEST_PASSWORD, admin.app);
    const r = await wardAdmin.get('/api/audit?entityType=account&pageSize=200');
    expect(r.status).toBe(200);
    const ids = new Set(r.body.items.map((i: { entityId: string }) => i.entityId));
    expect(ids.has(t.accounts.cellSecretaryA.id)).toBe(true);
    expect(ids.has(t.accounts.standing.id)).toBe(false);
    expect(ids.has(t.accounts.admin.id)).toBe(false);
    // The whole-tree administrator sees them all; the standing committee none (no admin grant).
    const all = await admin.get('/api/audit?entityType=account&pageSize=200');
    expect(all.body.items.some((i: { entityId: string }) => i.entityId === t.accounts.standing.id)).toBe(true);
    expect((await standing.get('/api/audit?entityType=account')).body.total).toBe(0);
    // Unscoped events of the ward administrator's own units still come through the subtree.
    const wardEvents = await wardAdmin.get(`/api/audit?entityType=org_unit`);
    expect(entities(wardEvents.body.items)).toEqual(new Set([`org_unit:${t.ward.id}`]));
  });

  it('filters by entity and pages', async () => {
    const organizer = await TestClient.loggedIn(ctx, 'bantochuc', TEST_PASSWORD, admin.app);
    const one = await organizer.get(`/api/audit?entityType=member&entityId=${t.members.thuy.id}`);
    expect(one.body.total).toBe(2);
    expect(entities(one.body.items)).toEqual(new Set([`member:${t.members.thuy.id}`]));
    const page2 = await organizer.get('/api/audit?pageSize=2&page=2');
    expect(page2.body.items.map((i: { action: string }) => i.action)).toEqual(['member.create', 'org_unit.update']);
    expect(page2.body.total).toBe(5);
    expect((await organizer.get('/api/audit?entityType=DROP%20TABLE')).status).toBe(400);
  });

  it('refuses office, cell secretary and member with 403, and anonymous requests with 401', async () => {
    for (const username of ['vanphong', 'bithu.c1', 'dangvien.thuy']) {
      const c = await TestClient.loggedIn(ctx, username, TEST_PASSWORD, admin.app);
      const r = await c.get('/api/audit');
      expect([username, r.status, r.body.error.code]).toEqual([username, 403, 'auth.forbidden']);
    }
    const anonymous = await new TestClient(admin.app).get('/api/audit');
    expect(anonymous.status).toBe(401);
  });

  it("gives one entity's history newest first with actor names", async () => {
    const caller = await loadPrincipal(db.handle.db, t.accounts.unitCommittee.id);
    const items = await listEntityHistory(ctx, caller, 'member', t.members.thuy.id);
    expect(items.map((i) => [i.action, i.actorName])).toEqual([
      ['member.update', 'capuy.p01'],
      ['member.create', 'Hệ thống'],
    ]);
    expect(await listEntityHistory(ctx, caller, 'member', 'khongtontai00')).toEqual([]);
  });
});
