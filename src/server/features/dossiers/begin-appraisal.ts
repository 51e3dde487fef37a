// submitted → under_appraisal (design §3; regulations §3.1 bước 4, Hà Tĩnh 2017): the Organization
// Board opens a new appraisal round of a dossier that needs one.
import type { DossierTransitionBody, DossierView } from '../../../shared/contracts/dossiers.js';
import type { AppContext, Caller } from '../context.js';
import { applyDossierStep } from './apply-dossier-step.js';
import { insertRound } from './appraisal-rounds.js';

export function beginAppraisal(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  body: DossierTransitionBody,
): Promise<DossierView> {
  return applyDossierStep(ctx, caller, campaignId, unitId, {
    action: 'begin_appraisal',
    version: body.version,
    reason: body.reason,
    columns: (d) => ({ appraisal_round: d.dossier.appraisal_round + 1 }),
    async after(tx, d, now) {
      const round = d.dossier.appraisal_round + 1;
      await insertRound(tx, {
        campaignUnitId: d.dossier.id,
        round,
        status: 'open',
        findings: [],
        reason: null,
        appraiserId: caller.accountId,
        at: now,
      });
      return { round };
    },
  });
}
