// The caller's own notifications, newest first (issue 3 item 9). Notices are private: the query is
// bound to the caller's account, so nobody lists anyone else's.
import type { ListNotificationsQuery, ListNotificationsResponse } from '../../../shared/contracts/notifications.js';
import type { AppContext, Caller } from '../context.js';
import { presentNotification } from './present-notification.js';
import { countUnread } from './get-unread-count.js';

export async function listNotifications(
  ctx: AppContext,
  caller: Caller,
  query: ListNotificationsQuery,
): Promise<ListNotificationsResponse> {
  let base = ctx.db.selectFrom('notifications').where('account_id', '=', caller.accountId);
  if (query.unread) base = base.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    countUnread(ctx.db, caller.accountId),
  ]);
  return { items: rows.map(presentNotification), total: Number(total.n), unread };
}
