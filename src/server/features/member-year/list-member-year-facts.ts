// A member's facts, every year recorded, newest first: the member's page shows them by year.
import type { MemberYearFactsHistory } from '../../../shared/contracts/member-year.js';
import { listMemberYearFacts as listStored } from '../../adapters/db/member-year.repository.js';
import { canReadYearFacts, canWriteYearFacts } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { callerOf, memberFor, targetOf } from './member-year-access.js';

export async function listMemberYearFacts(ctx: AppContext, caller: Caller, memberId: string): Promise<MemberYearFactsHistory> {
  const member = await memberFor(ctx.db, caller, memberId, canReadYearFacts, 'facts.not_found');
  return {
    memberId: member.id,
    canWrite: canWriteYearFacts(callerOf(caller), targetOf(member)),
    items: await listStored(ctx.db, memberId),
  };
}
