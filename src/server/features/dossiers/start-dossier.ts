// planned → drafting (design §3): the unit committee, or the Organization Board for it, opens the
// preparation of the unit's review (regulations §3.1 bước 2–3).
import type { DossierTransitionBody, DossierView } from '../../../shared/contracts/dossiers.js';
import type { AppContext, Caller } from '../context.js';
import { applyDossierStep } from './apply-dossier-step.js';

export function startDossier(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  body: DossierTransitionBody,
): Promise<DossierView> {
  return applyDossierStep(ctx, caller, campaignId, unitId, { action: 'start', version: body.version, reason: body.reason });
}
