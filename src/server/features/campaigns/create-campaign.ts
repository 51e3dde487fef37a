// Opens a campaign (đợt kiểm điểm) for (committee, review year), under the rule set of that year
// (regulations §1.1: rules are keyed by the review year, not by the date the software runs).
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { createCampaignBody } from '../../../shared/contracts/campaigns.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { isUniqueViolation } from '../../adapters/db/dialect.js';
import { requireUnit } from '../../adapters/db/org-units.repository.js';
import { newId } from '../../adapters/clock.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import { ruleSetForYear } from '../../domain/rule-sets/index.js';
import type { AppContext, Caller } from '../context.js';

/** Committees that run a review of the units below them (design §1; regulations §2.5). */
const OWNER_KINDS = new Set(['committee', 'grassroots_party']);

export function defaultCampaignTitle(year: number): string {
  return `Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm ${year}`;
}

export async function createCampaign(ctx: AppContext, caller: Caller, input: z.infer<typeof createCampaignBody>): Promise<{ id: string }> {
  const owner = await requireUnit(ctx.db, input.ownerUnitId);
  if (!canManageCampaign({ principal: caller, directorPaths: [] }, owner.path)) throw new AppError('auth.forbidden');
  if (!OWNER_KINDS.has(owner.kind) || owner.valid_to) throw new AppError('campaign.invalid_owner');
  const ruleSet = ruleSetForYear(input.reviewYear);
  const id = newId();
  const now = ctx.clock.now();
  const row = {
    id,
    owner_unit_id: owner.id,
    owner_path: owner.path,
    review_year: input.reviewYear,
    rule_set_id: ruleSet.id,
    title: input.title ?? defaultCampaignTitle(input.reviewYear),
    status: 'open',
    config_json: JSON.stringify(input.config),
    milestones_json: JSON.stringify(input.milestones),
    plan_text: null,
    plan_status: 'draft',
    plan_approved_by: null,
    plan_approved_at: null,
    snapshot_at: null,
    // Regulations §9b: "newly admitted" is judged at 31/12 of the review year unless set.
    cutoff_date: input.cutoffDate ?? `${input.reviewYear}-12-31`,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('campaigns').values(row).execute();
      await recordAudit(tx, {
        entityType: 'campaign',
        entityId: id,
        action: 'campaign.create',
        actorId: caller.accountId,
        scopePath: owner.path,
        at: now,
        after: {
          title: row.title,
          reviewYear: row.review_year,
          ruleSetId: row.rule_set_id,
          config: input.config,
          milestones: input.milestones,
        },
        isNew: true,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('campaign.exists');
    throw e;
  }
  return { id };
}
