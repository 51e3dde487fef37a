// The classification checks (issue 4 item 3; design §3, Classification): every rule of the review
// year's rule set run over a whole scope at once — members, organizations and leadership
// collectives together, since the organization caps read the members' and sub-units' levels and
// the quotas count whole groups. Which rules run is data: the period's rule list
// (rule-sets/rules.ts); a rule the period does not list is not run. Pure and linear in the number
// of subjects: every index is built once (context.ts), so a province (~150,000 members, ~10,700
// units) is one call.
//
// What is not checked, for want of facts: R2b (prohibitions, example-setting harm), N2 (where a
// fault at a former unit counts: the use case attributes disciplines to units before the call),
// N3 (task conditions inside a score band), R15's five socio-economic targets and "corruption in a
// unit directly managed". The calibration board shows those to the deciding level as judgement.
import { bandResults } from './bands.js';
import { buildContext } from './context.js';
import { memberResults } from './member-rules.js';
import { orderingResults } from './ordering.js';
import { quotaOutcome } from './quota.js';
import type { CheckInput, CheckOutcome, CheckResult } from './types.js';
import { subtreeDiscipline, unitResults } from './unit-rules.js';

export function runChecks(input: CheckInput): CheckOutcome {
  const ctx = buildContext(input);
  const results: CheckResult[] = [];
  const below = ctx.rules.has('R11') ? subtreeDiscipline(ctx) : null;

  for (const s of input.subjects) {
    if (s.kind === 'member') {
      memberResults(ctx, s, results);
      if (s.included && s.classified) bandResults(ctx, s, results);
    } else {
      unitResults(ctx, s, below, results);
      if (!s.newlyFormed) bandResults(ctx, s, results);
    }
  }

  const quota = quotaOutcome(ctx);
  for (const r of quota.results) results.push(r);
  for (const r of orderingResults(ctx)) results.push(r);
  return { results, quotas: quota.quotas };
}

/** The order of classification alone (collective before its head, lower before upper): see ordering.ts. */
export function orderingProblems(input: CheckInput): CheckResult[] {
  return orderingResults(buildContext(input));
}

export type * from './types.js';
