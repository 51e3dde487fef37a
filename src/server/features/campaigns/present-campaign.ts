// The campaign as the browser sees it: milestones against the business date (design §3, Setting:
// deadlines and overdue marks follow the committee's business date, not the server clock).
import type { CampaignDetail, CampaignSummary, Milestone } from '../../../shared/contracts/campaigns.js';
import { MILESTONE_LABELS, type CampaignStatus, type PlanStatus } from '../../../shared/campaign-vocabulary.js';
import type { CampaignRow } from '../../adapters/db/schema.js';
import { ruleSetById } from '../../domain/rule-sets/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / DAY_MS);
}

/** A milestone is overdue once the business date is past its due date. */
export function milestoneViews(milestones: Milestone[], businessDate: string): CampaignDetail['milestones'] {
  return [...milestones]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((m) => {
      const daysLeft = daysBetween(businessDate, m.dueDate);
      return { ...m, label: m.label || MILESTONE_LABELS[m.kind], daysLeft, overdue: daysLeft < 0 };
    });
}

export function presentCampaignSummary(c: CampaignRow, ownerUnitName: string): CampaignSummary {
  return {
    id: c.id,
    title: c.title,
    reviewYear: c.review_year,
    ownerUnitId: c.owner_unit_id,
    ownerUnitName,
    ruleSetId: c.rule_set_id,
    ruleSetName: ruleSetById(c.rule_set_id)?.name ?? c.rule_set_id,
    status: c.status as CampaignStatus,
    planStatus: c.plan_status as PlanStatus,
    snapshotAt: c.snapshot_at,
  };
}
