// Attendance of the meeting's members (issue 4 item 1): present, or absent with a reason, or back to
// unmarked. The quorum is read from it (regulations §9b). One request may mark many members ("mark
// all present"); it is one transaction, and each member's row keeps its own audit trail.
import type { ConferenceView, SaveAttendanceBody } from '../../../shared/contracts/conferences.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext, Caller } from '../context.js';
import { assertInSession, assertWriter, loadConference } from './conference-access.js';
import { agendaOf, attendanceOf, rosterOf } from './conference-roster.js';
import { getConference } from './get-conference.js';

export async function saveAttendance(
  ctx: AppContext,
  caller: Caller,
  conferenceId: string,
  body: SaveAttendanceBody,
): Promise<ConferenceView> {
  const lc = await loadConference(ctx.db, caller, conferenceId);
  assertWriter(lc);
  assertInSession(lc);
  const c = lc.conference;
  const roster = await rosterOf(ctx.db, lc, await agendaOf(ctx.db, c.id));
  const onRoster = new Set(roster.map((m) => m.memberId));
  const strangers = body.items.filter((i) => !onRoster.has(i.memberId));
  if (strangers.length > 0) {
    throw new AppError('request.invalid', 'Có đảng viên không thuộc danh sách triệu tập của hội nghị này.');
  }
  // The last mark of a member wins when a request names them twice.
  const wanted = new Map(body.items.map((i) => [i.memberId, i]));
  const now = ctx.clock.now();

  await ctx.db.transaction().execute(async (tx) => {
    const existing = new Map((await attendanceOf(tx, c.id)).map((a) => [a.memberId, a]));
    for (const item of wanted.values()) {
      const old = existing.get(item.memberId);
      const reason = item.present === false ? (item.absenceReason?.trim() ?? null) : null;
      const audit = (entityId: string, isNew: boolean, after: unknown) =>
        recordAudit(tx, {
          entityType: 'conference_attendance',
          entityId,
          action: 'conference.attendance',
          actorId: caller.accountId,
          scopePath: c.scope_path,
          at: now,
          before: old ? { memberId: old.memberId, present: old.present, absenceReason: old.absenceReason } : null,
          after,
          isNew,
        });
      if (item.present === null) {
        if (!old) continue;
        await tx.deleteFrom('conference_attendance').where('id', '=', old.id).execute();
        await audit(old.id, false, { memberId: item.memberId, present: null });
        continue;
      }
      if (old && old.present === item.present && old.absenceReason === reason) continue;
      const after = { memberId: item.memberId, present: item.present, absenceReason: reason };
      if (old) {
        await tx
          .updateTable('conference_attendance')
          .set({ present: item.present ? 1 : 0, absence_reason: reason, updated_by: caller.accountId, updated_at: now })
          .where('id', '=', old.id)
          .execute();
        await audit(old.id, false, after);
      } else {
        const id = newId();
        await tx
          .insertInto('conference_attendance')
          .values({
            id,
            conference_id: c.id,
            member_id: item.memberId,
            present: item.present ? 1 : 0,
            absence_reason: reason,
            updated_by: caller.accountId,
            updated_at: now,
          })
          .execute();
        await audit(id, true, after);
      }
    }
  });
  return getConference(ctx, caller, conferenceId);
}
