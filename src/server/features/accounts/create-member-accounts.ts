// Accounts for every member of a subtree who has none (issue 2 item 6: "create member accounts in
// bulk … one-time initial passwords handed out as an .xlsx; the password must be changed at first
// login"). Members who take part in a chi bộ get one: active members, and exempt ones, who still
// review themselves (design §1, step 3); members who left (transferred, deceased) or are suspended
// from activities get none. Each account gets the role `member` over its chi bộ.
//
// The argon2 hashes take ~6–12 ms each and run before the transaction, in parallel, so that the
// write lock is held only for the inserts; the transaction then checks again that no member got an
// account and no username was taken meanwhile.
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { sql } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { generateInitialPassword, hashPassword } from '../../adapters/auth/password.js';
import { newId } from '../../adapters/clock.js';
import { recordAuditForNew } from '../../adapters/db/audit.repository.js';
import { subtreeRange } from '../../adapters/db/dialect.js';
import { requireUnit } from '../../adapters/db/org-units.repository.js';
import { canManageAccounts } from '../../domain/policy.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { accountSnapshot } from './account-access.js';
import { accountRow } from './account-rows.js';
import { pickUsername, usernameBase } from './member-usernames.js';

export interface IssuedMemberAccount {
  accountId: string;
  memberId: string;
  fullName: string;
  unitName: string;
  username: string;
  /** In clear only in this result (and the handout made from it); the database has the hash. */
  password: string;
}

/** Statuses whose members get an account (vocabulary.ts MEMBER_STATUSES). */
const ACCOUNT_STATUSES = ['active', 'exempt'] as const;

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  });
  await Promise.all(workers);
  return out;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Usernames already used that start with one of the bases (the only ones a pick can collide with). */
async function takenUsernames(tx: Tx, bases: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  const unique = [...new Set(bases)];
  for (let i = 0; i < unique.length; i += 200) {
    const chunk = unique.slice(i, i + 200);
    const rows = await tx
      .selectFrom('accounts')
      .select('username')
      .where((eb) => eb.or(chunk.map((b) => sql<boolean>`${sql.ref('username')} like ${`${escapeLike(b)}%`} escape '\\'`)))
      .execute();
    for (const r of rows) taken.add(r.username);
  }
  return taken;
}

async function membersWithAccounts(tx: Tx, memberIds: string[]): Promise<Set<string>> {
  const has = new Set<string>();
  for (let i = 0; i < memberIds.length; i += 500) {
    const rows = await tx
      .selectFrom('accounts')
      .select('member_id')
      .where('member_id', 'in', memberIds.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.member_id) has.add(r.member_id);
  }
  return has;
}

export async function createMemberAccounts(
  ctx: AppContext,
  caller: Caller,
  unitId: string,
): Promise<{ unit: { id: string; name: string }; issued: IssuedMemberAccount[]; createdAt: string }> {
  const unit = await requireUnit(ctx.db, unitId);
  if (!canManageAccounts(caller, unit.path)) throw new AppError('auth.forbidden');
  const range = subtreeRange(unit.path);
  const candidates = await ctx.db
    .selectFrom('members as m')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.family_name', 'm.middle_name', 'm.given_name', 'm.full_name', 'm.unit_id', 'u.name as unit_name'])
    .where('m.unit_path', '>=', range.from)
    .where('m.unit_path', '<', range.to)
    .where('m.status', 'in', [...ACCOUNT_STATUSES])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('accounts as a')
            .select(sql`1`.as('one'))
            .whereRef('a.member_id', '=', 'm.id'),
        ),
      ),
    )
    // The handout reads chi bộ by chi bộ, each in roster order (design §3).
    .orderBy('u.code')
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .execute();
  const createdAt = ctx.clock.now();
  if (candidates.length === 0) return { unit: { id: unit.id, name: unit.name }, issued: [], createdAt };

  const passwords = candidates.map(() => generateInitialPassword(randomBytes));
  // Leave threads of libuv's pool (4 by default) to the logins of other users meanwhile.
  const concurrency = Math.max(1, Math.min(4, availableParallelism()));
  const hashes = await mapLimit(passwords, concurrency, (p) => hashPassword(p));

  const issued = await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    const already = await membersWithAccounts(
      tx,
      candidates.map((c) => c.id),
    );
    const todo = candidates.map((c, i) => ({ ...c, password: passwords[i], hash: hashes[i] })).filter((c) => !already.has(c.id));
    const bases = todo.map((c) => usernameBase({ familyName: c.family_name, middleName: c.middle_name, givenName: c.given_name }));
    const taken = await takenUsernames(tx, bases);
    const result: IssuedMemberAccount[] = [];
    const accountRows = [];
    const grantRows = [];
    const audits = [];
    for (let i = 0; i < todo.length; i++) {
      const c = todo[i];
      const username = pickUsername(bases[i], taken);
      const row = accountRow({ username, displayName: c.full_name, passwordHash: c.hash, memberId: c.id, mustChangePassword: true }, now);
      const grantId = newId();
      accountRows.push(row);
      grantRows.push({
        id: grantId,
        account_id: row.id,
        role: 'member',
        unit_id: c.unit_id,
        created_by: caller.accountId,
        created_at: now,
      });
      audits.push({
        entityType: 'account',
        entityId: row.id,
        action: 'account.create_for_member',
        actorId: caller.accountId,
        scopePath: null,
        at: now,
        after: { ...accountSnapshot(row), grants: [{ grantId, role: 'member', unitId: c.unit_id, unitName: c.unit_name }] },
      });
      result.push({ accountId: row.id, memberId: c.id, fullName: c.full_name, unitName: c.unit_name, username, password: c.password });
    }
    for (let i = 0; i < accountRows.length; i += 500)
      await tx
        .insertInto('accounts')
        .values(accountRows.slice(i, i + 500))
        .execute();
    for (let i = 0; i < grantRows.length; i += 500)
      await tx
        .insertInto('role_grants')
        .values(grantRows.slice(i, i + 500))
        .execute();
    await recordAuditForNew(tx, audits);
    return result;
  });
  return { unit: { id: unit.id, name: unit.name }, issued, createdAt };
}
