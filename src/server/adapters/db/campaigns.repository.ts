// Reading campaigns and the caller's place in one (design §2: `director` comes from a campaign's
// assignments). Every campaign use case starts with loadCampaignAccess, so a campaign outside the
// caller's reach is "not found" (nobody outside the owning committee learns that it exists).
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { campaignConfig, milestone, type CampaignConfig, type Milestone } from '../../../shared/contracts/campaigns.js';
import { canReadCampaign, type CampaignCaller } from '../../domain/campaign-policy.js';
import type { Principal } from '../../domain/policy.js';
import type { ServerCaches, Tx } from '../../features/context.js';
import { subtreeRange } from './dialect.js';
import type { CampaignRow, Database } from './schema.js';

export async function findCampaign(db: Tx, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Paths of the units the campaign assigns this account to, whatever the duty. */
export async function directorPaths(db: Tx, campaignId: string, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .select('u.path')
    .distinct()
    .where('a.campaign_id', '=', campaignId)
    .where('a.account_id', '=', accountId)
    .execute();
  return rows.map((r) => r.path);
}

/** Every account's assigned unit paths in a campaign, by account. */
async function campaignDirectorPaths(db: Tx, campaignId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .select(['a.account_id', 'u.path'])
    .distinct()
    .where('a.campaign_id', '=', campaignId)
    .execute();
  const byAccount = new Map<string, string[]>();
  for (const r of rows) {
    const paths = byAccount.get(r.account_id);
    if (paths) paths.push(r.path);
    else byAccount.set(r.account_id, [r.path]);
  }
  return byAccount;
}

export interface CampaignAccess {
  campaign: CampaignRow;
  caller: CampaignCaller;
}

/**
 * The campaign and the caller's roles in it; `campaign.not_found` when the caller may not see it.
 * Given the server's caches, the campaign row and all its assignments are remembered as long as
 * grants are (RequestCaches.campaigns, .directorPaths): the season's busiest pages (a review, a
 * meeting, the cockpit) each asked for the caller's assignments, and PostgreSQL planned each of
 * those lookups anew (0.3 ms, 6 % of its time in the season's load) to read a row or none.
 */
export async function loadCampaignAccess(db: Tx, campaignId: string, principal: Principal, server?: ServerCaches): Promise<CampaignAccess> {
  // A write checks the campaign (open or closed) as it is now, inside its transaction; a read may
  // see it as it was up to a second ago on another server (RequestCaches.campaigns).
  const campaign =
    server && !db.isTransaction
      ? await server.caches.campaigns.getOrLoad(campaignId, server.clock.nowMs(), () => findCampaign(db, campaignId))
      : await findCampaign(db, campaignId);
  if (!campaign) throw new AppError('campaign.not_found');
  const paths = server
    ? ((
        await server.caches.directorPaths.getOrLoad(
          campaignId,
          server.clock.nowMs(),
          () => campaignDirectorPaths(db, campaignId),
          db.isTransaction,
        )
      ).get(principal.accountId) ?? [])
    : await directorPaths(db, campaignId, principal.accountId);
  const caller: CampaignCaller = { principal, directorPaths: paths };
  if (!canReadCampaign(caller, campaign.owner_path)) throw new AppError('campaign.not_found');
  return { campaign, caller };
}

/** Writes are refused once the campaign is closed (its results are the record of that year). */
export function assertCampaignOpen(campaign: CampaignRow): void {
  if (campaign.status !== 'open') throw new AppError('campaign.closed');
}

export function campaignConfigOf(campaign: Pick<CampaignRow, 'config_json'>): CampaignConfig {
  return campaignConfig.parse(JSON.parse(campaign.config_json));
}

export function milestonesOf(campaign: Pick<CampaignRow, 'milestones_json'>): Milestone[] {
  return milestone.array().parse(JSON.parse(campaign.milestones_json));
}

/**
 * `column` lies in one of the subtrees: the scoping condition of every campaign list (design §4:
 * lists are scoped in SQL). An empty list of paths matches nothing.
 */
export function withinPaths<DB extends Database, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  paths: readonly string[],
): Expression<SqlBool> {
  if (paths.length === 0) return eb.lit(false);
  return eb.or(
    paths.map((p) => {
      const r = subtreeRange(p);
      return eb.and([eb(eb.ref(column as never), '>=', r.from as never), eb(eb.ref(column as never), '<', r.to as never)]);
    }),
  );
}
