// Builds one document of a campaign as a draft model (issue 5 item 1). The builder of each kind
// reads through the use cases that show the same content on screen, so their refusals apply; the
// register row of design §2 ("Documents … R") is checked on the issuing body on top. The member's
// own review is the one document a member may take: its reading rule is the review's.
import { DOCUMENT_SUBJECTS, type DocumentRequest } from '../../../shared/contracts/documents.js';
import { AppError } from '../../../shared/errors.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { canReadDocumentsOf } from '../../domain/documents/document-policy.js';
import type { AppContext, Caller } from '../context.js';
import { DOCUMENT_BUILDERS } from './builders/index.js';
import type { BuiltDocument } from './document-kit.js';

export async function buildDocument(ctx: AppContext, principal: Caller, req: DocumentRequest): Promise<BuiltDocument> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, req.campaignId, principal);
  if (DOCUMENT_SUBJECTS[req.kind] !== 'campaign' && !req.subjectId) throw new AppError('document.subject_required');
  const today = (await businessDate(ctx.db, ctx.clock.now())).date;
  const built = await DOCUMENT_BUILDERS[req.kind](ctx, principal, { campaign, caller, subjectId: req.subjectId, today });
  const ownReview = req.kind === 'individual_review' && principal.memberId !== null && built.subjectId === principal.memberId;
  if (!ownReview && !canReadDocumentsOf(caller, built.issuer.unit.path)) throw new AppError('auth.forbidden');
  return built;
}
