// Logs in with a username and password: throttled per username (5 failures in 15 minutes lock it
// for 15 minutes), audited, and answered with the same message whether the name or the password
// was wrong, so that accounts cannot be discovered by guessing.
import { AppError } from '../../../shared/errors.js';
import { verifyPassword } from '../../adapters/auth/password.js';
import { createSession } from '../../adapters/auth/sessions.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext } from '../context.js';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; accountId: string; mustChangePassword: boolean }> {
  const username = input.username.trim().toLowerCase();
  const nowMs = ctx.clock.nowMs();
  const now = new Date(nowMs).toISOString();
  const key = `user:${username}`;
  const throttle = await ctx.db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  if (throttle?.locked_until && throttle.locked_until > now) {
    const minutes = Math.max(1, Math.ceil((Date.parse(throttle.locked_until) - nowMs) / 60_000));
    throw new AppError('auth.throttled', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`);
  }
  const account = await ctx.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = account ? await verifyPassword(account.password_hash, input.password) : false;
  if (!account || !ok) {
    await ctx.db.transaction().execute(async (tx) => {
      const windowStart = throttle && nowMs - Date.parse(throttle.window_start) < LOCK_MINUTES * 60_000 ? throttle.window_start : now;
      const failures = (throttle && windowStart === throttle.window_start ? throttle.failures : 0) + 1;
      const lockedUntil = failures >= MAX_FAILURES ? new Date(nowMs + LOCK_MINUTES * 60_000).toISOString() : null;
      if (throttle) {
        await tx
          .updateTable('login_throttle')
          .set({ failures, window_start: windowStart, locked_until: lockedUntil })
          .where('key', '=', key)
          .execute();
      } else {
        await tx.insertInto('login_throttle').values({ key, failures, window_start: windowStart, locked_until: lockedUntil }).execute();
      }
      if (account) {
        await recordAudit(tx, {
          entityType: 'account',
          entityId: account.id,
          action: 'auth.login_failed',
          actorId: null,
          scopePath: null,
          at: now,
          after: { failures, locked: lockedUntil !== null },
        });
      }
    });
    throw new AppError('auth.invalid_credentials');
  }
  if (account.disabled) {
    // The right password of a locked-out account: someone holds it, which its administrators must see.
    await ctx.db.transaction().execute((tx) =>
      recordAudit(tx, {
        entityType: 'account',
        entityId: account.id,
        action: 'auth.login_failed',
        actorId: null,
        scopePath: null,
        at: now,
        after: { disabled: true },
      }),
    );
    throw new AppError('auth.account_disabled');
  }
  return ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('login_throttle').where('key', '=', key).execute();
    const session = await createSession(tx, account.id, nowMs, ctx.config.sessionIdleMinutes, input.userAgent);
    await recordAudit(tx, {
      entityType: 'account',
      entityId: account.id,
      action: 'auth.login',
      actorId: account.id,
      scopePath: null,
      at: now,
    });
    return { ...session, accountId: account.id, mustChangePassword: account.must_change_password === 1 };
  });
}
