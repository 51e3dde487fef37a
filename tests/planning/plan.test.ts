// The campaign's plan through HTTP on both databases (issue 3 item 3; design §2 row "Campaign, plan,
// assignments, suggestions"): edit under the campaign's version, approval by the standing role
// only, read-only once approved, attachments stored in the database and refused above the limit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeUnit, TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

function fileForm(name: string, bytes: Uint8Array<ArrayBuffer>, type = 'application/pdf'): FormData {
  const fd = new FormData();
  fd.append('file', new File([bytes], name, { type }));
  return fd;
}

describeEachDialect('campaign plan', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  const as = (username: string, c: AppContext = ctx) => TestClient.loggedIn(c, username, TEST_PASSWORD);
  const planPath = () => `/api/campaigns/${f.id}/plan`;
  const count = async (table: 'files' | 'attachments') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    f = await makeCampaignFixture(ctx);
    // Another committee: nobody there sees anything of this one (design §2).
    const other = await makeUnit(ctx.db, { kind: 'committee', code: 'HU', name: 'Huyện ủy Can Lộc' });
    await makeAccount(ctx.db, { username: 'bantochuc.hu', grants: [{ role: 'organizer', unit: other }] });
  });
  afterAll(async () => db.drop());

  let attachmentId = '';
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0xff, 0x00, 0x7f]);

  it('starts as an empty draft the organizer may edit but not approve', async () => {
    const r = await (await as('bantochuc')).get(planPath());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ campaignId: f.id, text: '', status: 'draft', approvedAt: null, attachments: [] });
    expect(r.body.abilities).toEqual({ edit: true, approve: false });
    const standing = await (await as('thuongtruc')).get(planPath());
    expect(standing.body.abilities).toEqual({ edit: true, approve: true });
  });

  it('saves the text under the campaign version; a stale version is a conflict that changes nothing', async () => {
    const c = await as('bantochuc');
    const v = (await c.get(planPath())).body.version as number;
    const text = 'Kế hoạch số 45-KH/TU về kiểm điểm, đánh giá, xếp loại chất lượng năm 2024.';
    const r = await c.request('PUT', planPath(), { version: v, text });
    expect(r.status).toBe(200);
    expect(r.body.text).toBe(text);
    expect(r.body.version).toBe(v + 1);
    const stale = await c.request('PUT', planPath(), { version: v, text: 'ghi đè' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict.version');
    expect((await c.get(planPath())).body.text).toBe(text);
    const audit = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', f.id)
      .where('action', '=', 'plan.update')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses the edit to roles that only read the plan', async () => {
    for (const username of ['vanphong', 'admin', 'chidao.p01']) {
      const c = await as(username);
      const v = (await c.get(planPath())).body.version;
      const r = await c.request('PUT', planPath(), { version: v, text: 'x' });
      expect(r.status, username).toBe(403);
    }
  });

  it('keeps a draft plan from unit committees and members, and the campaign from another committee', async () => {
    for (const username of ['capuy.p01', 'bithu.c1', 'dangvien.thuy']) {
      const r = await (await as(username)).get(planPath());
      expect(r.status, username).toBe(403);
      expect(r.body.error.code).toBe('auth.forbidden');
    }
    const outside = await (await as('bantochuc.hu')).get(planPath());
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('campaign.not_found');
  });

  it('stores an attachment and serves it with a safe Vietnamese file name', async () => {
    const c = await as('bantochuc');
    const name = 'Kế hoạch "số 45" (dự thảo).pdf';
    const r = await c.post(`${planPath()}/attachments`, fileForm(name, pdf));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'Kế hoạch số 45 (dự thảo).pdf', mime: 'application/pdf', size: pdf.length });
    attachmentId = r.body.id;
    const plan = (await c.get(planPath())).body;
    expect(plan.attachments.map((a: { id: string }) => a.id)).toEqual([attachmentId]);

    const d = await (await as('thuongtruc')).get(`/api/attachments/${attachmentId}`);
    expect(d.status).toBe(200);
    expect(new Uint8Array(d.body as ArrayBuffer)).toEqual(pdf);
    expect(d.headers.get('content-type')).toBe('application/pdf');
    const disposition = d.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="ke-hoach-so-45-du-thao\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('Kế hoạch số 45 (dự thảo).pdf');
    expect(disposition).not.toMatch(/[^\x20-\x7e]/);
    expect(d.headers.get('x-content-type-options')).toBe('nosniff');

    const audit = await ctx.db.selectFrom('audit_events').selectAll().where('entity_id', '=', attachmentId).execute();
    expect(audit.map((e) => e.action)).toEqual(['attachment.create']);
  });

  it('refuses an oversized attachment with 413 attachment.too_large, naming the limit, and stores nothing', async () => {
    const small = contextFor(db.handle, { maxUploadBytes: 1000 });
    const c = await as('bantochuc', small);
    const [files, links] = [await count('files'), await count('attachments')];
    const r = await c.post(`${planPath()}/attachments`, fileForm('quá lớn.pdf', new Uint8Array(1500)));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('attachment.too_large');
    expect(r.body.error.message).toMatch(/1 KB/);
    expect([await count('files'), await count('attachments')]).toEqual([files, links]);
  });

  it('hides an attachment from whoever may not read the plan (404, not 403)', async () => {
    for (const username of ['dangvien.thuy', 'capuy.p01', 'bantochuc.hu']) {
      const r = await (await as(username)).get(`/api/attachments/${attachmentId}`);
      expect(r.status, username).toBe(404);
      expect(r.body.error.code).toBe('attachment.not_found');
    }
  });

  it('lets only the standing role approve; then the plan is read-only', async () => {
    const organizer = await as('bantochuc');
    const v = (await organizer.get(planPath())).body.version;
    const refused = await organizer.post(`${planPath()}/approve`, { version: v });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.forbidden');

    const standing = await as('thuongtruc');
    const ok = await standing.post(`${planPath()}/approve`, { version: v });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', approvedByName: 'thuongtruc', abilities: { edit: false, approve: false } });
    expect(ok.body.approvedAt).toBeTruthy();

    const edit = await organizer.request('PUT', planPath(), { version: ok.body.version, text: 'sửa sau phê duyệt' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('plan.invalid_transition');
    const again = await standing.post(`${planPath()}/approve`, {});
    expect(again.status).toBe(409);
    const attach = await organizer.post(`${planPath()}/attachments`, fileForm('thêm.pdf', pdf));
    expect(attach.status).toBe(409);
    expect(attach.body.error.code).toBe('plan.invalid_transition');
    const del = await organizer.request('DELETE', `/api/attachments/${attachmentId}`);
    expect(del.status).toBe(409);
    expect((await organizer.get(planPath())).body.attachments).toHaveLength(1);

    const audit = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', f.id)
      .where('action', '=', 'plan.approve')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('issues the approved plan to the unit committees and chi bộ secretaries, not to members', async () => {
    for (const username of ['capuy.p01', 'bithu.c1']) {
      const r = await (await as(username)).get(planPath());
      expect(r.status, username).toBe(200);
      expect(r.body.status).toBe('approved');
      expect(r.body.abilities).toEqual({ edit: false, approve: false });
      const d = await (await as(username)).get(`/api/attachments/${attachmentId}`);
      expect(d.status, username).toBe(200);
    }
    expect((await (await as('dangvien.thuy')).get(planPath())).status).toBe(403);
  });
});

describeEachDialect('plan attachments removal', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    f = await makeCampaignFixture(ctx);
  });
  afterAll(async () => db.drop());

  it('removes a draft plan attachment with its bytes, audited; others may not', async () => {
    const organizer = await TestClient.loggedIn(ctx, 'bantochuc', TEST_PASSWORD);
    const up = await organizer.post(
      `/api/campaigns/${f.id}/plan/attachments`,
      fileForm('Phụ lục.docx', new Uint8Array([1, 2, 3]), 'application/msword'),
    );
    expect(up.status).toBe(200);
    const office = await TestClient.loggedIn(ctx, 'vanphong', TEST_PASSWORD);
    expect((await office.get(`/api/attachments/${up.body.id}`)).status).toBe(200);
    expect((await office.request('DELETE', `/api/attachments/${up.body.id}`)).status).toBe(403);
    const del = await organizer.request('DELETE', `/api/attachments/${up.body.id}`);
    expect(del.status).toBe(200);
    expect(await ctx.db.selectFrom('attachments').selectAll().execute()).toHaveLength(0);
    expect(await ctx.db.selectFrom('files').selectAll().execute()).toHaveLength(0);
    expect((await organizer.get(`/api/attachments/${up.body.id}`)).status).toBe(404);
    const audit = await ctx.db.selectFrom('audit_events').select('action').where('entity_id', '=', up.body.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['attachment.create', 'attachment.delete']);
  });

  it('refuses to approve a plan with neither text nor attachment', async () => {
    const standing = await TestClient.loggedIn(ctx, 'thuongtruc', TEST_PASSWORD);
    const r = await standing.post(`/api/campaigns/${f.id}/plan/approve`, {});
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('plan.invalid_transition');
    expect(r.body.error.message).toMatch(/chưa có nội dung/);
  });
});
