// Writes of account and grant rows with their audit events, shared by the HTTP use cases, the bulk
// creation of member accounts and the CLI (which acts as the system: actor null).
import { AppError } from '../../../shared/errors.js';
import type { Role } from '../../../shared/vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AccountRow } from '../../adapters/db/schema.js';
import type { Tx } from '../context.js';
import { accountSnapshot } from './account-access.js';

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  memberId: string | null;
  mustChangePassword: boolean;
}

export function accountRow(input: NewAccount, now: string, id = newId()): AccountRow {
  return {
    id,
    username: input.username,
    display_name: input.displayName,
    password_hash: input.passwordHash,
    member_id: input.memberId,
    must_change_password: input.mustChangePassword ? 1 : 0,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export async function assertUsernameFree(tx: Tx, username: string): Promise<void> {
  const taken = await tx.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw new AppError('account.username_taken', `Tên đăng nhập "${username}" đã được dùng.`);
}

export async function assertMemberHasNoAccount(tx: Tx, memberId: string): Promise<void> {
  const has = await tx.selectFrom('accounts').select('id').where('member_id', '=', memberId).executeTakeFirst();
  if (has) throw new AppError('account.member_has_account');
}

/** Inserts one account and starts its audit chain. */
export async function insertAccount(
  tx: Tx,
  input: NewAccount,
  audit: { actorId: string | null; action: string; at: string },
): Promise<AccountRow> {
  await assertUsernameFree(tx, input.username);
  if (input.memberId) await assertMemberHasNoAccount(tx, input.memberId);
  const row = accountRow(input, audit.at);
  await tx.insertInto('accounts').values(row).execute();
  await recordAudit(tx, {
    entityType: 'account',
    entityId: row.id,
    action: audit.action,
    actorId: audit.actorId,
    scopePath: null,
    at: audit.at,
    after: accountSnapshot(row),
    isNew: true,
  });
  return row;
}

/** Adds a grant; refuses a duplicate with a clear message rather than a constraint error. */
export async function insertGrant(
  tx: Tx,
  input: { accountId: string; role: Role; unit: { id: string; name: string }; createdBy: string | null },
  audit: { actorId: string | null; action: string; at: string },
): Promise<string> {
  const existing = await tx
    .selectFrom('role_grants')
    .select('id')
    .where('account_id', '=', input.accountId)
    .where('role', '=', input.role)
    .where('unit_id', '=', input.unit.id)
    .executeTakeFirst();
  if (existing) throw new AppError('account.grant_exists');
  const id = newId();
  await tx
    .insertInto('role_grants')
    .values({
      id,
      account_id: input.accountId,
      role: input.role,
      unit_id: input.unit.id,
      created_by: input.createdBy,
      created_at: audit.at,
    })
    .execute();
  await recordAudit(tx, {
    entityType: 'account',
    entityId: input.accountId,
    action: audit.action,
    actorId: audit.actorId,
    scopePath: null,
    at: audit.at,
    after: { grantId: id, role: input.role, unitId: input.unit.id, unitName: input.unit.name },
  });
  return id;
}
