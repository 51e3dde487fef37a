// Marks one of the caller's notifications read. Another account's notice is "not found": its
// existence is as private as its content.
import { AppError } from '../../../shared/errors.js';
import type { NotificationView } from '../../../shared/contracts/notifications.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext, Caller } from '../context.js';
import { presentNotification } from './present-notification.js';

export async function readNotification(ctx: AppContext, caller: Caller, id: string): Promise<NotificationView> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id)
      .where('account_id', '=', caller.accountId)
      .executeTakeFirst();
    if (!row) throw new AppError('notification.not_found');
    if (row.read_at) return presentNotification(row);
    const now = ctx.clock.now();
    // Only an unread notice changes, so two tabs marking it at once record it once.
    const r = await tx
      .updateTable('notifications')
      .set({ read_at: now })
      .where('id', '=', id)
      .where('account_id', '=', caller.accountId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) {
      await recordAudit(tx, {
        entityType: 'account',
        entityId: caller.accountId,
        action: 'notification.read',
        actorId: caller.accountId,
        scopePath: null,
        at: now,
        after: { notificationId: id },
      });
    }
    return presentNotification({ ...row, read_at: now });
  });
}
