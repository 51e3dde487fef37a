// Which accounts an administrator sees and controls (design §2, row "Accounts and role grants":
// admin RW over the subtree of the admin grant). Shared by the account use cases.
//
// - An admin over a root unit (the whole tree) sees every account.
// - Otherwise an admin sees an account that holds a grant inside one of their subtrees, belongs to
//   a member inside one, or that they created or changed themselves (its audit chain names them):
//   this keeps an account visible to its creator before its first grant and after its last revoke.
// - Credentials (reset password, disable, enable) need more than sight: every grant of the account
//   and its member must lie inside the admin's subtrees, so that a ward's admin can never take over
//   the account of a committee-level user who happens to also hold a grant in the ward.
import { sql, type ExpressionBuilder } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { AccountView } from '../../../shared/contracts/auth.js';
import type { Role } from '../../../shared/vocabulary.js';
import { subtreeRange } from '../../adapters/db/dialect.js';
import type { AccountRow, Database } from '../../adapters/db/schema.js';
import { isWithinPath } from '../../domain/org-tree.js';
import { scopePaths, type Principal } from '../../domain/policy.js';
import type { Tx } from '../context.js';

/** The subtrees where the caller administers accounts; refuses callers without any. */
export function requireAccountAdmin(caller: Principal): string[] {
  const paths = scopePaths(caller, 'accounts', 'write');
  if (paths.length === 0) throw new AppError('auth.forbidden');
  return paths;
}

/** Paths are "/<id>/…/": a root unit's path has exactly one segment. */
export function coversWholeTree(paths: string[]): boolean {
  return paths.some((p) => p.split('/').filter(Boolean).length === 1);
}

function inRanges(eb: ExpressionBuilder<any, any>, column: string, paths: string[]) {
  return eb.or(
    paths.map((p) => {
      const r = subtreeRange(p);
      return eb.and([eb(column, '>=', r.from), eb(column, '<', r.to)]);
    }),
  );
}

/**
 * The visibility condition on an `accounts as a` query (scoped in SQL, design §4). Returns null
 * when the caller sees every account.
 */
export function visibleAccountsCondition(
  eb: ExpressionBuilder<Database & { a: Database['accounts'] }, 'a'>,
  caller: Principal,
  paths: string[],
) {
  if (coversWholeTree(paths)) return null;
  return eb.or([
    eb.exists(
      eb
        .selectFrom('role_grants as vg')
        .innerJoin('org_units as vu', 'vu.id', 'vg.unit_id')
        .select(sql`1`.as('one'))
        .whereRef('vg.account_id', '=', 'a.id')
        .where((e) => inRanges(e, 'vu.path', paths)),
    ),
    eb.exists(
      eb
        .selectFrom('members as vm')
        .select(sql`1`.as('one'))
        .whereRef('vm.id', '=', 'a.member_id')
        .where((e) => inRanges(e, 'vm.unit_path', paths)),
    ),
    eb.exists(
      eb
        .selectFrom('audit_events as ve')
        .select(sql`1`.as('one'))
        .where('ve.entity_type', '=', 'account')
        .whereRef('ve.entity_id', '=', 'a.id')
        .where('ve.actor_id', '=', caller.accountId),
    ),
  ]);
}

export interface ManagedAccount {
  account: AccountRow;
  grants: { id: string; role: Role; unitId: string; unitPath: string; unitName: string }[];
  memberUnitPath: string | null;
}

async function accountGrants(db: Tx, accountId: string): Promise<ManagedAccount['grants']> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('org_units as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.role', 'g.unit_id', 'u.path', 'u.name'])
    .where('g.account_id', '=', accountId)
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role as Role, unitId: r.unit_id, unitPath: r.path, unitName: r.name }));
}

/**
 * Loads an account the caller may see (else `account.not_found`, so that accounts outside the
 * subtree are not even confirmed to exist). With `control`, also requires that every grant and the
 * member lie inside the caller's subtrees (else `auth.forbidden`).
 */
export async function loadManagedAccount(db: Tx, caller: Principal, accountId: string, mode: 'see' | 'control'): Promise<ManagedAccount> {
  const paths = requireAccountAdmin(caller);
  const account = await db
    .selectFrom('accounts as a')
    .selectAll('a')
    .where('a.id', '=', accountId)
    .where((eb) => visibleAccountsCondition(eb, caller, paths) ?? sql<boolean>`1 = 1`)
    .executeTakeFirst();
  if (!account) throw new AppError('account.not_found');
  const grants = await accountGrants(db, account.id);
  let memberUnitPath: string | null = null;
  if (account.member_id) {
    const m = await db.selectFrom('members').select('unit_path').where('id', '=', account.member_id).executeTakeFirst();
    memberUnitPath = m?.unit_path ?? null;
  }
  if (mode === 'control') {
    const inside = (p: string) => paths.some((root) => isWithinPath(p, root));
    if (!grants.every((g) => inside(g.unitPath)) || (memberUnitPath !== null && !inside(memberUnitPath))) {
      throw new AppError('auth.forbidden', 'Tài khoản này có quyền ngoài phạm vi bạn quản trị; chỉ quản trị cấp trên được thay đổi.');
    }
  }
  return { account, grants, memberUnitPath };
}

/** Whether the caller administers accounts and sees this one (the rule of visibleAccountsCondition). */
export async function seesAccount(db: Tx, caller: Principal, accountId: string): Promise<boolean> {
  const paths = scopePaths(caller, 'accounts', 'write');
  if (paths.length === 0) return false;
  const row = await db
    .selectFrom('accounts as a')
    .select('a.id')
    .where('a.id', '=', accountId)
    .where((eb) => visibleAccountsCondition(eb, caller, paths) ?? sql<boolean>`1 = 1`)
    .executeTakeFirst();
  return row !== undefined;
}

/** Account rows → the contract's view, grants included, in the order of `ids`. */
export async function accountViews(db: Tx, ids: string[]): Promise<AccountView[]> {
  if (ids.length === 0) return [];
  const [accounts, grants] = await Promise.all([
    db.selectFrom('accounts').selectAll().where('id', 'in', ids).execute(),
    db
      .selectFrom('role_grants as g')
      .innerJoin('org_units as u', 'u.id', 'g.unit_id')
      .select(['g.id', 'g.account_id', 'g.role', 'g.unit_id', 'u.name', 'u.kind', 'g.created_at'])
      .where('g.account_id', 'in', ids)
      .orderBy('g.created_at')
      .orderBy('g.id')
      .execute(),
  ]);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return ids
    .map((id) => byId.get(id))
    .filter((a): a is AccountRow => a !== undefined)
    .map((a) => ({
      id: a.id,
      username: a.username,
      displayName: a.display_name,
      memberId: a.member_id,
      disabled: a.disabled === 1,
      mustChangePassword: a.must_change_password === 1,
      createdAt: a.created_at,
      grants: grants
        .filter((g) => g.account_id === a.id)
        .map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unit_id, unitName: g.name, unitKind: g.kind })),
    }));
}

export async function accountView(db: Tx, id: string): Promise<AccountView> {
  const [view] = await accountViews(db, [id]);
  if (!view) throw new AppError('account.not_found');
  return view;
}

/** What an account looks like in its audit trail: never the password hash. */
export function accountSnapshot(a: Pick<AccountRow, 'username' | 'display_name' | 'member_id' | 'must_change_password' | 'disabled'>) {
  return {
    username: a.username,
    displayName: a.display_name,
    memberId: a.member_id,
    mustChangePassword: a.must_change_password === 1,
    disabled: a.disabled === 1,
  };
}
