// The review meeting and its votes through HTTP on both databases (issue 4 items 1–2): starting
// builds the agenda in the enforced order and the guest list; finishing out of order is refused
// (409); attendance and the quorum's arithmetic; minutes entries stored once per client key however
// often they are sent; tallies that do not add up or exceed those present are refused (422) with
// nothing stored; the proposed level follows regulations §9b; the close is refused without minutes
// or quorum, and otherwise writes the concluded shortcomings (found again by next year's
// carry-over) and moves the unit to "conference held"; who sees and does what (design §2); the
// audit trail of every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import { carryOverShortcomings } from '../../src/server/adapters/db/shortcomings.repository.js';
import type { AppContext } from '../../src/server/features/context.js';
import type { UnitStage } from '../../src/shared/campaign-vocabulary.js';
import { contextFor } from '../../src/server/main.js';
import { makeCampaignFixture, scheduledConference, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeSmallCommittee, makeUnit, TEST_PASSWORD, type UnitRef } from '../support/factories.js';
import { TestClient } from '../support/http.js';

const KEY = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describeEachDialect('conference and votes', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let fx: CampaignFixture;
  const m: Record<'binh' | 'cuc' | 'dung' | 'em' | 'hung' | 'thuy', string> = {} as never;
  const conf: Record<'cellA' | 'cellB' | 'ward' | 'school', string> = {} as never;
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);
  const url = (id: string, tail = '') => `/api/conferences/${id}${tail}`;
  const put = (c: TestClient, path: string, body: unknown) => c.request('PUT', path, body);

  /** What conferences.schedule does (tested with the gate), straight in the database. */
  const scheduled = (unit: UnitRef, stage: UnitStage = 'conference_scheduled') => scheduledConference(ctx, fx, unit, stage);

  const count = async (table: 'conference_entries' | 'vote_tallies' | 'shortcomings', where: [string, string][]) => {
    let q = ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n'));
    for (const [col, val] of where) q = q.where(col as never, '=', val as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const auditActions = async (entityType: string, entityId: string) =>
    (
      await ctx.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action);

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    const tree = await makeSmallCommittee(ctx.db);
    const { cellA } = tree;
    // The chi bộ khối phố 1 of the ward: a head, a deputy, a probationary member (dự bị, classified),
    // a newly admitted one (reviewed, not classified: R7), and Thúy and Hùng of the factory.
    m.binh = (await makeMember(ctx.db, cellA, 'Hoàng Văn Bình', { isHead: true, partyPosts: 'Bí thư chi bộ' })).id;
    m.cuc = (await makeMember(ctx.db, cellA, 'Võ Thị Cúc', { partyPosts: 'Phó Bí thư chi bộ' })).id;
    m.dung = (await makeMember(ctx.db, cellA, 'Lý Văn Dũng', { admissionDate: '2024-03-01', officialDate: null })).id;
    m.em = (await makeMember(ctx.db, cellA, 'Mai Thị Em', { admissionDate: '2024-10-01', officialDate: null })).id;
    m.hung = tree.members.dang.id;
    m.thuy = tree.members.thuy.id;
    fx = await makeCampaignFixture(ctx, { tree });
    await makeAccount(ctx.db, { username: 'bithu.c2', grants: [{ role: 'cell_secretary', unit: tree.cellB }] });
    const other = await makeUnit(ctx.db, { kind: 'committee', code: 'HK', name: 'Huyện ủy Hương Khê' });
    await makeAccount(ctx.db, { username: 'bantochuc.hk', grants: [{ role: 'organizer', unit: other }] });
    conf.cellA = await scheduled(tree.cellA);
    conf.ward = await scheduled(tree.ward);
    conf.school = await scheduled(tree.school);
    // Chi bộ khối phố 2 has a conference row but its dossier went back to drafting.
    conf.cellB = await scheduled(tree.cellB, 'drafting');
  });
  afterAll(async () => db.drop());

  describe('starting the meeting', () => {
    it('is refused to a reader (403) and before the gate has let the unit schedule it (409)', async () => {
      const board = await as('bantochuc');
      const r = await board.post(url(conf.cellA, '/start'), { version: 1 });
      expect(r.status).toBe(403);
      const unitCommittee = await as('capuy.p01');
      const early = await unitCommittee.post(url(conf.cellB, '/start'), { version: 1 });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('conference.invalid_state');
      expect(early.body.error.message).toContain('Đang chuẩn bị');
    });

    it('builds the agenda in order, lists the directors as guests and leaves attendance unmarked', async () => {
      const secretary = await as('bithu.c1');
      const r = await secretary.post(url(conf.cellA, '/start'), { version: 1 });
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('in_progress');
      // The chi bộ is not grassroots and wrote no leadership report: no leadership collective.
      expect(r.body.agenda.map((a: { label: string }) => a.label)).toEqual([
        'Tập thể Chi bộ khối phố 1',
        'Đồng chí Hoàng Văn Bình (Bí thư chi bộ)',
        'Đồng chí Võ Thị Cúc (Phó Bí thư chi bộ)',
        'Đồng chí Lý Văn Dũng',
        'Đồng chí Mai Thị Em',
        'Đồng chí Đặng Văn Hùng',
        'Đồng chí Nguyễn Thị Thúy',
      ]);
      expect(r.body.agenda[0]).toMatchObject({ current: true, reached: true, votable: false });
      expect(r.body.agenda[1]).toMatchObject({ current: false, reached: false, votable: true });
      // The newly admitted member is reviewed but not voted on.
      expect(r.body.agenda[4]).toMatchObject({ memberId: m.em, votable: false });
      // The director assigned to the ward (above the chi bộ) is a guest, not yet marked as come.
      expect(r.body.guests).toEqual([expect.objectContaining({ kind: 'director', name: 'chidao.p01', attended: false })]);
      expect(r.body.attendance.map((a: { present: boolean | null }) => a.present)).toEqual([null, null, null, null, null, null]);
      expect(r.body.attendance.filter((a: { official: boolean }) => a.official)).toHaveLength(4);
      expect(r.body.quorum).toMatchObject({ summoned: 4, present: 0, unmarked: 4, required: 3, met: false });
      expect(await auditActions('conference', conf.cellA)).toEqual(['conference.start']);

      const again = await secretary.post(url(conf.cellA, '/start'), { version: 2 });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conference.invalid_state');
    });

    it('reviews a đảng bộ’s collective, its leadership collective and its key leaders from the chi bộ below', async () => {
      const unitCommittee = await as('capuy.p01');
      const r = await unitCommittee.post(url(conf.ward, '/start'), { version: 1 });
      expect(r.status).toBe(200);
      expect(r.body.agenda.map((a: { label: string }) => a.label)).toEqual([
        'Tập thể Đảng bộ phường Bắc Hà',
        'Tập thể lãnh đạo, quản lý – Đảng bộ phường Bắc Hà',
        'Đồng chí Hoàng Văn Bình (Bí thư chi bộ)',
      ]);
      // Bình's level is voted by his chi bộ, not here.
      expect(r.body.agenda[2].votable).toBe(false);
    });
  });

  describe('the agenda order is enforced', () => {
    it('refuses to finish, record or vote on a subject before its turn (409), then moves on in order', async () => {
      const secretary = await as('bithu.c1');
      const view = (await secretary.get(url(conf.cellA))).body;
      const [collective, binh, cuc] = view.agenda;
      const early = await secretary.post(url(conf.cellA, '/agenda/complete'), { itemId: cuc.id });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('conference.agenda_order');
      expect(early.body.error.message).toContain('«Tập thể Chi bộ khối phố 1» (thứ tự 1) chưa xong');
      expect(early.body.error.message).toContain('QĐ 366-QĐ/TW Điều 7 khoản 3');

      const entry = await secretary.post(url(conf.cellA, '/entries'), {
        clientKey: KEY(1),
        kind: 'criticism',
        subjectKind: 'member',
        subjectKey: m.binh,
        speaker: 'Đồng chí Thúy',
        text: 'Đồng chí cần sâu sát cơ sở hơn.',
      });
      expect(entry.status).toBe(409);
      expect(entry.body.error.code).toBe('conference.agenda_order');
      expect(entry.body.error.message).toContain('Hội nghị đang kiểm điểm «Tập thể Chi bộ khối phố 1»');
      expect(await count('conference_entries', [['client_key', KEY(1)]])).toBe(0);

      const done = await secretary.post(url(conf.cellA, '/agenda/complete'), { itemId: collective.id });
      expect(done.status).toBe(200);
      expect(done.body.agenda[0].status).toBe('done');
      expect(done.body.agenda[1]).toMatchObject({ id: binh.id, current: true, reached: true });
      // Finishing a done item again changes nothing.
      const twice = await secretary.post(url(conf.cellA, '/agenda/complete'), { itemId: collective.id });
      expect(twice.status).toBe(200);
      expect(await auditActions('conference', conf.cellA)).toEqual(['conference.start', 'conference.agenda_done']);
    });
  });

  describe('attendance and quorum (regulations §9b)', () => {
    it('needs a reason for an absence', async () => {
      const secretary = await as('bithu.c1');
      const r = await put(secretary, url(conf.cellA, '/attendance'), { items: [{ memberId: m.cuc, present: false }] });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('request.invalid');
      expect(JSON.stringify(r.body.error.details)).toContain('Đảng viên vắng mặt cần ghi rõ lý do vắng.');
    });

    it('counts the official members present against more than half of those summoned', async () => {
      const secretary = await as('bithu.c1');
      let r = await put(secretary, url(conf.cellA, '/attendance'), {
        items: [
          { memberId: m.binh, present: true },
          { memberId: m.cuc, present: false, absenceReason: 'Đi công tác' },
          // Probationary members attend but do not count for the quorum.
          { memberId: m.dung, present: true },
          { memberId: m.em, present: true },
          { memberId: m.hung, present: true },
        ],
      });
      expect(r.status).toBe(200);
      expect(r.body.quorum).toMatchObject({ summoned: 4, present: 2, absent: 1, unmarked: 1, met: false });
      expect(r.body.quorum.explanation).toBe(
        'Có mặt 2/4 đảng viên chính thức được triệu tập (cần trên 2): chưa đủ số lượng để hội nghị hợp lệ.',
      );
      expect(r.body.attendance.find((a: { memberId: string }) => a.memberId === m.cuc)).toMatchObject({
        present: false,
        absenceReason: 'Đi công tác',
      });
      r = await put(secretary, url(conf.cellA, '/attendance'), { items: [{ memberId: m.thuy, present: true }] });
      expect(r.body.quorum).toMatchObject({ present: 3, met: true, required: 3 });
      expect(r.body.quorum.explanation).toBe(
        'Có mặt 3/4 đảng viên chính thức được triệu tập (cần trên 2): đủ số lượng để hội nghị hợp lệ.',
      );
      const row = await ctx.db
        .selectFrom('conference_attendance')
        .select('id')
        .where('conference_id', '=', conf.cellA)
        .where('member_id', '=', m.thuy)
        .executeTakeFirstOrThrow();
      expect(await auditActions('conference_attendance', row.id)).toEqual(['conference.attendance']);
    });

    it('follows the share the committee sets in the campaign settings (quorumPct, through the API)', async () => {
      const organizer = await as('bantochuc');
      const campaign = (await organizer.get(`/api/campaigns/${fx.id}`)).body;
      const set = await organizer.patch(`/api/campaigns/${fx.id}`, {
        version: campaign.version,
        config: { ...campaign.config, quorumPct: 80 },
      });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      const updated = (await organizer.get(`/api/campaigns/${fx.id}`)).body;
      expect(updated.config.quorumPct).toBe(80);
      // 3 of 4 present: enough for "more than half", not for "more than 80 %".
      const r = await (await as('bithu.c1')).get(url(conf.cellA));
      expect(r.body.quorum).toMatchObject({ present: 3, summoned: 4, met: false, isDefault: false, pct: 80 });
      const back = await organizer.patch(`/api/campaigns/${fx.id}`, { version: updated.version, config: campaign.config });
      expect(back.status).toBe(200);
      expect((await (await as('bithu.c1')).get(url(conf.cellA))).body.quorum).toMatchObject({ met: true, isDefault: true });
    });

    it('refuses a member who is not summoned to this meeting', async () => {
      const secretary = await as('bithu.c1');
      const r = await put(secretary, url(conf.cellA, '/attendance'), { items: [{ memberId: fx.tree.members.lan.id, present: true }] });
      expect(r.status).toBe(400);
    });
  });

  describe('minutes entries: upsert by client key', () => {
    const criticism = {
      clientKey: KEY(2),
      kind: 'criticism',
      subjectKind: 'member',
      speaker: 'Đồng chí Đặng Văn Hùng',
      text: 'Đồng chí Bình còn chậm chỉ đạo việc thu đảng phí.',
      reply: 'Tiếp thu, sẽ khắc phục trong quý I.',
    };

    it('stores an entry sent twice (and twice at once) as one row', async () => {
      const secretary = await as('bithu.c1');
      const body = { ...criticism, subjectKey: m.binh };
      const first = await secretary.post(url(conf.cellA, '/entries'), body);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ clientKey: KEY(2), version: 1, deleted: false, speaker: 'Đồng chí Đặng Văn Hùng' });
      const again = await secretary.post(url(conf.cellA, '/entries'), body);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.version).toBe(1);
      const both = await Promise.all([
        secretary.post(url(conf.cellA, '/entries'), { ...body, clientKey: KEY(3) }),
        secretary.post(url(conf.cellA, '/entries'), { ...body, clientKey: KEY(3) }),
      ]);
      expect(both.map((b) => b.status)).toEqual([200, 200]);
      expect(both[0].body.id).toBe(both[1].body.id);
      expect(await count('conference_entries', [['client_key', KEY(2)]])).toBe(1);
      expect(await count('conference_entries', [['client_key', KEY(3)]])).toBe(1);
      // One audit event for the one row written.
      expect(await auditActions('conference_entry', first.body.id)).toEqual(['conference.entry_add']);
    });

    it('takes the latest text of a re-sent new entry, edits with the version read, refuses a stale one', async () => {
      const secretary = await as('bithu.c1');
      // Typed on, while the answer to the first send was lost: no version known yet.
      const resent = await secretary.post(url(conf.cellA, '/entries'), {
        ...criticism,
        clientKey: KEY(3),
        subjectKey: m.binh,
        text: 'Sửa lại: chậm thu đảng phí quý III.',
      });
      expect(resent.status).toBe(200);
      expect(resent.body).toMatchObject({ version: 2, text: 'Sửa lại: chậm thu đảng phí quý III.' });
      // Now edited: a re-send without version of other text is no longer the browser's own draft.
      const stale = await secretary.post(url(conf.cellA, '/entries'), {
        ...criticism,
        clientKey: KEY(3),
        subjectKey: m.binh,
        text: 'Khác',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict.version');
      const edit = await secretary.post(url(conf.cellA, '/entries'), {
        ...criticism,
        clientKey: KEY(3),
        subjectKey: m.binh,
        text: 'Bản cuối.',
        version: 2,
      });
      expect(edit.body).toMatchObject({ version: 3, text: 'Bản cuối.' });
      const old = await secretary.post(url(conf.cellA, '/entries'), {
        ...criticism,
        clientKey: KEY(3),
        subjectKey: m.binh,
        text: 'Cũ',
        version: 2,
      });
      expect(old.status).toBe(409);
      const removed = await secretary.post(url(conf.cellA, '/entries'), {
        ...criticism,
        clientKey: KEY(3),
        subjectKey: m.binh,
        text: 'Bản cuối.',
        version: 3,
        deleted: true,
      });
      expect(removed.body).toMatchObject({ deleted: true, version: 4 });
      const view = (await secretary.get(url(conf.cellA))).body;
      expect(view.entries.map((e: { clientKey: string }) => e.clientKey)).toEqual([KEY(2)]);
      expect(await count('conference_entries', [['client_key', KEY(3)]])).toBe(1);
      expect(await auditActions('conference_entry', edit.body.id)).toEqual([
        'conference.entry_add',
        'conference.entry_update',
        'conference.entry_update',
        'conference.entry_delete',
      ]);
    });

    it('checks the entry itself: a subject for criticism, a speaker, suggested points addressed to that subject', async () => {
      const secretary = await as('bithu.c1');
      const noSubject = await secretary.post(url(conf.cellA, '/entries'), { clientKey: KEY(4), kind: 'conclusion', text: 'x' });
      expect(noSubject.status).toBe(400);
      const noSpeaker = await secretary.post(url(conf.cellA, '/entries'), {
        clientKey: KEY(4),
        kind: 'criticism',
        subjectKind: 'unit',
        subjectKey: fx.tree.cellA.id,
        text: 'x',
      });
      expect(noSpeaker.status).toBe(400);
      expect(JSON.stringify(noSpeaker.body.error.details)).toContain('Cần ghi người phát biểu ý kiến.');
      // A suggested point issued to Bình is answered by Bình only.
      const now = new Date().toISOString();
      const sid = newId();
      await ctx.db
        .insertInto('suggestions')
        .values({
          id: sid,
          campaign_id: fx.id,
          target_kind: 'member',
          unit_id: fx.tree.cellA.id,
          member_id: m.binh,
          scope_path: fx.tree.cellA.path,
          title: null,
          status: 'issued',
          issued_at: now,
          created_by: null,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const itemId = newId();
      await ctx.db
        .insertInto('suggestion_items')
        .values({ id: itemId, suggestion_id: sid, position: 1, text: 'Việc chậm thu đảng phí' })
        .execute();
      const answer = {
        clientKey: KEY(5),
        kind: 'suggestion_answer',
        subjectKind: 'member',
        subjectKey: m.binh,
        text: 'Đã thu đủ từ tháng 10.',
        suggestionItemId: itemId,
      };
      const wrong = await secretary.post(url(conf.cellA, '/entries'), { ...answer, subjectKind: 'unit', subjectKey: fx.tree.cellA.id });
      expect(wrong.status).toBe(400);
      const ok = await secretary.post(url(conf.cellA, '/entries'), answer);
      expect(ok.status).toBe(200);
      const view = (await secretary.get(url(conf.cellA))).body;
      expect(view.suggestionItems).toEqual([
        { id: itemId, subjectKind: 'member', subjectKey: m.binh, position: 1, text: 'Việc chậm thu đảng phí' },
      ]);
      // A client key belongs to one meeting.
      const unitCommittee = await as('capuy.p01');
      const elsewhere = await unitCommittee.post(url(conf.ward, '/entries'), { clientKey: KEY(2), kind: 'note', text: 'Ghi chép' });
      expect(elsewhere.status).toBe(409);
      expect(elsewhere.body.error.code).toBe('conflict.duplicate');
    });
  });

  describe('votes (tallies typed in from the paper count)', () => {
    const tally = (memberId: string, present: number, valid: number, invalid: number, votes: number[], version: number | null = null) => ({
      memberId,
      version,
      present,
      valid,
      invalid,
      votes: { excellent: votes[0], good: votes[1], satisfactory: votes[2], unsatisfactory: votes[3] },
    });

    it('refuses counts that do not add up, or more ballots than present, with nothing stored (422)', async () => {
      const secretary = await as('bithu.c1');
      const wrongSum = await put(secretary, url(conf.cellA, '/tallies'), tally(m.binh, 3, 3, 0, [1, 1, 0, 0]));
      expect(wrongSum.status).toBe(422);
      expect(wrongSum.body.error.code).toBe('vote.invalid_tally');
      expect(wrongSum.body.error.message).toContain('(1 + 1 + 0 + 0 = 2) phải bằng số phiếu hợp lệ (3)');
      expect(wrongSum.body.error.details.problems.map((p: { code: string }) => p.code)).toEqual(['sum_mismatch']);
      const overPresent = await put(secretary, url(conf.cellA, '/tallies'), tally(m.binh, 2, 3, 0, [0, 3, 0, 0]));
      expect(overPresent.status).toBe(422);
      expect(overPresent.body.error.details.problems.map((p: { code: string }) => p.code)).toEqual(['over_present']);
      // 5 present of 4 official members summoned, and more than the 3 marked present.
      const overSummoned = await put(secretary, url(conf.cellA, '/tallies'), tally(m.binh, 5, 5, 0, [0, 5, 0, 0]));
      expect(overSummoned.body.error.details.problems.map((p: { code: string }) => p.code)).toEqual(['over_summoned', 'over_attendance']);
      const negative = await put(secretary, url(conf.cellA, '/tallies'), tally(m.binh, 3, 3, -1, [0, 3, 0, 0]));
      expect(negative.status).toBe(422);
      expect(await count('vote_tallies', [['conference_id', conf.cellA]])).toBe(0);
    });

    it('stores a tally with the level of regulations §9b and no trace of the voters', async () => {
      const secretary = await as('bithu.c1');
      // 1 + 1 = 2 ballots at HTT or above out of 3 valid: more than half → good.
      const r = await put(secretary, url(conf.cellA, '/tallies'), tally(m.binh, 3, 3, 0, [1, 1, 1, 0]));
      expect(r.status).toBe(200);
      expect(r.body.tallies).toEqual([
        expect.objectContaining({
          memberId: m.binh,
          version: 1,
          present: 3,
          valid: 3,
          proposedLevel: 'good',
          votes: { excellent: 1, good: 1, satisfactory: 1, unsatisfactory: 0 },
        }),
      ]);
      // 2 of 3 at the highest level → excellent; a recount replaces it with the version read.
      const stale = await put(secretary, url(conf.cellA, '/tallies'), tally(m.binh, 3, 3, 0, [2, 1, 0, 0]));
      expect(stale.status).toBe(409);
      const recount = await put(secretary, url(conf.cellA, '/tallies'), tally(m.binh, 3, 2, 1, [2, 0, 0, 0], 1));
      expect(recount.body.tallies[0]).toMatchObject({ version: 2, invalid: 1, proposedLevel: 'excellent' });
      const row = await ctx.db.selectFrom('vote_tallies').selectAll().where('conference_id', '=', conf.cellA).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        subject_kind: 'member',
        subject_key: m.binh,
        member_id: m.binh,
        unit_id: fx.tree.cellA.id,
        proposed_level: 'excellent',
      });
      // The row holds counts and who typed them in, nothing about who voted how.
      expect(Object.keys(row).sort()).toEqual(
        [
          'campaign_id',
          'conference_id',
          'created_at',
          'id',
          'invalid',
          'member_id',
          'present',
          'proposed_level',
          'scope_path',
          'subject_key',
          'subject_kind',
          'unit_id',
          'updated_at',
          'updated_by',
          'valid',
          'version',
          'votes_excellent',
          'votes_good',
          'votes_satisfactory',
          'votes_unsatisfactory',
        ].sort(),
      );
      expect(await auditActions('vote_tally', row.id)).toEqual(['vote.save', 'vote.save']);
    });

    it('votes only on the chi bộ’s own classified members whose turn has come', async () => {
      const secretary = await as('bithu.c1');
      const notYet = await put(secretary, url(conf.cellA, '/tallies'), tally(m.cuc, 3, 3, 0, [0, 3, 0, 0]));
      expect(notYet.status).toBe(409);
      expect(notYet.body.error.code).toBe('conference.agenda_order');
      const newlyAdmitted = await put(secretary, url(conf.cellA, '/tallies'), tally(m.em, 3, 3, 0, [0, 3, 0, 0]));
      expect(newlyAdmitted.status).toBe(422);
      expect(newlyAdmitted.body.error.code).toBe('vote.not_votable');
      expect(newlyAdmitted.body.error.message).toContain('mới kết nạp chưa đủ 6 tháng');
      const unitCommittee = await as('capuy.p01');
      const ward = (await unitCommittee.get(url(conf.ward))).body;
      for (const item of ward.agenda.slice(0, 2)) await unitCommittee.post(url(conf.ward, '/agenda/complete'), { itemId: item.id });
      const atWard = await put(unitCommittee, url(conf.ward, '/tallies'), tally(m.binh, 1, 1, 0, [0, 1, 0, 0]));
      expect(atWard.status).toBe(422);
      expect(atWard.body.error.code).toBe('vote.not_votable');
    });
  });

  describe('who sees and does what (design §2)', () => {
    it('a member reads the minutes of their own chi bộ, without tallies, and writes nothing', async () => {
      const member = await as('dangvien.thuy');
      const r = await member.get(url(conf.cellA));
      expect(r.status).toBe(200);
      expect(r.body.entries.length).toBeGreaterThan(0);
      expect(r.body.tallies).toEqual([]);
      // The point suggested to Bình is his (design §2: a member reads only their own suggestions).
      expect(r.body.suggestionItems).toEqual([]);
      expect(r.body.abilities).toMatchObject({ write: false, readTallies: false, recordGuests: false, close: false });
      const write = await member.post(url(conf.cellA, '/entries'), { clientKey: KEY(90), kind: 'note', text: 'x' });
      expect(write.status).toBe(403);
      expect((await member.get(url(conf.ward))).status).toBe(404);
      const list = await member.get(`/api/campaigns/${fx.id}/conferences`);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([conf.cellA]);
    });

    it('another chi bộ’s secretary, the admin, a unit outside and another committee see nothing (404)', async () => {
      for (const username of ['bithu.c2', 'admin', 'capuy.s01', 'bantochuc.hk']) {
        const c = await as(username);
        const r = await c.get(url(conf.cellA));
        expect([username, r.status, r.body.error?.code]).toEqual([username, 404, 'conference.not_found']);
        const w = await c.post(url(conf.cellA, '/entries'), { clientKey: KEY(91), kind: 'note', text: 'x' });
        expect([username, w.status]).toEqual([username, 404]);
      }
      const outside = await (await as('bantochuc.hk')).get(`/api/campaigns/${fx.id}/conferences`);
      expect(outside.status).toBe(404);
      const admin = await (await as('admin')).get(`/api/campaigns/${fx.id}/conferences`);
      expect(admin.body.items).toEqual([]);
    });

    it('lists the conferences of each caller’s own part', async () => {
      const ids = async (username: string) =>
        (await (await as(username)).get(`/api/campaigns/${fx.id}/conferences`)).body.items.map((i: { id: string }) => i.id).sort();
      expect(await ids('bantochuc')).toEqual([conf.cellA, conf.cellB, conf.ward, conf.school].sort());
      expect(await ids('bithu.c1')).toEqual([conf.cellA]);
      expect(await ids('capuy.s01')).toEqual([conf.school]);
      expect(await ids('chidao.p01')).toEqual([conf.cellA, conf.cellB, conf.ward].sort());
      const page = await (await as('bantochuc')).get(`/api/campaigns/${fx.id}/conferences?pageSize=3&page=2`);
      expect([page.body.items.length, page.body.total]).toEqual([1, 4]);
      const one = await (await as('bantochuc')).get(`/api/campaigns/${fx.id}/conferences?unitId=${fx.tree.school.id}`);
      expect(one.body.items.map((i: { id: string }) => i.id)).toEqual([conf.school]);
    });

    it('a director records guest attendance but writes no entries or member attendance', async () => {
      const director = await as('chidao.p01');
      const view = (await director.get(url(conf.cellA))).body;
      expect(view.abilities).toMatchObject({ recordGuests: true, write: false, readTallies: true });
      const directorGuest = view.guests.find((g: { kind: string }) => g.kind === 'director');
      const r = await put(director, url(conf.cellA, '/guests'), {
        directors: [{ accountId: directorGuest.accountId, attended: true }],
        upper: [{ name: 'Trần Văn Hải', title: 'Phó Trưởng Ban Tổ chức Thành ủy' }],
      });
      expect(r.status).toBe(200);
      expect(r.body.guests.map((g: { kind: string; name: string; attended: boolean }) => [g.kind, g.name, g.attended])).toEqual([
        ['director', 'chidao.p01', true],
        ['upper', 'Trần Văn Hải', true],
      ]);
      expect((await director.post(url(conf.cellA, '/entries'), { clientKey: KEY(92), kind: 'note', text: 'x' })).status).toBe(403);
      expect((await put(director, url(conf.cellA, '/attendance'), { items: [{ memberId: m.thuy, present: true }] })).status).toBe(403);
      const board = await as('bantochuc');
      expect((await put(board, url(conf.cellA, '/guests'), { directors: [] })).status).toBe(403);
      expect(await auditActions('conference_guests', conf.cellA)).toEqual(['conference.guests']);
    });
  });

  describe('closing the meeting', () => {
    it('is refused without minutes (422), naming what is missing', async () => {
      const secretary = await as('bithu.c1');
      const view = (await secretary.get(url(conf.cellA))).body;
      expect(view.closeProblems.length).toBeGreaterThan(0);
      const r = await secretary.post(url(conf.cellA, '/close'), { version: view.version });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('conference.minutes_incomplete');
      expect(r.body.error.message).toContain('Biên bản chưa ghi người chủ trì và thư ký hội nghị.');
      expect(r.body.error.message).toContain('Còn 6 phần kiểm điểm chưa xong');
      expect((await ctx.db.selectFrom('conferences').select('status').where('id', '=', conf.cellA).executeTakeFirstOrThrow()).status).toBe(
        'in_progress',
      );
    });

    it('is refused without quorum (409), with the arithmetic', async () => {
      const committee = await as('capuy.s01');
      let view = (await committee.post(url(conf.school, '/start'), { version: 1 })).body;
      view = (
        await put(committee, url(conf.school, '/minutes'), {
          version: view.version,
          minutes: { chair: 'Đồng chí An', secretary: 'Đồng chí Bình' },
        })
      ).body;
      for (const item of view.agenda) view = (await committee.post(url(conf.school, '/agenda/complete'), { itemId: item.id })).body;
      await committee.post(url(conf.school, '/entries'), { clientKey: KEY(20), kind: 'note', text: 'Hội nghị thảo luận sôi nổi.' });
      await put(committee, url(conf.school, '/attendance'), {
        items: [{ memberId: fx.tree.members.school1.id, present: false, absenceReason: 'Ốm' }],
      });
      const r = await committee.post(url(conf.school, '/close'), { version: view.version });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('conference.no_quorum');
      expect(r.body.error.message).toContain('Có mặt 0/1 đảng viên chính thức được triệu tập (cần trên 0,5, tức ít nhất 1)');
      const stage = await ctx.db
        .selectFrom('campaign_units')
        .select('stage')
        .where('id', '=', await fx.campaignUnitId(fx.tree.school))
        .executeTakeFirstOrThrow();
      expect(stage.stage).toBe('conference_scheduled');
    });

    it('writes the concluded shortcomings, moves the unit to “conference held”, and audits it all in one go', async () => {
      const secretary = await as('bithu.c1');
      let view = (await secretary.get(url(conf.cellA))).body;
      view = (
        await put(secretary, url(conf.cellA, '/minutes'), {
          version: view.version,
          minutes: { chair: 'Đồng chí Hoàng Văn Bình', secretary: 'Đồng chí Võ Thị Cúc', opening: 'Khai mạc lúc 8 giờ.' },
        })
      ).body;
      const conclude = (n: number, subjectKind: string, subjectKey: string, text: string) =>
        secretary.post(url(conf.cellA, '/entries'), { clientKey: KEY(n), kind: 'conclusion', subjectKind, subjectKey, text });
      expect((await conclude(30, 'unit', fx.tree.cellA.id, 'Sinh hoạt chi bộ chưa đều đặn.')).status).toBe(200);
      expect((await conclude(31, 'member', m.binh, 'Chưa sâu sát việc thu đảng phí.')).status).toBe(200);
      for (const item of view.agenda) {
        if (item.status === 'done') continue;
        const r = await secretary.post(url(conf.cellA, '/agenda/complete'), { itemId: item.id });
        expect(r.status).toBe(200);
        view = r.body;
      }
      expect(view.closeProblems).toEqual([]);
      const cu = await fx.campaignUnitId(fx.tree.cellA);
      const before = await ctx.db.selectFrom('campaign_units').select(['stage', 'version']).where('id', '=', cu).executeTakeFirstOrThrow();
      const r = await secretary.post(url(conf.cellA, '/close'), { version: view.version });
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('closed');
      expect(r.body.stage).toBe('conference_held');
      expect(r.body.abilities).toMatchObject({ write: false, close: false, editHeader: false });
      const after = await ctx.db.selectFrom('campaign_units').select(['stage', 'version']).where('id', '=', cu).executeTakeFirstOrThrow();
      expect(after).toEqual({ stage: 'conference_held', version: before.version + 1 });

      const rows = await ctx.db
        .selectFrom('shortcomings')
        .select(['subject_kind', 'subject_key', 'unit_id', 'member_id', 'scope_path', 'year_found', 'source', 'text', 'campaign_id'])
        .where('source', '=', 'concluded_conference')
        .orderBy('subject_kind')
        .execute();
      expect(rows).toEqual([
        {
          subject_kind: 'member',
          subject_key: m.binh,
          unit_id: fx.tree.cellA.id,
          member_id: m.binh,
          scope_path: fx.tree.cellA.path,
          year_found: 2024,
          source: 'concluded_conference',
          text: 'Chưa sâu sát việc thu đảng phí.',
          campaign_id: fx.id,
        },
        {
          subject_kind: 'unit',
          subject_key: fx.tree.cellA.id,
          unit_id: fx.tree.cellA.id,
          member_id: null,
          scope_path: fx.tree.cellA.path,
          year_found: 2024,
          source: 'concluded_conference',
          text: 'Sinh hoạt chi bộ chưa đều đặn.',
          campaign_id: fx.id,
        },
      ]);
      // Next year's review carries them over beside the declared ones.
      const carried = await carryOverShortcomings(ctx.db, { subjectKind: 'member', subjectKeys: [m.binh], reviewYear: 2025 });
      expect(carried.map((c) => [c.text, c.source, c.yearFound])).toEqual([
        ['Chưa sâu sát việc thu đảng phí.', 'concluded_conference', 2024],
      ]);
      const unitCarried = await carryOverShortcomings(ctx.db, { subjectKind: 'unit', subjectKeys: [fx.tree.cellA.id], reviewYear: 2025 });
      expect(unitCarried.map((c) => c.text)).toEqual(['Sinh hoạt chi bộ chưa đều đặn.']);

      expect(await auditActions('conference', conf.cellA)).toEqual([
        'conference.start',
        'conference.agenda_done',
        'conference.minutes',
        ...Array(6).fill('conference.agenda_done'),
        'conference.close',
      ]);
      expect((await auditActions('campaign_unit', cu)).at(-1)).toBe('dossier.hold_conference');
    });

    it('takes no more writes once closed, but answers a late re-send of a stored entry', async () => {
      const secretary = await as('bithu.c1');
      const late = await secretary.post(url(conf.cellA, '/entries'), { clientKey: KEY(40), kind: 'note', text: 'Muộn' });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('conference.invalid_state');
      const resend = await secretary.post(url(conf.cellA, '/entries'), {
        clientKey: KEY(30),
        kind: 'conclusion',
        subjectKind: 'unit',
        subjectKey: fx.tree.cellA.id,
        text: 'Sinh hoạt chi bộ chưa đều đặn.',
      });
      expect(resend.status).toBe(200);
      expect(await count('conference_entries', [['client_key', KEY(30)]])).toBe(1);
      expect(await count('shortcomings', [['source', 'concluded_conference']])).toBe(2);
    });
  });
});
