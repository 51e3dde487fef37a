// Edits a member's profile with optimistic locking; derived name columns follow the names.
import type { z } from 'zod';
import type { updateMemberBody } from '../../../shared/contracts/members.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { memberUpdateColumns, profileOf } from '../../adapters/db/members.repository.js';
import type { AppContext, Caller } from '../context.js';
import { memberToChange, updateMemberAtVersion } from './member-writes.js';
import { assertCardFree, assertProfile, profileFromInput } from './create-member.js';
import { memberSnapshot } from './present-member.js';

export async function updateMember(ctx: AppContext, caller: Caller, id: string, input: z.infer<typeof updateMemberBody>): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const member = await memberToChange(tx, caller, id);
    const patch = profileFromInput(input);
    const merged = { ...profileOf(member), ...patch };
    assertProfile(merged);
    if (patch.cardNumber !== undefined && patch.cardNumber !== member.card_number) await assertCardFree(tx, patch.cardNumber, id);
    const columns = memberUpdateColumns(profileOf(member), patch);
    const now = ctx.clock.now();
    await updateMemberAtVersion(tx, id, input.version, columns, now);
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
