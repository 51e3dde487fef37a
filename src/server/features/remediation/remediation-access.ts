// Opening a remediation plan: the campaign, the subject in its population, who the caller is to it
// (design §2 row "Remediation"), the stored plan if any. Every remediation use case starts here, so
// a plan the caller may not read is "not found" — outside the committee, or in another chi bộ,
// nothing reveals that it exists.
import type { RemediationParams, RemediationSubject } from '../../../shared/contracts/remediation.js';
import { AppError } from '../../../shared/errors.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { findMemberSubject, findUnitSubject, pathOfMember, pathOfUnit } from '../../adapters/db/reviews.repository.js';
import type { CampaignRow, RemediationPlanTable } from '../../adapters/db/schema.js';
import type { CampaignCaller } from '../../domain/campaign-policy.js';
import type { Principal } from '../../domain/policy.js';
import { canReadRemediation, remediationWriter } from '../../domain/remediation-policy.js';
import { ruleSetById } from '../../domain/rule-sets/index.js';
import type { Tx } from '../context.js';

export interface PlanSubject {
  kind: RemediationSubject;
  key: string;
  name: string;
  unitId: string;
  unitName: string;
  /** The member's reviewing chi bộ, or the unit itself: the plan's scope_path. */
  unitPath: string;
  memberId: string | null;
  /** False for a member included but not classified (newly admitted). */
  classified: boolean;
}

export type PlanRow = RemediationPlanTable;

export interface OpenedPlan {
  campaign: CampaignRow;
  caller: CampaignCaller;
  principal: Principal;
  subject: PlanSubject;
  writer: 'self' | 'committee' | null;
  row: PlanRow | undefined;
}

/** The review's subject kind for a plan's subject (reviews name a unit's collective 'collective'). */
export function reviewSubjectKindOf(kind: RemediationSubject): 'member' | 'collective' | 'leadership' {
  return kind === 'unit' ? 'collective' : kind;
}

export async function findPlanRow(db: Tx, campaignId: string, kind: string, key: string): Promise<PlanRow | undefined> {
  return db
    .selectFrom('remediation_plans')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('subject_kind', '=', kind)
    .where('subject_key', '=', key)
    .executeTakeFirst();
}

export async function openPlan(db: Tx, principal: Principal, params: RemediationParams): Promise<OpenedPlan> {
  const { campaign, caller } = await loadCampaignAccess(db, params.campaignId, principal);
  let subject: PlanSubject;
  if (params.subjectKind === 'member') {
    const m = await findMemberSubject(db, campaign.id, params.subjectKey);
    if (!m || !m.included) {
      const unitPath = m?.unitPath ?? (await pathOfMember(db, params.subjectKey));
      const readable = unitPath !== undefined && canReadRemediation(caller, { unitPath, memberId: params.subjectKey });
      throw new AppError(readable ? 'campaign.not_in_population' : 'remediation.not_found');
    }
    if (!canReadRemediation(caller, { unitPath: m.unitPath, memberId: m.memberId })) throw new AppError('remediation.not_found');
    subject = {
      kind: 'member',
      key: m.memberId,
      name: m.fullName,
      unitId: m.unitId,
      unitName: m.unitName,
      unitPath: m.unitPath,
      memberId: m.memberId,
      classified: m.classified,
    };
  } else {
    const u = await findUnitSubject(db, campaign.id, params.subjectKey);
    if (!u) {
      const unitPath = await pathOfUnit(db, params.subjectKey);
      throw new AppError(
        unitPath !== undefined && canReadRemediation(caller, { unitPath }) ? 'campaign.not_in_population' : 'remediation.not_found',
      );
    }
    if (!canReadRemediation(caller, { unitPath: u.path })) throw new AppError('remediation.not_found');
    // QĐ 124 on (regulations §1.2): the leadership collective is reviewed, and remedies, on its own.
    if (params.subjectKind === 'leadership' && !ruleSetById(campaign.rule_set_id)?.reviewsLeadershipCollective) {
      throw new AppError(
        'campaign.not_in_population',
        `Bộ quy định năm ${campaign.review_year} không kiểm điểm riêng tập thể lãnh đạo, quản lý.`,
      );
    }
    subject = {
      kind: params.subjectKind,
      key: u.unitId,
      name: params.subjectKind === 'unit' ? u.name : `Tập thể lãnh đạo, quản lý – ${u.name}`,
      unitId: u.unitId,
      unitName: u.name,
      unitPath: u.path,
      memberId: null,
      classified: true,
    };
  }
  const writer = remediationWriter(caller, { unitPath: subject.unitPath, memberId: subject.memberId });
  const row = await findPlanRow(db, campaign.id, subject.kind, subject.key);
  return { campaign, caller, principal, subject, writer, row };
}

/** The plan's form is written while the campaign is open (its plan is part of that year's review). */
export function canEditPlan(p: OpenedPlan): boolean {
  return p.writer !== null && p.campaign.status === 'open';
}

/**
 * Progress is followed through the next year (regulations §3.1 bước 9), after the campaign closed
 * too: updates and reports stay open to the plan's writers once it is filed.
 */
export function canFollowPlan(p: OpenedPlan): boolean {
  return p.writer !== null && p.row?.status === 'filed';
}

/**
 * A moment of the plan's own calendar (filed, reported, progress recorded, completed): the
 * committee's business date with the real time of day (design §3, Setting: the business date is
 * "today" for deadlines and the year's record). Audit events and row stamps keep the real clock.
 */
export async function businessStamp(db: Tx, now: string): Promise<string> {
  const { date } = await businessDate(db, now);
  return `${date}${now.slice(10)}`;
}
