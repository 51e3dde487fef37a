// Saves the caller's own digest and e-mail preferences (issue 3 item 9: "a daily digest option"),
// audited on the preferences' own chain.
import type { NotificationPreferences, SaveNotificationPreferencesBody } from '../../../shared/contracts/notifications.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext, Caller } from '../context.js';
import { getNotificationPreferences } from './get-notification-preferences.js';

export async function saveNotificationPreferences(
  ctx: AppContext,
  caller: Caller,
  body: SaveNotificationPreferencesBody,
): Promise<NotificationPreferences> {
  const now = ctx.clock.now();
  const values = { daily_digest: body.dailyDigest ? 1 : 0, email: body.email };
  await ctx.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('notification_preferences')
      .select(['daily_digest', 'email'])
      .where('account_id', '=', caller.accountId)
      .executeTakeFirst();
    if (before && before.daily_digest === values.daily_digest && before.email === values.email) return;
    // Upsert: the first save of an account (or two tabs saving at once) meets no conflict error.
    await tx
      .insertInto('notification_preferences')
      .values({ account_id: caller.accountId, ...values, updated_at: now })
      .onConflict((oc) => oc.column('account_id').doUpdateSet({ ...values, updated_at: now }))
      .execute();
    await recordAudit(tx, {
      entityType: 'notification_preferences',
      entityId: caller.accountId,
      action: 'notification_preferences.update',
      actorId: caller.accountId,
      scopePath: null,
      at: now,
      before: before ? { dailyDigest: before.daily_digest === 1, email: before.email } : undefined,
      after: { dailyDigest: body.dailyDigest, email: body.email },
      isNew: !before,
    });
  });
  return getNotificationPreferences(ctx, caller);
}
