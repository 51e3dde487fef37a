// API tokens for scripts (issue 2 item 6: "Authorization: Bearer, stored hashed"). The token is
// returned once; the database keeps only its sha-256, which findTokenCaller looks up. The prefix
// lets secret scanners and people recognise a leaked token.
import type { ApiTokenView } from '../../../shared/contracts/accounts.js';
import { newId, randomToken, sha256 } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext } from '../context.js';

export const TOKEN_PREFIX = 'tusoi_';

/** `actorId` is the account itself from "my account", or null from `tusoi token create`. */
export async function createApiToken(
  ctx: AppContext,
  input: { accountId: string; name: string; actorId: string | null; action?: string },
): Promise<ApiTokenView & { token: string }> {
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('api_tokens')
      .values({
        id,
        account_id: input.accountId,
        token_hash: sha256(token),
        name: input.name,
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await recordAudit(tx, {
      entityType: 'account',
      entityId: input.accountId,
      action: input.action ?? 'token.create',
      actorId: input.actorId,
      scopePath: null,
      at: now,
      after: { tokenId: id, name: input.name },
    });
  });
  return { id, name: input.name, createdAt: now, lastUsedAt: null, revokedAt: null, token };
}
