// Assignments through HTTP on both databases (issue 3 item 3; regulations §3.1 bước 1): many to
// many in bulk, idempotent, audited and notified; only Standing Committee members and heads of
// boards may be assigned; a director sees their own assignments and units first.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

type Row = { unitId: string; accountId: string; duty: string };

describeEachDialect('campaign assignments', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);
  const base = () => `/api/campaigns/${f.id}`;
  const combos = (rows: Row[]) => rows.map((r) => `${r.unitId}|${r.accountId}|${r.duty}`).sort();
  const auditCount = async (action: string) =>
    Number(
      (
        await ctx.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity_type', '=', 'assignment')
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    f = await makeCampaignFixture(ctx);
  });
  afterAll(async () => db.drop());

  it('adds every unit × person × duty combination once, audited one event each, and notifies each person', async () => {
    const c = await as('bantochuc');
    const { ward, school } = f.tree;
    const { standing, organizer } = f.accounts;
    const body = { unitIds: [ward.id, school.id], accountIds: [standing.id, organizer.id], duties: ['direct', 'attend'] };
    const r = await c.post(`${base()}/assignments/bulk`, body);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ added: 8, removed: 0, unchanged: 0 });
    expect(await auditCount('assignment.create')).toBe(8);

    const again = await c.post(`${base()}/assignments/bulk`, { ...body, duties: ['attend', 'direct', 'appraise'] });
    expect(again.body).toEqual({ added: 4, removed: 0, unchanged: 8 });
    expect(await auditCount('assignment.create')).toBe(12);

    const list = await c.get(`${base()}/assignments`);
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(true);
    const expected: Row[] = [{ unitId: ward.id, accountId: f.accounts.director.id, duty: 'direct' }];
    for (const unitId of [ward.id, school.id])
      for (const accountId of [standing.id, organizer.id])
        for (const duty of ['direct', 'appraise', 'attend']) expected.push({ unitId, accountId, duty });
    expect(combos(list.body.items)).toEqual(combos(expected));

    const notices = await ctx.db.selectFrom('notifications').selectAll().where('kind', '=', 'assignment').orderBy('created_at').execute();
    // Two requests, each told both people about what it newly gave them.
    expect(notices.filter((n) => n.account_id === standing.id)).toHaveLength(2);
    expect(notices.filter((n) => n.account_id === organizer.id)).toHaveLength(2);
    expect(notices[0]).toMatchObject({ link: `/kiem-diem/${f.id}`, campaign_id: f.id });
    expect(notices[0].body).toContain('Đảng bộ phường Bắc Hà (Chỉ đạo, hướng dẫn; Dự hội nghị)');
  });

  it('refuses an assignee who is not a Standing Committee member or head of a board, and writes nothing', async () => {
    const c = await as('thuongtruc');
    const before = (await c.get(`${base()}/assignments`)).body.items.length;
    for (const accountId of [f.accounts.unitCommittee.id, f.accounts.director.id, f.accounts.office.id]) {
      const r = await c.post(`${base()}/assignments/bulk`, {
        unitIds: [f.tree.cellA.id],
        accountIds: [f.accounts.standing.id, accountId],
        duties: ['direct'],
      });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('assignment.invalid');
      expect(r.body.error.message).toMatch(/Ban Thường vụ/);
    }
    expect((await c.get(`${base()}/assignments`)).body.items.length).toBe(before);
  });

  it('refuses a unit outside the campaign population', async () => {
    const r = await (
      await as('bantochuc')
    ).post(`${base()}/assignments/bulk`, {
      unitIds: [f.tree.committee.id],
      accountIds: [f.accounts.standing.id],
      duties: ['direct'],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('assignment.invalid');
  });

  it('lets only organizer and standing assign', async () => {
    for (const username of ['vanphong', 'admin', 'capuy.p01', 'chidao.p01']) {
      const r = await (
        await as(username)
      ).post(`${base()}/assignments/bulk`, {
        unitIds: [f.tree.ward.id],
        accountIds: [f.accounts.standing.id],
        duties: ['attend'],
      });
      expect(r.status, username).toBe(403);
    }
  });

  it('shows a director only their own assignments, and their units first with the stage', async () => {
    const c = await as('chidao.p01');
    const list = await c.get(`${base()}/assignments`);
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
    expect(combos(list.body.items)).toEqual(combos([{ unitId: f.tree.ward.id, accountId: f.accounts.director.id, duty: 'direct' }]));
    const mine = await c.get(`${base()}/my-units`);
    expect(mine.body.items).toEqual([
      { unitId: f.tree.ward.id, name: 'Đảng bộ phường Bắc Hà', code: 'P01', stage: 'planned', needsAppraisal: false, duties: ['direct'] },
    ]);
    const workload = await c.get(`${base()}/workload`);
    expect(workload.body.people.map((p: { accountId: string }) => p.accountId)).toEqual([f.accounts.director.id]);
    const units = await c.get(`${base()}/assignments/units`);
    expect(units.body.items.map((u: { code: string }) => u.code)).toEqual(['P01', 'P01.C1', 'P01.C2']);
  });

  it('scopes assignments to the unit of a unit committee; a chi bộ secretary and a member see none', async () => {
    const school = await (await as('capuy.s01')).get(`${base()}/assignments`);
    expect(school.status).toBe(200);
    expect(new Set(school.body.items.map((a: Row) => a.unitId))).toEqual(new Set([f.tree.school.id]));
    expect(school.body.items).toHaveLength(6);
    const ward = await (await as('capuy.p01')).get(`${base()}/assignments`);
    expect(new Set(ward.body.items.map((a: Row) => a.unitId))).toEqual(new Set([f.tree.ward.id]));
    expect(ward.body.items).toHaveLength(7);
    expect((await (await as('bithu.c1')).get(`${base()}/assignments`)).body.items).toEqual([]);
    expect((await (await as('dangvien.thuy')).get(`${base()}/assignments`)).body.items).toEqual([]);
    expect((await (await as('vanphong')).get(`${base()}/my-units`)).body.items).toEqual([]);
  });

  it('gives the workload per person: units by duty and by stage', async () => {
    const r = await (await as('vanphong')).get(`${base()}/workload`);
    expect(r.status).toBe(200);
    const standing = r.body.people.find((p: { accountId: string }) => p.accountId === f.accounts.standing.id);
    expect(standing).toMatchObject({ unitCount: 2, byDuty: { direct: 2, appraise: 2, attend: 2 }, byStage: { planned: 2 } });
    expect(standing.units.map((u: { code: string }) => u.code)).toEqual(['P01', 'S01']);
    expect(r.body.people).toHaveLength(3);
  });

  it('lists the people who may be assigned to the managers only', async () => {
    const r = await (await as('bantochuc')).get(`${base()}/assignments/assignees`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((a: { username: string }) => a.username).sort()).toEqual(['bantochuc', 'thuongtruc']);
    expect((await (await as('chidao.p01')).get(`${base()}/assignments/assignees`)).status).toBe(403);
  });

  it('removes the named combinations that exist, one audit event each', async () => {
    const c = await as('bantochuc');
    const r = await c.post(`${base()}/assignments/remove`, {
      unitIds: [f.tree.school.id],
      accountIds: [f.accounts.standing.id],
      duties: ['direct', 'attend'],
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ added: 0, removed: 2, unchanged: 0 });
    expect(await auditCount('assignment.delete')).toBe(2);
    const left = (await c.get(`${base()}/assignments?unitId=${f.tree.school.id}&accountId=${f.accounts.standing.id}`)).body.items;
    expect(left.map((a: Row) => a.duty)).toEqual(['appraise']);
    const repeat = await c.post(`${base()}/assignments/remove`, {
      unitIds: [f.tree.school.id],
      accountIds: [f.accounts.standing.id],
      duties: ['direct'],
    });
    expect(repeat.body).toEqual({ added: 0, removed: 0, unchanged: 1 });
  });

  it("scopes the workload to the caller's units; an anonymous caller gets 401", async () => {
    const c = await as('capuy.s01');
    expect(
      (await c.get(`${base()}/workload`)).body.people.every((p: { units: { code: string }[] }) => p.units.every((u) => u.code === 'S01')),
    ).toBe(true);
    const outside = await TestClient.for(ctx).get(`${base()}/assignments`);
    expect(outside.status).toBe(401);
  });
});
