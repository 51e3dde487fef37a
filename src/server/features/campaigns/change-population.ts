// Changes after the snapshot are explicit actions (issue 3 item 2): include or leave out one member,
// mark them not classified, or add someone who joined after the snapshot — each with a note, audited.
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { changePopulationBody } from '../../../shared/contracts/campaigns.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { requireUnit } from '../../adapters/db/org-units.repository.js';
import { newId } from '../../adapters/clock.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import { holdsMembers, isWithinPath } from '../../domain/org-tree.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import type { AppContext, Caller } from '../context.js';

export async function changePopulation(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  input: z.infer<typeof changePopulationBody>,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const { campaign, caller: cc } = await loadCampaignAccess(tx, campaignId, caller);
    if (!canManageCampaign(cc, campaign.owner_path)) throw new AppError('auth.forbidden');
    assertCampaignOpen(campaign);
    if (!campaign.snapshot_at) throw new AppError('campaign.no_snapshot');
    const member = await tx.selectFrom('members').selectAll().where('id', '=', input.memberId).executeTakeFirst();
    if (!member || !isWithinPath(member.unit_path, campaign.owner_path)) throw new AppError('member.not_found');
    const unit = input.unitId ? await requireUnit(tx, input.unitId) : await requireUnit(tx, member.unit_id);
    if (!holdsMembers(unit.kind as OrgKind) || !isWithinPath(unit.path, campaign.owner_path)) throw new AppError('member.invalid_unit');
    const now = ctx.clock.now();
    const current = await tx
      .selectFrom('campaign_members')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .where('member_id', '=', member.id)
      .executeTakeFirst();
    const after = {
      included: input.included ? 1 : 0,
      classified: input.included && input.classified ? 1 : 0,
      reason: input.included && input.classified ? null : input.reason,
      note: input.note,
      unit_id: unit.id,
      unit_path: unit.path,
    };
    if (current) {
      await tx
        .updateTable('campaign_members')
        .set({ ...after, source: 'manual', updated_at: now, version: sql`version + 1` })
        .where('id', '=', current.id)
        .execute();
    } else {
      await tx
        .insertInto('campaign_members')
        .values({
          id: newId(),
          campaign_id: campaign.id,
          member_id: member.id,
          ...after,
          former_unit_id: member.unit_id !== unit.id ? member.unit_id : null,
          is_key_leader: member.is_leader === 1 || member.is_head === 1 ? 1 : 0,
          form_meaning: null,
          source: 'manual',
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await recordAudit(tx, {
      entityType: 'campaign',
      entityId: campaign.id,
      action: 'campaign.population_change',
      actorId: caller.accountId,
      scopePath: unit.path,
      at: now,
      before: current ? { memberId: member.id, included: current.included, classified: current.classified, reason: current.reason } : null,
      after: { memberId: member.id, ...after },
    });
  });
}
