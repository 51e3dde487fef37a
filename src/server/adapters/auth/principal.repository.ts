// Loads what the policy module needs about a caller: grants with their units' paths.
import type { Principal } from '../../domain/policy.js';
import type { Role } from '../../../shared/vocabulary.js';
import type { Tx } from '../../features/context.js';

export async function loadPrincipal(db: Tx, accountId: string, memberId: string | null): Promise<Principal> {
  const grants = await db
    .selectFrom('role_grants as g')
    .innerJoin('org_units as u', 'u.id', 'g.unit_id')
    .select(['g.role', 'u.path', 'u.kind'])
    .where('g.account_id', '=', accountId)
    .execute();
  let memberUnitPath: string | null = null;
  if (memberId) {
    const m = await db.selectFrom('members').select('unit_path').where('id', '=', memberId).executeTakeFirst();
    memberUnitPath = m?.unit_path ?? null;
  }
  return {
    accountId,
    memberId,
    memberUnitPath,
    grants: grants.map((g) => ({ role: g.role as Role, unitPath: g.path, unitKind: g.kind })),
  };
}
