// Drafts suggested points for a unit or a member of the population (issue 3 item 4; regulations
// §3.1 bước 1: the upper committee "decides which collectives/individuals get gợi ý kiểm điểm and
// what the points are"; §4). A draft is seen by organizer and standing only until it is issued.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { createSuggestionBody, SuggestionTarget, SuggestionView } from '../../../shared/contracts/planning.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { findSuggestion, replaceSuggestionItems } from '../../adapters/db/suggestions.repository.js';
import { newId } from '../../adapters/clock.js';
import { canManageCampaign, canWriteSuggestion } from '../../domain/campaign-policy.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { presentSuggestion } from './suggestion-access.js';

export interface ResolvedTarget {
  kind: 'unit' | 'member';
  /** The target unit, or the member's reviewing chi bộ in this campaign. */
  unitId: string;
  unitPath: string;
  memberId: string | null;
}

/** The target as the campaign's population has it; `campaign.not_in_population` otherwise. */
export async function resolveTarget(db: Tx, campaignId: string, target: SuggestionTarget): Promise<ResolvedTarget> {
  if (target.kind === 'unit') {
    const u = await db
      .selectFrom('campaign_units')
      .select(['unit_id', 'unit_path'])
      .where('campaign_id', '=', campaignId)
      .where('unit_id', '=', target.unitId)
      .executeTakeFirst();
    if (!u) throw new AppError('campaign.not_in_population', 'Đơn vị này không thuộc danh sách đơn vị của đợt kiểm điểm.');
    return { kind: 'unit', unitId: u.unit_id, unitPath: u.unit_path, memberId: null };
  }
  // Members left out of the review (exempt, suspended, …) write no review: nothing to answer in.
  const m = await db
    .selectFrom('campaign_members')
    .select(['member_id', 'unit_id', 'unit_path', 'included'])
    .where('campaign_id', '=', campaignId)
    .where('member_id', '=', target.memberId)
    .executeTakeFirst();
  if (!m || m.included !== 1) {
    throw new AppError('campaign.not_in_population', 'Đảng viên này không thuộc diện kiểm điểm trong đợt; không thể gợi ý kiểm điểm.');
  }
  return { kind: 'member', unitId: m.unit_id, unitPath: m.unit_path, memberId: m.member_id };
}

export async function createSuggestion(
  ctx: AppContext,
  principal: Caller,
  campaignId: string,
  input: z.infer<typeof createSuggestionBody>,
): Promise<SuggestionView> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  if (!canManageCampaign(caller, campaign.owner_path)) throw new AppError('auth.forbidden');
  assertCampaignOpen(campaign);
  const target = await resolveTarget(ctx.db, campaign.id, input.target);
  if (!canWriteSuggestion(caller, { unitPath: target.unitPath, memberId: target.memberId })) throw new AppError('auth.forbidden');
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('suggestions')
      .values({
        id,
        campaign_id: campaign.id,
        target_kind: target.kind,
        unit_id: target.unitId,
        member_id: target.memberId,
        scope_path: target.unitPath,
        title: input.title ? input.title : null,
        status: 'draft',
        issued_at: null,
        created_by: principal.accountId,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await replaceSuggestionItems(tx, id, input.items);
    await recordAudit(tx, {
      entityType: 'suggestion',
      entityId: id,
      action: 'suggestion.create',
      actorId: principal.accountId,
      scopePath: target.unitPath,
      at: now,
      after: {
        campaignId: campaign.id,
        targetKind: target.kind,
        unitId: target.unitId,
        memberId: target.memberId,
        title: input.title ?? null,
        items: input.items,
      },
      isNew: true,
    });
  });
  const suggestion = (await findSuggestion(ctx.db, id))!;
  return presentSuggestion(ctx.db, { campaign, caller, suggestion });
}
