// "Tài khoản của tôi": the holder changes their own password (design §2, "own password"). Other
// sessions are ended so a leaked password stops working everywhere at once.
import { AppError } from '../../../shared/errors.js';
import { hashPassword, verifyPassword } from '../../adapters/auth/password.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext } from '../context.js';

export async function changePassword(
  ctx: AppContext,
  input: { accountId: string; currentSessionId: string | null; currentPassword: string; newPassword: string },
): Promise<void> {
  const account = await ctx.db.selectFrom('accounts').selectAll().where('id', '=', input.accountId).executeTakeFirst();
  if (!account) throw new AppError('account.not_found');
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) throw new AppError('auth.wrong_password');
  if (input.newPassword === input.currentPassword) throw new AppError('auth.weak_password', 'Mật khẩu mới phải khác mật khẩu cũ.');
  const hash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('accounts')
      .set({ password_hash: hash, must_change_password: 0, updated_at: now, version: account.version + 1 })
      .where('id', '=', account.id)
      .execute();
    let q = tx.deleteFrom('sessions').where('account_id', '=', account.id);
    if (input.currentSessionId) q = q.where('id', '!=', input.currentSessionId);
    await q.execute();
    await recordAudit(tx, {
      entityType: 'account',
      entityId: account.id,
      action: 'account.password_changed',
      actorId: account.id,
      scopePath: null,
      at: now,
    });
  });
}
