// Classification after the conference through HTTP on both databases (issue 4 items 4–5): proposals
// from the chi bộ's tally, the calibration board with a quota violation and the what-if that fixes
// it, decisions refused against a failed check without a reason and accepted with one (audited),
// two deciders at once (one wins, one conflict), results hidden from their subject until
// publication, acknowledgement, a complaint upheld into a re-rating that keeps the annulled row,
// the commendation lists, and who may do what inside and outside the subtree (design §2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import type { Level } from '../../src/shared/campaign-vocabulary.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeSmallCommittee, makeUnit, TEST_PASSWORD, type UnitRef } from '../support/factories.js';
import { TestClient } from '../support/http.js';
import { heldConference, seedTally } from './seed.js';

const NOW = '2024-12-10T08:00:00.000Z';

describeEachDialect('classification: proposals, board, decisions, publication, complaints', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let fx: CampaignFixture;
  /** The ward's classifiable members, in the order they are given levels. */
  let wardMembers: { id: string; name: string; unit: UnitRef }[];
  /** Kept out of the first decision: two deciders race on it. */
  let raced: { id: string; name: string };
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);
  const api = (tail: string) => `/api/campaigns/${fx.id}${tail}`;
  const levelsOf = (n: number): Level[] => Array.from({ length: n }, (_, i) => (i < 3 ? 'excellent' : 'good'));

  async function live(kind: string, key: string) {
    return ctx.db
      .selectFrom('classifications')
      .selectAll()
      .where('campaign_id', '=', fx.id)
      .where('subject_kind', '=', kind)
      .where('subject_key', '=', key)
      .where('annulled_at', 'is', null)
      .executeTakeFirstOrThrow();
  }

  const boardAs = (username: string, unit: UnitRef) => board(username, unit);
  async function board(username: string, unit: UnitRef) {
    const r = await (await as(username)).get(api(`/classification/board?unitId=${unit.id}`));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  }

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    const tree = await makeSmallCommittee(ctx.db);
    // Ten more members in the ward, so that one grassroots unit has 13 to classify.
    const extra: { id: string; fullName: string; unit: UnitRef }[] = [];
    for (let i = 0; i < 10; i++) {
      const unit = i % 2 === 0 ? tree.cellA : tree.cellB;
      const m = await makeMember(ctx.db, unit, `Nguyễn Văn Thành Viên ${String.fromCharCode(65 + i)}`, { gender: 'male' });
      extra.push({ ...m, unit });
    }
    const racer = await makeMember(ctx.db, tree.cellB, 'Hoàng Văn Đua', { gender: 'male' });
    fx = await makeCampaignFixture(ctx, { tree });
    wardMembers = [
      { id: tree.members.thuy.id, name: tree.members.thuy.fullName, unit: tree.cellA },
      { id: tree.members.dang.id, name: tree.members.dang.fullName, unit: tree.cellA },
      { id: tree.members.lan.id, name: tree.members.lan.fullName, unit: tree.cellB },
      ...extra.map((m) => ({ id: m.id, name: m.fullName, unit: m.unit })),
    ];
    raced = { id: racer.id, name: racer.fullName };
    const confA = await heldConference(ctx, fx, tree.cellA);
    const confB = await heldConference(ctx, fx, tree.cellB);
    // The ward's own meeting (its collective and key leaders) is held too: the Board may propose it.
    await heldConference(ctx, fx, tree.ward);
    const levels = levelsOf(wardMembers.length);
    for (const [i, m] of wardMembers.entries()) await seedTally(ctx, fx, m.unit === tree.cellA ? confA : confB, m.unit, m.id, levels[i]);
    await seedTally(ctx, fx, confB, tree.cellB, racer.id, 'good');
    // Thúy rated herself in her review; the proposal carries it.
    await ctx.db
      .insertInto('reviews')
      .values({
        id: newId(),
        campaign_id: fx.id,
        subject_kind: 'member',
        subject_key: tree.members.thuy.id,
        unit_id: tree.cellA.id,
        member_id: tree.members.thuy.id,
        scope_path: tree.cellA.path,
        form_meaning: 'member_no_post',
        status: 'finalized',
        content_json: '{}',
        self_level: 'excellent',
        self_score: null,
        proxy_entered: 0,
        submitted_at: NOW,
        finalized_at: NOW,
        status_reason: null,
        updated_by: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    // A second deciding account of the ward's committee, and a committee elsewhere.
    await makeAccount(ctx.db, { username: 'capuy.p01b', grants: [{ role: 'unit_committee', unit: tree.ward }] });
    const other = await makeUnit(ctx.db, { kind: 'committee', code: 'HK', name: 'Huyện ủy Hương Khê' });
    await makeAccount(ctx.db, { username: 'thuongtruc.hk', grants: [{ role: 'standing', unit: other }] });
  });
  afterAll(async () => db.drop());

  describe('proposals (regulations §2.5, §9b)', () => {
    it('the chi bộ secretary proposes from the tally; the row carries the tally, the self level and the checks', async () => {
      const secretary = await as('bithu.c1');
      const cellA = wardMembers.filter((m) => m.unit.id === fx.tree.cellA.id);
      const r = await secretary.post(api('/classification/proposals'), {
        unitId: fx.tree.cellA.id,
        items: cellA.map((m) => ({ subjectKind: 'member', subjectKey: m.id, version: 0 })),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.items).toHaveLength(cellA.length);
      const thuy = await live('member', fx.tree.members.thuy.id);
      expect(thuy.status).toBe('proposed');
      expect(thuy.proposed_level).toBe('excellent');
      expect(thuy.self_level).toBe('excellent');
      expect(thuy.tally_id).not.toBeNull();
      expect(thuy.group_key).toBe(fx.tree.ward.id);
      expect(JSON.parse(thuy.checks_json!)).toEqual(expect.any(Array));
      const audit = await ctx.db
        .selectFrom('audit_events')
        .selectAll()
        .where('entity_type', '=', 'classification')
        .where('entity_id', '=', thuy.id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['classification.propose']);
    });

    it('a level other than the tally needs a written reason, which is kept', async () => {
      const committee = await as('capuy.p01');
      const lan = wardMembers[2];
      const refused = await committee.post(api('/classification/proposals'), {
        unitId: fx.tree.ward.id,
        items: [{ subjectKind: 'member', subjectKey: lan.id, level: 'satisfactory', version: 0 }],
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('classification.proposal_reason_required');
      expect(refused.body.error.message).toContain(lan.name);
      const ok = await committee.post(api('/classification/proposals'), {
        unitId: fx.tree.ward.id,
        items: [
          { subjectKind: 'member', subjectKey: lan.id, level: 'satisfactory', reason: 'Chi bộ họp lại, thống nhất hạ mức', version: 0 },
        ],
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      // …and back to the tally's level, with the version just read.
      const back = await committee.post(api('/classification/proposals'), {
        unitId: fx.tree.ward.id,
        items: [{ subjectKind: 'member', subjectKey: lan.id, version: ok.body.items[0].version }],
      });
      expect(back.status, JSON.stringify(back.body)).toBe(200);
      const row = await live('member', lan.id);
      expect(row.proposed_level).toBe('excellent');
      expect(row.version).toBe(2);
    });

    it('the rest of chi bộ 2 is proposed by the unit committee; a stale version is a conflict', async () => {
      const committee = await as('capuy.p01');
      const rest = [...wardMembers.filter((m) => m.unit.id === fx.tree.cellB.id && m.id !== wardMembers[2].id), raced];
      const r = await committee.post(api('/classification/proposals'), {
        unitId: fx.tree.cellB.id,
        items: rest.map((m) => ({ subjectKind: 'member', subjectKey: m.id, version: 0 })),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const stale = await committee.post(api('/classification/proposals'), {
        unitId: fx.tree.cellB.id,
        items: [{ subjectKind: 'member', subjectKey: raced.id, version: 0 }],
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict.version');
    });

    it('members left out of the population cannot be proposed (R8)', async () => {
      const r = await (
        await as('capuy.p01')
      ).post(api('/classification/proposals'), {
        unitId: fx.tree.ward.id,
        items: [{ subjectKind: 'member', subjectKey: fx.tree.members.thuyB.id, level: 'good', reason: 'thử', version: 0 }],
      });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('classification.not_classifiable');
    });

    it('the chi bộ collectives are proposed by the chi bộ; a unit whose subjects are all proposed moves to "proposed"', async () => {
      const secretary = await as('bithu.c1');
      const a = await secretary.post(api('/classification/proposals'), {
        unitId: fx.tree.cellA.id,
        items: [{ subjectKind: 'unit', subjectKey: fx.tree.cellA.id, level: 'good', version: 0 }],
      });
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(a.body.unitsProposed).toEqual([fx.tree.cellA.id]);
      // The secretary of chi bộ 1 proposes nothing for chi bộ 2 (design §2: "RW (propose)" over the own chi bộ).
      const b = await secretary.post(api('/classification/proposals'), {
        unitId: fx.tree.cellB.id,
        items: [{ subjectKind: 'unit', subjectKey: fx.tree.cellB.id, level: 'good', version: 0 }],
      });
      expect(b.status).toBe(404);
      const byCommittee = await (
        await as('capuy.p01')
      ).post(api('/classification/proposals'), {
        unitId: fx.tree.ward.id,
        items: [{ subjectKind: 'unit', subjectKey: fx.tree.cellB.id, level: 'good', version: 0 }],
      });
      expect(byCommittee.status, JSON.stringify(byCommittee.body)).toBe(200);
      const stages = await ctx.db
        .selectFrom('campaign_units')
        .select(['unit_id', 'stage'])
        .where('campaign_id', '=', fx.id)
        .where('unit_id', 'in', [fx.tree.cellA.id, fx.tree.cellB.id])
        .execute();
      expect(Object.fromEntries(stages.map((s) => [s.unit_id, s.stage]))).toEqual({
        [fx.tree.cellA.id]: 'proposed',
        [fx.tree.cellB.id]: 'proposed',
      });
    });

    it('waits for the meeting: nobody of a unit that has not held its conference can be proposed (design §3)', async () => {
      // The school (chi bộ cơ sở) has not met: its member cannot be proposed yet, and nothing is written.
      const r = await (
        await as('bantochuc')
      ).post(api('/classification/proposals'), {
        unitId: fx.tree.committee.id,
        items: [{ subjectKind: 'unit', subjectKey: fx.tree.school.id, level: 'good', version: 0 }],
      });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('classification.invalid_transition');
      expect(r.body.error.message).toContain('chưa tổ chức xong hội nghị');
      const rows = await ctx.db.selectFrom('classifications').select('id').where('subject_key', '=', fx.tree.school.id).execute();
      expect(rows).toEqual([]);
    });

    it('the grassroots unit is proposed by the upper Organization Board, not by its own committee', async () => {
      const own = await (
        await as('capuy.p01')
      ).post(api('/classification/proposals'), {
        unitId: fx.tree.ward.id,
        items: [{ subjectKind: 'unit', subjectKey: fx.tree.ward.id, level: 'good', version: 0 }],
      });
      expect(own.status).toBe(403);
      const board = await (
        await as('bantochuc')
      ).post(api('/classification/proposals'), {
        unitId: fx.tree.committee.id,
        items: [{ subjectKind: 'unit', subjectKey: fx.tree.ward.id, level: 'good', version: 0 }],
      });
      expect(board.status, JSON.stringify(board.body)).toBe(200);
      // Before publication the ward's own committee sees its self level only, as a member does (design §2).
      const wardRow = (b: { rows: { subjectKind: string; subjectKey: string }[] }) =>
        b.rows.find((r) => r.subjectKind === 'unit' && r.subjectKey === fx.tree.ward.id) as Record<string, unknown>;
      expect(wardRow(await boardAs('capuy.p01', fx.tree.ward))).toMatchObject({ proposedLevel: null, status: null, level: null });
      expect(wardRow(await boardAs('bantochuc', fx.tree.committee))).toMatchObject({ proposedLevel: 'good', status: 'proposed' });
      // The same through the subject's own page (classification.get): self level only for the ward's committee.
      const ownPage = await (await as('capuy.p01')).get(api(`/classifications/unit/${fx.tree.ward.id}`));
      expect(ownPage.status).toBe(200);
      expect(ownPage.body).toMatchObject({ visibility: 'self_only', proposedLevel: null, status: null });
      const upper = await (await as('bantochuc')).get(api(`/classifications/unit/${fx.tree.ward.id}`));
      expect(upper.body).toMatchObject({ visibility: 'full', proposedLevel: 'good', status: 'proposed' });
    });
  });

  describe('the calibration board and the what-if', () => {
    it('shows the quota violation of the ward with its arithmetic: 10 HTT allow 2 HTXS, 3 proposed', async () => {
      const b = await board('capuy.p01', fx.tree.ward);
      const members = b.rows.filter((r: { subjectKind: string }) => r.subjectKind === 'member');
      // 13 to classify, the raced member, and Lê Thủy (exempt) shown as not classified.
      expect(members).toHaveLength(15);
      const quota = b.quotas.find(
        (q: { groupKey: string; subjectKind: string }) => q.groupKey === fx.tree.ward.id && q.subjectKind === 'member',
      );
      expect(quota).toMatchObject({ good: 11, excellent: 3, cap: 2, passed: false, complete: true });
      expect(quota.explanation).toContain('11');
      expect(quota.explanation).toContain('2');
      const excellent = members.filter((r: { level: string }) => r.level === 'excellent');
      expect(excellent).toHaveLength(3);
      for (const r of excellent) expect(r.failed.map((f: { ruleId: string }) => f.ruleId)).toContain('R9');
      const thuy = members.find((r: { subjectKey: string }) => r.subjectKey === fx.tree.members.thuy.id);
      expect(thuy).toMatchObject({ selfLevel: 'excellent', proposedLevel: 'excellent', status: 'proposed', canDecide: true });
      expect(thuy.tally).toMatchObject({ present: 10, valid: 9, proposedLevel: 'excellent' });
      expect(thuy.failed.find((f: { ruleId: string }) => f.ruleId === 'R9').source.document).toMatch(/QĐ 124/);
      const exempt = members.find((r: { subjectKey: string }) => r.subjectKey === fx.tree.members.thuyB.id);
      expect(exempt).toMatchObject({ included: false, canPropose: false, level: null });
    });

    it('the what-if re-runs every check with one HTXS lowered: the quota holds; nothing is written', async () => {
      const committee = await as('capuy.p01');
      const r = await committee.post(api(`/classification/what-if?unitId=${fx.tree.ward.id}`), {
        levels: [{ subjectKind: 'member', subjectKey: wardMembers[2].id, level: 'good' }],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.whatIf).toBe(true);
      const quota = r.body.quotas.find(
        (q: { groupKey: string; subjectKind: string }) => q.groupKey === fx.tree.ward.id && q.subjectKind === 'member',
      );
      expect(quota).toMatchObject({ good: 12, excellent: 2, cap: 2, passed: true });
      for (const row of r.body.rows) expect(row.failed.map((f: { ruleId: string }) => f.ruleId)).not.toContain('R9');
      expect((await live('member', wardMembers[2].id)).proposed_level).toBe('excellent');
    });

    it('a chi bộ secretary sees the own chi bộ only, checked against the whole ward', async () => {
      const b = await board('bithu.c1', fx.tree.cellA);
      const units = new Set(b.rows.map((r: { unitId: string }) => r.unitId));
      expect([...units]).toEqual([fx.tree.cellA.id]);
      expect(b.quotas.find((q: { subjectKind: string }) => q.subjectKind === 'member')).toMatchObject({ good: 11, excellent: 3 });
      expect(b.rows.every((r: { canDecide: boolean }) => !r.canDecide)).toBe(true);
      const other = await (await as('bithu.c1')).get(api(`/classification/board?unitId=${fx.tree.ward.id}`));
      expect(other.status).toBe(404);
    });

    it('another committee, or another grassroots committee, gets 404; the office sees no proposals', async () => {
      expect((await (await as('thuongtruc.hk')).get(api(`/classification/board?unitId=${fx.tree.ward.id}`))).status).toBe(404);
      expect((await (await as('capuy.s01')).get(api(`/classification/board?unitId=${fx.tree.ward.id}`))).status).toBe(404);
      expect((await (await as('vanphong')).get(api(`/classification/board?unitId=${fx.tree.ward.id}`))).status).toBe(404);
    });
  });

  describe('decisions (regulations §2.5, §11.5 item 10)', () => {
    const items = async (override?: string) =>
      Promise.all(
        wardMembers.map(async (m, i) => {
          const row = await live('member', m.id);
          return {
            subjectKind: 'member',
            subjectKey: m.id,
            level: levelsOf(wardMembers.length)[i],
            version: row.version,
            conclusion: i === 0 ? 'Gương mẫu, có sáng kiến trong công tác dân vận.' : undefined,
            shortcomings: i === 1 ? ['Chưa thường xuyên nắm tình hình dư luận ở khu dân cư'] : undefined,
            ...(override && i < 3 ? { overrideReason: override } : {}),
          };
        }),
      );

    it('a chi bộ secretary cannot decide; the standing committee does not decide members', async () => {
      const body = { unitId: fx.tree.ward.id, number: '12-QĐ/ĐU', date: '2024-12-20', items: (await items('x')).slice(0, 1) };
      const secretary = await (await as('bithu.c1')).post(api('/decisions'), { ...body, unitId: fx.tree.cellA.id });
      expect(secretary.status).toBe(403);
      const standing = await (await as('thuongtruc')).post(api('/decisions'), body);
      expect(standing.status).toBe(403);
      expect((await (await as('thuongtruc.hk')).post(api('/decisions'), body)).status).toBe(404);
    });

    it('against a failed check without a reason: 422 naming the rules, nothing written', async () => {
      const r = await (
        await as('capuy.p01')
      ).post(api('/decisions'), { unitId: fx.tree.ward.id, number: '12-QĐ/ĐU', date: '2024-12-20', items: await items() });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('classification.override_reason_required');
      const problems = r.body.error.details.items;
      expect(problems).toHaveLength(3);
      for (const p of problems) expect(p.failed.map((f: { ruleId: string }) => f.ruleId)).toContain('R9');
      expect(await ctx.db.selectFrom('decisions').select('id').execute()).toHaveLength(0);
      expect((await live('member', wardMembers[0].id)).status).toBe('proposed');
    });

    it('with a written reason the batch is decided in one decision, the override audited', async () => {
      const r = await (
        await as('capuy.p01')
      ).post(api('/decisions'), {
        unitId: fx.tree.ward.id,
        number: '12-QĐ/ĐU',
        date: '2024-12-20',
        signerName: 'Trần Văn Bí',
        signerTitle: 'Bí thư Đảng ủy',
        items: await items('Ba đồng chí có thành tích nổi bật được Thành ủy biểu dương'),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({
        kind: 'members',
        number: '12-QĐ/ĐU',
        status: 'issued',
        itemCount: 13,
        overrideCount: 3,
        canPublish: true,
      });
      const thuy = await live('member', fx.tree.members.thuy.id);
      expect(thuy).toMatchObject({
        status: 'decided',
        decided_level: 'excellent',
        decision_number: '12-QĐ/ĐU',
        decision_date: '2024-12-20',
        conclusion: 'Gương mẫu, có sáng kiến trong công tác dân vận.',
        override_reason: 'Ba đồng chí có thành tích nổi bật được Thành ủy biểu dương',
      });
      const event = await ctx.db
        .selectFrom('audit_events')
        .selectAll()
        .where('entity_id', '=', thuy.id)
        .where('action', '=', 'classification.decide')
        .executeTakeFirstOrThrow();
      const after = JSON.parse(event.after_json!);
      expect(after.override.reason).toBe('Ba đồng chí có thành tích nổi bật được Thành ủy biểu dương');
      expect(after.override.rules.map((x: { ruleId: string }) => x.ruleId)).toContain('R9');
      const plain = await live('member', wardMembers[5].id);
      expect(plain.override_reason).toBeNull();
      // The shortcoming the deciding level concluded is recorded for the year, with its source, audited.
      const concluded = await ctx.db
        .selectFrom('shortcomings')
        .select(['id', 'subject_kind', 'subject_key', 'year_found', 'source', 'text'])
        .where('source', '=', 'concluded_decision')
        .execute();
      expect(concluded).toMatchObject([
        {
          subject_kind: 'member',
          subject_key: wardMembers[1].id,
          year_found: fx.year,
          text: 'Chưa thường xuyên nắm tình hình dư luận ở khu dân cư',
        },
      ]);
      const audit = await ctx.db.selectFrom('audit_events').select('action').where('entity_id', '=', concluded[0].id).execute();
      expect(audit.map((a) => a.action)).toEqual(['shortcoming.conclude']);
    });

    it('two deciders deciding the same subject at once: one 200, one 409 conflict.version', async () => {
      const row = await live('member', raced.id);
      const body = (number: string) => ({
        unitId: fx.tree.ward.id,
        number,
        date: '2024-12-21',
        items: [{ subjectKind: 'member', subjectKey: raced.id, level: 'good', version: row.version }],
      });
      const [a, b] = await Promise.all([as('capuy.p01'), as('capuy.p01b')]);
      const results = await Promise.all([a.post(api('/decisions'), body('13-QĐ/ĐU')), b.post(api('/decisions'), body('14-QĐ/ĐU'))]);
      const statuses = results.map((x) => x.status).sort();
      expect(statuses).toEqual([200, 409]);
      expect(results.find((x) => x.status === 409)!.body.error.code).toBe('conflict.version');
      // The loser's decision was rolled back with its batch.
      const decisions = await ctx.db.selectFrom('decisions').select('number').where('number', 'in', ['13-QĐ/ĐU', '14-QĐ/ĐU']).execute();
      expect(decisions).toHaveLength(1);
      expect((await live('member', raced.id)).version).toBe(row.version + 1);
    });

    it('the unit committee decides the chi bộ collectives; the standing committee decides the grassroots unit', async () => {
      const committee = await as('capuy.p01');
      const cells = await Promise.all(
        [fx.tree.cellA, fx.tree.cellB].map(async (u) => ({
          subjectKind: 'unit',
          subjectKey: u.id,
          level: 'good',
          version: (await live('unit', u.id)).version,
        })),
      );
      const r = await committee.post(api('/decisions'), { unitId: fx.tree.ward.id, number: '15-QĐ/ĐU', date: '2024-12-21', items: cells });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.kind).toBe('units');
      // Every subject of both chi bộ is now decided: their stage follows (design §3: proposed → decided).
      const stages = await ctx.db
        .selectFrom('campaign_units')
        .select(['unit_id', 'stage'])
        .where('campaign_id', '=', fx.id)
        .where('unit_id', 'in', [fx.tree.cellA.id, fx.tree.cellB.id])
        .execute();
      expect(stages.map((x) => x.stage)).toEqual(['decided', 'decided']);
      const ward = {
        subjectKind: 'unit',
        subjectKey: fx.tree.ward.id,
        level: 'good',
        version: (await live('unit', fx.tree.ward.id)).version,
      };
      const own = await committee.post(api('/decisions'), {
        unitId: fx.tree.ward.id,
        number: '16-QĐ/ĐU',
        date: '2024-12-21',
        items: [ward],
      });
      expect(own.status).toBe(403);
      const standingBoard = await board('thuongtruc', fx.tree.committee);
      expect(standingBoard.rows.some((x: { subjectKind: string }) => x.subjectKind === 'member')).toBe(false);
      const wardRow = standingBoard.rows.find(
        (x: { subjectKey: string; subjectKind: string }) => x.subjectKind === 'unit' && x.subjectKey === fx.tree.ward.id,
      );
      expect(wardRow.canDecide).toBe(true);
      const reasons = wardRow.failed.length > 0 ? { overrideReason: 'Cân nhắc chung của Ban Thường vụ' } : {};
      const standing = await (
        await as('thuongtruc')
      ).post(api('/decisions'), {
        unitId: fx.tree.committee.id,
        number: '101-QĐ/TU',
        date: '2024-12-28',
        items: [{ ...ward, ...reasons }],
      });
      expect(standing.status, JSON.stringify(standing.body)).toBe(200);
      expect(standing.body).toMatchObject({ kind: 'units', decidingUnitId: fx.tree.committee.id });
    });
  });

  describe('publication, the member’s own result, acknowledgement', () => {
    it('before publication the member sees her self level only (API)', async () => {
      const member = await as('dangvien.thuy');
      const mine = await member.get('/api/my-classifications');
      expect(mine.status).toBe(200);
      const item = mine.body.items.find((i: { campaignId: string }) => i.campaignId === fx.id);
      expect(item).toMatchObject({
        published: false,
        selfLevel: 'excellent',
        decidedLevel: null,
        decisionNumber: null,
        conclusion: null,
        canAcknowledge: false,
      });
      const one = await member.get(api(`/classifications/member/${fx.tree.members.thuy.id}`));
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({
        visibility: 'self_only',
        selfLevel: 'excellent',
        decidedLevel: null,
        proposedLevel: null,
        status: null,
        checks: [],
      });
      const raw = JSON.stringify(one.body);
      expect(raw).not.toContain('12-QĐ/ĐU');
      const ack = await member.post(api('/my-classification/acknowledge'), { version: 1 });
      expect(ack.status).toBe(409);
      expect(ack.body.error.code).toBe('classification.not_published');
      // Another member's classification is not hers to read.
      expect((await member.get(api(`/classifications/member/${fx.tree.members.dang.id}`))).status).toBe(404);
    });

    it('the unit committee publishes; the member is notified, sees the result and acknowledges it', async () => {
      const committee = await as('capuy.p01');
      const decisions = await committee.get(api(`/decisions?unitId=${fx.tree.ward.id}`));
      const d = decisions.body.items.find((x: { number: string }) => x.number === '12-QĐ/ĐU');
      expect((await (await as('bithu.c1')).post(api(`/decisions/${d.id}/publish`), { version: d.version })).status).toBe(404);
      const r = await committee.post(api(`/decisions/${d.id}/publish`), { version: d.version });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ status: 'published', canPublish: false });
      const again = await committee.post(api(`/decisions/${d.id}/publish`), { version: r.body.version });
      expect(again.status).toBe(409);
      const thuy = await live('member', fx.tree.members.thuy.id);
      expect(thuy.status).toBe('published');
      expect(thuy.published_at).not.toBeNull();
      const note = await ctx.db
        .selectFrom('notifications')
        .selectAll()
        .where('account_id', '=', fx.accounts.member.id)
        .where('kind', '=', 'published')
        .executeTakeFirst();
      expect(note?.title).toContain('2024');

      const member = await as('dangvien.thuy');
      const mine = (await member.get('/api/my-classifications')).body.items.find((i: { campaignId: string }) => i.campaignId === fx.id);
      expect(mine).toMatchObject({
        published: true,
        decidedLevel: 'excellent',
        decidedLevelLabel: 'Hoàn thành xuất sắc nhiệm vụ',
        decisionNumber: '12-QĐ/ĐU',
        conclusion: 'Gương mẫu, có sáng kiến trong công tác dân vận.',
        canAcknowledge: true,
        canComplain: true,
      });
      const ack = await member.post(api('/my-classification/acknowledge'), { version: mine.version });
      expect(ack.status, JSON.stringify(ack.body)).toBe(200);
      const after = ack.body.items.find((i: { campaignId: string }) => i.campaignId === fx.id);
      expect(after.acknowledgedAt).not.toBeNull();
      expect(after.canAcknowledge).toBe(false);
      expect((await live('member', fx.tree.members.thuy.id)).acknowledged_at).not.toBeNull();
    });
  });

  describe('complaints and re-rating (regulations §2.5 last row; QĐ 366 Điều 13, 15)', () => {
    let complaintId: string;

    it('the member complains about her own published result; nobody else’s', async () => {
      const member = await as('dangvien.thuy');
      const other = await member.post(api('/complaints'), {
        subjectKind: 'member',
        subjectKey: fx.tree.members.dang.id,
        text: 'Không đúng',
      });
      expect(other.status).toBe(404);
      const r = await member.post(api('/complaints'), {
        subjectKind: 'member',
        subjectKey: fx.tree.members.thuy.id,
        text: 'Tôi đề nghị xem lại: kết quả chưa phản ánh việc tôi được điều động giữa năm.',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.status).toBe('open');
      complaintId = r.body.id;
      const twice = await member.post(api('/complaints'), { subjectKind: 'member', subjectKey: fx.tree.members.thuy.id, text: 'Lần nữa' });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('complaint.already_open');
      const list = await (await as('thuongtruc')).get(api('/complaints'));
      expect(list.body.canResolve).toBe(true);
      expect(list.body.items.map((c: { id: string }) => c.id)).toContain(complaintId);
    });

    it('the unit committee cannot resolve it; the upper level upholds it: the old row is annulled and kept, a new one lives', async () => {
      const c = (await (await as('thuongtruc')).get(api('/complaints'))).body.items.find((x: { id: string }) => x.id === complaintId);
      const body = {
        version: c.version,
        outcome: 'upheld',
        resolution: 'Xác minh lại: đồng chí chưa đủ điều kiện mức xuất sắc.',
        level: 'good',
        decisionNumber: '120-QĐ/TU',
        decisionDate: '2025-01-10',
        conclusion: 'Xếp loại lại theo kết quả xác minh.',
      };
      expect((await (await as('capuy.p01')).post(api(`/complaints/${complaintId}/resolve`), body)).status).toBe(403);
      const old = await live('member', fx.tree.members.thuy.id);
      const r = await (await as('thuongtruc')).post(api(`/complaints/${complaintId}/resolve`), body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.status).toBe('upheld');
      const kept = await ctx.db.selectFrom('classifications').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
      expect(kept).toMatchObject({
        status: 'annulled',
        annul_reason: 'Xác minh lại: đồng chí chưa đủ điều kiện mức xuất sắc.',
        decided_level: 'excellent',
      });
      expect(kept.annulled_at).not.toBeNull();
      const fresh = await live('member', fx.tree.members.thuy.id);
      expect(fresh).toMatchObject({ status: 'decided', decided_level: 'good', replaces_id: old.id, decision_number: '120-QĐ/TU' });
      const d = await ctx.db.selectFrom('decisions').selectAll().where('id', '=', fresh.decision_id!).executeTakeFirstOrThrow();
      expect(d.kind).toBe('rerating');
      // Until the re-rating is published, the member sees her self level only.
      const mine = (await (await as('dangvien.thuy')).get('/api/my-classifications')).body.items.find(
        (i: { campaignId: string }) => i.campaignId === fx.id,
      );
      expect(mine).toMatchObject({ published: false, decidedLevel: null });
      const published = await (await as('thuongtruc')).post(api(`/decisions/${d.id}/publish`), { version: d.version });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const after = (await (await as('dangvien.thuy')).get('/api/my-classifications')).body.items.find(
        (i: { campaignId: string }) => i.campaignId === fx.id,
      );
      expect(after).toMatchObject({ published: true, decidedLevel: 'good', decisionNumber: '120-QĐ/TU' });
      const history = await (await as('capuy.p01')).get(api(`/classifications/member/${fx.tree.members.thuy.id}`));
      expect(history.body.history.map((h: { status: string }) => h.status)).toEqual(['annulled', 'published']);
      const audits = await ctx.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', 'in', [old.id, fresh.id, complaintId])
        .execute();
      expect(audits.map((a) => a.action)).toEqual(
        expect.arrayContaining(['classification.annul', 'classification.rerate', 'complaint.file', 'complaint.uphold']),
      );
    });

    it('a complaint dismissed keeps the result and records why', async () => {
      const member = await as('dangvien.thuy');
      const filed = await member.post(api('/complaints'), {
        subjectKind: 'member',
        subjectKey: fx.tree.members.thuy.id,
        text: 'Đề nghị xem lại lần hai.',
      });
      expect(filed.status).toBe(200);
      // The Organization Board reads it but may not rule on it (design §2: it proposes, the standing committee decides).
      const byBoard = await (
        await as('bantochuc')
      ).post(api(`/complaints/${filed.body.id}/resolve`), {
        version: filed.body.version,
        outcome: 'dismissed',
        resolution: 'Không có căn cứ mới.',
      });
      expect(byBoard.status).toBe(403);
      const r = await (
        await as('thuongtruc')
      ).post(api(`/complaints/${filed.body.id}/resolve`), {
        version: filed.body.version,
        outcome: 'dismissed',
        resolution: 'Không có căn cứ mới.',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ status: 'dismissed', resolution: 'Không có căn cứ mới.' });
      expect((await live('member', fx.tree.members.thuy.id)).decided_level).toBe('good');
    });
  });

  describe('a grassroots committee’s complaint about its unit', () => {
    it('once the Standing Committee’s decision is published, the ward’s committee may complain about the ward; a chi bộ secretary may not', async () => {
      const board = await as('bantochuc');
      const decisions = await board.get(api('/decisions'));
      const d = decisions.body.items.find((x: { number: string }) => x.number === '101-QĐ/TU');
      expect(d.canPublish).toBe(true);
      expect((await board.post(api(`/decisions/${d.id}/publish`), { version: d.version })).status).toBe(200);
      const text = 'Đề nghị xem xét lại: đơn vị đã hoàn thành vượt các chỉ tiêu.';
      const secretary = await (await as('bithu.c1')).post(api('/complaints'), { subjectKind: 'unit', subjectKey: fx.tree.ward.id, text });
      expect(secretary.status).toBe(404);
      const r = await (await as('capuy.p01')).post(api('/complaints'), { subjectKind: 'unit', subjectKey: fx.tree.ward.id, text });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({
        subjectKind: 'unit',
        subjectName: fx.tree.ward.name,
        status: 'open',
        levelLabel: 'Hoàn thành tốt nhiệm vụ',
      });
    });
  });

  describe('the unit’s stage follows its classifications (design §3)', () => {
    it('publishing the chi bộ collectives moves chi bộ 1 to "published"; chi bộ 2 waits on a member still unpublished', async () => {
      const committee = await as('capuy.p01');
      const d = (await committee.get(api(`/decisions?unitId=${fx.tree.ward.id}`))).body.items.find(
        (x: { number: string }) => x.number === '15-QĐ/ĐU',
      );
      const r = await committee.post(api(`/decisions/${d.id}/publish`), { version: d.version });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const stages = await ctx.db
        .selectFrom('campaign_units')
        .select(['unit_id', 'stage'])
        .where('campaign_id', '=', fx.id)
        .where('unit_id', 'in', [fx.tree.cellA.id, fx.tree.cellB.id])
        .execute();
      expect(Object.fromEntries(stages.map((x) => [x.unit_id, x.stage]))).toEqual({
        [fx.tree.cellA.id]: 'published',
        [fx.tree.cellB.id]: 'decided',
      });
      const audit = await ctx.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', await fx.campaignUnitId(fx.tree.cellA))
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['dossier.propose', 'dossier.decide', 'dossier.publish']);
    });
  });

  describe('commendation lists (regulations §2.1, §2.2 "Reward")', () => {
    it('lists the members at HTXS this year, and those at HTXS five years running', async () => {
      // Four earlier reviews of the same committee, each with Đặng Văn Hùng at the top level.
      const dang = fx.tree.members.dang.id;
      for (const year of [2020, 2021, 2022, 2023]) {
        const campaignId = newId();
        await ctx.db
          .insertInto('campaigns')
          .values({
            id: campaignId,
            owner_unit_id: fx.tree.committee.id,
            owner_path: fx.tree.committee.path,
            review_year: year,
            rule_set_id: year >= 2023 ? 'hd25-2023' : 'hd21-2019',
            title: `Kiểm điểm năm ${year}`,
            status: 'closed',
            config_json: '{}',
            milestones_json: '[]',
            plan_text: null,
            plan_status: 'approved',
            plan_approved_by: null,
            plan_approved_at: null,
            snapshot_at: NOW,
            cutoff_date: `${year}-12-31`,
            version: 1,
            created_at: NOW,
            updated_at: NOW,
          })
          .execute();
        await ctx.db
          .insertInto('classifications')
          .values({
            id: newId(),
            campaign_id: campaignId,
            subject_kind: 'member',
            subject_key: dang,
            unit_id: fx.tree.cellA.id,
            member_id: dang,
            scope_path: fx.tree.cellA.path,
            status: 'published',
            self_level: 'excellent',
            proposed_level: 'excellent',
            decided_level: 'excellent',
            decision_number: `${year}-QĐ`,
            decision_date: `${year}-12-20`,
            published_at: NOW,
            acknowledged_at: null,
            version: 1,
            created_at: NOW,
            updated_at: NOW,
          })
          .execute();
      }
      const r = await (await as('thuongtruc')).get(api('/commendations'));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const byKey = Object.fromEntries(r.body.lists.map((l: { key: string }) => [l.key, l]));
      const year = byKey.members_year.items.map((i: { subjectKey: string }) => i.subjectKey);
      // Thúy was re-rated to HTT; Đặng and the third member keep HTXS.
      expect(year).toEqual(expect.arrayContaining([dang, wardMembers[2].id]));
      expect(year).not.toContain(fx.tree.members.thuy.id);
      expect(byKey.members_five_years.items.map((i: { subjectKey: string }) => i.subjectKey)).toEqual([dang]);
      expect(byKey.members_five_years.items[0].years).toEqual([2020, 2021, 2022, 2023, 2024]);
      expect(byKey.units_year.title).toContain('Trong sạch, vững mạnh tiêu biểu');
      // Outside the committee: nothing.
      expect((await (await as('thuongtruc.hk')).get(api('/commendations'))).status).toBe(404);
    });
  });
});
