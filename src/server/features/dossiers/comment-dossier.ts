// A note on the dossier by an assigned director (design §2: director "R, comment"), or by the
// Organization Board or the standing committee. Notes are kept with the dossier whatever its stage
// (appraisal-rounds.ts: round 0) and read by everyone who reads the dossier.
import { AppError } from '../../../shared/errors.js';
import type { CommentDossierBody, DossierView } from '../../../shared/contracts/dossiers.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import { isUniqueViolation } from '../../adapters/db/dialect.js';
import { canCommentDossier } from '../../domain/campaign-policy.js';
import { newId } from '../../adapters/clock.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { NOTES_ROUND, NOTES_STATUS, parseNotes, type StoredNote } from './appraisal-rounds.js';
import { loadDossier } from './dossier-access.js';
import { getDossier } from './get-dossier.js';

class RaceLost extends Error {}

/** Appends one note: compare-and-set on the stored text, so two notes written at once both stay. */
async function appendNote(tx: Tx, campaignUnitId: string, note: StoredNote, at: string): Promise<boolean> {
  const row = await tx
    .selectFrom('appraisals')
    .select(['id', 'findings_json'])
    .where('campaign_unit_id', '=', campaignUnitId)
    .where('round', '=', NOTES_ROUND)
    .executeTakeFirst();
  if (!row) {
    try {
      await tx
        .insertInto('appraisals')
        .values({
          id: newId(),
          campaign_unit_id: campaignUnitId,
          round: NOTES_ROUND,
          status: NOTES_STATUS,
          findings_json: JSON.stringify([note]),
          reason: null,
          appraiser_id: null,
          started_at: at,
          decided_at: null,
        })
        .execute();
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }
  const updated = await tx
    .updateTable('appraisals')
    .set({ findings_json: JSON.stringify([...parseNotes(row.findings_json), note]) })
    .where('id', '=', row.id)
    .where('findings_json', '=', row.findings_json)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function commentDossier(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  body: CommentDossierBody,
): Promise<DossierView> {
  const d = await loadDossier(ctx.db, caller, campaignId, unitId);
  assertCampaignOpen(d.campaign);
  if (!canCommentDossier(d.caller, d.dossier.unit_path)) throw new AppError('auth.forbidden');
  const now = ctx.clock.now();
  const note: StoredNote = { section: body.section ?? null, text: body.text, authorId: caller.accountId, at: now };
  for (let attempt = 0; ; attempt++) {
    try {
      await ctx.db.transaction().execute(async (tx) => {
        // A lost race rolls the transaction back (on PostgreSQL a failed insert spoils it anyway).
        if (!(await appendNote(tx, d.dossier.id, note, now))) throw new RaceLost();
        await recordAudit(tx, {
          entityType: 'campaign_unit',
          entityId: d.dossier.id,
          action: 'dossier.comment',
          actorId: caller.accountId,
          scopePath: d.dossier.unit_path,
          at: now,
          after: { section: note.section, text: note.text },
        });
      });
      break;
    } catch (e) {
      if (!(e instanceof RaceLost)) throw e;
      if (attempt >= 4) throw new AppError('conflict.version');
    }
  }
  return getDossier(ctx, caller, campaignId, unitId);
}
