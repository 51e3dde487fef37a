// The dossier and the appraisal gate through HTTP on both databases (issue 3 item 7): the whole
// path draft → submit → appraisal → returned with findings → fix → resubmit → cleared → conference;
// the refusals (scheduling before clearance, wrong stage, missing reason, incomplete dossier, stale
// version), each a 4xx with a code and a Vietnamese message and nothing changed; who sees which
// dossier (design §2); and the audit trail of every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeUnit, TEST_PASSWORD, type UnitRef } from '../support/factories.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { TestClient } from '../support/http.js';

describeEachDialect('dossier and appraisal gate', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let fx: CampaignFixture;
  let wardCu: string;
  let schoolCu: string;
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);
  const dossierUrl = (unit: UnitRef, tail = '') => `/api/campaigns/${fx.id}/units/${unit.id}/dossier${tail}`;
  const conferenceUrl = (unit: UnitRef) => `/api/campaigns/${fx.id}/units/${unit.id}/conference`;

  async function row(cuId: string) {
    return ctx.db
      .selectFrom('campaign_units')
      .select(['stage', 'version', 'appraisal_round', 'submitted_at', 'cleared_at', 'stage_reason'])
      .where('id', '=', cuId)
      .executeTakeFirstOrThrow();
  }
  const count = async (table: 'conferences' | 'appraisals', cuId: string) =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .where('campaign_unit_id', '=', cuId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A review written elsewhere (features/reviews): the dossier only reads its status. */
  async function putReview(
    subjectKind: 'collective' | 'leadership' | 'member',
    unit: UnitRef,
    status: string,
    memberId: string | null = null,
  ) {
    const now = new Date().toISOString();
    const key = memberId ?? unit.id;
    const existing = await ctx.db
      .selectFrom('reviews')
      .select('id')
      .where('campaign_id', '=', fx.id)
      .where('subject_kind', '=', subjectKind)
      .where('subject_key', '=', key)
      .executeTakeFirst();
    if (existing) {
      await ctx.db.updateTable('reviews').set({ status }).where('id', '=', existing.id).execute();
      return;
    }
    await ctx.db
      .insertInto('reviews')
      .values({
        id: newId(),
        campaign_id: fx.id,
        subject_kind: subjectKind,
        subject_key: key,
        unit_id: unit.id,
        member_id: memberId,
        scope_path: unit.path,
        form_meaning: subjectKind === 'member' ? 'member_leader' : subjectKind === 'leadership' ? 'leadership_collective' : 'collective',
        status,
        content_json: '{}',
        self_level: null,
        self_score: null,
        proxy_entered: 0,
        submitted_at: status === 'draft' ? null : now,
        finalized_at: null,
        status_reason: null,
        updated_by: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    fx = await makeCampaignFixture(ctx);
    wardCu = await fx.campaignUnitId(fx.tree.ward);
    schoolCu = await fx.campaignUnitId(fx.tree.school);
    // The ward has suggested points (issue-suggestion sets this); the school has none.
    await ctx.db.updateTable('campaign_units').set({ needs_appraisal: 1 }).where('id', '=', wardCu).execute();
    // Thúy (chi bộ khối phố 1, in the ward) is a key leader: her review belongs in the ward's dossier.
    await ctx.db
      .updateTable('campaign_members')
      .set({ is_key_leader: 1 })
      .where('campaign_id', '=', fx.id)
      .where('member_id', '=', fx.tree.members.thuy.id)
      .execute();
    // A second committee with its own Organization Board: it must see nothing of the first.
    const other = await makeUnit(ctx.db, { kind: 'committee', code: 'HK', name: 'Huyện ủy Hương Khê' });
    await makeAccount(ctx.db, { username: 'bantochuc.hk', grants: [{ role: 'organizer', unit: other }] });
  });
  afterAll(async () => db.drop());

  describe('who sees which dossier (design §2)', () => {
    it('the Organization Board sees every unit of its committee, in the list and one by one', async () => {
      const board = await as('bantochuc');
      const list = await board.get(`/api/campaigns/${fx.id}/dossiers`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { unitName: string }) => i.unitName).sort()).toEqual(
        [fx.tree.ward.name, fx.tree.cellA.name, fx.tree.cellB.name, fx.tree.school.name].sort(),
      );
      expect(list.body.total).toBe(4);
      const queue = await board.get(`/api/campaigns/${fx.id}/dossiers?needsAppraisal=true`);
      expect(queue.body.items.map((i: { unitId: string }) => i.unitId)).toEqual([fx.tree.ward.id]);
      for (const unit of [fx.tree.ward, fx.tree.school]) {
        const r = await board.get(dossierUrl(unit));
        expect(r.status).toBe(200);
        expect(r.body.unitName).toBe(unit.name);
      }
    });

    it("a director sees the assigned ward's dossiers, not the school's (404)", async () => {
      const director = await as('chidao.p01');
      const ward = await director.get(dossierUrl(fx.tree.ward));
      expect(ward.status).toBe(200);
      expect(ward.body.directors.map((d: { name: string; duties: string[] }) => [d.name, d.duties])).toEqual([['chidao.p01', ['direct']]]);
      const school = await director.get(dossierUrl(fx.tree.school));
      expect(school.status).toBe(404);
      expect(school.body.error.code).toBe('dossier.not_found');
      expect(school.body.error.message).toMatch(/Không tìm thấy hồ sơ/);
      const list = await director.get(`/api/campaigns/${fx.id}/dossiers`);
      expect(list.body.items.map((i: { unitId: string }) => i.unitId).sort()).toEqual(
        [fx.tree.ward.id, fx.tree.cellA.id, fx.tree.cellB.id].sort(),
      );
    });

    it('the unit committee sees its own unit only', async () => {
      const committee = await as('capuy.p01');
      expect((await committee.get(dossierUrl(fx.tree.ward))).status).toBe(200);
      expect((await committee.get(dossierUrl(fx.tree.school))).status).toBe(404);
      const list = await committee.get(`/api/campaigns/${fx.id}/dossiers`);
      expect(list.body.items.map((i: { unitId: string }) => i.unitId)).not.toContain(fx.tree.school.id);
    });

    it('a member, the admin and anyone of another committee open no dossier', async () => {
      for (const username of ['dangvien.thuy', 'admin']) {
        const r = await (await as(username)).get(dossierUrl(fx.tree.ward));
        expect(r.status, username).toBe(404);
        expect(r.body.error.code, username).toBe('dossier.not_found');
      }
      const outsider = await as('bantochuc.hk');
      const one = await outsider.get(dossierUrl(fx.tree.ward));
      expect(one.status).toBe(404);
      expect(one.body.error.code).toBe('campaign.not_found');
      const list = await outsider.get(`/api/campaigns/${fx.id}/dossiers`);
      expect(list.status).toBe(404);
      const attempt = await outsider.post(dossierUrl(fx.tree.ward, '/start'), { version: 1 });
      expect(attempt.status).toBe(404);
      expect((await row(wardCu)).stage).toBe('planned');
    });
  });

  describe('the gate, step by step', () => {
    it('the unit committee starts preparing; a second start is a wrong step', async () => {
      const committee = await as('capuy.p01');
      const before = await committee.get(dossierUrl(fx.tree.ward));
      expect(before.body.stage).toBe('planned');
      expect(before.body.abilities.actions).toEqual(['start']);
      const r = await committee.post(dossierUrl(fx.tree.ward, '/start'), { version: before.body.version });
      expect(r.status).toBe(200);
      expect(r.body.stage).toBe('drafting');
      expect(r.body.stageLabel).toBe('Đang chuẩn bị');
      const again = await committee.post(dossierUrl(fx.tree.ward, '/start'), { version: r.body.version });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('dossier.invalid_transition');
      expect(again.body.error.message).toContain('Đang chuẩn bị');
    });

    it('refuses an incomplete dossier with what is missing, and changes nothing', async () => {
      const committee = await as('capuy.p01');
      const d = (await committee.get(dossierUrl(fx.tree.ward))).body;
      expect(d.missing.length).toBeGreaterThan(0);
      const before = await row(wardCu);
      const r = await committee.post(dossierUrl(fx.tree.ward, '/submit'), { version: d.version });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('dossier.incomplete');
      expect(r.body.error.message).toContain('Báo cáo kiểm điểm tập thể');
      expect(r.body.error.message).toContain('Nguyễn Thị Thúy');
      expect(await row(wardCu)).toEqual(before);
      // A draft review does not count.
      await putReview('collective', fx.tree.ward, 'draft');
      const still = await committee.post(dossierUrl(fx.tree.ward, '/submit'), { version: d.version });
      expect(still.status).toBe(422);
    });

    it('the unit committee submits a complete dossier; the Organization Board is told', async () => {
      await putReview('collective', fx.tree.ward, 'submitted');
      await putReview('leadership', fx.tree.ward, 'submitted');
      await putReview('member', fx.tree.cellA, 'submitted', fx.tree.members.thuy.id);
      const committee = await as('capuy.p01');
      const d = (await committee.get(dossierUrl(fx.tree.ward))).body;
      expect(d.missing).toEqual([]);
      expect(d.reports.map((x: { subjectKind: string; complete: boolean }) => [x.subjectKind, x.complete])).toEqual([
        ['collective', true],
        ['leadership', true],
      ]);
      expect(
        d.keyLeaders.map((l: { fullName: string; complete: boolean; canOpen: boolean }) => [l.fullName, l.complete, l.canOpen]),
      ).toEqual([['Nguyễn Thị Thúy', true, true]]);
      expect(d.abilities.actions).toEqual(['submit']);
      const r = await committee.post(dossierUrl(fx.tree.ward, '/submit'), { version: d.version });
      expect(r.status).toBe(200);
      expect(r.body.stage).toBe('submitted');
      expect(r.body.submittedAt).not.toBeNull();
      const notes = await ctx.db
        .selectFrom('notifications')
        .select(['kind', 'link'])
        .where('account_id', '=', fx.accounts.organizer.id)
        .where('kind', '=', 'submitted')
        .execute();
      expect(notes).toEqual([{ kind: 'submitted', link: `/kiem-diem/${fx.id}/don-vi/${fx.tree.ward.id}` }]);
    });

    it('scheduling before clearance: 409 with the reason in Vietnamese, nothing changed', async () => {
      const committee = await as('capuy.p01');
      const d = (await committee.get(dossierUrl(fx.tree.ward))).body;
      expect(d.abilities.actions).not.toContain('schedule_conference');
      expect(d.gateMessage).toContain('chưa được Ban Tổ chức thẩm định');
      const before = await row(wardCu);
      const r = await committee.post(conferenceUrl(fx.tree.ward), {
        version: d.version,
        scheduledFor: '2024-12-15T08:00',
        place: 'Hội trường phường',
      });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('conference.dossier_not_cleared');
      expect(r.body.error.message).toContain('chưa được Ban Tổ chức thẩm định đạt yêu cầu');
      expect(r.body.error.message).toContain('Đã nộp hồ sơ');
      expect(await row(wardCu)).toEqual(before);
      expect(await count('conferences', wardCu)).toBe(0);
    });

    it('only the Organization Board opens an appraisal round', async () => {
      const committee = await as('capuy.p01');
      const d = (await committee.get(dossierUrl(fx.tree.ward))).body;
      const refused = await committee.post(dossierUrl(fx.tree.ward, '/begin-appraisal'), { version: d.version });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('auth.forbidden');
      const board = await as('bantochuc');
      const r = await board.post(dossierUrl(fx.tree.ward, '/begin-appraisal'), { version: d.version });
      expect(r.status).toBe(200);
      expect(r.body.stage).toBe('under_appraisal');
      expect(r.body.appraisalRound).toBe(1);
      expect(r.body.rounds.map((x: { round: number; status: string }) => [x.round, x.status])).toEqual([[1, 'open']]);
      expect(r.body.abilities.saveFindings).toBe(true);
      expect(r.body.abilities.actions.sort()).toEqual(['clear', 'reopen', 'return']);
    });

    it("the Board's draft findings are its own until the verdict; a stale version conflicts", async () => {
      const board = await as('bantochuc');
      const d = (await board.get(dossierUrl(fx.tree.ward))).body;
      const saved = await board.request('PUT', `/api/campaigns/${fx.id}/units/${fx.tree.ward.id}/appraisal`, {
        version: d.version,
        findings: [{ section: 'IV', text: 'Chưa giải trình gợi ý số 2 về giải phóng mặt bằng.' }],
      });
      expect(saved.status).toBe(200);
      expect(saved.body.rounds[0].findings).toEqual([
        {
          section: 'IV',
          sectionLabel: 'IV. Giải trình vấn đề được gợi ý kiểm điểm',
          text: 'Chưa giải trình gợi ý số 2 về giải phóng mặt bằng.',
        },
      ]);
      const stale = await board.request('PUT', `/api/campaigns/${fx.id}/units/${fx.tree.ward.id}/appraisal`, {
        version: d.version,
        findings: [],
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict.version');
      const committee = await as('capuy.p01');
      const seen = (await committee.get(dossierUrl(fx.tree.ward))).body;
      expect(seen.rounds[0].status).toBe('open');
      expect(seen.rounds[0].findings).toEqual([]);
    });

    it('returning takes a reason: without one, 400 and nothing changed', async () => {
      const board = await as('bantochuc');
      const d = (await board.get(dossierUrl(fx.tree.ward))).body;
      const before = await row(wardCu);
      for (const body of [{ version: d.version }, { version: d.version, reason: '   ' }]) {
        const r = await board.post(dossierUrl(fx.tree.ward, '/return'), body);
        expect(r.status).toBe(400);
        expect(r.body.error.code).toBe('workflow.reason_required');
        expect(r.body.error.message).toMatch(/lý do/);
      }
      expect(await row(wardCu)).toEqual(before);
    });

    it('the Board returns the dossier with findings per section; the unit committee sees them', async () => {
      const board = await as('bantochuc');
      const d = (await board.get(dossierUrl(fx.tree.ward))).body;
      const r = await board.post(dossierUrl(fx.tree.ward, '/return'), {
        version: d.version,
        reason: 'Báo cáo chưa làm rõ nguyên nhân chủ quan.',
        findings: [
          { section: 'II', text: 'Nguyên nhân chủ quan của hạn chế về trật tự đô thị chưa được nêu.' },
          { section: 'IV', text: 'Chưa giải trình gợi ý số 2 về giải phóng mặt bằng.' },
        ],
      });
      expect(r.status).toBe(200);
      expect(r.body.stage).toBe('returned');
      const committee = await as('capuy.p01');
      const seen = (await committee.get(dossierUrl(fx.tree.ward))).body;
      expect(seen.stageReason).toBe('Báo cáo chưa làm rõ nguyên nhân chủ quan.');
      expect(seen.rounds).toHaveLength(1);
      expect(seen.rounds[0]).toMatchObject({
        round: 1,
        status: 'returned',
        reason: 'Báo cáo chưa làm rõ nguyên nhân chủ quan.',
        appraiserName: 'bantochuc',
      });
      expect(seen.rounds[0].findings.map((f: { section: string }) => f.section)).toEqual(['II', 'IV']);
      expect(seen.abilities.actions.sort()).toEqual(['resume', 'submit']);
      const notes = await ctx.db
        .selectFrom('notifications')
        .select(['kind', 'body'])
        .where('account_id', '=', fx.accounts.unitCommittee.id)
        .where('kind', '=', 'returned')
        .execute();
      expect(notes).toEqual([{ kind: 'returned', body: 'Báo cáo chưa làm rõ nguyên nhân chủ quan.' }]);
    });

    it('a transition from the wrong stage is a 409 and changes nothing', async () => {
      const board = await as('bantochuc');
      const d = (await board.get(dossierUrl(fx.tree.ward))).body;
      const before = await row(wardCu);
      for (const step of ['/clear', '/begin-appraisal']) {
        const r = await board.post(dossierUrl(fx.tree.ward, step), { version: d.version });
        expect(r.status, step).toBe(409);
        expect(r.body.error.code, step).toBe('dossier.invalid_transition');
        expect(r.body.error.message, step).toContain('Trả lại để bổ sung');
      }
      expect(await row(wardCu)).toEqual(before);
      expect(await count('appraisals', wardCu)).toBe(1);
    });

    it('the unit committee fixes and resubmits; the Board opens round 2 and clears it', async () => {
      const committee = await as('capuy.p01');
      let d = (await committee.get(dossierUrl(fx.tree.ward))).body;
      d = (await committee.post(dossierUrl(fx.tree.ward, '/resume'), { version: d.version })).body;
      expect(d.stage).toBe('drafting');
      // The findings stay in view while the dossier is fixed.
      expect(d.rounds[0].findings).toHaveLength(2);
      const form = new FormData();
      form.append('file', new Blob([new TextEncoder().encode('Biên bản bổ sung')], { type: 'text/plain' }), 'bo-sung.txt');
      const attached = await committee.request('POST', dossierUrl(fx.tree.ward, '/attachments'), form);
      expect(attached.status).toBe(200);
      expect(attached.body.attachments.map((a: { name: string }) => a.name)).toEqual(['bo-sung.txt']);
      d = (await committee.post(dossierUrl(fx.tree.ward, '/submit'), { version: attached.body.version })).body;
      expect(d.stage).toBe('submitted');
      // Submitted: no more files until it comes back.
      const late = new FormData();
      late.append('file', new Blob([new TextEncoder().encode('x')], { type: 'text/plain' }), 'muon.txt');
      expect((await committee.request('POST', dossierUrl(fx.tree.ward, '/attachments'), late)).status).toBe(409);

      const board = await as('bantochuc');
      d = (await board.post(dossierUrl(fx.tree.ward, '/begin-appraisal'), { version: d.version })).body;
      expect(d.appraisalRound).toBe(2);
      const cleared = await board.post(dossierUrl(fx.tree.ward, '/clear'), {
        version: d.version,
        findings: [{ section: 'general', text: 'Hồ sơ đã bổ sung đầy đủ theo ý kiến thẩm định.' }],
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body.stage).toBe('cleared');
      expect(cleared.body.clearedAt).not.toBeNull();
      expect(cleared.body.rounds.map((x: { round: number; status: string }) => [x.round, x.status])).toEqual([
        [1, 'returned'],
        [2, 'cleared'],
      ]);
      expect(cleared.body.gateMessage).toBeNull();
      const notes = await ctx.db
        .selectFrom('notifications')
        .select('kind')
        .where('account_id', '=', fx.accounts.unitCommittee.id)
        .where('kind', '=', 'cleared')
        .execute();
      expect(notes).toHaveLength(1);
    });

    it('a director comments on the assigned dossier but cannot clear or schedule', async () => {
      const director = await as('chidao.p01');
      const r = await director.post(dossierUrl(fx.tree.ward, '/comments'), { section: 'VI', text: 'Đề nghị nêu rõ thời hạn khắc phục.' });
      expect(r.status).toBe(200);
      expect(r.body.comments).toEqual([
        expect.objectContaining({ section: 'VI', text: 'Đề nghị nêu rõ thời hạn khắc phục.', authorName: 'chidao.p01' }),
      ]);
      const refused = await director.post(conferenceUrl(fx.tree.ward), {
        version: r.body.version,
        scheduledFor: '2024-12-15',
        place: 'Hội trường',
      });
      expect(refused.status).toBe(403);
      const committee = await as('capuy.p01');
      expect((await committee.post(dossierUrl(fx.tree.ward, '/comments'), { text: 'Tự nhận xét' })).status).toBe(403);
    });

    it('once cleared, the unit committee schedules the conference', async () => {
      const committee = await as('capuy.p01');
      const d = (await committee.get(dossierUrl(fx.tree.ward))).body;
      expect(d.abilities.actions).toEqual(['schedule_conference']);
      const bad = await committee.post(conferenceUrl(fx.tree.ward), {
        version: d.version,
        scheduledFor: '2024-02-30',
        place: 'Hội trường',
      });
      expect(bad.status).toBe(400);
      const r = await committee.post(conferenceUrl(fx.tree.ward), {
        version: d.version,
        scheduledFor: '2024-12-15T08:00',
        place: 'Hội trường UBND phường Bắc Hà',
      });
      expect(r.status).toBe(200);
      expect(r.body.stage).toBe('conference_scheduled');
      expect(r.body.stageLabel).toBe('Đã lên lịch hội nghị');
      expect(r.body.conference).toMatchObject({
        scheduledFor: '2024-12-15T08:00',
        place: 'Hội trường UBND phường Bắc Hà',
        status: 'scheduled',
      });
      expect(await count('conferences', wardCu)).toBe(1);
      const twice = await committee.post(conferenceUrl(fx.tree.ward), {
        version: r.body.version,
        scheduledFor: '2024-12-16',
        place: 'Hội trường',
      });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('dossier.invalid_transition');
    });

    it('every step is in the audit trail with its reason', async () => {
      const events = await ctx.db
        .selectFrom('audit_events')
        .select(['action', 'after_json', 'actor_id'])
        .where('entity_type', '=', 'campaign_unit')
        .where('entity_id', '=', wardCu)
        .orderBy('seq')
        .execute();
      expect(events.map((e) => e.action)).toEqual([
        'dossier.start',
        'dossier.submit',
        'dossier.begin_appraisal',
        'dossier.save_findings',
        'dossier.return',
        'dossier.resume',
        'dossier.attach',
        'dossier.submit',
        'dossier.begin_appraisal',
        'dossier.clear',
        'dossier.comment',
        'dossier.schedule_conference',
      ]);
      const returned = events.find((e) => e.action === 'dossier.return')!;
      expect(JSON.parse(returned.after_json!)).toMatchObject({
        stage: 'returned',
        reason: 'Báo cáo chưa làm rõ nguyên nhân chủ quan.',
        round: 1,
      });
      expect(returned.actor_id).toBe(fx.accounts.organizer.id);
    });
  });

  describe('a unit without suggested points', () => {
    it('schedules right after submitting, with no appraisal round', async () => {
      await putReview('collective', fx.tree.school, 'submitted');
      await putReview('leadership', fx.tree.school, 'submitted');
      const committee = await as('capuy.s01');
      let d = (await committee.get(dossierUrl(fx.tree.school))).body;
      expect(d.needsAppraisal).toBe(false);
      // Before submitting, the reason is that the dossier must be submitted first.
      d = (await committee.post(dossierUrl(fx.tree.school, '/start'), { version: d.version })).body;
      const early = await committee.post(conferenceUrl(fx.tree.school), {
        version: d.version,
        scheduledFor: '2024-12-10',
        place: 'Phòng họp',
      });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('conference.dossier_not_cleared');
      expect(early.body.error.message).toContain('nộp hồ sơ');
      d = (await committee.post(dossierUrl(fx.tree.school, '/submit'), { version: d.version })).body;
      expect(d.stage).toBe('submitted');
      expect(d.abilities.actions).toEqual(['schedule_conference']);
      const board = await as('bantochuc');
      const noRound = await board.post(dossierUrl(fx.tree.school, '/begin-appraisal'), { version: d.version });
      expect(noRound.status).toBe(409);
      expect(noRound.body.error.code).toBe('dossier.invalid_transition');
      const r = await committee.post(conferenceUrl(fx.tree.school), {
        version: d.version,
        scheduledFor: '2024-12-10',
        place: 'Phòng họp nhà trường',
      });
      expect(r.status).toBe(200);
      expect(r.body.stage).toBe('conference_scheduled');
      expect(await count('appraisals', schoolCu)).toBe(0);
    });

    it('reopening takes a reason, returns the dossier to drafting and calls the conference off', async () => {
      const board = await as('bantochuc');
      const d = (await board.get(dossierUrl(fx.tree.school))).body;
      const before = await row(schoolCu);
      const noReason = await board.post(dossierUrl(fx.tree.school, '/reopen'), { version: d.version });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.code).toBe('workflow.reason_required');
      expect(await row(schoolCu)).toEqual(before);
      const committee = await as('capuy.s01');
      expect((await committee.post(dossierUrl(fx.tree.school, '/reopen'), { version: d.version, reason: 'Tự mở lại' })).status).toBe(403);
      const r = await board.post(dossierUrl(fx.tree.school, '/reopen'), {
        version: d.version,
        reason: 'Có đơn phản ánh mới cần giải trình.',
      });
      expect(r.status).toBe(200);
      expect(r.body.stage).toBe('drafting');
      expect(r.body.conference).toBeNull();
      const conference = await ctx.db
        .selectFrom('conferences')
        .select('status')
        .where('campaign_unit_id', '=', schoolCu)
        .executeTakeFirstOrThrow();
      expect(conference.status).toBe('cancelled');
      const audit = await ctx.db
        .selectFrom('audit_events')
        .select('after_json')
        .where('entity_type', '=', 'campaign_unit')
        .where('entity_id', '=', schoolCu)
        .where('action', '=', 'dossier.reopen')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.after_json!)).toMatchObject({ reason: 'Có đơn phản ánh mới cần giải trình.', conferenceCancelled: true });
    });

    it('a director returns a submitted dossier of an assigned unit; the findings are kept as a round', async () => {
      // Chi bộ khối phố 2 (in the ward, so under the director) prepares and submits its own dossier.
      await putReview('collective', fx.tree.cellB, 'submitted');
      const cellCu = await fx.campaignUnitId(fx.tree.cellB);
      await ctx.db.updateTable('campaign_units').set({ stage: 'submitted', version: 5 }).where('id', '=', cellCu).execute();
      const director = await as('chidao.p01');
      const r = await director.post(dossierUrl(fx.tree.cellB, '/return'), {
        version: 5,
        reason: 'Chưa đối chiếu bản cam kết.',
        findings: [{ section: 'I', text: 'Bổ sung kết quả thực hiện cam kết năm.' }],
      });
      expect(r.status).toBe(200);
      expect(r.body.stage).toBe('returned');
      expect(r.body.appraisalRound).toBe(1);
      expect(r.body.rounds).toEqual([expect.objectContaining({ round: 1, status: 'returned', appraiserName: 'chidao.p01' })]);
    });
  });
});
