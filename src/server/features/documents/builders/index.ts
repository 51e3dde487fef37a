// One builder per document kind (issue 5 item 1).
import type { DocumentKind } from '../../../../shared/contracts/documents.js';
import { AppError } from '../../../../shared/errors.js';
import type { DocumentBuilder } from '../document-kit.js';
import { buildCampaignPlan } from './campaign-plan.js';

const notYet: DocumentBuilder = async () => {
  throw new AppError('document.not_found', 'Loại văn bản này chưa có trong Tự soi.');
};

export const DOCUMENT_BUILDERS: Record<DocumentKind, DocumentBuilder> = {
  campaign_plan: buildCampaignPlan,
  suggestion_letter: notYet,
  collective_report: notYet,
  individual_review: notYet,
  appraisal_findings: notYet,
  conference_minutes: notYet,
  vote_tally: notYet,
  classification_proposal: notYet,
  classification_decision: notYet,
  remediation_plan: notYet,
  summary_report: notYet,
};
