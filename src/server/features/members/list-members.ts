// Member lists and search (issue 2 item 4): scoped in SQL to the caller's subtrees, diacritics and
// case ignored, in party-roster order, one page with the total.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { listMembersQuery, MemberSummary } from '../../../shared/contracts/members.js';
import { chooseNameDriver, scopedMembersQuery } from '../../adapters/db/members.repository.js';
import { findUnitCached } from '../../adapters/db/org-units.repository.js';
import { memberReadScope } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { presentSummary, SUMMARY_COLUMNS } from './present-member.js';

export async function listMembers(
  ctx: AppContext,
  caller: Caller,
  query: z.infer<typeof listMembersQuery>,
): Promise<{ items: MemberSummary[]; total: number }> {
  let unitPath: string | undefined;
  if (query.unit) {
    const unit = await findUnitCached(ctx, query.unit);
    // An unknown unit, or one outside the scope, simply has nothing to show.
    if (!unit) return { items: [], total: 0 };
    unitPath = unit.path;
  }
  const driver = await chooseNameDriver(ctx.db, query.q);
  const filtered = scopedMembersQuery(ctx.db, { scope: memberReadScope(caller), unitPath, q: query.q, status: query.status, driver });
  const rows = driver ? await searchPage(ctx, filtered, query) : await rosterPage(ctx, filtered, query);
  let total = rows.length ? Number(rows[0].total) : 0;
  if (rows.length === 0 && query.page > 1) {
    // Past the last page no row carries the total: count on its own.
    const c = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    total = Number(c.n);
  }
  return { total, items: rows.map(presentSummary) };
}

type Filtered = ReturnType<typeof scopedMembersQuery>;
type Paging = { page: number; pageSize: number };

/**
 * A roster page: rows in the order of the (unit_path, sort_key) index and the total from the same
 * filter as a scalar subquery: one statement, two index reads, no sort.
 */
function rosterPage(ctx: AppContext, filtered: Filtered, query: Paging) {
  const total = filtered.select((eb) => eb.fn.countAll<number>().as('n'));
  return filtered
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select([...SUMMARY_COLUMNS, total.as('total')])
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
}

/**
 * A search page: one pass gives the page and the total, the window count running over the same
 * matches the sort reads, so a search reads its candidates once. Names and units are joined for the
 * page's rows only. The matches are sorted rather than read in roster-index order: the total needs
 * every match anyway, and walking 150,000 rows in order to filter them is what PostgreSQL would
 * otherwise choose. `|| ''` keeps the order and takes the index out of the planner's hands.
 */
function searchPage(ctx: AppContext, filtered: Filtered, query: Paging) {
  const page = filtered
    .select(['m.id', 'm.sort_key', (eb) => eb.fn.countAll<number>().over().as('total')])
    .orderBy(sql`${sql.ref('m.sort_key')} || ''`)
    .orderBy('m.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return ctx.db
    .selectFrom(page.as('p'))
    .innerJoin('members as m', 'm.id', 'p.id')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select([...SUMMARY_COLUMNS, 'p.total'])
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .execute();
}
