// Where a unit stands against the campaign's milestones (issue 3 item 8: "overdue items against
// milestones"). Pure: stage, whether the unit needs appraisal, milestones and the business date in;
// the milestones it is late for out. The same clauses drive the SQL filter of the cockpit.
import { UNIT_STAGES, type MilestoneKind, type UnitStage } from '../../shared/campaign-vocabulary.js';

export interface MilestoneDue {
  kind: MilestoneKind;
  dueDate: string;
}

/** Position on the path of design §3; a returned dossier is back in drafting. */
const rank = (s: UnitStage) => (s === 'returned' ? UNIT_STAGES.indexOf('drafting') + 0.5 : UNIT_STAGES.indexOf(s));

/** Stages before `stage` on the path of design §3. */
export function stagesBefore(stage: UnitStage): UnitStage[] {
  return UNIT_STAGES.filter((s) => rank(s) < rank(stage));
}

export interface OverdueClause {
  milestone: MilestoneKind;
  /** The unit is late when its stage is one of these … */
  stages: UnitStage[];
  /** … and, for the appraisal milestone, only when it needs appraisal. */
  onlyIfNeedsAppraisal: boolean;
}

/** What each milestone requires a unit to have reached by its due date. */
const REQUIRED_STAGE: Partial<Record<MilestoneKind, UnitStage>> = {
  reviews_due: 'submitted',
  appraisal: 'cleared',
  conferences: 'conference_held',
  decisions: 'decided',
};

/** Clauses for the milestones already past at the business date. */
export function overdueClauses(milestones: readonly MilestoneDue[], businessDate: string): OverdueClause[] {
  const clauses: OverdueClause[] = [];
  for (const m of milestones) {
    const required = REQUIRED_STAGE[m.kind];
    if (!required || m.dueDate >= businessDate) continue;
    clauses.push({ milestone: m.kind, stages: stagesBefore(required), onlyIfNeedsAppraisal: m.kind === 'appraisal' });
  }
  return clauses;
}

export function unitOverdue(
  unit: { stage: UnitStage; needsAppraisal: boolean },
  milestones: readonly MilestoneDue[],
  businessDate: string,
): MilestoneKind[] {
  return overdueClauses(milestones, businessDate)
    .filter((c) => c.stages.includes(unit.stage) && (!c.onlyIfNeedsAppraisal || unit.needsAppraisal))
    .map((c) => c.milestone);
}

/** The unit has reached `stage` or gone past it. */
export function reached(current: UnitStage, stage: UnitStage): boolean {
  return rank(current) >= rank(stage);
}
