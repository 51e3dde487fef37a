// Revokes one of the caller's own tokens. Another account's token is "not found", so token ids
// cannot be probed. Revoking twice is harmless and writes nothing the second time.
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext, Caller } from '../context.js';

export async function revokeApiToken(ctx: AppContext, caller: Caller, tokenId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const token = await tx
      .selectFrom('api_tokens')
      .select(['id', 'name', 'revoked_at'])
      .where('id', '=', tokenId)
      .where('account_id', '=', caller.accountId)
      .executeTakeFirst();
    if (!token) throw new AppError('token.not_found');
    if (token.revoked_at) return;
    const now = ctx.clock.now();
    await tx.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', token.id).execute();
    await recordAudit(tx, {
      entityType: 'account',
      entityId: caller.accountId,
      action: 'token.revoke',
      actorId: caller.accountId,
      scopePath: null,
      at: now,
      before: { tokenId: token.id, name: token.name },
    });
  });
}
