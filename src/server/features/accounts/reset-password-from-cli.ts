// `tusoi user reset-password`: the way back in for an administrator who lost their password; it
// also lifts a login lock and ends the account's sessions (apply-password-reset.ts).
import { hashPassword } from '../../adapters/auth/password.js';
import type { AppContext } from '../context.js';
import { applyPasswordReset } from './apply-password-reset.js';
import { checkPassword, findAccountByUsername } from './cli-account-helpers.js';

export async function resetPasswordFromCli(
  ctx: AppContext,
  input: { username: string; password: string; mustChangePassword?: boolean },
): Promise<{ accountId: string; disabled: boolean }> {
  checkPassword(input.password);
  const account = await findAccountByUsername(ctx.db, input.username);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute((tx) =>
    applyPasswordReset(tx, account.id, passwordHash, input.mustChangePassword ?? false, {
      actorId: null,
      action: 'cli.user_reset_password',
      at: ctx.clock.now(),
    }),
  );
  return { accountId: account.id, disabled: account.disabled === 1 };
}
