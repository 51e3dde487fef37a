// Edits a member's profile with optimistic locking; derived name columns follow the names.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { updateMemberBody } from '../../../shared/contracts/members.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { memberUpdateColumns, profileOf, replaceNameWords } from '../../adapters/db/members.repository.js';
import { assertUpdated } from '../../adapters/db/org-units.repository.js';
import { canReadMember, canWriteMember } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { assertCardFree, assertProfile, profileFromInput } from './create-member.js';
import { memberSnapshot } from './present-member.js';

export async function updateMember(ctx: AppContext, caller: Caller, id: string, input: z.infer<typeof updateMemberBody>): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const member = await tx.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
    if (!member || !canReadMember(caller, { id, unitPath: member.unit_path })) throw new AppError('member.not_found');
    if (!canWriteMember(caller, { unitPath: member.unit_path })) throw new AppError('auth.forbidden');
    const patch = profileFromInput(input);
    const merged = { ...profileOf(member), ...patch };
    assertProfile(merged);
    if (patch.cardNumber !== undefined && patch.cardNumber !== member.card_number) await assertCardFree(tx, patch.cardNumber, id);
    const columns = memberUpdateColumns(profileOf(member), patch);
    const now = ctx.clock.now();
    const result = await tx
      .updateTable('members')
      .set({ ...columns, version: input.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertUpdated(result);
    if (columns.name_search !== member.name_search) await replaceNameWords(tx, id, columns.name_search);
    await recordAudit(tx, {
      entityType: 'member',
      entityId: id,
      action: 'member.update',
      actorId: caller.accountId,
      scopePath: member.unit_path,
      at: now,
      before: memberSnapshot(member),
      after: memberSnapshot({ ...member, ...columns }),
    });
  });
}
