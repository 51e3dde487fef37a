// The reviews of a unit's members with their progress (reviews.list), scoped in SQL by design §2, row
// "Individual reviews": standing, organizer, unit committee and chi bộ secretary see every member of
// their subtree; an assigned director only the key leaders of the assigned units; office, admin and
// members see none. The unit's own reports (collective, leadership) come with it for those who read them.
import type { ListUnitReviewsQuery, ListUnitReviewsResponse } from '../../../shared/contracts/reviews.js';
import { AppError } from '../../../shared/errors.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { findUnitCached } from '../../adapters/db/org-units.repository.js';
import { findUnitSubject, listUnitReviews as listRows, progressOf, unitReports } from '../../adapters/db/reviews.repository.js';
import { canReadDossier } from '../../domain/campaign-policy.js';
import { isWithinPath } from '../../domain/org-tree.js';
import { minimalPaths, type Principal } from '../../domain/policy.js';
import { ruleSetById } from '../../domain/rule-sets/index.js';
import type { Role } from '../../../shared/vocabulary.js';
import type { AppContext } from '../context.js';

/** Roles that read every member's review in their subtree (design §2). */
const READ_ALL: readonly Role[] = ['standing', 'organizer', 'unit_committee', 'cell_secretary'];

export async function listUnitReviews(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  unitId: string,
  query: ListUnitReviewsQuery,
): Promise<ListUnitReviewsResponse> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal, ctx);
  const unit = await findUnitCached(ctx, unitId);
  if (!unit || !isWithinPath(unit.path, campaign.owner_path)) throw new AppError('org_unit.not_found');
  const fullPaths = minimalPaths(principal.grants.filter((g) => READ_ALL.includes(g.role)).map((g) => g.unitPath));
  const keyLeaderPaths = minimalPaths([...caller.directorPaths]);
  const overlaps = (p: string) => isWithinPath(unit.path, p) || isWithinPath(p, unit.path);
  const readsMembers = fullPaths.some(overlaps) || keyLeaderPaths.some(overlaps);
  const readsReports = canReadDossier(caller, unit.path);
  if (!readsMembers && !readsReports) throw new AppError('auth.forbidden');

  const collective: ListUnitReviewsResponse['collective'] = [];
  if (readsReports && (await findUnitSubject(ctx.db, campaign.id, unit.id))) {
    const reports = await unitReports(ctx.db, campaign.id, unit.id);
    const kinds = ruleSetById(campaign.rule_set_id)?.reviewsLeadershipCollective
      ? (['collective', 'leadership'] as const)
      : (['collective'] as const);
    for (const kind of kinds) {
      const found = reports.find((x) => x.kind === kind);
      collective.push({ kind, progress: progressOf(found), version: found?.version ?? 0 });
    }
  }
  const { items, total } = readsMembers
    ? await listRows(ctx.db, {
        campaignId: campaign.id,
        unitPath: unit.path,
        fullPaths,
        keyLeaderPaths,
        progress: query.progress,
        page: query.page,
        pageSize: query.pageSize,
      })
    : { items: [], total: 0 };
  return {
    unitId: unit.id,
    unitName: unit.name,
    collective,
    items,
    total,
    keyLeadersOnly: readsMembers && !fullPaths.some(overlaps),
  };
}
