// under_appraisal → cleared (design §3): the Organization Board finds the dossier meets the
// requirements, and only now may the unit hold its conference (regulations §3.1 bước 4, §4; Hà Tĩnh
// 2017). The round closes "cleared" with any remarks; the unit committee is told.
import { AppError } from '../../../shared/errors.js';
import type { ClearDossierBody, DossierView } from '../../../shared/contracts/dossiers.js';
import { accountsWithRoles, notify } from '../../adapters/db/notifications.repository.js';
import type { AppContext, Caller } from '../context.js';
import { applyDossierStep } from './apply-dossier-step.js';
import { closeRound, openRound } from './appraisal-rounds.js';
import { dossierLink } from './dossier-access.js';

export function clearDossier(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  body: ClearDossierBody,
): Promise<DossierView> {
  return applyDossierStep(ctx, caller, campaignId, unitId, {
    action: 'clear',
    version: body.version,
    reason: body.reason,
    columns: (_d, now) => ({ cleared_at: now }),
    async after(tx, d, now) {
      const round = await openRound(tx, d.dossier.id);
      if (!round) throw new AppError('dossier.invalid_transition', 'Hồ sơ không có vòng thẩm định nào đang mở.');
      const findings = await closeRound(tx, round, {
        status: 'cleared',
        findings: body.findings,
        reason: body.reason?.trim() || null,
        appraiserId: caller.accountId,
        at: now,
      });
      const committee = await accountsWithRoles(tx, d.dossier.unit_path, ['unit_committee']);
      await notify(tx, {
        accountIds: committee.filter((id) => id !== caller.accountId),
        kind: 'cleared',
        title: `Hồ sơ kiểm điểm của ${d.dossier.unit_name} đã được thẩm định đạt`,
        body: 'Đơn vị có thể lên lịch hội nghị kiểm điểm.',
        link: dossierLink(d.campaign.id, d.dossier.unit_id),
        campaignId: d.campaign.id,
        at: now,
      });
      return { round: round.round, findings };
    },
  });
}
