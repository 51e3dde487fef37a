// Transfers a member to another chi bộ inside the system (chuyển sinh hoạt đảng nội bộ). The unit
// history keeps where they were; the caller must be able to write both chi bộ, since the sending and
// the receiving party organizations both act on a transfer (QĐ 24-QĐ/TW 2021, now QĐ 294-QĐ/TW
// 2025, on executing the Statute; regulations.md §7.1).
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { transferMemberBody } from '../../../shared/contracts/members.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { findUnit } from '../../adapters/db/org-units.repository.js';
import { holdsMembers } from '../../domain/org-tree.js';
import { canWriteUnit } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { memberToChange, startUnitPeriod, updateMemberAtVersion } from './member-writes.js';

export async function transferMember(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: z.infer<typeof transferMemberBody>,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const member = await memberToChange(tx, caller, id);
    const target = await findUnit(tx, input.toUnitId);
    if (!target) throw new AppError('org_unit.not_found');
    if (!canWriteUnit(caller, target)) throw new AppError('auth.forbidden');
    if (!holdsMembers(target.kind as OrgKind)) throw new AppError('member.invalid_unit');
    if (target.valid_to) throw new AppError('org_unit.inactive');
    if (target.id === member.unit_id) throw new AppError('member.same_unit');
    const now = ctx.clock.now();
    await updateMemberAtVersion(tx, id, input.version, { unit_id: target.id, unit_path: target.path }, now);
    await startUnitPeriod(tx, id, target.id, input.date, input.reason, now);
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
