// A member's history, for those who may see the member and read audit history in their unit.
import { AppError } from '../../../shared/errors.js';
import type { AuditEntry } from '../../../shared/contracts/audit.js';
import { canReadAudit, canReadMember } from '../../domain/policy.js';
import { listEntityHistory } from '../audit/list-entity-history.js';
import type { AppContext, Caller } from '../context.js';

export async function getMemberHistory(ctx: AppContext, caller: Caller, id: string): Promise<{ items: AuditEntry[] }> {
  const member = await ctx.db.selectFrom('members').select(['id', 'unit_path']).where('id', '=', id).executeTakeFirst();
  if (!member || !canReadMember(caller, { id, unitPath: member.unit_path })) throw new AppError('member.not_found');
  if (!canReadAudit(caller, member.unit_path)) throw new AppError('auth.forbidden');
  return { items: await listEntityHistory(ctx, caller, 'member', id) };
}
