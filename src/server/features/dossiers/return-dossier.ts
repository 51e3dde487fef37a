// under_appraisal | submitted → returned (design §3): the Organization Board (or, for a dossier
// that needs no appraisal by the Board, its assigned director) sends the dossier back with a reason
// and findings per section (regulations §3.1 bước 4). The findings are kept in a round, even when
// none was open, so that the unit committee has them in view while it fixes the dossier.
import type { DossierView, ReturnDossierBody } from '../../../shared/contracts/dossiers.js';
import { accountsWithRoles, notify } from '../../adapters/db/notifications.repository.js';
import type { AppContext, Caller } from '../context.js';
import { applyDossierStep } from './apply-dossier-step.js';
import { closeRound, insertRound, openRound } from './appraisal-rounds.js';
import { dossierLink } from './dossier-access.js';

export function returnDossier(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  body: ReturnDossierBody,
): Promise<DossierView> {
  const reason = body.reason?.trim() ?? '';
  let roundNumber: number | null = null;
  return applyDossierStep(ctx, caller, campaignId, unitId, {
    action: 'return',
    version: body.version,
    reason,
    async prepare(tx, d) {
      const round = await openRound(tx, d.dossier.id);
      roundNumber = round ? round.round : d.dossier.appraisal_round + 1;
    },
    columns: (d) => ({ appraisal_round: Math.max(d.dossier.appraisal_round, roundNumber ?? 0) }),
    async after(tx, d, now) {
      const round = await openRound(tx, d.dossier.id);
      const findings = round
        ? await closeRound(tx, round, { status: 'returned', findings: body.findings, reason, appraiserId: caller.accountId, at: now })
        : (body.findings ?? []);
      if (!round) {
        await insertRound(tx, {
          campaignUnitId: d.dossier.id,
          round: roundNumber!,
          status: 'returned',
          findings,
          reason,
          appraiserId: caller.accountId,
          at: now,
        });
      }
      const committee = await accountsWithRoles(tx, d.dossier.unit_path, ['unit_committee']);
      await notify(tx, {
        accountIds: committee.filter((id) => id !== caller.accountId),
        kind: 'returned',
        title: `Hồ sơ kiểm điểm của ${d.dossier.unit_name} bị trả lại để bổ sung`,
        body: reason,
        link: dossierLink(d.campaign.id, d.dossier.unit_id),
        campaignId: d.campaign.id,
        at: now,
      });
      return { round: roundNumber, findings };
    },
  });
}
