// The chi bộ's vote on one member (issue 4 item 2): the paper count typed in — present, valid and
// invalid ballots, ballots per level — stored as a tally, never linked to voters (design §2). The
// counts must add up and never exceed those present (domain/classification/tally.ts), the present
// never exceed the official members summoned nor those marked present; otherwise 422
// `vote.invalid_tally` with every problem in Vietnamese and nothing stored. The proposed level is
// the §9b majority rule (proposedLevelFromTally). Only the chi bộ's own members who are classified
// this year are voted on (R7: the newly admitted are reviewed, not classified).
import { LEVELS } from '../../../shared/campaign-vocabulary.js';
import type { ConferenceView, SaveTallyBody } from '../../../shared/contracts/conferences.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { proposedLevelFromTally, tallyProblems, type Tally } from '../../domain/classification/tally.js';
import { currentItem, isReached, notReachedMessage } from '../../domain/conference/agenda.js';
import type { AppContext, Caller } from '../context.js';
import { assertInSession, assertWriter, loadConference, lockInSession } from './conference-access.js';
import { agendaItemOf, agendaOf, attendanceOf, isVotable, rosterOf } from './conference-roster.js';
import { getConference } from './get-conference.js';

export interface TallyProblemView {
  code: string;
  message: string;
}

export async function saveTally(ctx: AppContext, caller: Caller, conferenceId: string, body: SaveTallyBody): Promise<ConferenceView> {
  const lc = await loadConference(ctx.db, caller, conferenceId, ctx);
  assertWriter(lc);
  assertInSession(lc);
  const c = lc.conference;
  const agenda = await agendaOf(ctx.db, c.id);
  const item = agendaItemOf(agenda, 'member', body.memberId);
  const [roster, attendance] = await Promise.all([rosterOf(ctx.db, lc, agenda), attendanceOf(ctx.db, c.id)]);
  const member = roster.find((m) => m.memberId === body.memberId);
  if (!isVotable(lc, member)) {
    throw new AppError(
      'vote.not_votable',
      member && !member.classified
        ? `Đồng chí ${member.fullName} mới kết nạp chưa đủ 6 tháng: được kiểm điểm nhưng không xếp loại, nên không biểu quyết mức xếp loại.`
        : `Đồng chí ${member?.fullName ?? ''} được chi bộ nơi sinh hoạt biểu quyết xếp loại, không biểu quyết tại hội nghị này.`,
    );
  }
  if (!isReached(agenda, item)) throw new AppError('conference.agenda_order', notReachedMessage(item, currentItem(agenda)));

  const tally: Tally = { present: body.present, valid: body.valid, invalid: body.invalid, votes: body.votes };
  const officials = new Set(roster.filter((m) => m.official).map((m) => m.memberId));
  const problems: TallyProblemView[] = tallyProblems(tally, { summoned: officials.size });
  const presentOfficials = attendance.filter((a) => a.present && officials.has(a.memberId)).length;
  if (body.present > presentOfficials) {
    problems.push({
      code: 'over_attendance',
      message: `Số có mặt khi biểu quyết (${body.present}) nhiều hơn số đảng viên chính thức có mặt theo điểm danh (${presentOfficials}); hãy cập nhật điểm danh trước.`,
    });
  }
  if (problems.length > 0) {
    throw new AppError('vote.invalid_tally', `Kết quả kiểm phiếu không hợp lệ: ${problems.map((p) => p.message).join(' ')}`, { problems });
  }
  const proposed = proposedLevelFromTally(tally);
  const now = ctx.clock.now();
  const counts = {
    present: body.present,
    valid: body.valid,
    invalid: body.invalid,
    votes_excellent: body.votes.excellent,
    votes_good: body.votes.good,
    votes_satisfactory: body.votes.satisfactory,
    votes_unsatisfactory: body.votes.unsatisfactory,
    proposed_level: proposed,
  };

  await ctx.db.transaction().execute(async (tx) => {
    const old = await tx
      .selectFrom('vote_tallies')
      .selectAll()
      .where('campaign_id', '=', lc.campaign.id)
      .where('subject_kind', '=', 'member')
      .where('subject_key', '=', body.memberId)
      .executeTakeFirst();
    // A tally left by a meeting called off (the dossier was reopened) is not this meeting's: the
    // browser never saw it, so it is replaced rather than offered as a version to edit.
    const expected = old && old.conference_id === c.id ? old.version : null;
    if (expected !== body.version) throw new AppError('conflict.version');
    let id: string;
    if (old) {
      id = old.id;
      const updated = await tx
        .updateTable('vote_tallies')
        .set({ ...counts, conference_id: c.id, updated_by: caller.accountId, version: old.version + 1, updated_at: now })
        .where('id', '=', old.id)
        .where('version', '=', old.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    } else {
      id = newId();
      await tx
        .insertInto('vote_tallies')
        .values({
          id,
          campaign_id: lc.campaign.id,
          conference_id: c.id,
          subject_kind: 'member',
          subject_key: body.memberId,
          unit_id: member!.unitId,
          member_id: body.memberId,
          scope_path: member!.unitPath,
          ...counts,
          updated_by: caller.accountId,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const shape = (t: Omit<typeof counts, 'proposed_level'> & { proposed_level: string | null }) => ({
      present: t.present,
      valid: t.valid,
      invalid: t.invalid,
      votes: Object.fromEntries(LEVELS.map((l) => [l, t[`votes_${l}`]])),
      proposedLevel: t.proposed_level,
    });
    await recordAudit(tx, {
      entityType: 'vote_tally',
      entityId: id,
      action: 'vote.save',
      actorId: caller.accountId,
      scopePath: c.scope_path,
      at: now,
      before: old ? { ...shape(old), version: old.version } : null,
      after: { conferenceId: c.id, memberId: body.memberId, ...shape(counts), version: (old?.version ?? 0) + 1 },
      isNew: !old,
    });
    // Last, so that the meeting's row is locked for one round trip: taken first, it was held over the
    // whole transaction, and in the season's load the tallies of one meeting queued behind each other
    // (a second and more at the worst). A close that came first leaves the row not in session: the
    // tally is refused and nothing of it stays; a close that comes after waits for this commit.
    await lockInSession(tx, lc, now);
  });
  // The tally touched none of what was read above but the meeting's updated_at, which the page does not show.
  return getConference(ctx, caller, conferenceId, { lc, agenda, roster, attendance });
}
