// Records a change of status over time (design §3): active, exempt from activities (miễn công tác và
// sinh hoạt đảng: QĐ 24-QĐ/TW 2021 and HD 12-HD/BTCTW 2022, regulations.md §7.1), suspended,
// transferred out, deceased; each with a date and a reason, closing the previous period.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { changeMemberStatusBody } from '../../../shared/contracts/members.js';
import type { MemberStatus } from '../../../shared/vocabulary.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { canChangeStatus } from '../../domain/member-profile.js';
import type { AppContext, Caller } from '../context.js';
import { memberToChange, startStatusPeriod, updateMemberAtVersion } from './member-writes.js';

export async function changeMemberStatus(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: z.infer<typeof changeMemberStatusBody>,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const member = await memberToChange(tx, caller, id);
    if (!canChangeStatus(member.status as MemberStatus, input.status)) throw new AppError('member.invalid_status');
    if (member.status_since && input.date < member.status_since) {
      throw new AppError('member.invalid_status', 'Ngày thay đổi trạng thái không thể trước ngày của trạng thái hiện tại.');
    }
    const now = ctx.clock.now();
    await updateMemberAtVersion(tx, id, input.version, { status: input.status, status_since: input.date }, now);
    await startStatusPeriod(tx, id, input.status, input.date, input.reason, now);
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
