// Removes assignments in bulk: every unit × person × duty of the request that exists (issue 3
// item 3). One transaction, one audit event per removed assignment.
import type { AssignmentsBulkBody } from '../../../shared/contracts/planning.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext, Caller } from '../context.js';
import { changeAssignments, existingAssignments, type AssignmentsChange } from './set-assignments.js';

export async function removeAssignments(
  ctx: AppContext,
  principal: Caller,
  campaignId: string,
  input: AssignmentsBulkBody,
): Promise<AssignmentsChange> {
  return changeAssignments(ctx, principal, campaignId, input, async (tx, campaign, now) => {
    const rows = await existingAssignments(tx, campaign.id, input);
    const paths = new Map<string, string>();
    const unitIds = [...new Set(rows.map((r) => r.unit_id))];
    for (let i = 0; i < unitIds.length; i += 500) {
      const us = await tx
        .selectFrom('org_units')
        .select(['id', 'path'])
        .where('id', 'in', unitIds.slice(i, i + 500))
        .execute();
      for (const u of us) paths.set(u.id, u.path);
    }
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500)
      await tx
        .deleteFrom('assignments')
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    for (const r of rows) {
      await recordAudit(tx, {
        entityType: 'assignment',
        entityId: r.id,
        action: 'assignment.delete',
        actorId: principal.accountId,
        scopePath: paths.get(r.unit_id) ?? campaign.owner_path,
        at: now,
        before: { campaignId: campaign.id, unitId: r.unit_id, accountId: r.account_id, duty: r.duty },
      });
    }
    const requested = input.unitIds.length * input.accountIds.length * input.duties.length;
    return { added: 0, removed: rows.length, unchanged: requested - rows.length };
  });
}
