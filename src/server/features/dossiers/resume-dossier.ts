// returned → drafting (design §3): the unit committee takes a returned dossier back to work on it,
// with the findings of the round that returned it in view.
import type { DossierTransitionBody, DossierView } from '../../../shared/contracts/dossiers.js';
import type { AppContext, Caller } from '../context.js';
import { applyDossierStep } from './apply-dossier-step.js';

export function resumeDossier(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  body: DossierTransitionBody,
): Promise<DossierView> {
  return applyDossierStep(ctx, caller, campaignId, unitId, { action: 'resume', version: body.version, reason: body.reason });
}
