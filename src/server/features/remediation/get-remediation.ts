// Opens a subject's remediation plan (remediation.get): the stored plan, or — never saved — an empty
// draft at version 0 that lists the shortcomings to address and is written nowhere until its first
// save. Comes with the items' progress and evidence, overdue marks against the business date, why
// it cannot be filed yet, and the caller's abilities (design §4).
import type { RemediationParams, RemediationPlanView } from '../../../shared/contracts/remediation.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import type { Principal } from '../../domain/policy.js';
import { fileBlocker } from '../../domain/remediation-policy.js';
import type { AppContext, Tx } from '../context.js';
import { decisionFacts, itemsOfPlans, planShortcomings } from './plan-contents.js';
import { canEditPlan, canFollowPlan, openPlan, type OpenedPlan } from './remediation-access.js';

export async function presentPlan(db: Tx, p: OpenedPlan, realNow: string): Promise<RemediationPlanView> {
  const { date: today } = await businessDate(db, realNow);
  const [shortcomings, items, facts] = await Promise.all([
    planShortcomings(db, p.campaign, p.subject),
    p.row ? itemsOfPlans(db, [p.row.id], today) : Promise.resolve(new Map()),
    decisionFacts(db, p.campaign.id, p.subject),
  ]);
  const row = p.row;
  const edit = canEditPlan(p);
  const blocker = fileBlocker(facts);
  const follow = canFollowPlan(p);
  return {
    campaign: { id: p.campaign.id, title: p.campaign.title, reviewYear: p.campaign.review_year, status: p.campaign.status },
    subject: {
      kind: p.subject.kind,
      key: p.subject.key,
      name: p.subject.name,
      unitId: p.subject.unitId,
      unitName: p.subject.unitName,
      memberId: p.subject.memberId,
    },
    id: row?.id ?? null,
    status: row?.status === 'filed' ? 'filed' : 'draft',
    version: row?.version ?? 0,
    filedAt: row?.filed_at ?? null,
    reportedAt: row?.reported_at ?? null,
    updatedAt: row?.updated_at ?? null,
    businessDate: today,
    shortcomings,
    items: row ? (items.get(row.id) ?? []) : [],
    fileBlocker: blocker,
    abilities: {
      save: edit,
      // A plan with nothing to remedy may be filed empty; otherwise its items are saved first.
      file: edit && (row ? row.status === 'draft' : shortcomings.length === 0) && blocker === null,
      addUpdate: follow,
      // The unit reports its remediation (its collective's plan) to the competent level.
      report: follow && p.subject.kind === 'unit',
    },
  };
}

export async function getRemediation(ctx: AppContext, principal: Principal, params: RemediationParams): Promise<RemediationPlanView> {
  const p = await openPlan(ctx.db, principal, params);
  return presentPlan(ctx.db, p, ctx.clock.now());
}
