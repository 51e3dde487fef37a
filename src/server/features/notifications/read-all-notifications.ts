// "Đánh dấu tất cả là đã đọc": every unread notice of the caller, in one statement.
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext, Caller } from '../context.js';

export async function readAllNotifications(ctx: AppContext, caller: Caller): Promise<{ updated: number }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('notifications')
      .set({ read_at: now })
      .where('account_id', '=', caller.accountId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const updated = Number(r.numUpdatedRows);
    if (updated > 0) {
      await recordAudit(tx, {
        entityType: 'account',
        entityId: caller.accountId,
        action: 'notification.read_all',
        actorId: caller.accountId,
        scopePath: null,
        at: now,
        after: { count: updated },
      });
    }
    return { updated };
  });
}
