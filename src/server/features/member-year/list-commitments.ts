// A member's commitments, every year, newest first (issue 3 item 5): past years stay readable.
import type { CommitmentListResponse } from '../../../shared/contracts/member-year.js';
import { businessYear, listCommitments as listStored } from '../../adapters/db/member-year.repository.js';
import { canReadCommitment, canWriteCommitment } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { callerOf, memberFor, targetOf } from './member-year-access.js';

export async function listCommitments(ctx: AppContext, caller: Caller, memberId: string): Promise<CommitmentListResponse> {
  const member = await memberFor(ctx.db, caller, memberId, canReadCommitment, 'commitment.not_found');
  const [year, stored] = await Promise.all([businessYear(ctx.db, ctx.clock.now()), listStored(ctx.db, memberId)]);
  const canWrite = canWriteCommitment(callerOf(caller), targetOf(member));
  return {
    memberId: member.id,
    memberName: member.fullName,
    businessYear: year,
    canWrite,
    items: stored.map((c) => ({ ...c, editable: canWrite && c.year === year })),
  };
}
