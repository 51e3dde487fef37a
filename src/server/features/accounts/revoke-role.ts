// Revokes one grant (design §2). Only grants over units inside the caller's admin subtree; an
// administrator cannot take away their own admin grant, so a deployment never loses its last admin
// by a slip of the mouse.
import { AppError } from '../../../shared/errors.js';
import type { AccountView } from '../../../shared/contracts/auth.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { canManageAccounts } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { accountView, loadManagedAccount } from './account-access.js';

export async function revokeRole(ctx: AppContext, caller: Caller, accountId: string, grantId: string): Promise<AccountView> {
  await ctx.db.transaction().execute(async (tx) => {
    const { account, grants } = await loadManagedAccount(tx, caller, accountId, 'see');
    const grant = grants.find((g) => g.id === grantId);
    if (!grant) throw new AppError('account.grant_not_found');
    if (!canManageAccounts(caller, grant.unitPath)) {
      throw new AppError('auth.forbidden', 'Quyền này được cấp trên tổ chức đảng ngoài phạm vi bạn quản trị.');
    }
    if (account.id === caller.accountId && grant.role === 'admin') {
      throw new AppError('account.self_action', 'Không thể tự thu hồi quyền quản trị của chính mình.');
    }
    await tx.deleteFrom('role_grants').where('id', '=', grant.id).execute();
    await recordAudit(tx, {
      entityType: 'account',
      entityId: account.id,
      action: 'account.revoke_role',
      actorId: caller.accountId,
      scopePath: null,
      at: ctx.clock.now(),
      before: { grantId: grant.id, role: grant.role, unitId: grant.unitId, unitName: grant.unitName },
    });
  });
  return accountView(ctx.db, accountId);
}
