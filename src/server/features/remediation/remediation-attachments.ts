// Who may download the evidence of a progress update: whoever may read the plan (design §2 row
// "Remediation"). Evidence is part of the year's record: nobody removes it through the API.
// Registered with the attachments adapter, which serves every download.
import { AppError } from '../../../shared/errors.js';
import { registerAttachmentOwner } from '../../adapters/db/attachments.repository.js';
import { openItem } from './add-remediation-update.js';

let registered = false;

export function registerRemediationAttachmentOwner(): void {
  if (registered) return;
  registered = true;
  registerAttachmentOwner('remediation_update', async (ctx, principal, ownerId) => {
    const row = await ctx.db
      .selectFrom('remediation_updates as u')
      .innerJoin('remediation_items as i', 'i.id', 'u.item_id')
      .innerJoin('remediation_plans as p', 'p.id', 'i.plan_id')
      .select(['i.id as item_id', 'p.campaign_id'])
      .where('u.id', '=', ownerId)
      .executeTakeFirst();
    if (!row) return { canRead: false };
    try {
      const { plan } = await openItem(ctx.db, principal, row.campaign_id, row.item_id);
      return { canRead: true, canDelete: false, scopePath: plan.subject.unitPath };
    } catch (e) {
      if (e instanceof AppError) return { canRead: false };
      throw e;
    }
  });
}
