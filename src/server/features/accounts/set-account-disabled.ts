// Locks or unlocks an account (issue 2 item 6). Locking ends its sessions at once; its API tokens
// stop working too, since every request checks the account (adapters/http/app.ts).
import { AppError } from '../../../shared/errors.js';
import type { AccountView } from '../../../shared/contracts/auth.js';
import { deleteAccountSessions } from '../../adapters/auth/sessions.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext, Caller } from '../context.js';
import { accountView, loadManagedAccount } from './account-access.js';

export async function setAccountDisabled(ctx: AppContext, caller: Caller, accountId: string, disabled: boolean): Promise<AccountView> {
  await ctx.db.transaction().execute(async (tx) => {
    const { account } = await loadManagedAccount(tx, caller, accountId, 'control');
    if (account.id === caller.accountId) throw new AppError('account.self_action', 'Không thể tự khóa tài khoản của chính mình.');
    const now = ctx.clock.now();
    if ((account.disabled === 1) === disabled) return; // already so: nothing to write, nothing to audit
    await tx
      .updateTable('accounts')
      .set({ disabled: disabled ? 1 : 0, version: account.version + 1, updated_at: now })
      .where('id', '=', account.id)
      .execute();
    const sessionsEnded = disabled ? await deleteAccountSessions(tx, account.id) : 0;
    await recordAudit(tx, {
      entityType: 'account',
      entityId: account.id,
      action: disabled ? 'account.disable' : 'account.enable',
      actorId: caller.accountId,
      scopePath: null,
      at: now,
      before: { disabled: account.disabled === 1 },
      after: { disabled, ...(disabled ? { sessionsEnded } : {}) },
    });
  });
  return accountView(ctx.db, accountId);
}
