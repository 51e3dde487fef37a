// An administrator sets a new password for a user who lost theirs (issue 2 item 6). The user must
// change it at the next login, every open session of the account ends, and a login lock is lifted.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { AccountView, resetPasswordBody } from '../../../shared/contracts/auth.js';
import { hashPassword } from '../../adapters/auth/password.js';
import type { AppContext, Caller } from '../context.js';
import { accountView, loadManagedAccount } from './account-access.js';
import { applyPasswordReset } from './apply-password-reset.js';

export async function resetPassword(
  ctx: AppContext,
  caller: Caller,
  accountId: string,
  input: z.infer<typeof resetPasswordBody>,
): Promise<AccountView> {
  // Checked before hashing, so that a refused request costs nothing.
  const { account } = await loadManagedAccount(ctx.db, caller, accountId, 'control');
  if (account.id === caller.accountId) {
    throw new AppError('account.self_action', 'Hãy đổi mật khẩu của chính bạn ở trang "Tài khoản của tôi".');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (tx) => {
    await loadManagedAccount(tx, caller, accountId, 'control');
    await applyPasswordReset(tx, accountId, passwordHash, true, {
      actorId: caller.accountId,
      action: 'account.reset_password',
      at: ctx.clock.now(),
    });
  });
  return accountView(ctx.db, accountId);
}
