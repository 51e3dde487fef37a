// One member's facts of one year (design §3, MemberYearFacts), for the unit committee's form and
// wherever a rule uses them; read where reviews are read (campaign-policy canReadYearFacts).
import type { YearFactsView } from '../../../shared/contracts/member-year.js';
import { findFactsRow, yearFactsOf } from '../../adapters/db/member-year.repository.js';
import { canReadYearFacts, canWriteYearFacts } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { callerOf, memberFor, targetOf } from './member-year-access.js';

export async function getYearFacts(ctx: AppContext, caller: Caller, memberId: string, year: number): Promise<YearFactsView> {
  const member = await memberFor(ctx.db, caller, memberId, canReadYearFacts, 'facts.not_found');
  const row = await findFactsRow(ctx.db, memberId, year);
  return {
    memberId: member.id,
    memberName: member.fullName,
    unitName: member.unitName,
    year,
    facts: row ? yearFactsOf(row) : null,
    canWrite: canWriteYearFacts(callerOf(caller), targetOf(member)),
  };
}
