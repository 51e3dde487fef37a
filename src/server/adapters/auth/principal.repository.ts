// Loads who is calling: the account, its grants with their units' paths, and its member's chi bộ,
// in one query, since every request needs it before anything else (design §2).
import type { Principal } from '../../domain/policy.js';
import type { Role } from '../../../shared/vocabulary.js';
import type { Tx } from '../../features/context.js';

export interface CallerRecord {
  principal: Principal;
  username: string;
  mustChangePassword: boolean;
  disabled: boolean;
}

function callerQuery(db: Tx) {
  return db
    .selectFrom('accounts as a')
    .leftJoin('members as mm', 'mm.id', 'a.member_id')
    .leftJoin('role_grants as g', 'g.account_id', 'a.id')
    .leftJoin('org_units as u', 'u.id', 'g.unit_id')
    .select([
      'a.id as account_id',
      'a.username',
      'a.member_id',
      'a.must_change_password',
      'a.disabled',
      'mm.unit_path as member_unit_path',
      'g.role',
      'u.path as grant_path',
      'u.kind as grant_kind',
    ]);
}

type CallerRow = {
  account_id: string;
  username: string;
  member_id: string | null;
  must_change_password: number;
  disabled: number;
  member_unit_path: string | null;
  role: string | null;
  grant_path: string | null;
  grant_kind: string | null;
};

/** One row per grant (or one row without a grant) → the caller. */
function toCaller(rows: CallerRow[]): CallerRecord | null {
  if (rows.length === 0) return null;
  const a = rows[0];
  return {
    username: a.username,
    mustChangePassword: a.must_change_password === 1,
    disabled: a.disabled === 1,
    principal: {
      accountId: a.account_id,
      memberId: a.member_id,
      memberUnitPath: a.member_unit_path,
      grants: rows
        .filter((r) => r.role !== null && r.grant_path !== null)
        .map((r) => ({ role: r.role as Role, unitPath: r.grant_path!, unitKind: r.grant_kind! })),
    },
  };
}

export async function loadCaller(db: Tx, accountId: string): Promise<CallerRecord | null> {
  return toCaller(await callerQuery(db).where('a.id', '=', accountId).execute());
}

/** The caller of a session, with the session's own fields for expiry and CSRF. */
export async function loadSessionCaller(db: Tx, sessionId: string) {
  const rows = await callerQuery(db)
    .innerJoin('sessions as s', 's.account_id', 'a.id')
    .select(['s.csrf_token', 's.expires_at', 's.last_seen_at'])
    .where('s.id', '=', sessionId)
    .execute();
  const caller = toCaller(rows);
  return caller ? { caller, csrfToken: rows[0].csrf_token, expiresAt: rows[0].expires_at, lastSeenAt: rows[0].last_seen_at } : null;
}

/** The caller of a live API token. */
export async function loadTokenCaller(db: Tx, tokenHash: string) {
  const rows = await callerQuery(db)
    .innerJoin('api_tokens as t', 't.account_id', 'a.id')
    .select(['t.id as token_id', 't.last_used_at'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .execute();
  const caller = toCaller(rows);
  return caller ? { caller, tokenId: rows[0].token_id, lastUsedAt: rows[0].last_used_at } : null;
}

export async function loadPrincipal(db: Tx, accountId: string): Promise<Principal> {
  const caller = await loadCaller(db, accountId);
  return caller?.principal ?? { accountId, memberId: null, memberUnitPath: null, grants: [] };
}
