// Issues a suggestion (draft → issued; issue 3 item 4). From then on it is read-only, visible to
// its target and the target's committee, and every item must be answered in the target's review.
// Issuing turns the appraisal gate on for the target's unit (or the member's chi bộ) and its
// grassroots party organization (regulations §3.1 bước 4 and §4: units with suggested points are
// appraised by the Organization Board before their conference; Hà Tĩnh 2017 practice).
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { issueSuggestionBody, SuggestionView } from '../../../shared/contracts/planning.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { accountsWithRoles, notify } from '../../adapters/db/notifications.repository.js';
import { findSuggestion, suggestionItemsOf, type SuggestionRow } from '../../adapters/db/suggestions.repository.js';
import { ancestorPaths } from '../../domain/org-tree.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { assertSuggestionWritable, changeDraftSuggestion, loadSuggestion, presentSuggestion } from './suggestion-access.js';

/**
 * Sets needs_appraisal on the target's unit and on its grassroots ancestor in the population;
 * returns the units whose gate this turned on.
 */
async function turnAppraisalOn(tx: Tx, s: SuggestionRow, now: string): Promise<string[]> {
  const ancestors = ancestorPaths(s.scope_path);
  const rows = await tx
    .selectFrom('campaign_units')
    .select(['id', 'unit_id'])
    .where('campaign_id', '=', s.campaign_id)
    .where('needs_appraisal', '=', 0)
    .where((eb) => eb.or([eb('unit_path', '=', s.scope_path), eb.and([eb('is_grassroots', '=', 1), eb('unit_path', 'in', ancestors)])]))
    .execute();
  if (rows.length === 0) return [];
  await tx
    .updateTable('campaign_units')
    .set({ needs_appraisal: 1, version: sql`version + 1`, updated_at: now })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .where('needs_appraisal', '=', 0)
    .execute();
  return rows.map((r) => r.unit_id);
}

export async function issueSuggestion(
  ctx: AppContext,
  principal: Caller,
  id: string,
  input: z.infer<typeof issueSuggestionBody>,
): Promise<SuggestionView> {
  const view = await loadSuggestion(ctx.db, principal, id);
  assertSuggestionWritable(view);
  const { campaign } = view;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    let items: { text: string }[] = [];
    const s = await changeDraftSuggestion(tx, id, { version: input.version, now }, async () => {
      items = (await suggestionItemsOf(tx, [id])).get(id) ?? [];
      if (items.length === 0) throw new AppError('request.invalid', 'Gợi ý kiểm điểm chưa có vấn đề nào; chưa thể ban hành.');
      return { status: 'issued', issued_at: now };
    });
    const gated = await turnAppraisalOn(tx, s, now);
    await recordAudit(tx, {
      entityType: 'suggestion',
      entityId: id,
      action: 'suggestion.issue',
      actorId: principal.accountId,
      scopePath: s.scope_path,
      at: now,
      before: { status: 'draft' },
      after: { status: 'issued', issuedAt: now, items: items.map((i) => i.text), needsAppraisalUnitIds: gated },
    });

    // Issue 3 item 9: the target's committee and, for a member, the member are told.
    const unit = await tx.selectFrom('org_units').select('name').where('id', '=', s.unit_id).executeTakeFirst();
    const member = s.member_id
      ? await tx.selectFrom('members').select('full_name').where('id', '=', s.member_id).executeTakeFirst()
      : undefined;
    const targetName = member ? `đồng chí ${member.full_name} (${unit?.name ?? ''})` : (unit?.name ?? '');
    const body = `Có ${items.length} vấn đề được gợi ý kiểm điểm; cần giải trình từng vấn đề trong bản kiểm điểm (phần "Giải trình những vấn đề được gợi ý kiểm điểm").`;
    const committee = await accountsWithRoles(tx, s.scope_path, ['unit_committee']);
    await notify(tx, {
      accountIds: committee,
      kind: 'suggestion',
      title: `Gợi ý kiểm điểm đối với ${targetName} — ${campaign.title}`,
      body,
      link: `/kiem-diem/${campaign.id}`,
      campaignId: campaign.id,
      dedupeKey: `suggestion:${id}`,
      at: now,
    });
    if (s.member_id) {
      const own = await tx.selectFrom('accounts').select('id').where('member_id', '=', s.member_id).where('disabled', '=', 0).execute();
      await notify(tx, {
        accountIds: own.map((a) => a.id),
        kind: 'suggestion',
        title: `Đồng chí có vấn đề được gợi ý kiểm điểm — ${campaign.title}`,
        body,
        // The member's own review page (PATHS.myReview).
        link: '/ban-kiem-diem-cua-toi',
        campaignId: campaign.id,
        dedupeKey: `suggestion:${id}`,
        at: now,
      });
    }
  });
  const suggestion = (await findSuggestion(ctx.db, id))!;
  return presentSuggestion(ctx.db, { ...view, suggestion });
}
