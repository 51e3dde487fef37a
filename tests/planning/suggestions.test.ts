// Suggested points (gợi ý kiểm điểm) through HTTP on both databases (issue 3 item 4; regulations
// §3.1 bước 1 and 4, §4): drafted and issued by the committee, then read-only; issuing turns on the
// appraisal gate of the target's unit and its grassroots organization; visible to the target and
// its committee only — a member sees their own issued points, never a draft, never another's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { issuedSuggestionItems } from '../../src/server/adapters/db/suggestions.repository.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

type View = { id: string; status: string; target: { kind: string; unitId: string; memberId: string | null }; items: { text: string }[] };

describeEachDialect('suggested points', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);
  const base = () => `/api/campaigns/${f.id}`;
  const gate = async () => {
    const rows = await ctx.db.selectFrom('campaign_units').select(['unit_id', 'needs_appraisal']).where('campaign_id', '=', f.id).execute();
    return Object.fromEntries(rows.map((r) => [r.unit_id, r.needs_appraisal]));
  };
  const ids = (items: View[]) => items.map((s) => s.id).sort();

  // Filled by the tests in order.
  const s = { thuyIssued: '', thuyDraft: '', dangIssued: '', wardIssued: '' };

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    f = await makeCampaignFixture(ctx);
  });
  afterAll(async () => db.drop());

  it('drafts a suggestion for a member, seen by organizer and standing only', async () => {
    const c = await as('bantochuc');
    const r = await c.post(`${base()}/suggestions`, {
      target: { kind: 'member', memberId: f.tree.members.thuy.id },
      title: 'Gợi ý kiểm điểm đồng chí Thúy',
      items: ['Việc chậm giải quyết đơn thư của nhân dân khu phố 1', '  Tinh thần đoàn kết trong chi ủy  '],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'draft',
      target: {
        kind: 'member',
        unitId: f.tree.cellA.id,
        memberId: f.tree.members.thuy.id,
        memberName: 'Nguyễn Thị Thúy',
        unitName: 'Chi bộ khối phố 1',
      },
      abilities: { edit: true, issue: true, delete: true },
    });
    expect(r.body.items.map((i: { text: string; position: number }) => [i.position, i.text])).toEqual([
      [1, 'Việc chậm giải quyết đơn thư của nhân dân khu phố 1'],
      [2, 'Tinh thần đoàn kết trong chi ủy'],
    ]);
    s.thuyIssued = r.body.id;
    expect((await (await as('thuongtruc')).get(`/api/suggestions/${s.thuyIssued}`)).status).toBe(200);
    for (const username of ['dangvien.thuy', 'capuy.p01', 'bithu.c1', 'chidao.p01', 'vanphong']) {
      const c2 = await as(username);
      expect((await c2.get(`/api/suggestions/${s.thuyIssued}`)).status, username).toBe(404);
      expect((await c2.get(`${base()}/suggestions`)).body.items, username).toEqual([]);
    }
  });

  it('edits a draft under its version; a stale version is a conflict', async () => {
    const c = await as('bantochuc');
    const v = (await c.get(`/api/suggestions/${s.thuyIssued}`)).body.version;
    const r = await c.patch(`/api/suggestions/${s.thuyIssued}`, {
      version: v,
      items: ['Việc chậm giải quyết đơn thư của nhân dân khu phố 1', 'Tinh thần đoàn kết trong chi ủy', 'Nêu gương của đảng viên'],
    });
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(3);
    expect(r.body.title).toBe('Gợi ý kiểm điểm đồng chí Thúy');
    const stale = await c.patch(`/api/suggestions/${s.thuyIssued}`, { version: v, items: ['x'] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict.version');
  });

  it('refuses suggestions from other roles and for members left out of the review', async () => {
    for (const username of ['capuy.p01', 'vanphong', 'chidao.p01']) {
      const r = await (
        await as(username)
      ).post(`${base()}/suggestions`, { target: { kind: 'unit', unitId: f.tree.ward.id }, items: ['x'] });
      expect(r.status, username).toBe(403);
    }
    const exempt = await (
      await as('bantochuc')
    ).post(`${base()}/suggestions`, {
      target: { kind: 'member', memberId: f.tree.members.thuyB.id },
      items: ['x'],
    });
    expect(exempt.status).toBe(404);
    expect(exempt.body.error.code).toBe('campaign.not_in_population');
    const empty = await (
      await as('bantochuc')
    ).post(`${base()}/suggestions`, { target: { kind: 'unit', unitId: f.tree.ward.id }, items: [] });
    expect(empty.status).toBe(400);
  });

  it('issuing turns the appraisal gate on for the member’s chi bộ and its grassroots organization, and notifies', async () => {
    expect(Object.values(await gate()).every((v) => v === 0)).toBe(true);
    const c = await as('thuongtruc');
    const r = await c.post(`/api/suggestions/${s.thuyIssued}/issue`, {});
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('issued');
    expect(r.body.issuedAt).toBeTruthy();
    expect(r.body.abilities).toEqual({ edit: false, issue: false, delete: false });
    const g = await gate();
    expect(g[f.tree.cellA.id]).toBe(1);
    expect(g[f.tree.ward.id]).toBe(1);
    expect(g[f.tree.cellB.id]).toBe(0);
    expect(g[f.tree.school.id]).toBe(0);

    const notices = await ctx.db.selectFrom('notifications').selectAll().where('kind', '=', 'suggestion').execute();
    expect(notices.map((n) => n.account_id).sort()).toEqual([f.accounts.unitCommittee.id, f.accounts.member.id].sort());
    const audit = await ctx.db.selectFrom('audit_events').select('action').where('entity_id', '=', s.thuyIssued).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['suggestion.create', 'suggestion.update', 'suggestion.issue']);
  });

  it('issuing for a chi bộ cơ sở turns on its own gate', async () => {
    const c = await as('bantochuc');
    const r = await c.post(`${base()}/suggestions`, {
      target: { kind: 'unit', unitId: f.tree.school.id },
      items: ['Công tác phát triển đảng viên'],
    });
    expect((await c.post(`/api/suggestions/${r.body.id}/issue`, { version: r.body.version })).status).toBe(200);
    expect((await gate())[f.tree.school.id]).toBe(1);
  });

  it('keeps an issued suggestion read-only (409)', async () => {
    const c = await as('bantochuc');
    const cur = (await c.get(`/api/suggestions/${s.thuyIssued}`)).body;
    const edit = await c.patch(`/api/suggestions/${s.thuyIssued}`, { version: cur.version, items: ['khác'] });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('suggestion.invalid_transition');
    expect((await c.post(`/api/suggestions/${s.thuyIssued}/issue`, {})).status).toBe(409);
    const del = await c.request('DELETE', `/api/suggestions/${s.thuyIssued}`);
    expect(del.status).toBe(409);
    expect((await c.get(`/api/suggestions/${s.thuyIssued}`)).body.items).toHaveLength(3);
  });

  it('shows a member their own issued suggestions — not drafts, not another member’s', async () => {
    const c = await as('bantochuc');
    s.thuyDraft = (
      await c.post(`${base()}/suggestions`, { target: { kind: 'member', memberId: f.tree.members.thuy.id }, items: ['Dự thảo'] })
    ).body.id;
    s.dangIssued = (
      await c.post(`${base()}/suggestions`, {
        target: { kind: 'member', memberId: f.tree.members.dang.id },
        items: ['Việc của đồng chí Hùng'],
      })
    ).body.id;
    await c.post(`/api/suggestions/${s.dangIssued}/issue`, {});
    s.wardIssued = (
      await c.post(`${base()}/suggestions`, { target: { kind: 'unit', unitId: f.tree.ward.id }, items: ['Công tác cải cách hành chính'] })
    ).body.id;
    await c.post(`/api/suggestions/${s.wardIssued}/issue`, {});

    const thuy = await as('dangvien.thuy');
    const list = await thuy.get(`${base()}/suggestions`);
    expect(list.status).toBe(200);
    expect(list.body.canCreate).toBe(false);
    expect(list.body.items.map((x: View) => x.id)).toEqual([s.thuyIssued]);
    expect((await thuy.get(`/api/suggestions/${s.thuyIssued}`)).status).toBe(200);
    for (const other of [s.thuyDraft, s.dangIssued, s.wardIssued]) expect((await thuy.get(`/api/suggestions/${other}`)).status).toBe(404);
    const dang = await as('dangvien.dang');
    expect((await dang.get(`${base()}/suggestions`)).body.items.map((x: View) => x.id)).toEqual([s.dangIssued]);
  });

  it('shows the unit committee and chi bộ secretary the issued ones of their subtree only', async () => {
    const ward = (await (await as('capuy.p01')).get(`${base()}/suggestions`)).body.items as View[];
    expect(ids(ward)).toEqual([s.thuyIssued, s.dangIssued, s.wardIssued].sort());
    const cell = (await (await as('bithu.c1')).get(`${base()}/suggestions`)).body.items as View[];
    expect(ids(cell)).toEqual([s.thuyIssued, s.dangIssued].sort());
    const director = (await (await as('chidao.p01')).get(`${base()}/suggestions`)).body.items as View[];
    expect(ids(director)).toEqual([s.thuyIssued, s.dangIssued, s.wardIssued].sort());
  });

  it('does not show the school’s committee the ward’s suggestions', async () => {
    const c = await as('capuy.s01');
    const list = (await c.get(`${base()}/suggestions`)).body.items as View[];
    expect(list.every((x) => x.target.unitId === f.tree.school.id)).toBe(true);
    expect(list).toHaveLength(1);
    for (const id of [s.wardIssued, s.thuyIssued]) {
      const r = await c.get(`/api/suggestions/${id}`);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('suggestion.not_found');
    }
  });

  it('shows organizer and standing the drafts as well, with filters', async () => {
    const all = (await (await as('thuongtruc')).get(`${base()}/suggestions`)).body.items as View[];
    expect(all).toHaveLength(5);
    const drafts = (await (await as('bantochuc')).get(`${base()}/suggestions?status=draft`)).body.items as View[];
    expect(ids(drafts)).toEqual([s.thuyDraft]);
    const forThuy = (await (await as('bantochuc')).get(`${base()}/suggestions?memberId=${f.tree.members.thuy.id}`)).body.items as View[];
    expect(ids(forThuy)).toEqual([s.thuyIssued, s.thuyDraft].sort());
    const office = (await (await as('vanphong')).get(`${base()}/suggestions`)).body.items as View[];
    expect(office.every((x) => x.status === 'issued')).toBe(true);
    expect(office).toHaveLength(4);
  });

  it('gives the reviews the issued items of a subject in order, never drafts', async () => {
    const items = await issuedSuggestionItems(ctx.db, f.id, { kind: 'member', memberId: f.tree.members.thuy.id });
    expect(items.map((i) => i.text)).toEqual([
      'Việc chậm giải quyết đơn thư của nhân dân khu phố 1',
      'Tinh thần đoàn kết trong chi ủy',
      'Nêu gương của đảng viên',
    ]);
    expect(items.every((i) => i.suggestionId === s.thuyIssued)).toBe(true);
    expect((await issuedSuggestionItems(ctx.db, f.id, { kind: 'unit', unitId: f.tree.ward.id })).map((i) => i.text)).toEqual([
      'Công tác cải cách hành chính',
    ]);
    expect(await issuedSuggestionItems(ctx.db, f.id, { kind: 'unit', unitId: f.tree.cellB.id })).toEqual([]);
  });

  it('marks the items the member has answered in the self-review (section IV)', async () => {
    const c = await as('bantochuc');
    const items = (await c.get(`/api/suggestions/${s.thuyIssued}`)).body.items as { id: string; answered: boolean }[];
    expect(items.map((i) => i.answered)).toEqual([false, false, false]);
    const now = ctx.clock.now();
    const content = {
      suggestionAnswers: [
        { itemId: items[1].id, answer: 'Chi ủy đã họp, thống nhất khắc phục.' },
        { itemId: items[2].id, answer: '   ' },
      ],
    };
    await ctx.db
      .insertInto('reviews')
      .values({
        id: 'rv' + Date.now().toString(36),
        campaign_id: f.id,
        subject_kind: 'member',
        subject_key: f.tree.members.thuy.id,
        unit_id: f.tree.cellA.id,
        member_id: f.tree.members.thuy.id,
        scope_path: f.tree.cellA.path,
        form_meaning: 'member_no_post',
        status: 'draft',
        content_json: JSON.stringify(content),
        self_level: null,
        self_score: null,
        proxy_entered: 0,
        submitted_at: null,
        finalized_at: null,
        status_reason: null,
        updated_by: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const after = (await (await as('dangvien.thuy')).get(`/api/suggestions/${s.thuyIssued}`)).body.items as { answered: boolean }[];
    expect(after.map((i) => i.answered)).toEqual([false, true, false]);
  });

  it('deletes a draft, audited', async () => {
    const c = await as('bantochuc');
    const r = await c.request('DELETE', `/api/suggestions/${s.thuyDraft}`);
    expect(r.status).toBe(200);
    expect((await c.get(`/api/suggestions/${s.thuyDraft}`)).status).toBe(404);
    expect(await ctx.db.selectFrom('suggestion_items').selectAll().where('suggestion_id', '=', s.thuyDraft).execute()).toEqual([]);
    const audit = await ctx.db.selectFrom('audit_events').select('action').where('entity_id', '=', s.thuyDraft).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['suggestion.create', 'suggestion.delete']);
  });
});
