// Opening the review meeting (issue 4 item 1). Only a conference scheduled behind the gate
// (unit stage conference_scheduled, design §3) starts. Starting builds the agenda in the enforced
// order (QĐ 366 Đ7 k3; regulations §9b: the collective, the leadership collective where the rule
// set reviews one, the head, the deputies, the other members in roster order) and lists the
// assigned directors as guests, not yet marked as come. Attendance starts unmarked: the minutes
// record who was actually present, so nobody is assumed present (the page offers "mark all
// present" as one action the secretary takes knowingly).
import { UNIT_STAGE_LABELS } from '../../../shared/campaign-vocabulary.js';
import type { ConferenceVersionBody, ConferenceView } from '../../../shared/contracts/conferences.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { planAgenda } from '../../domain/conference/agenda.js';
import { pathIds } from '../../domain/org-tree.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { accountNames } from '../dossiers/get-dossier.js';
import { assertWriter, loadConference, type LoadedConference } from './conference-access.js';
import { membersReviewedAt } from './conference-roster.js';
import { getConference } from './get-conference.js';

/** The leadership collective has its turn where the rule set reviews it and the unit is grassroots or has written its report (as the dossier does). */
async function reviewsLeadership(db: Tx, lc: LoadedConference): Promise<boolean> {
  if (!lc.ruleSet.reviewsLeadershipCollective) return false;
  if (lc.unit.isGrassroots) return true;
  const written = await db
    .selectFrom('reviews')
    .select('id')
    .where('campaign_id', '=', lc.campaign.id)
    .where('subject_kind', '=', 'leadership')
    .where('subject_key', '=', lc.unit.id)
    .where('version', '>', 0)
    .executeTakeFirst();
  return written !== undefined;
}

export async function startConference(
  ctx: AppContext,
  caller: Caller,
  conferenceId: string,
  body: ConferenceVersionBody,
): Promise<ConferenceView> {
  const lc = await loadConference(ctx.db, caller, conferenceId);
  assertWriter(lc);
  const c = lc.conference;
  if (c.status !== 'scheduled') {
    throw new AppError(
      'conference.invalid_state',
      c.status === 'in_progress' ? 'Hội nghị đã bắt đầu.' : 'Hội nghị đã kết thúc; không thể bắt đầu lại.',
    );
  }
  // The gate is enforced by scheduling (workflow.ts schedule_conference); a dossier reopened since is past it no more.
  if (lc.dossier.stage !== 'conference_scheduled') {
    throw new AppError(
      'conference.invalid_state',
      `Chưa thể bắt đầu hội nghị: hồ sơ của đơn vị đang ở giai đoạn «${UNIT_STAGE_LABELS[lc.dossier.stage]}», chưa được lên lịch hội nghị.`,
    );
  }
  if (body.version !== c.version) throw new AppError('conflict.version');

  const members = await membersReviewedAt(ctx.db, lc.campaign.id, lc.unit);
  const plan = planAgenda({ unitId: lc.unit.id, unitName: lc.unit.name, includeLeadership: await reviewsLeadership(ctx.db, lc), members });
  // The directors of the unit as the dossier lists them: assignments on the unit or on a unit above it.
  const assigned = await ctx.db
    .selectFrom('assignments')
    .select('account_id')
    .distinct()
    .where('campaign_id', '=', lc.campaign.id)
    .where('unit_id', 'in', pathIds(lc.unit.path))
    .execute();
  const names = await accountNames(
    ctx.db,
    assigned.map((a) => a.account_id),
  );
  const now = ctx.clock.now();

  await ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('conferences')
      .set({ status: 'in_progress', started_at: now, version: c.version + 1, updated_at: now })
      .where('id', '=', c.id)
      .where('status', '=', 'scheduled')
      .where('version', '=', c.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    if (plan.length > 0) {
      await tx
        .insertInto('conference_agenda')
        .values(
          plan.map((p) => ({
            id: newId(),
            conference_id: c.id,
            position: p.position,
            subject_kind: p.subjectKind,
            subject_key: p.subjectKey,
            member_id: p.memberId,
            label: p.label,
            status: 'pending',
            done_at: null,
          })),
        )
        .execute();
    }
    const guests = assigned.map((a) => ({
      id: newId(),
      conference_id: c.id,
      kind: 'director',
      account_id: a.account_id,
      name: names.get(a.account_id) ?? a.account_id,
      title: 'Đồng chí phụ trách, chỉ đạo',
      attended: 0,
      updated_at: now,
    }));
    if (guests.length > 0) await tx.insertInto('conference_guests').values(guests).execute();
    await recordAudit(tx, {
      entityType: 'conference',
      entityId: c.id,
      action: 'conference.start',
      actorId: caller.accountId,
      scopePath: c.scope_path,
      at: now,
      before: { status: 'scheduled', version: c.version },
      after: {
        status: 'in_progress',
        version: c.version + 1,
        agenda: plan.map((p) => p.label),
        directors: guests.map((g) => g.name),
      },
    });
  });
  return getConference(ctx, caller, conferenceId);
}
