// `tusoi token create`: an API token for a script, for an existing account.
import { AppError } from '../../../shared/errors.js';
import type { AppContext } from '../context.js';
import { findAccountByUsername } from './cli-account-helpers.js';
import { createApiToken } from './create-api-token.js';

export async function createTokenFromCli(
  ctx: AppContext,
  input: { username: string; name?: string },
): Promise<{ token: string; mustChangePassword: boolean }> {
  const account = await findAccountByUsername(ctx.db, input.username);
  if (account.disabled)
    throw new AppError('auth.account_disabled', `Tài khoản "${account.username}" đã bị khóa; mã truy cập sẽ không dùng được.`);
  const created = await createApiToken(ctx, {
    accountId: account.id,
    name: input.name?.trim() || 'Tạo bằng lệnh tusoi',
    actorId: null,
    action: 'cli.token_create',
  });
  return { token: created.token, mustChangePassword: account.must_change_password === 1 };
}
