// What assignments a caller sees (design §2, row "Campaign, plan, assignments, suggestions"): the
// committee-wide roles all of their committee's, a unit committee or chi bộ secretary those of
// their unit's subtree, a director their own (design §2: director comes from assignments).
import type { ExpressionBuilder } from 'kysely';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import type { Database } from '../../adapters/db/schema.js';
import { minimalPaths } from '../../domain/policy.js';
import type { CampaignCaller } from '../../domain/campaign-policy.js';

/** Subtrees whose units' assignments the caller's grants let them read (members excluded). */
export function assignmentGrantPaths(caller: CampaignCaller): string[] {
  return minimalPaths(caller.principal.grants.filter((g) => g.role !== 'member').map((g) => g.unitPath));
}

/** SQL condition on `assignments as a` joined with `org_units as u`. */
export function assignmentVisible(
  eb: ExpressionBuilder<Database & { a: Database['assignments']; u: Database['org_units'] }, 'a' | 'u'>,
  caller: CampaignCaller,
) {
  return eb.or([withinPaths(eb, 'u.path', assignmentGrantPaths(caller)), eb('a.account_id', '=', caller.principal.accountId)]);
}
