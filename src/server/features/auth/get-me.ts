// The caller's own account, grants and abilities: the browser builds its menus from this.
import { AppError } from '../../../shared/errors.js';
import { canConfigureDocuments } from '../../domain/documents/document-policy.js';
import type { Me } from '../../../shared/contracts/auth.js';
import type { Role } from '../../../shared/vocabulary.js';
import { canManageAccounts, memberReadScope, scopePaths } from '../../domain/policy.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import type { AppContext, Caller } from '../context.js';

export async function getMe(ctx: AppContext, caller: Caller, csrfToken: string | null): Promise<Me> {
  const account = await ctx.db.selectFrom('accounts').selectAll().where('id', '=', caller.accountId).executeTakeFirst();
  if (!account) throw new AppError('auth.unauthenticated');
  const grants = await ctx.db
    .selectFrom('role_grants as g')
    .innerJoin('org_units as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.role', 'g.unit_id', 'u.name', 'u.kind'])
    .where('g.account_id', '=', account.id)
    .orderBy('g.created_at')
    .execute();
  const committee = await ctx.db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  const scope = memberReadScope(caller);
  const roots = scope.paths.length
    ? await ctx.db.selectFrom('org_units').select(['id', 'name', 'kind', 'path']).where('path', 'in', scope.paths).execute()
    : [];
  const bd = await businessDate(ctx.db, ctx.clock.now());
  // Directors hold no grant of their own (design §2): their campaign assignments open the campaign pages.
  const assigned = await ctx.db.selectFrom('assignments').select('id').where('account_id', '=', account.id).limit(1).executeTakeFirst();
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.display_name,
    memberId: account.member_id,
    mustChangePassword: account.must_change_password === 1,
    grants: grants.map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unit_id, unitName: g.name, unitKind: g.kind })),
    csrfToken,
    committee: committee ?? null,
    businessDate: bd.date,
    businessDateIsReal: bd.isReal,
    abilities: {
      manageAccounts: canManageAccounts(caller),
      readOrgTree: scope.paths.length > 0,
      readAudit: scopePaths(caller, 'audit', 'read').length > 0,
      readCampaigns: caller.grants.some((g) => g.role !== 'member') || assigned !== undefined,
      configureDocuments: canConfigureDocuments(caller),
    },
    scopeRoots: roots.sort((a, b) => a.path.length - b.path.length).map((r) => ({ id: r.id, name: r.name, kind: r.kind })),
  };
}
