// Transfers a member to another chi bộ inside the system (chuyển sinh hoạt đảng nội bộ). The unit
// history keeps where they were; the caller must be able to write both chi bộ (Quy định 24-QĐ/TW
// on party activity transfers: the sending and the receiving party organizations both act).
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { transferMemberBody } from '../../../shared/contracts/members.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertUpdated, findUnit } from '../../adapters/db/org-units.repository.js';
import { holdsMembers } from '../../domain/org-tree.js';
import { canReadMember, canWriteMember, canWriteUnit } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';

export async function transferMember(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: z.infer<typeof transferMemberBody>,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const member = await tx.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
    if (!member || !canReadMember(caller, { id, unitPath: member.unit_path })) throw new AppError('member.not_found');
    if (!canWriteMember(caller, { unitPath: member.unit_path })) throw new AppError('auth.forbidden');
    const target = await findUnit(tx, input.toUnitId);
    if (!target) throw new AppError('org_unit.not_found');
    if (!canWriteUnit(caller, target)) throw new AppError('auth.forbidden');
    if (!holdsMembers(target.kind as OrgKind)) throw new AppError('member.invalid_unit');
    if (target.valid_to) throw new AppError('org_unit.inactive');
    if (target.id === member.unit_id) throw new AppError('member.same_unit');
    const now = ctx.clock.now();
    const result = await tx
      .updateTable('members')
      .set({ unit_id: target.id, unit_path: target.path, version: input.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertUpdated(result);
    await tx
      .updateTable('member_unit_history')
      .set({ to_date: input.date })
      .where('member_id', '=', id)
      .where('to_date', 'is', null)
      .execute();
    await tx
      .insertInto('member_unit_history')
      .values({
        id: newId(),
        member_id: id,
        unit_id: target.id,
        from_date: input.date,
        to_date: null,
        reason: input.reason,
        created_at: now,
      })
      .execute();
    await recordAudit(tx, {
      entityType: 'member',
      entityId: id,
      action: 'member.transfer',
      actorId: caller.accountId,
      scopePath: target.path,
      at: now,
      before: { unitId: member.unit_id },
      after: { unitId: target.id, date: input.date, reason: input.reason },
    });
  });
}
