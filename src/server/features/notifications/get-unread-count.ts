// The number on the bell in the header (polled every minute by the browser).
import type { AppContext, Caller, Tx } from '../context.js';

export async function countUnread(db: Tx, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getUnreadCount(ctx: AppContext, caller: Caller): Promise<{ count: number }> {
  return { count: await countUnread(ctx.db, caller.accountId) };
}
