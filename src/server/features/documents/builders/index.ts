// One builder per document kind (issue 5 item 1).
import type { DocumentKind } from '../../../../shared/contracts/documents.js';
import type { DocumentBuilder } from '../document-kit.js';
import { buildAppraisalFindings } from './appraisal-findings.js';
import { buildCampaignPlan } from './campaign-plan.js';
import { buildClassificationDecision } from './classification-decision.js';
import { buildClassificationProposal } from './classification-proposal.js';
import { buildCollectiveReport } from './collective-report.js';
import { buildConferenceMinutes } from './conference-minutes.js';
import { buildIndividualReview } from './individual-review.js';
import { buildRemediationPlan } from './remediation-plan.js';
import { buildSuggestionLetter } from './suggestion-letter.js';
import { buildSummaryReport } from './summary-report.js';
import { buildVoteTally } from './vote-tally.js';

export const DOCUMENT_BUILDERS: Record<DocumentKind, DocumentBuilder> = {
  campaign_plan: buildCampaignPlan,
  suggestion_letter: buildSuggestionLetter,
  collective_report: buildCollectiveReport,
  individual_review: buildIndividualReview,
  appraisal_findings: buildAppraisalFindings,
  conference_minutes: buildConferenceMinutes,
  vote_tally: buildVoteTally,
  classification_proposal: buildClassificationProposal,
  classification_decision: buildClassificationDecision,
  remediation_plan: buildRemediationPlan,
  summary_report: buildSummaryReport,
};
