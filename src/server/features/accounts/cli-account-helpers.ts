// Shared by the `tusoi` account commands (issue 2 item 8): whoever runs the command on the server
// already holds the database, so no policy applies; every change is audited with actor null and a
// `cli.*` action, so the trail still shows that it came from the command line.
import { AppError } from '../../../shared/errors.js';
import { newPassword } from '../../../shared/contracts/auth.js';
import type { AccountRow } from '../../adapters/db/schema.js';
import type { Tx } from '../context.js';

/** The password policy of the API (contracts/auth.ts), with its Vietnamese messages. */
export function checkPassword(password: string): void {
  const r = newPassword.safeParse(password);
  if (!r.success) throw new AppError('auth.weak_password', r.error.issues.map((i) => i.message).join('; '));
}

export async function findAccountByUsername(db: Tx, username: string): Promise<AccountRow> {
  const account = await db.selectFrom('accounts').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
  if (!account) throw new AppError('account.not_found', `Không tìm thấy tài khoản "${username}".`);
  return account;
}
