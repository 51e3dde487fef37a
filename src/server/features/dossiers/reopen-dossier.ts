// Back to drafting from any stage up to the scheduled conference (design §3: "Returning, reopening
// and re-rating always take a reason"): the Organization Board or the standing committee reopens a
// dossier. An open appraisal round closes as returned with that reason, a clearance no longer
// holds, and a conference scheduled behind the gate is called off, since the gate must be passed
// again (regulations §3.1 bước 4).
import type { DossierTransitionBody, DossierView } from '../../../shared/contracts/dossiers.js';
import type { AppContext, Caller } from '../context.js';
import { applyDossierStep } from './apply-dossier-step.js';
import { closeRound, openRound } from './appraisal-rounds.js';

export function reopenDossier(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  body: DossierTransitionBody,
): Promise<DossierView> {
  const reason = body.reason?.trim() ?? '';
  return applyDossierStep(ctx, caller, campaignId, unitId, {
    action: 'reopen',
    version: body.version,
    reason,
    columns: () => ({ cleared_at: null }),
    async after(tx, d, now) {
      const extra: Record<string, unknown> = {};
      const round = await openRound(tx, d.dossier.id);
      if (round) {
        await closeRound(tx, round, { status: 'returned', findings: undefined, reason, appraiserId: caller.accountId, at: now });
        extra.closedRound = round.round;
      }
      const called = await tx
        .selectFrom('conferences')
        .select('id')
        .where('campaign_unit_id', '=', d.dossier.id)
        .where('status', 'in', ['scheduled', 'in_progress'])
        .execute();
      if (called.length > 0) {
        const ids = called.map((c) => c.id);
        await tx
          .updateTable('conferences')
          .set({ status: 'cancelled', updated_at: now, version: (eb) => eb('version', '+', 1) })
          .where('id', 'in', ids)
          .execute();
        // Votes taken at a meeting that is called off are void: the next meeting votes again, and
        // no proposal may rest on them (their typing stays in the audit history).
        await tx.deleteFrom('vote_tallies').where('conference_id', 'in', ids).execute();
        extra.conferenceCancelled = true;
      }
      return extra;
    },
  });
}
