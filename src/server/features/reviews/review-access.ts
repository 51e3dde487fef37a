// Opening a review: the campaign, the rule set, the subject in the population, who the caller is
// to it, and the stored row if any. Every review use case starts here, so the visibility rule of
// design §2 (row "Individual reviews"; row "Collective reports, dossiers") is applied in one place:
// a review the caller may not read is "not found" (its existence is not revealed).
import type { FormMeaning, ReviewStatus } from '../../../shared/campaign-vocabulary.js';
import type { ReviewParams } from '../../../shared/contracts/reviews.js';
import { AppError } from '../../../shared/errors.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { findMemberSubject, findReview, findUnitSubject, pathOfMember, pathOfUnit } from '../../adapters/db/reviews.repository.js';
import type { CampaignRow, ReviewRow } from '../../adapters/db/schema.js';
import {
  actorRoles,
  canReadDossier,
  canReadMemberReview,
  canWriteDossier,
  memberReviewWriter,
  type CampaignCaller,
} from '../../domain/campaign-policy.js';
import { formFor, formMeaningFor, ruleSetById } from '../../domain/rule-sets/index.js';
import type { FormTemplate, RuleSet } from '../../domain/rule-sets/types.js';
import { availableActions, REVIEW_TRANSITIONS, type ActorRole, type TransitionRule } from '../../domain/workflow.js';
import type { ReviewAction } from '../../../shared/campaign-vocabulary.js';
import type { Principal } from '../../domain/policy.js';
import type { ServerCaches, Tx } from '../context.js';
import type { ShortcomingSubjectKind } from '../../adapters/db/shortcomings.repository.js';

export interface ReviewSubject {
  kind: ReviewParams['subjectKind'];
  key: string;
  name: string;
  unitId: string;
  unitName: string;
  /** The member's reviewing chi bộ, or the unit itself: the review's scope_path. */
  unitPath: string;
  memberId: string | null;
  formMeaning: FormMeaning;
  isKeyLeader: boolean;
  classified: boolean;
  formerUnit: { id: string; name: string } | null;
}

export interface OpenedReview {
  campaign: CampaignRow;
  caller: CampaignCaller;
  principal: Principal;
  ruleSet: RuleSet;
  form: FormTemplate;
  subject: ReviewSubject;
  roles: Set<ActorRole>;
  table: readonly TransitionRule<ReviewStatus, ReviewAction>[];
  /** Who writes: the member, the chi bộ secretary for them (proxy), the unit committee; null = reads only. */
  writer: 'self' | 'proxy' | 'committee' | null;
  /** The stored row; absent (or at version 0, holding only comments) when nobody has saved yet. */
  row: ReviewRow | undefined;
  status: ReviewStatus;
  version: number;
}

/** The shortcomings table names a collective's subject 'unit' and a leadership collective's 'leadership'. */
export function shortcomingSubjectKind(kind: ReviewParams['subjectKind']): ShortcomingSubjectKind {
  return kind === 'member' ? 'member' : kind === 'collective' ? 'unit' : 'leadership';
}

/** The rule set's form for a meaning (rule-sets/index.ts falls back to the period's nearest form). */
function formOf(ruleSet: RuleSet, meaning: FormMeaning): FormTemplate {
  try {
    return formFor(ruleSet, meaning);
  } catch {
    throw new AppError('rule_set.not_found', 'Bộ quy định của năm này không có mẫu bản kiểm điểm phù hợp.');
  }
}

export async function openReview(db: Tx, principal: Principal, params: ReviewParams, server?: ServerCaches): Promise<OpenedReview> {
  const { campaign, caller } = await loadCampaignAccess(db, params.campaignId, principal, server);
  const ruleSet = ruleSetById(campaign.rule_set_id);
  if (!ruleSet) throw new AppError('rule_set.not_found');
  let subject: ReviewSubject;
  if (params.subjectKind === 'member') {
    const m = await findMemberSubject(db, campaign.id, params.subjectKey);
    if (!m || !m.included) {
      const unitPath = m?.unitPath ?? (await pathOfMember(db, params.subjectKey));
      // "Not in this campaign" only to those who could read the review if it were (design §2).
      const readable =
        unitPath !== undefined &&
        canReadMemberReview(caller, { unitPath, memberId: params.subjectKey, isKeyLeader: m?.isKeyLeader ?? false });
      throw new AppError(readable ? 'campaign.not_in_population' : 'review.not_found');
    }
    if (!canReadMemberReview(caller, { unitPath: m.unitPath, memberId: m.memberId, isKeyLeader: m.isKeyLeader }))
      throw new AppError('review.not_found');
    // Set by the population snapshot; a member added later by hand may not have it yet.
    const meaning =
      (m.formMeaning as FormMeaning | null) ??
      formMeaningFor(ruleSet, { isLeader: m.isLeader, isCivilServant: m.isCivilServant, governmentPosts: m.governmentPosts });
    subject = {
      kind: 'member',
      key: m.memberId,
      name: m.fullName,
      unitId: m.unitId,
      unitName: m.unitName,
      unitPath: m.unitPath,
      memberId: m.memberId,
      formMeaning: meaning,
      isKeyLeader: m.isKeyLeader,
      classified: m.classified,
      formerUnit: m.formerUnit,
    };
  } else {
    const u = await findUnitSubject(db, campaign.id, params.subjectKey);
    if (!u) {
      const unitPath = await pathOfUnit(db, params.subjectKey);
      throw new AppError(unitPath !== undefined && canReadDossier(caller, unitPath) ? 'campaign.not_in_population' : 'review.not_found');
    }
    if (!canReadDossier(caller, u.path)) throw new AppError('review.not_found');
    // QĐ 124 on (regulations §1.2): the leadership collective is reviewed on its own; before, it is not.
    if (params.subjectKind === 'leadership' && !ruleSet.reviewsLeadershipCollective) {
      throw new AppError(
        'campaign.not_in_population',
        `Bộ quy định năm ${campaign.review_year} không kiểm điểm riêng tập thể lãnh đạo, quản lý.`,
      );
    }
    const meaning: FormMeaning = params.subjectKind === 'collective' ? 'collective' : 'leadership_collective';
    subject = {
      kind: params.subjectKind,
      key: u.unitId,
      name: params.subjectKind === 'collective' ? u.name : `Tập thể lãnh đạo, quản lý – ${u.name}`,
      unitId: u.unitId,
      unitName: u.name,
      unitPath: u.path,
      memberId: null,
      formMeaning: meaning,
      isKeyLeader: false,
      classified: true,
      formerUnit: null,
    };
  }
  const roles = actorRoles(caller, { unitPath: subject.unitPath, memberId: subject.memberId });
  let writer: OpenedReview['writer'] = null;
  if (subject.kind === 'member') writer = memberReviewWriter(caller, { unitPath: subject.unitPath, memberId: subject.memberId });
  else if (canWriteDossier(caller, subject.unitPath)) writer = 'committee';
  const row = await findReview(db, campaign.id, params.subjectKind, subject.key);
  const saved = row !== undefined && row.version > 0;
  return {
    campaign,
    caller,
    principal,
    ruleSet,
    form: formOf(ruleSet, subject.formMeaning),
    subject,
    roles,
    table: REVIEW_TRANSITIONS[subject.kind === 'member' ? 'member' : 'collective'],
    writer,
    row,
    status: saved ? (row.status as ReviewStatus) : 'draft',
    version: row?.version ?? 0,
  };
}

/** The actions the caller may take now (design §4: the response carries the caller's abilities). */
export function reviewActions(r: OpenedReview): Set<ReviewAction> {
  if (r.campaign.status !== 'open') return new Set();
  return new Set(availableActions(r.table, r.status, r.roles));
}

/** Comments from other places are written by the chi bộ secretary or the unit committee over the member. */
export function canCommentReview(r: OpenedReview): boolean {
  return r.campaign.status === 'open' && r.subject.kind === 'member' && (r.roles.has('cell_secretary') || r.roles.has('unit_committee'));
}
