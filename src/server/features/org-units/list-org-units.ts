// Lists units for the tree and for unit search, scoped in SQL to what the caller may read.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { listOrgUnitsQuery, OrgUnitSummary } from '../../../shared/contracts/org-units.js';
import { foldForSearch } from '../../../shared/text.js';
import { likeContains, subtreeRange } from '../../adapters/db/dialect.js';
import { findUnitCached } from '../../adapters/db/org-units.repository.js';
import { scopePaths } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { presentUnitSummary } from './present-unit.js';

type Query = z.infer<typeof listOrgUnitsQuery>;

export async function listOrgUnits(ctx: AppContext, caller: Caller, query: Query): Promise<{ items: OrgUnitSummary[]; total: number }> {
  const paths = scopePaths(caller, 'org_structure', 'read');
  const ownUnit = caller.memberUnitPath;
  let q = ctx.db.selectFrom('org_units as u').where((eb) => {
    const ors = paths.map((p) => {
      const r = subtreeRange(p);
      return eb.and([eb('u.path', '>=', r.from), eb('u.path', '<', r.to)]);
    });
    if (ownUnit) ors.push(eb('u.path', '=', ownUnit));
    return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
  });

  if (query.parent) {
    q = q.where('u.parent_id', '=', query.parent);
  } else if (query.subtree) {
    const root = await findUnitCached(ctx, query.subtree);
    if (!root) return { items: [], total: 0 };
    const r = subtreeRange(root.path);
    q = q.where('u.path', '>=', r.from).where('u.path', '<', r.to);
  } else if (!query.q && !query.kind) {
    // The tree starts at the roots of the caller's subtrees (or their own chi bộ for a member).
    const roots = [...paths, ...(ownUnit && !paths.some((p) => ownUnit.startsWith(p)) ? [ownUnit] : [])];
    if (roots.length === 0) return { items: [], total: 0 };
    q = q.where('u.path', 'in', roots);
  }
  if (query.kind) q = q.where('u.kind', '=', query.kind);
  if (query.q) {
    const folded = foldForSearch(query.q);
    if (folded) q = q.where(likeContains('u.name_search', folded));
  }
  if (query.includeInactive !== 'true') q = q.where('u.valid_to', 'is', null);

  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .select([
      'u.id',
      'u.parent_id',
      'u.path',
      'u.depth',
      'u.kind',
      'u.sector',
      'u.code',
      'u.name',
      'u.valid_from',
      'u.valid_to',
      (eb) =>
        eb
          .selectFrom('org_units as c')
          .whereRef('c.parent_id', '=', 'u.id')
          .where('c.valid_to', 'is', null)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('child_count'),
    ])
    .orderBy('u.depth')
    .orderBy('u.code')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => presentUnitSummary(r, Number(r.child_count ?? 0))),
  };
}
