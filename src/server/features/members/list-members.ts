// Member lists and search (issue 2 item 4): scoped in SQL to the caller's subtrees, diacritics and
// case ignored, in party-roster order, one page with the total.
import type { z } from 'zod';
import type { listMembersQuery, MemberSummary } from '../../../shared/contracts/members.js';
import { scopedMembersQuery } from '../../adapters/db/members.repository.js';
import { findUnit } from '../../adapters/db/org-units.repository.js';
import { memberReadScope } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { presentSummary, SUMMARY_COLUMNS } from './present-member.js';

export async function listMembers(ctx: AppContext, caller: Caller, query: z.infer<typeof listMembersQuery>): Promise<{ items: MemberSummary[]; total: number }> {
  let unitPath: string | undefined;
  if (query.unit) {
    const unit = await findUnit(ctx.db, query.unit);
    // An unknown unit, or one outside the scope, simply has nothing to show.
    if (!unit) return { items: [], total: 0 };
    unitPath = unit.path;
  }
  const filtered = scopedMembersQuery(ctx.db, { scope: memberReadScope(caller), unitPath, q: query.q, status: query.status });
  const [countRow, rows] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    filtered
      .innerJoin('org_units as u', 'u.id', 'm.unit_id')
      .select(SUMMARY_COLUMNS)
      .orderBy('m.sort_key')
      .orderBy('m.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return { total: Number(countRow.total), items: rows.map(presentSummary) };
}
