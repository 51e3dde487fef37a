// One campaign with its milestones, population counts and what the caller may do with it.
import type { CampaignDetail } from '../../../shared/contracts/campaigns.js';
import { campaignConfigOf, loadCampaignAccess, milestonesOf } from '../../adapters/db/campaigns.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { canApprovePlan, canManageCampaign, seesWholeCampaign } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { milestoneViews, presentCampaignSummary } from './present-campaign.js';

export async function getCampaign(ctx: AppContext, caller: Caller, campaignId: string): Promise<CampaignDetail> {
  const { campaign, caller: cc } = await loadCampaignAccess(ctx.db, campaignId, caller);
  const [owner, approver, units, members, bd] = await Promise.all([
    ctx.db.selectFrom('org_units').select('name').where('id', '=', campaign.owner_unit_id).executeTakeFirstOrThrow(),
    campaign.plan_approved_by
      ? ctx.db.selectFrom('accounts').select('display_name').where('id', '=', campaign.plan_approved_by).executeTakeFirst()
      : undefined,
    ctx.db
      .selectFrom('campaign_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirstOrThrow(),
    // One pass over the population: counts by inclusion and classification (no GROUP BY needed).
    ctx.db
      .selectFrom('campaign_members')
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when('included', '=', 1).then(1).else(0).end()).as('included'),
        eb.fn.sum<number>(eb.case().when('included', '=', 0).then(1).else(0).end()).as('excluded'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('included', '=', 1), eb('classified', '=', 0)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('notClassified'),
      ])
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirstOrThrow(),
    businessDate(ctx.db, ctx.clock.now()),
  ]);
  return {
    ...presentCampaignSummary(campaign, owner.name),
    version: campaign.version,
    config: campaignConfigOf(campaign),
    milestones: milestoneViews(milestonesOf(campaign), bd.date),
    cutoffDate: campaign.cutoff_date,
    planText: campaign.plan_text,
    planApprovedAt: campaign.plan_approved_at,
    planApprovedByName: approver?.display_name ?? null,
    businessDate: bd.date,
    population: {
      units: Number(units.n),
      members: Number(members.included ?? 0),
      excluded: Number(members.excluded ?? 0),
      notClassified: Number(members.notClassified ?? 0),
    },
    abilities: {
      manage: canManageCampaign(cc, campaign.owner_path) && campaign.status === 'open',
      approvePlan: canApprovePlan(cc, campaign.owner_path) && campaign.plan_status === 'draft',
      seesWholeCampaign: seesWholeCampaign(cc, campaign.owner_path),
    },
  };
}
