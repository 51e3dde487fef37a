// "Khắc phục của tôi" (design §4: a member on a phone sees their own remediation): the campaigns
// that reviewed the member, newest first, with their plan's status. Closed campaigns stay listed:
// the plan is followed through the year after the review (regulations §3.1 bước 9).
import type { MyRemediationResponse } from '../../../shared/contracts/remediation.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';

export async function listMyRemediation(ctx: AppContext, principal: Principal): Promise<MyRemediationResponse> {
  if (!principal.memberId) return { items: [] };
  const rows = await ctx.db
    .selectFrom('campaign_members as cm')
    .innerJoin('campaigns as c', 'c.id', 'cm.campaign_id')
    .leftJoin('remediation_plans as p', (j) =>
      j.onRef('p.campaign_id', '=', 'cm.campaign_id').on('p.subject_kind', '=', 'member').onRef('p.subject_key', '=', 'cm.member_id'),
    )
    .select(['c.id', 'c.title', 'c.review_year', 'c.status', 'cm.member_id', 'p.status as plan_status'])
    .where('cm.member_id', '=', principal.memberId)
    .where('cm.included', '=', 1)
    .orderBy('c.review_year', 'desc')
    .orderBy('c.id')
    .limit(20)
    .execute();
  return {
    items: rows.map((r) => ({
      campaignId: r.id,
      campaignTitle: r.title,
      reviewYear: r.review_year,
      campaignStatus: r.status,
      memberId: r.member_id,
      planStatus: r.plan_status === 'filed' ? 'filed' : r.plan_status === 'draft' ? 'draft' : null,
    })),
  };
}
