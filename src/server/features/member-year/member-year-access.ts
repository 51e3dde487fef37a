// Who may see and write a member's commitment and facts of the year (design §2: the member writes
// their own commitment; the unit committee records the facts, issue 3 item 5), shared by the
// member-year use cases. Not visible answers 404 everywhere: "not found" and "not allowed" alike
// reveal nothing about members outside one's reach.
import { AppError, type ErrorCode } from '../../../shared/errors.js';
import { findMemberPlace, type MemberPlace } from '../../adapters/db/member-year.repository.js';
import { type CampaignCaller, type Target } from '../../domain/campaign-policy.js';
import { isWithinPath } from '../../domain/org-tree.js';
import { canReadMember, minimalPaths, type Principal } from '../../domain/policy.js';
import type { Role } from '../../../shared/vocabulary.js';
import type { Tx } from '../context.js';

/** Commitments and facts are not part of a campaign: nobody is a director of them. */
export function callerOf(principal: Principal): CampaignCaller {
  return { principal, directorPaths: [] };
}

export function targetOf(member: MemberPlace): Target {
  return { unitPath: member.unitPath, memberId: member.id };
}

/**
 * The member, when the caller may read the resource about them: `member.not_found` when the member
 * is out of sight altogether, `hiddenCode` when the profile is visible but not this resource.
 */
export async function memberFor(
  db: Tx,
  principal: Principal,
  memberId: string,
  mayRead: (caller: CampaignCaller, target: Target) => boolean,
  hiddenCode: ErrorCode,
): Promise<MemberPlace> {
  const member = await findMemberPlace(db, memberId);
  if (!member || !canReadMember(principal, { id: member.id, unitPath: member.unitPath })) throw new AppError('member.not_found');
  if (!mayRead(callerOf(principal), targetOf(member))) throw new AppError(hiddenCode);
  return member;
}

/** Roles that read the facts of the members of their subtree (campaign-policy canReadYearFacts). */
const FACT_READERS: readonly Role[] = ['standing', 'organizer', 'unit_committee', 'cell_secretary'];

/** Subtrees whose members' facts the caller may list: the SQL scope of year-facts.list. */
export function yearFactsReadPaths(principal: Principal): string[] {
  return minimalPaths(principal.grants.filter((g) => FACT_READERS.includes(g.role)).map((g) => g.unitPath));
}

/** Subtrees where the caller records facts: the unit committee over its unit (campaign-policy canWriteYearFacts). */
export function yearFactsWritePaths(principal: Principal): string[] {
  return minimalPaths(principal.grants.filter((g) => g.role === 'unit_committee').map((g) => g.unitPath));
}

/** Whether `owner` closed its campaign of the year over this member's unit (its results are final). */
export function closedOver(closedOwnerPaths: readonly string[], unitPath: string): boolean {
  return closedOwnerPaths.some((p) => isWithinPath(unitPath, p));
}

/** Facts are recorded for the business year and earlier years, never for a year still to come. */
export function assertFactsYear(year: number, currentYear: number): void {
  if (year > currentYear) {
    throw new AppError('facts.invalid', `Chưa thể ghi thông tin của năm ${year}: năm hiện tại là ${currentYear}.`);
  }
}
