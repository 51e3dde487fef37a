// drafting | returned → submitted (design §3): the unit committee submits its dossier once the
// collective report (and the leadership collective's, where the rule set reviews one) and the
// reviews of its key leaders are submitted (issue 3 item 7; regulations §3.1 bước 2–4). The
// Organization Board is told, since the dossier may now wait on its appraisal.
import { AppError } from '../../../shared/errors.js';
import type { DossierTransitionBody, DossierView } from '../../../shared/contracts/dossiers.js';
import { accountsWithRoles, notify } from '../../adapters/db/notifications.repository.js';
import type { AppContext, Caller } from '../context.js';
import { applyDossierStep } from './apply-dossier-step.js';
import { dossierLink } from './dossier-access.js';
import { dossierContents } from './dossier-contents.js';

export function submitDossier(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  body: DossierTransitionBody,
): Promise<DossierView> {
  return applyDossierStep(ctx, caller, campaignId, unitId, {
    action: 'submit',
    version: body.version,
    reason: body.reason,
    async prepare(tx, d) {
      const { missing } = await dossierContents(tx, d.campaign, d.dossier);
      if (missing.length > 0) {
        throw new AppError('dossier.incomplete', `Hồ sơ chưa đủ để nộp: ${missing.join('; ')}.`, { missing });
      }
    },
    columns: (_d, now) => ({ submitted_at: now }),
    async after(tx, d, now) {
      const organizers = await accountsWithRoles(tx, d.dossier.unit_path, ['organizer']);
      await notify(tx, {
        accountIds: organizers.filter((id) => id !== caller.accountId),
        kind: 'submitted',
        title: `${d.dossier.unit_name} đã nộp hồ sơ kiểm điểm`,
        body: d.dossier.needs_appraisal === 1 ? 'Hồ sơ chờ Ban Tổ chức thẩm định trước khi đơn vị tổ chức hội nghị.' : null,
        link: dossierLink(d.campaign.id, d.dossier.unit_id),
        campaignId: d.campaign.id,
        at: now,
      });
    },
  });
}
