// The caller's digest and e-mail preferences (no row yet: no digest, no e-mail).
import type { NotificationPreferences } from '../../../shared/contracts/notifications.js';
import { smtpConfigFromEnv } from '../../adapters/email/mailer.js';
import type { AppContext, Caller } from '../context.js';

export async function getNotificationPreferences(ctx: AppContext, caller: Caller): Promise<NotificationPreferences> {
  const row = await ctx.db
    .selectFrom('notification_preferences')
    .select(['daily_digest', 'email'])
    .where('account_id', '=', caller.accountId)
    .executeTakeFirst();
  return { dailyDigest: row?.daily_digest === 1, email: row?.email ?? null, emailAvailable: smtpConfigFromEnv() !== null };
}
