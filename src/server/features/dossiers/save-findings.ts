// The Organization Board's draft findings of the open round, saved while it reads the dossier
// (design §3, Appraisal: findings per section). Locked on the dossier's version, so two appraisers
// saving at once do not overwrite each other: the second gets a conflict.
import { AppError } from '../../../shared/errors.js';
import type { DossierView, SaveFindingsBody } from '../../../shared/contracts/dossiers.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import { canAppraise } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { openRound } from './appraisal-rounds.js';
import { loadDossier } from './dossier-access.js';
import { getDossier } from './get-dossier.js';

export async function saveFindings(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  body: SaveFindingsBody,
): Promise<DossierView> {
  const d = await loadDossier(ctx.db, caller, campaignId, unitId);
  assertCampaignOpen(d.campaign);
  if (!canAppraise(d.caller, d.dossier.unit_path)) throw new AppError('auth.forbidden');
  if (d.dossier.stage !== 'under_appraisal') {
    throw new AppError('dossier.invalid_transition', 'Chỉ ghi ý kiến thẩm định khi hồ sơ đang được thẩm định.');
  }
  if (body.version !== d.dossier.version) throw new AppError('conflict.version');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('campaign_units')
      .set({ version: d.dossier.version + 1, updated_at: now })
      .where('id', '=', d.dossier.id)
      .where('stage', '=', 'under_appraisal')
      .where('version', '=', d.dossier.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    const round = await openRound(tx, d.dossier.id);
    if (!round) throw new AppError('dossier.invalid_transition', 'Hồ sơ không có vòng thẩm định nào đang mở.');
    await tx
      .updateTable('appraisals')
      .set({ findings_json: JSON.stringify(body.findings), appraiser_id: caller.accountId })
      .where('id', '=', round.id)
      .execute();
    await recordAudit(tx, {
      entityType: 'campaign_unit',
      entityId: d.dossier.id,
      action: 'dossier.save_findings',
      actorId: caller.accountId,
      scopePath: d.dossier.unit_path,
      at: now,
      after: { round: round.round, findings: body.findings, version: d.dossier.version + 1 },
    });
  });
  return getDossier(ctx, caller, campaignId, unitId);
}
