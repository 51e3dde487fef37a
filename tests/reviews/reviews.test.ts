// Reviews through HTTP on both databases (issue 3 item 6): pre-filled from last year's open
// shortcomings (a merged unit's from its predecessors too), the commitment and the suggested
// points; drafts saved with every revision kept; conflicts that lose nothing; the path draft →
// submitted → returned → submitted → finalized with its refusals; who may read what (design §2);
// proxy entry; what finalizing writes; comments from other places and attachments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeUnit, TEST_PASSWORD } from '../support/factories.js';
import { clientsByUsername, TestClient } from '../support/http.js';

const NOW = '2024-11-20T08:00:00.000Z';
const MAX_UPLOAD = 4096;

describeEachDialect('reviews', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  let hung: { id: string };
  const as = clientsByUsername(() => ctx, TEST_PASSWORD);
  const path = (kind: string, key: string, rest = '') => `/api/campaigns/${f.id}/reviews/${kind}/${key}${rest}`;
  const ids = {
    thuyOpen: newId(),
    thuyResolved: newId(),
    thuyThisYear: newId(),
    cellBOwn: newId(),
    predecessor: newId(),
    predecessorOfPredecessor: newId(),
    closedPredecessor: newId(),
    suggestionItem1: newId(),
    suggestionItem2: newId(),
  };
  let predecessorUnit: { id: string; name: string };
  let olderUnit: { id: string; name: string };

  async function shortcoming(
    id: string,
    subjectKind: string,
    subjectKey: string,
    unit: { id: string; path: string },
    yearFound: number,
    text: string,
    resolvedYear: number | null = null,
  ) {
    await ctx.db
      .insertInto('shortcomings')
      .values({
        id,
        subject_kind: subjectKind,
        subject_key: subjectKey,
        unit_id: unit.id,
        member_id: subjectKind === 'member' ? subjectKey : null,
        scope_path: unit.path,
        campaign_id: null,
        year_found: yearFound,
        text,
        cause_kind: 'subjective',
        cause: null,
        source: 'concluded_conference',
        resolved_year: resolvedYear,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }

  async function suggestionFor(memberId: string, unit: { id: string; path: string }, items: { id: string; text: string }[]) {
    const id = newId();
    await ctx.db
      .insertInto('suggestions')
      .values({
        id,
        campaign_id: f.id,
        target_kind: 'member',
        unit_id: unit.id,
        member_id: memberId,
        scope_path: unit.path,
        title: 'Gợi ý kiểm điểm',
        status: 'issued',
        issued_at: NOW,
        created_by: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await ctx.db
      .insertInto('suggestion_items')
      .values(items.map((it, i) => ({ id: it.id, suggestion_id: id, position: i + 1, text: it.text })))
      .execute();
  }

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle, { maxUploadBytes: MAX_UPLOAD });
    f = await makeCampaignFixture(ctx, { year: 2024 });
    const { tree } = f;
    // A second member of the ward's chi bộ 1 without an account: the secretary enters for him.
    hung = await makeMember(ctx.db, tree.cellA, 'Võ Văn Hưng', { gender: 'male' });
    await ctx.db
      .insertInto('campaign_members')
      .values({
        id: newId(),
        campaign_id: f.id,
        member_id: hung.id,
        unit_id: tree.cellA.id,
        unit_path: tree.cellA.path,
        included: 1,
        classified: 1,
        reason: null,
        note: null,
        former_unit_id: tree.cellB.id,
        is_key_leader: 0,
        form_meaning: 'member_no_post',
        source: 'manual',
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    // Key leaders: Lan in the ward (assigned to the director), An in the school (not assigned).
    await ctx.db
      .updateTable('campaign_members')
      .set({ is_key_leader: 1 })
      .where('campaign_id', '=', f.id)
      .where('member_id', 'in', [tree.members.lan.id, tree.members.school1.id])
      .execute();
    await makeAccount(ctx.db, { username: 'dangvien.lan', memberId: tree.members.lan.id, grants: [{ role: 'member', unit: tree.cellB }] });

    // Last years' record of Thúy: one still open, one fixed in 2023, one found this year.
    await shortcoming(
      ids.thuyOpen,
      'member',
      tree.members.thuy.id,
      tree.cellA,
      2023,
      'Chưa thường xuyên tham gia sinh hoạt tổ dân phố nơi cư trú',
    );
    await shortcoming(ids.thuyResolved, 'member', tree.members.thuy.id, tree.cellA, 2022, 'Chậm nộp đảng phí', 2023);
    await shortcoming(ids.thuyThisYear, 'member', tree.members.thuy.id, tree.cellA, 2024, 'Ghi trong năm nay');

    // Chi bộ 2 absorbed chi bộ 5 (itself the successor of chi bộ 7) on 01/7/2024 (design §3, succession links).
    const five = await makeUnit(ctx.db, { parent: tree.ward, kind: 'cell', code: 'P01.C5', name: 'Chi bộ khối phố 5 (cũ)' });
    const seven = await makeUnit(ctx.db, { parent: tree.ward, kind: 'cell', code: 'P01.C7', name: 'Chi bộ khối phố 7 (cũ)' });
    await ctx.db
      .updateTable('org_units')
      .set({ merged_into_id: tree.cellB.id, valid_to: '2024-07-01' })
      .where('id', '=', five.id)
      .execute();
    await ctx.db.updateTable('org_units').set({ merged_into_id: five.id, valid_to: '2023-07-01' }).where('id', '=', seven.id).execute();
    predecessorUnit = five;
    olderUnit = seven;
    await shortcoming(ids.cellBOwn, 'unit', tree.cellB.id, tree.cellB, 2023, 'Sinh hoạt chi bộ chưa đều');
    await shortcoming(ids.predecessor, 'unit', five.id, five, 2023, 'Chất lượng sinh hoạt chuyên đề chưa cao');
    await shortcoming(ids.predecessorOfPredecessor, 'unit', seven.id, seven, 2022, 'Công tác phát triển đảng viên còn chậm');
    await shortcoming(ids.closedPredecessor, 'unit', five.id, five, 2022, 'Đã khắc phục xong', 2023);

    // Thúy's commitment of 2024 and the points suggested to her.
    await ctx.db
      .insertInto('commitments')
      .values({
        id: newId(),
        member_id: tree.members.thuy.id,
        year: 2024,
        items_json: JSON.stringify([
          { id: 'cam-ket-1', text: 'Gương mẫu thực hiện quy định về những điều đảng viên không được làm' },
          { id: 'cam-ket-2', text: 'Hoàn thành tốt nhiệm vụ chuyên môn được giao' },
        ]),
        updated_by: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await suggestionFor(tree.members.thuy.id, tree.cellA, [
      { id: ids.suggestionItem1, text: 'Làm rõ việc chậm triển khai nghị quyết của chi bộ' },
      { id: ids.suggestionItem2, text: 'Trách nhiệm trong công tác vận động quần chúng' },
    ]);
  });
  afterAll(async () => db?.drop());

  const count = async (table: 'reviews' | 'review_revisions' | 'attachments' | 'files') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('pre-fill', () => {
    it("opens a member's review pre-filled, version 0, writing nothing", async () => {
      const c = await as('dangvien.thuy');
      const r = await c.get(path('member', f.tree.members.thuy.id));
      expect(r.status).toBe(200);
      const v = r.body;
      expect(v).toMatchObject({ id: null, status: 'draft', version: 0, revisionCount: 0, proxyEntered: false });
      expect(v.subject).toMatchObject({ kind: 'member', name: 'Nguyễn Thị Thúy', unitName: 'Chi bộ khối phố 1' });
      expect(v.form.sections.map((s: { key: string }) => s.key)).toEqual(
        expect.arrayContaining(['strengths', 'carry_over', 'suggestion_answers', 'self_level']),
      );
      // Last year's unresolved shortcoming only: not the one fixed in 2023, not this year's.
      expect(v.prefill.carryOver.map((s: { id: string }) => s.id)).toEqual([ids.thuyOpen]);
      expect(v.prefill.carryOver[0]).toMatchObject({ yearFound: 2023, own: true, subjectName: 'Nguyễn Thị Thúy' });
      expect(v.content.carryOver).toEqual([{ shortcomingId: ids.thuyOpen, status: null, causeKind: null, note: '' }]);
      expect(v.prefill.commitment.items.map((i: { id: string }) => i.id)).toEqual(['cam-ket-1', 'cam-ket-2']);
      expect(v.content.commitment.map((i: { itemId: string }) => i.itemId)).toEqual(['cam-ket-1', 'cam-ket-2']);
      expect(v.prefill.suggestionItems.map((i: { id: string }) => i.id)).toEqual([ids.suggestionItem1, ids.suggestionItem2]);
      expect(v.content.suggestionAnswers).toEqual([
        { itemId: ids.suggestionItem1, answer: '' },
        { itemId: ids.suggestionItem2, answer: '' },
      ]);
      expect(v.prefill.manifestations).toHaveLength(27);
      expect(v.prefill.politicalTasks).toEqual([]);
      expect(v.scoring.kind).toBe('grades');
      expect(v.scoring.levels.map((l: { level: string }) => l.level)).toEqual(['excellent', 'good', 'satisfactory', 'unsatisfactory']);
      expect(v.abilities).toMatchObject({ save: true, submit: true, return: false, finalize: false, proxy: false, comment: false });
      expect(await count('reviews')).toBe(0);
    });

    it("shows a merged unit's collective review its predecessors' open shortcomings (regulations §11.8)", async () => {
      const c = await as('capuy.p01');
      const r = await c.get(path('collective', f.tree.cellB.id));
      expect(r.status).toBe(200);
      const carry = r.body.prefill.carryOver as { id: string; own: boolean; subjectName: string }[];
      expect(carry.map((s) => s.id).sort()).toEqual([ids.cellBOwn, ids.predecessor, ids.predecessorOfPredecessor].sort());
      expect(carry.find((s) => s.id === ids.predecessor)).toMatchObject({ own: false, subjectName: predecessorUnit.name });
      expect(carry.find((s) => s.id === ids.predecessorOfPredecessor)).toMatchObject({ own: false, subjectName: olderUnit.name });
      expect(carry.find((s) => s.id === ids.cellBOwn)).toMatchObject({ own: true });
      expect(r.body.subject.predecessors.map((p: { id: string }) => p.id).sort()).toEqual([predecessorUnit.id, olderUnit.id].sort());
      expect(r.body.prefill.commitment).toBeNull();
      expect(r.body.abilities.save).toBe(true);
      expect(r.body.form.code).toMatch(/01/);
    });
  });

  describe('saving', () => {
    it('saves drafts as versions and keeps every revision', async () => {
      const c = await as('dangvien.thuy');
      const p = path('member', f.tree.members.thuy.id);
      const first = await c.request('PUT', p, { version: 0, content: { directions: 'Bản đầu' } });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'draft', version: 1 });
      const second = await c.request('PUT', p, { version: 1, content: { directions: 'Bản thứ hai' } });
      expect(second.body.version).toBe(2);
      const got = (await c.get(p)).body;
      expect(got).toMatchObject({ version: 2, revisionCount: 2, id: first.body.id });
      expect(got.content.directions).toBe('Bản thứ hai');
      // Pre-filled lines are laid into the saved content, so nothing is missing to fill.
      expect(got.content.carryOver.map((x: { shortcomingId: string }) => x.shortcomingId)).toEqual([ids.thuyOpen]);
      const revs = (await c.get(`${p}/revisions`)).body.items;
      expect(revs.map((x: { version: number }) => x.version)).toEqual([2, 1]);
      expect(revs[0]).toMatchObject({ status: 'draft', proxy: false, savedByName: 'dangvien.thuy' });
      const old = await c.get(`${p}/revisions/1`);
      expect(old.status).toBe(200);
      expect(old.body.content.directions).toBe('Bản đầu');
    });

    it('refuses the second of two saves at the same version with 409, keeping the first', async () => {
      const c = await as('dangvien.thuy');
      const p = path('member', f.tree.members.thuy.id);
      const { version } = (await c.get(p)).body;
      const a = await c.request('PUT', p, { version, content: { directions: 'Người thứ nhất' } });
      expect(a.status).toBe(200);
      const b = await c.request('PUT', p, { version, content: { directions: 'Người thứ hai' } });
      expect(b.status).toBe(409);
      expect(b.body.error.code).toBe('conflict.version');
      expect(b.body.error.message).toMatch(/người khác/);
      const got = (await c.get(p)).body;
      expect(got.content.directions).toBe('Người thứ nhất');
      expect(got.version).toBe(version + 1);
      expect((await c.get(`${p}/revisions`)).body.items).toHaveLength(version + 1);
    });

    it('lets only one of two first saves create the review', async () => {
      const c = await as('dangvien.dang');
      const p = path('member', f.tree.members.dang.id);
      const a = await c.request('PUT', p, { version: 0, content: { directions: 'Lần đầu' } });
      const b = await c.request('PUT', p, { version: 0, content: { directions: 'Cũng lần đầu' } });
      expect(a.status).toBe(200);
      expect(b.status).toBe(409);
      expect(b.body.error.code).toBe('conflict.version');
      expect((await c.get(p)).body.content.directions).toBe('Lần đầu');
    });

    it('refuses content that breaks the contract', async () => {
      const c = await as('dangvien.thuy');
      const p = path('member', f.tree.members.thuy.id);
      const { version } = (await c.get(p)).body;
      const r = await c.request('PUT', p, { version, content: { selfLevel: 'tuyệt vời' } });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('request.invalid');
    });
  });

  describe('path of a review', () => {
    it('refuses to submit with an unanswered suggested point (422) and changes nothing', async () => {
      const c = await as('dangvien.thuy');
      const p = path('member', f.tree.members.thuy.id);
      const before = (await c.get(p)).body;
      const saved = await c.request('PUT', p, {
        version: before.version,
        content: {
          ...before.content,
          carryOver: [{ shortcomingId: ids.thuyOpen, status: 'fixed', causeKind: 'subjective', note: 'Đã tham gia đủ' }],
          suggestionAnswers: [{ itemId: ids.suggestionItem1, answer: 'Do chủ quan, chưa sắp xếp thời gian' }],
          shortcomings: [{ key: 'k1', text: 'Còn ngại va chạm', causeKind: 'subjective', cause: 'Nể nang' }],
          selfLevel: 'good',
        },
      });
      expect(saved.status).toBe(200);
      const revisionsBefore = await count('review_revisions');
      const r = await c.post(`${p}/submit`, { version: saved.body.version });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('review.unanswered_suggestions');
      expect(r.body.error.message).toMatch(/gợi ý/);
      expect(r.body.error.details.items.map((i: { id: string }) => i.id)).toEqual([ids.suggestionItem2]);
      const after = (await c.get(p)).body;
      expect(after).toMatchObject({ status: 'draft', version: saved.body.version });
      expect(await count('review_revisions')).toBe(revisionsBefore);
    });

    it('refuses a transition from the wrong status (409) and one the role may not take (403)', async () => {
      const p = path('member', f.tree.members.thuy.id);
      const committee = await as('capuy.p01');
      const { version } = (await committee.get(p)).body;
      const finalize = await committee.post(`${p}/finalize`, { version });
      expect(finalize.status).toBe(409);
      expect(finalize.body.error.code).toBe('review.invalid_transition');
      expect(finalize.body.error.message).toMatch(/đang soạn/);
      const ret = await committee.post(`${p}/return`, { version, reason: 'Thiếu nội dung' });
      expect(ret.status).toBe(409);
      expect(ret.body.error.code).toBe('review.invalid_transition');
      // The unit committee reads members' reviews but does not write them (design §2: "R, decide").
      const save = await committee.request('PUT', p, { version, content: {} });
      expect(save.status).toBe(403);
      expect((await committee.get(p)).body).toMatchObject({ status: 'draft', version });
    });

    it('submits, returns with a reason and a notice, resubmits, finalizes, and writes the year into the shortcomings', async () => {
      const member = await as('dangvien.thuy');
      const committee = await as('capuy.p01');
      const p = path('member', f.tree.members.thuy.id);
      let v = (await member.get(p)).body;
      const answered = await member.request('PUT', p, {
        version: v.version,
        content: {
          ...v.content,
          suggestionAnswers: v.content.suggestionAnswers.map((a: { itemId: string }) => ({ itemId: a.itemId, answer: 'Đã giải trình' })),
        },
      });
      expect(answered.status).toBe(200);
      const submitted = await member.post(`${p}/submit`, { version: answered.body.version });
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
      // Submitted: the writer can no longer save.
      const late = await member.request('PUT', p, { version: submitted.body.version, content: {} });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('review.invalid_transition');
      // A member may not return her own review.
      expect((await member.post(`${p}/return`, { version: submitted.body.version, reason: 'x' })).status).toBe(403);

      const noReason = await committee.post(`${p}/return`, { version: submitted.body.version, reason: '  ' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.code).toBe('workflow.reason_required');
      const returned = await committee.post(`${p}/return`, { version: submitted.body.version, reason: 'Cần nêu rõ nguyên nhân chủ quan' });
      expect(returned.status).toBe(200);
      expect(returned.body.status).toBe('returned');
      const notices = await ctx.db
        .selectFrom('notifications')
        .selectAll()
        .where('account_id', '=', f.accounts.member.id)
        .where('kind', '=', 'returned')
        .execute();
      expect(notices).toHaveLength(1);
      expect(notices[0].body).toBe('Cần nêu rõ nguyên nhân chủ quan');
      v = (await member.get(p)).body;
      expect(v).toMatchObject({ status: 'returned', statusReason: 'Cần nêu rõ nguyên nhân chủ quan' });
      const fixed = await member.request('PUT', p, { version: v.version, content: { ...v.content, directions: 'Sửa theo ý kiến chi ủy' } });
      expect(fixed.status).toBe(200);
      const resubmitted = await member.post(`${p}/submit`, { version: fixed.body.version });
      expect(resubmitted.body.status).toBe('submitted');

      const finalized = await committee.post(`${p}/finalize`, { version: resubmitted.body.version });
      expect(finalized.status).toBe(200);
      expect(finalized.body.status).toBe('finalized');
      const statuses = await ctx.db.selectFrom('shortcoming_statuses').selectAll().where('shortcoming_id', '=', ids.thuyOpen).execute();
      expect(statuses).toHaveLength(1);
      expect(statuses[0]).toMatchObject({ year: 2024, status: 'fixed', cause_kind: 'subjective' });
      const open = await ctx.db.selectFrom('shortcomings').select('resolved_year').where('id', '=', ids.thuyOpen).executeTakeFirstOrThrow();
      expect(open.resolved_year).toBe(2024);
      const declared = await ctx.db
        .selectFrom('shortcomings')
        .selectAll()
        .where('subject_key', '=', f.tree.members.thuy.id)
        .where('source', '=', 'declared')
        .execute();
      expect(declared).toHaveLength(1);
      expect(declared[0]).toMatchObject({
        year_found: 2024,
        campaign_id: f.id,
        text: 'Còn ngại va chạm',
        subject_kind: 'member',
        cause_kind: 'subjective',
      });

      // Reopening takes a reason; the line fixed this year is still shown to the reopened review.
      expect((await committee.post(`${p}/reopen`, { version: finalized.body.version })).body.error.code).toBe('workflow.reason_required');
      const reopened = await committee.post(`${p}/reopen`, { version: finalized.body.version, reason: 'Bổ sung theo kết luận hội nghị' });
      expect(reopened.body.status).toBe('draft');
      expect((await member.get(p)).body.prefill.carryOver.map((s: { id: string }) => s.id)).toEqual([ids.thuyOpen]);
      const audit = await ctx.db
        .selectFrom('audit_events')
        .select(['action', 'after_json'])
        .where('entity_type', '=', 'review')
        .where('entity_id', '=', finalized.body.id)
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['review.save', 'review.submit', 'review.return', 'review.finalize', 'review.reopen']),
      );
      expect(JSON.parse(audit.find((a) => a.action === 'review.return')!.after_json!).reason).toBe('Cần nêu rõ nguyên nhân chủ quan');
    });
  });

  describe('who may read and write (design §2)', () => {
    it("hides another member's review from a member (404) and refuses her writes", async () => {
      const c = await as('dangvien.thuy');
      const r = await c.get(path('member', f.tree.members.dang.id));
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('review.not_found');
      const w = await c.request('PUT', path('member', f.tree.members.dang.id), { version: 0, content: {} });
      expect(w.status).toBe(404);
      expect((await c.get(path('collective', f.tree.cellA.id))).status).toBe(404);
      expect((await c.get(`/api/campaigns/${f.id}/units/${f.tree.cellA.id}/reviews`)).status).toBe(403);
    });

    it("shows a director the key leaders' reviews of the assigned ward only", async () => {
      const c = await as('chidao.p01');
      expect((await c.get(path('member', f.tree.members.lan.id))).status).toBe(200);
      expect((await c.get(path('member', f.tree.members.thuy.id))).status).toBe(404);
      expect((await c.get(path('member', f.tree.members.school1.id))).status).toBe(404);
      const list = await c.get(`/api/campaigns/${f.id}/units/${f.tree.ward.id}/reviews`);
      expect(list.status).toBe(200);
      expect(list.body.keyLeadersOnly).toBe(true);
      expect(list.body.items.map((m: { memberId: string }) => m.memberId)).toEqual([f.tree.members.lan.id]);
      const whole = await c.get(`/api/campaigns/${f.id}/units/${f.tree.committee.id}/reviews`);
      expect(whole.body.items.map((m: { memberId: string }) => m.memberId)).toEqual([f.tree.members.lan.id]);
    });

    it('keeps individual reviews from the office, which still reads collective reports', async () => {
      const c = await as('vanphong');
      const r = await c.get(path('member', f.tree.members.thuy.id));
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('review.not_found');
      expect((await c.get(path('collective', f.tree.cellB.id))).status).toBe(200);
      const list = await c.get(`/api/campaigns/${f.id}/units/${f.tree.ward.id}/reviews`);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
    });

    it('lists the unit committee every member of its ward with progress, and answers "not in the population" for an exempt member', async () => {
      const c = await as('capuy.p01');
      const list = await c.get(`/api/campaigns/${f.id}/units/${f.tree.ward.id}/reviews`);
      expect(list.status).toBe(200);
      expect(list.body.keyLeadersOnly).toBe(false);
      const byId = new Map(list.body.items.map((m: { memberId: string }) => [m.memberId, m]));
      expect(byId.has(f.tree.members.thuyB.id)).toBe(false);
      expect(byId.get(f.tree.members.lan.id)).toMatchObject({ progress: 'not_started', isKeyLeader: true });
      expect(byId.get(f.tree.members.dang.id)).toMatchObject({ progress: 'draft' });
      expect(list.body.collective.map((x: { kind: string }) => x.kind)).toContain('collective');
      const exempt = await c.get(path('member', f.tree.members.thuyB.id));
      expect(exempt.status).toBe(404);
      expect(exempt.body.error.code).toBe('campaign.not_in_population');
      const fromMember = await (await as('dangvien.thuy')).get(path('member', f.tree.members.thuyB.id));
      expect(fromMember.body.error.code).toBe('review.not_found');
    });

    it('marks and audits the chi bộ secretary entering a review for a member who cannot', async () => {
      const c = await as('bithu.c1');
      const p = path('member', hung.id);
      const opened = (await c.get(p)).body;
      expect(opened.abilities).toMatchObject({ save: true, proxy: true, comment: true });
      // A transferred member: the former chi bộ is named for its comments (regulations §2.1).
      expect(opened.subject.formerUnit).toMatchObject({ id: f.tree.cellB.id });
      const saved = await c.request('PUT', p, { version: 0, content: { directions: 'Nhập thay theo lời đồng chí Hưng' } });
      expect(saved.status).toBe(200);
      const got = (await c.get(p)).body;
      expect(got.proxyEntered).toBe(true);
      expect((await c.get(`${p}/revisions`)).body.items[0]).toMatchObject({ proxy: true, savedByName: 'bithu.c1' });
      const event = await ctx.db
        .selectFrom('audit_events')
        .select(['action', 'actor_id', 'after_json'])
        .where('entity_type', '=', 'review')
        .where('entity_id', '=', saved.body.id)
        .executeTakeFirstOrThrow();
      expect(event.action).toBe('review.save');
      expect(event.actor_id).toBe(f.accounts.cellSecretaryA.id);
      expect(JSON.parse(event.after_json!).proxy).toBe(true);
    });
  });

  describe('comments from other places and attachments', () => {
    it("attaches the residence chi ủy's comment to a member's review, written by the secretary only", async () => {
      const secretary = await as('bithu.c1');
      const p = path('member', f.tree.members.dang.id);
      const added = await secretary.post(`${p}/comments`, {
        sourceKind: 'residence',
        sourceName: 'Chi ủy tổ dân phố 5',
        text: 'Gương mẫu ở nơi cư trú',
      });
      expect(added.status).toBe(200);
      const member = await as('dangvien.dang');
      const v = (await member.get(p)).body;
      expect(v.comments).toHaveLength(1);
      expect(v.comments[0]).toMatchObject({ sourceKind: 'residence', sourceName: 'Chi ủy tổ dân phố 5', text: 'Gương mẫu ở nơi cư trú' });
      expect((await member.post(`${p}/comments`, { sourceKind: 'residence', sourceName: 'x', text: 'y' })).status).toBe(403);
    });

    it("keeps a comment that arrives before the member's first save, and that first save still succeeds", async () => {
      const secretary = await as('bithu.c1');
      const lanSecretary = await makeAccount(ctx.db, { username: 'bithu.c2', grants: [{ role: 'cell_secretary', unit: f.tree.cellB }] });
      const c2 = await as(lanSecretary.username);
      const p = path('member', f.tree.members.lan.id);
      expect((await secretary.post(`${p}/comments`, { sourceKind: 'residence', sourceName: 'x', text: 'y' })).status).toBe(404);
      expect(
        (await c2.post(`${p}/comments`, { sourceKind: 'other_post', sourceName: 'UBND phường', text: 'Hoàn thành tốt nhiệm vụ' })).status,
      ).toBe(200);
      const lan = await as('dangvien.lan');
      const opened = (await lan.get(p)).body;
      expect(opened).toMatchObject({ version: 0, id: null });
      expect(opened.comments).toHaveLength(1);
      const saved = await lan.request('PUT', p, { version: 0, content: { directions: 'Bản của tôi' } });
      expect(saved.status).toBe(200);
      expect(saved.body.version).toBe(1);
    });

    it('stores an attachment in the database and refuses an oversized one with 413, writing nothing', async () => {
      const c = await as('dangvien.dang');
      const p = path('member', f.tree.members.dang.id);
      const small = new FormData();
      small.append('file', new Blob([new Uint8Array(1000).fill(65)], { type: 'application/pdf' }), 'minh-chung.pdf');
      const ok = await c.post(`${p}/attachments`, small);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ name: 'minh-chung.pdf', size: 1000 });
      expect((await c.get(p)).body.attachments.map((a: { name: string }) => a.name)).toEqual(['minh-chung.pdf']);
      // Downloads follow the review's visibility: the writer and his chi bộ secretary, not another member.
      expect((await c.get(`/api/attachments/${ok.body.id}`)).status).toBe(200);
      expect((await (await as('bithu.c1')).get(`/api/attachments/${ok.body.id}`)).status).toBe(200);
      expect((await (await as('dangvien.thuy')).get(`/api/attachments/${ok.body.id}`)).status).toBe(404);
      const files = await count('files');
      const links = await count('attachments');
      const big = new FormData();
      big.append('file', new Blob([new Uint8Array(MAX_UPLOAD + 1)], { type: 'application/pdf' }), 'qua-lon.pdf');
      const refused = await c.post(`${p}/attachments`, big);
      expect(refused.status).toBe(413);
      expect(refused.body.error.code).toBe('attachment.too_large');
      expect(refused.body.error.message).toMatch(/vượt quá/);
      expect(await count('files')).toBe(files);
      expect(await count('attachments')).toBe(links);
    });
  });

  it("lists a member's own reviews in the open campaigns", async () => {
    const r = await (await as('dangvien.thuy')).get('/api/reviews/mine');
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([expect.objectContaining({ campaignId: f.id, memberId: f.tree.members.thuy.id, reviewYear: 2024 })]);
  });
});

describeEachDialect('reviews under QĐ 366 (2025: points, leadership collective)', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    f = await makeCampaignFixture(ctx, {
      year: 2025,
      config: { politicalTasks: [{ key: 'do-thi-van-minh', label: 'Xây dựng đô thị văn minh' }] },
    });
  });
  afterAll(async () => db?.drop());

  it('scores …/30 and …/70, and refuses to submit without both scores and the self level', async () => {
    const c = await TestClient.loggedIn(ctx, 'dangvien.thuy', TEST_PASSWORD);
    const p = `/api/campaigns/${f.id}/reviews/member/${f.tree.members.thuy.id}`;
    const v = (await c.get(p)).body;
    expect(v.scoring).toMatchObject({ kind: 'points', points: { general: 30, tasks: 70 } });
    expect(v.form.sections.map((s: { key: string }) => s.key)).toContain('scores');
    const saved = await c.request('PUT', p, { version: 0, content: { scores: { general: 25, tasks: null } } });
    const r = await c.post(`${p}/submit`, { version: saved.body.version });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('review.incomplete');
    expect(r.body.error.details.problems.map((x: { field: string }) => x.field).sort()).toEqual(['scores', 'selfLevel']);
    const over = await c.request('PUT', p, { version: saved.body.version, content: { scores: { general: 31, tasks: 60 } } });
    expect(over.status).toBe(400);
    const done = await c.request('PUT', p, {
      version: saved.body.version,
      content: { scores: { general: 26, tasks: 60 }, selfLevel: 'good' },
    });
    expect((await c.post(`${p}/submit`, { version: done.body.version })).body.status).toBe('submitted');
    const row = await ctx.db
      .selectFrom('reviews')
      .select(['self_score', 'self_level'])
      .where('subject_key', '=', f.tree.members.thuy.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ self_score: 86, self_level: 'good' });
  });

  it("pre-fills the campaign's key political tasks in the collective report, and opens the leadership collective's report", async () => {
    const c = await TestClient.loggedIn(ctx, 'capuy.p01', TEST_PASSWORD);
    const collective = (await c.get(`/api/campaigns/${f.id}/reviews/collective/${f.tree.ward.id}`)).body;
    expect(collective.prefill.politicalTasks).toEqual([{ key: 'do-thi-van-minh', label: 'Xây dựng đô thị văn minh' }]);
    expect(collective.content.politicalTasks).toEqual([{ taskKey: 'do-thi-van-minh', text: '', grade: null }]);
    const leadership = await c.get(`/api/campaigns/${f.id}/reviews/leadership/${f.tree.ward.id}`);
    expect(leadership.status).toBe(200);
    expect(leadership.body.subject.formMeaning).toBe('leadership_collective');
    expect(leadership.body.prefill.politicalTasks).toEqual([]);
    // The unit committee writes its reports; the chi bộ secretary reads them only (design §2).
    const saved = await c.request('PUT', `/api/campaigns/${f.id}/reviews/leadership/${f.tree.ward.id}`, {
      version: 0,
      content: { directions: 'Tăng cường' },
    });
    expect(saved.status).toBe(200);
    const secretary = await TestClient.loggedIn(ctx, 'bithu.c1', TEST_PASSWORD);
    const refused = await secretary.request('PUT', `/api/campaigns/${f.id}/reviews/collective/${f.tree.cellA.id}`, {
      version: 0,
      content: {},
    });
    expect(refused.status).toBe(403);
  });
});
