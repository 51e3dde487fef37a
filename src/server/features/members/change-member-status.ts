// Records a change of status over time (design §3): active, exempt from activities (miễn sinh hoạt,
// Điều lệ Đảng Điều 7 and HD 01-HD/TW 2021 §7), suspended, transferred out, deceased; each with a
// date and a reason, closing the previous period.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { changeMemberStatusBody } from '../../../shared/contracts/members.js';
import type { MemberStatus } from '../../../shared/vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertUpdated } from '../../adapters/db/org-units.repository.js';
import { canChangeStatus } from '../../domain/member-profile.js';
import { canReadMember, canWriteMember } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';

export async function changeMemberStatus(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: z.infer<typeof changeMemberStatusBody>,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const member = await tx.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
    if (!member || !canReadMember(caller, { id, unitPath: member.unit_path })) throw new AppError('member.not_found');
    if (!canWriteMember(caller, { unitPath: member.unit_path })) throw new AppError('auth.forbidden');
    if (!canChangeStatus(member.status as MemberStatus, input.status)) throw new AppError('member.invalid_status');
    if (member.status_since && input.date < member.status_since) {
      throw new AppError('member.invalid_status', 'Ngày thay đổi trạng thái không thể trước ngày của trạng thái hiện tại.');
    }
    const now = ctx.clock.now();
    const result = await tx
      .updateTable('members')
      .set({ status: input.status, status_since: input.date, version: input.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertUpdated(result);
    await tx
      .updateTable('member_status_history')
      .set({ to_date: input.date })
      .where('member_id', '=', id)
      .where('to_date', 'is', null)
      .execute();
    await tx
      .insertInto('member_status_history')
      .values({
        id: newId(),
        member_id: id,
        status: input.status,
        from_date: input.date,
        to_date: null,
        reason: input.reason,
        created_at: now,
      })
      .execute();
    await recordAudit(tx, {
      entityType: 'member',
      entityId: id,
      action: 'member.status',
      actorId: caller.accountId,
      scopePath: member.unit_path,
      at: now,
      before: { status: member.status, since: member.status_since },
      after: { status: input.status, since: input.date, reason: input.reason },
    });
  });
}
