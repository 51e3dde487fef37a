// Member lists and search (issue 2 item 4): scoped in SQL to the caller's subtrees, diacritics and
// case ignored, in party-roster order, one page with the total.
import type { z } from 'zod';
import type { listMembersQuery, MemberSummary } from '../../../shared/contracts/members.js';
import {
  nameMatchesQuery,
  planNameSearch,
  scopedMembersQuery,
  type MemberListFilter,
  type NameMatches,
} from '../../adapters/db/members.repository.js';
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
  const filter: MemberListFilter = { scope: memberReadScope(caller), unitPath, status: query.status };
  const plan = await planNameSearch(ctx.db, query.q, filter);
  if (plan) {
    const matches = nameMatchesQuery(ctx.db, filter, query.q!, plan);
    const rows = await searchPage(ctx, matches, query);
    const total = await totalOf(rows, query, () => ctx.db.selectFrom(matches.as('t')).select((eb) => eb.fn.countAll<number>().as('n')));
    return { total, items: rows.map(presentSummary) };
  }
  const filtered = scopedMembersQuery(ctx.db, filter);
  // The roster's total is kept a few seconds (RequestCaches.memberTotals); a page with it known
  // leaves the count out.
  const totals = ctx.caches.memberTotals;
  const totalKey = JSON.stringify([filter.scope, filter.unitPath ?? null, filter.status ?? null]);
  const nowMs = ctx.clock.nowMs();
  const known = totals.get(totalKey, nowMs);
  if (known !== null) return { total: known, items: (await rosterPage(ctx, filtered, query, false)).map(presentSummary) };
  const page = await totals.loadAndKeep(
    totalKey,
    nowMs,
    async () => {
      const rows = await rosterPage(ctx, filtered, query, true);
      return { rows, total: await totalOf(rows, query, () => filtered.select((eb) => eb.fn.countAll<number>().as('n'))) };
    },
    (p) => p.total,
  );
  return { total: page.total, items: page.rows.map(presentSummary) };
}

type Paging = { page: number; pageSize: number };

/** The total a page carries; past the last page no row carries it, so it is counted on its own. */
async function totalOf(rows: { total?: unknown }[], query: Paging, count: () => { executeTakeFirstOrThrow(): Promise<{ n: number }> }) {
  if (rows.length) return Number(rows[0].total);
  if (query.page === 1) return 0;
  return Number((await count().executeTakeFirstOrThrow()).n);
}

/**
 * A roster page: rows in the order of the (unit_path, sort_key) index and, `withTotal`, the total
 * from the same filter as a scalar subquery: one statement, two index reads, no sort.
 */
function rosterPage(ctx: AppContext, filtered: ReturnType<typeof scopedMembersQuery>, query: Paging, withTotal: boolean) {
  const total = filtered.select((eb) => eb.fn.countAll<number>().as('n'));
  return filtered
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select([...SUMMARY_COLUMNS])
    .$if(withTotal, (qb) => qb.select(total.as('total')))
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
}

/**
 * A search page: the matches (id and roster key, from one index) are sorted and counted in one
 * pass with a window count, and only the page's rows are joined to their members and units.
 */
function searchPage(ctx: AppContext, matches: NameMatches, query: Paging) {
  const page = ctx.db
    .selectFrom(matches.as('c'))
    .select(['c.id', 'c.sort_key', (eb) => eb.fn.countAll<number>().over().as('total')])
    .orderBy('c.sort_key')
    .orderBy('c.id')
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
