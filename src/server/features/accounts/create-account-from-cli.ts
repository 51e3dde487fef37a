// `tusoi user create`: an account with one role over a unit given by its code, optionally tied to
// a member by card number (cli-account-helpers.ts says why no policy applies).
import { AppError } from '../../../shared/errors.js';
import { createAccountBody } from '../../../shared/contracts/auth.js';
import type { OrgKind, Role } from '../../../shared/vocabulary.js';
import { hashPassword } from '../../adapters/auth/password.js';
import type { AppContext } from '../context.js';
import { insertAccount, insertGrant } from './account-rows.js';
import { checkPassword } from './cli-account-helpers.js';
import { grantProblem } from './grant-rules.js';

export async function createAccountFromCli(
  ctx: AppContext,
  input: {
    username: string;
    password: string;
    role: Role;
    unitCode: string;
    displayName?: string;
    memberCard?: string;
    mustChangePassword?: boolean;
  },
): Promise<{ accountId: string; username: string; unitName: string }> {
  const username = createAccountBody.shape.username.safeParse(input.username);
  if (!username.success) throw new AppError('request.invalid', username.error.issues.map((i) => i.message).join('; '));
  checkPassword(input.password);
  const unit = await ctx.db.selectFrom('org_units').selectAll().where('code', '=', input.unitCode.trim().toUpperCase()).executeTakeFirst();
  if (!unit) throw new AppError('org_unit.not_found', `Không tìm thấy tổ chức đảng có mã "${input.unitCode}".`);
  let member: { id: string; full_name: string; unit_id: string } | undefined;
  if (input.memberCard) {
    member = await ctx.db
      .selectFrom('members')
      .select(['id', 'full_name', 'unit_id'])
      .where('card_number', '=', input.memberCard.trim())
      .executeTakeFirst();
    if (!member) throw new AppError('member.not_found', `Không tìm thấy đảng viên có số thẻ "${input.memberCard}".`);
  }
  const problem = grantProblem({
    role: input.role,
    unit: { id: unit.id, kind: unit.kind as OrgKind, validTo: unit.valid_to },
    memberUnitId: member?.unit_id ?? null,
  });
  if (problem) throw new AppError('account.invalid_grant', problem);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (tx) => {
    const at = ctx.clock.now();
    const row = await insertAccount(
      tx,
      {
        username: username.data,
        displayName: input.displayName?.trim() || member?.full_name || username.data,
        passwordHash,
        memberId: member?.id ?? null,
        mustChangePassword: input.mustChangePassword ?? false,
      },
      { actorId: null, action: 'cli.user_create', at },
    );
    await insertGrant(tx, { accountId: row.id, role: input.role, unit, createdBy: null }, { actorId: null, action: 'cli.grant_role', at });
    return { accountId: row.id, username: row.username, unitName: unit.name };
  });
}
