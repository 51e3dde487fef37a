// The audit page (design §2, row "Audit history": admin, standing, organizer R over their subtree,
// unit committee R over its own unit; office, cell secretary and member —). Scoped in SQL by the
// events' scope_path. Events without one (accounts, logins, settings) are for administrators only
// (policy.canReadAudit): all of them for an administrator of the whole tree, and for an
// administrator of a subtree only those of the accounts they administer (accounts/account-access.ts).
import type { z } from 'zod';
import { sql } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { AuditEntry, listAuditQuery } from '../../../shared/contracts/audit.js';
import { subtreeRange } from '../../adapters/db/dialect.js';
import { scopePaths } from '../../domain/policy.js';
import { coversWholeTree, visibleAccountsCondition } from '../accounts/account-access.js';
import type { AppContext, Caller } from '../context.js';
import { AUDIT_COLUMNS, presentAuditEntry } from './present-audit.js';

export async function listAudit(
  ctx: AppContext,
  caller: Caller,
  query: z.infer<typeof listAuditQuery>,
): Promise<{ items: AuditEntry[]; total: number }> {
  const paths = scopePaths(caller, 'audit', 'read');
  if (paths.length === 0) throw new AppError('auth.forbidden');
  const adminPaths = scopePaths(caller, 'accounts', 'write');
  let q = ctx.db.selectFrom('audit_events as e').where((eb) => {
    const ors = paths.map((p) => {
      const r = subtreeRange(p);
      return eb.and([eb('e.scope_path', '>=', r.from), eb('e.scope_path', '<', r.to)]);
    });
    if (coversWholeTree(adminPaths)) ors.push(eb('e.scope_path', 'is', null));
    else if (adminPaths.length > 0) {
      ors.push(
        eb.and([
          eb('e.scope_path', 'is', null),
          eb('e.entity_type', '=', 'account'),
          eb(
            'e.entity_id',
            'in',
            eb
              .selectFrom('accounts as a')
              .select('a.id')
              .where((inner) => visibleAccountsCondition(inner, caller, adminPaths) ?? sql<boolean>`1 = 1`),
          ),
        ]),
      );
    }
    return eb.or(ors);
  });
  if (query.entityType) q = q.where('e.entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('e.entity_id', '=', query.entityId);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q
      .leftJoin('accounts as actor', 'actor.id', 'e.actor_id')
      .select([...AUDIT_COLUMNS])
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return { total: Number(count.total), items: rows.map(presentAuditEntry) };
}
