// One rule set in full (issue 3 item 1): levels, grades or points, population, forms, the 27
// manifestations, rules, configurable items and their sources. Typed as the contract, so the
// domain data cannot drift from what the API promises.
import type { RuleSetDetail } from '../../../shared/contracts/rule-sets.js';
import { AppError } from '../../../shared/errors.js';
import { ruleSetById } from '../../domain/rule-sets/index.js';
import type { Caller } from '../context.js';
import { assertMayReadRuleSets } from './rule-set-access.js';

export function getRuleSet(caller: Caller, id: string): RuleSetDetail {
  assertMayReadRuleSets(caller);
  const rs = ruleSetById(id);
  if (!rs) throw new AppError('rule_set.not_found');
  return rs;
}
