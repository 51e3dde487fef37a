// Withdraws an announcement (announcements.withdraw): it leaves every list but stays in the table
// with its audit history (withdrawn_at), since what a committee once announced is a record.
// Optimistic locking like an update; the same writers (design §2).
import type { AnnouncementView, WithdrawAnnouncementBody } from '../../../shared/contracts/announcements.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { announcementSnapshot, ENTITY, itemToChange, presentAnnouncement } from './announcement-access.js';

export async function withdrawAnnouncement(
  ctx: AppContext,
  principal: Principal,
  id: string,
  input: WithdrawAnnouncementBody,
): Promise<AnnouncementView> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const row = await itemToChange(tx, principal, id);
    if (input.version !== row.version) throw new AppError('conflict.version');
    const result = await tx
      .updateTable('announcements')
      .set({ withdrawn_at: now, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    const next = { ...row, withdrawn_at: now, version: row.version + 1, updated_at: now };
    await recordAudit(tx, {
      entityType: ENTITY,
      entityId: id,
      action: 'announcement.withdraw',
      actorId: principal.accountId,
      scopePath: row.current_path,
      at: now,
      before: announcementSnapshot(row),
      after: announcementSnapshot(next),
    });
    return presentAnnouncement(principal, next);
  });
}
