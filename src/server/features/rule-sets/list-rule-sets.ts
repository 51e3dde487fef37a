// The periods of the rules, oldest first (issue 3 item 1): what the rule-set page lists.
import type { RuleSetSummary } from '../../../shared/contracts/rule-sets.js';
import { ALL_RULE_SETS } from '../../domain/rule-sets/index.js';
import type { Caller } from '../context.js';
import { assertMayReadRuleSets } from './rule-set-access.js';

export function listRuleSets(caller: Caller): { items: RuleSetSummary[] } {
  assertMayReadRuleSets(caller);
  return {
    items: ALL_RULE_SETS.map((rs) => ({ id: rs.id, name: rs.name, years: rs.years, documents: rs.documents, scoring: rs.scoring })),
  };
}
