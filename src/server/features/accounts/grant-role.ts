// Grants a role over a unit's subtree (design §2). The unit must lie inside the caller's admin
// subtree; the role must fit the unit (grant-rules.ts).
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { AccountView, grantRoleBody } from '../../../shared/contracts/auth.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import { requireUnit } from '../../adapters/db/org-units.repository.js';
import { canManageAccounts } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { accountView, loadManagedAccount } from './account-access.js';
import { insertGrant } from './account-rows.js';
import { grantProblem } from './grant-rules.js';

export async function grantRole(
  ctx: AppContext,
  caller: Caller,
  accountId: string,
  input: z.infer<typeof grantRoleBody>,
): Promise<AccountView> {
  await ctx.db.transaction().execute(async (tx) => {
    const { account } = await loadManagedAccount(tx, caller, accountId, 'see');
    const unit = await requireUnit(tx, input.unitId);
    if (!canManageAccounts(caller, unit.path)) {
      throw new AppError('auth.forbidden', 'Chỉ được cấp quyền trên tổ chức đảng thuộc phạm vi bạn quản trị.');
    }
    let memberUnitId: string | null = null;
    if (account.member_id) {
      const m = await tx.selectFrom('members').select('unit_id').where('id', '=', account.member_id).executeTakeFirst();
      memberUnitId = m?.unit_id ?? null;
    }
    const problem = grantProblem({
      role: input.role,
      unit: { id: unit.id, kind: unit.kind as OrgKind, validTo: unit.valid_to },
      memberUnitId,
    });
    if (problem) throw new AppError('account.invalid_grant', problem);
    await insertGrant(
      tx,
      { accountId: account.id, role: input.role, unit, createdBy: caller.accountId },
      { actorId: caller.accountId, action: 'account.grant_role', at: ctx.clock.now() },
    );
  });
  return accountView(ctx.db, accountId);
}
