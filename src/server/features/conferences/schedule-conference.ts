// Scheduling the unit's conference behind the gate (design §3: cleared → conference_scheduled, or
// submitted → conference_scheduled when no appraisal is needed; regulations §3.1 bước 4–5, §4; Hà
// Tĩnh 2017: "only when it met the requirements could the conference be held"). Refused with
// `conference.dossier_not_cleared`, saying why, until the dossier is cleared.
import type { DossierView, ScheduleConferenceBody } from '../../../shared/contracts/dossiers.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext, Caller } from '../context.js';
import { applyDossierStep } from '../dossiers/apply-dossier-step.js';

export function scheduleConference(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  body: ScheduleConferenceBody,
): Promise<DossierView> {
  return applyDossierStep(ctx, caller, campaignId, unitId, {
    action: 'schedule_conference',
    version: body.version,
    async after(tx, d, now) {
      const id = newId();
      await tx
        .insertInto('conferences')
        .values({
          id,
          campaign_id: d.campaign.id,
          campaign_unit_id: d.dossier.id,
          unit_id: d.dossier.unit_id,
          scope_path: d.dossier.unit_path,
          scheduled_for: body.scheduledFor,
          place: body.place,
          status: 'scheduled',
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(tx, {
        entityType: 'conference',
        entityId: id,
        action: 'conference.schedule',
        actorId: caller.accountId,
        scopePath: d.dossier.unit_path,
        at: now,
        after: { unitId: d.dossier.unit_id, scheduledFor: body.scheduledFor, place: body.place },
        isNew: true,
      });
      return { conferenceId: id, scheduledFor: body.scheduledFor, place: body.place };
    },
  });
}
