// What every change to one member does the same way: find it as the caller may see it, write with
// optimistic locking (design §3, version), and close one history period while opening the next.
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { assertUpdated } from '../../adapters/db/org-units.repository.js';
import { refreshNameWords, touchesNameWords } from '../../adapters/db/members.repository.js';
import type { MemberRow, MemberTable } from '../../adapters/db/schema.js';
import { canReadMember, canWriteMember } from '../../domain/policy.js';
import type { Caller, Tx } from '../context.js';

/** The member, when the caller may change it: unknown and unseen answer alike (404), seen but not writable 403. */
export async function memberToChange(tx: Tx, caller: Caller, id: string): Promise<MemberRow> {
  const member = await tx.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!member || !canReadMember(caller, { id, unitPath: member.unit_path })) throw new AppError('member.not_found');
  if (!canWriteMember(caller, { unitPath: member.unit_path })) throw new AppError('auth.forbidden');
  return member;
}

/** Applies `changes` only to the version the caller read; otherwise conflict.version. */
export async function updateMemberAtVersion(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<Omit<MemberTable, 'id' | 'version' | 'updated_at'>>,
  now: string,
): Promise<void> {
  const result = await tx
    .updateTable('members')
    .set({ ...changes, version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  assertUpdated(result);
  if (touchesNameWords(changes)) await refreshNameWords(tx, id);
}

/** Ends the open status period on `date` and starts `status` from it (status over time, design §3). */
export async function startStatusPeriod(
  tx: Tx,
  memberId: string,
  status: string,
  date: string,
  reason: string,
  now: string,
): Promise<void> {
  await tx
    .updateTable('member_status_history')
    .set({ to_date: date })
    .where('member_id', '=', memberId)
    .where('to_date', 'is', null)
    .execute();
  await tx
    .insertInto('member_status_history')
    .values({ id: newId(), member_id: memberId, status, from_date: date, to_date: null, reason, created_at: now })
    .execute();
}

/** Ends the open chi bộ period on `date` and starts the one in `unitId` from it. */
export async function startUnitPeriod(tx: Tx, memberId: string, unitId: string, date: string, reason: string, now: string): Promise<void> {
  await tx
    .updateTable('member_unit_history')
    .set({ to_date: date })
    .where('member_id', '=', memberId)
    .where('to_date', 'is', null)
    .execute();
  await tx
    .insertInto('member_unit_history')
    .values({ id: newId(), member_id: memberId, unit_id: unitId, from_date: date, to_date: null, reason, created_at: now })
    .execute();
}
