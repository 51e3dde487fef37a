// Workload per person (issue 3 item 3): each assigned person's units by duty, with the stage each
// unit has reached, over the assignments the caller may see.
import type { AssignmentDuty, UnitStage } from '../../../shared/campaign-vocabulary.js';
import type { AssignedUnitView, WorkloadPerson } from '../../../shared/contracts/planning.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import type { AppContext, Caller } from '../context.js';
import { visibleAssignments, type VisibleAssignment } from './list-assignments.js';

/** Assignment rows of one person or of anyone, folded into one entry per unit with its duties. */
export function unitsOf(rows: readonly VisibleAssignment[]): AssignedUnitView[] {
  const byUnit = new Map<string, AssignedUnitView>();
  for (const r of rows) {
    const u = byUnit.get(r.unitId) ?? {
      unitId: r.unitId,
      name: r.unitName,
      code: r.unitCode,
      stage: r.stage as UnitStage,
      needsAppraisal: r.needsAppraisal,
      duties: [] as AssignmentDuty[],
    };
    if (!u.duties.includes(r.duty)) u.duties.push(r.duty);
    byUnit.set(r.unitId, u);
  }
  return [...byUnit.values()];
}

export async function getWorkload(ctx: AppContext, principal: Caller, campaignId: string): Promise<{ people: WorkloadPerson[] }> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  const rows = await visibleAssignments(ctx.db, campaign.id, caller);
  const byPerson = new Map<string, VisibleAssignment[]>();
  for (const r of rows) byPerson.set(r.accountId, [...(byPerson.get(r.accountId) ?? []), r]);
  const people: WorkloadPerson[] = [];
  for (const [accountId, own] of byPerson) {
    const units = unitsOf(own);
    const byDuty = { direct: 0, appraise: 0, attend: 0 };
    const byStage: Record<string, number> = {};
    for (const u of units) {
      for (const d of u.duties) byDuty[d] += 1;
      byStage[u.stage] = (byStage[u.stage] ?? 0) + 1;
    }
    people.push({ accountId, displayName: own[0].accountName, username: own[0].username, unitCount: units.length, byDuty, byStage, units });
  }
  const collator = new Intl.Collator('vi');
  people.sort((a, b) => collator.compare(a.displayName, b.displayName));
  return { people };
}
