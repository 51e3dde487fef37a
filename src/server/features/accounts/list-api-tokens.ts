// The caller's own API tokens, newest first (never the tokens themselves: only their hashes exist).
import type { ApiTokenView } from '../../../shared/contracts/accounts.js';
import type { AppContext, Caller } from '../context.js';

export async function listApiTokens(ctx: AppContext, caller: Caller): Promise<{ items: ApiTokenView[] }> {
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('account_id', '=', caller.accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at })),
  };
}
