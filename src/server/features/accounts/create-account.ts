// An administrator creates an account (design §2: accounts are the admin's, over the subtree of the
// admin grant). A member's account may only be made for a member inside that subtree. Roles come
// afterwards, one grant at a time (grant-role.ts).
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { AccountView, createAccountBody } from '../../../shared/contracts/auth.js';
import { isWithinPath } from '../../domain/org-tree.js';
import { hashPassword } from '../../adapters/auth/password.js';
import type { AppContext, Caller } from '../context.js';
import { accountView, requireAccountAdmin } from './account-access.js';
import { insertAccount } from './account-rows.js';

export async function createAccount(ctx: AppContext, caller: Caller, input: z.infer<typeof createAccountBody>): Promise<AccountView> {
  const paths = requireAccountAdmin(caller);
  const memberId = input.memberId ?? null;
  if (memberId) {
    const member = await ctx.db.selectFrom('members').select(['unit_path']).where('id', '=', memberId).executeTakeFirst();
    if (!member) throw new AppError('member.not_found');
    if (!paths.some((p) => isWithinPath(member.unit_path, p))) throw new AppError('auth.forbidden');
  }
  // Hashing is slow on purpose; it happens before the transaction so no lock waits on it.
  const passwordHash = await hashPassword(input.password);
  const row = await ctx.db
    .transaction()
    .execute((tx) =>
      insertAccount(
        tx,
        { username: input.username, displayName: input.displayName, passwordHash, memberId, mustChangePassword: input.mustChangePassword },
        { actorId: caller.accountId, action: 'account.create', at: ctx.clock.now() },
      ),
    );
  return accountView(ctx.db, row.id);
}
