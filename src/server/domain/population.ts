// The population snapshot as a small table (issue 3 item 2): how each member status, newly admitted
// or not, is treated, and which form each kind of member writes. Derived from the rule set's own
// functions (populationTreatment, formMeaningFor) so that one SQL statement can apply them to a
// province's 150,000 members without reading them out — the rules stay those of rule-sets/.
import { MEMBER_STATUSES, type MemberStatus } from '../../shared/vocabulary.js';
import type { FormMeaning, PopulationReason } from '../../shared/campaign-vocabulary.js';
import { formMeaningFor, monthsBefore, populationTreatment, type EffectiveConfig } from './rule-sets/index.js';
import type { PopulationTreatment, RuleSet } from './rule-sets/types.js';

export interface PopulationRule {
  status: MemberStatus;
  newlyAdmitted: boolean;
  treatment: PopulationTreatment;
  reason: PopulationReason | null;
}

export interface PopulationTable {
  /** A member admitted after this date is "newly admitted" (regulations §9b). */
  newlyAdmittedAfter: string;
  rules: PopulationRule[];
  /** Form by (is a leader, holds a post in the political system or is a civil servant). */
  forms: { isLeader: boolean; hasPost: boolean; meaning: FormMeaning }[];
}

/** A date after any threshold: the sample of a newly admitted member. */
const LATEST = '9999-12-31';

export function populationTable(ruleSet: RuleSet, config: EffectiveConfig, cutoffDate: string): PopulationTable {
  const rules: PopulationRule[] = [];
  for (const status of MEMBER_STATUSES) {
    for (const newlyAdmitted of [true, false]) {
      const t = populationTreatment(ruleSet, config, { status, admissionDate: newlyAdmitted ? LATEST : null }, cutoffDate);
      rules.push({ status, newlyAdmitted, treatment: t.treatment, reason: t.reason });
    }
  }
  const forms = [true, false].flatMap((isLeader) =>
    [true, false].map((hasPost) => ({
      isLeader,
      hasPost,
      meaning: formMeaningFor(ruleSet, { isLeader, isCivilServant: hasPost, governmentPosts: null }),
    })),
  );
  return { newlyAdmittedAfter: monthsBefore(cutoffDate, config.newlyAdmittedMonths), rules, forms };
}
