// The writes of a password reset, shared by the admin page and `tusoi user reset-password`.
import { AppError } from '../../../shared/errors.js';
import { deleteAccountSessions } from '../../adapters/auth/sessions.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { Tx } from '../context.js';

export async function applyPasswordReset(
  tx: Tx,
  accountId: string,
  passwordHash: string,
  mustChangePassword: boolean,
  audit: { actorId: string | null; action: string; at: string },
): Promise<void> {
  const account = await tx.selectFrom('accounts').select(['id', 'username', 'version']).where('id', '=', accountId).executeTakeFirst();
  if (!account) throw new AppError('account.not_found');
  await tx
    .updateTable('accounts')
    .set({
      password_hash: passwordHash,
      must_change_password: mustChangePassword ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      version: account.version + 1,
      updated_at: audit.at,
    })
    .where('id', '=', account.id)
    .execute();
  const sessionsEnded = await deleteAccountSessions(tx, account.id);
  // The login throttle is keyed by username (features/auth/login.ts): a reset unlocks the account.
  await tx.deleteFrom('login_throttle').where('key', '=', `user:${account.username}`).execute();
  await recordAudit(tx, {
    entityType: 'account',
    entityId: account.id,
    action: audit.action,
    actorId: audit.actorId,
    scopePath: null,
    at: audit.at,
    after: { mustChangePassword, sessionsEnded },
  });
}
