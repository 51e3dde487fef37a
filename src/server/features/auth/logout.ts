// Ends one session, or every session of the account ("đăng xuất khỏi mọi thiết bị").
import { deleteAccountSessions, deleteSession } from '../../adapters/auth/sessions.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext } from '../context.js';

export async function logout(ctx: AppContext, input: { accountId: string; sessionId: string | null; everywhere: boolean }): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    if (input.everywhere) await deleteAccountSessions(tx, input.accountId);
    else if (input.sessionId) await deleteSession(tx, input.sessionId);
    await recordAudit(tx, {
      entityType: 'account',
      entityId: input.accountId,
      actorId: input.accountId,
      scopePath: null,
      at: ctx.clock.now(),
      action: input.everywhere ? 'auth.logout_everywhere' : 'auth.logout',
    });
  });
}
