// Assigns people to units in bulk: every unit × person × duty of the request (issue 3 item 3: many
// to many; regulations §3.1 bước 1). Idempotent: combinations already there are left as they are.
// One transaction; one audit event per new assignment; each newly assigned person is notified.
import { AppError } from '../../../shared/errors.js';
import { ASSIGNMENT_DUTY_LABELS, type AssignmentDuty } from '../../../shared/campaign-vocabulary.js';
import type { AssignmentsBulkBody } from '../../../shared/contracts/planning.js';
import { recordAuditForNew } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { notify } from '../../adapters/db/notifications.repository.js';
import { newId } from '../../adapters/clock.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import type { CampaignRow } from '../../adapters/db/schema.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { assertAssignees, assertCombinationCount, assertPopulationUnits, type PopulationUnit } from './assignment-rules.js';

export interface AssignmentsChange {
  added: number;
  removed: number;
  unchanged: number;
}

const key = (unitId: string, accountId: string, duty: string) => `${unitId}|${accountId}|${duty}`;

/** Existing combinations among the request's units, people and duties. */
export async function existingAssignments(
  tx: Tx,
  campaignId: string,
  input: AssignmentsBulkBody,
): Promise<{ id: string; unit_id: string; account_id: string; duty: string }[]> {
  const out: { id: string; unit_id: string; account_id: string; duty: string }[] = [];
  for (let i = 0; i < input.unitIds.length; i += 500) {
    out.push(
      ...(await tx
        .selectFrom('assignments')
        .select(['id', 'unit_id', 'account_id', 'duty'])
        .where('campaign_id', '=', campaignId)
        .where('unit_id', 'in', input.unitIds.slice(i, i + 500))
        .where('account_id', 'in', input.accountIds)
        .where('duty', 'in', input.duties)
        .execute()),
    );
  }
  return out;
}

/**
 * A bulk change of assignments: the organizer or standing role of an open campaign, a request of at
 * most MAX_COMBINATIONS combinations, then `change` in one transaction with the campaign and the time.
 */
export async function changeAssignments(
  ctx: AppContext,
  principal: Caller,
  campaignId: string,
  input: AssignmentsBulkBody,
  change: (tx: Tx, campaign: CampaignRow, now: string) => Promise<AssignmentsChange>,
): Promise<AssignmentsChange> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  if (!canManageCampaign(caller, campaign.owner_path)) throw new AppError('auth.forbidden');
  assertCampaignOpen(campaign);
  assertCombinationCount(input.unitIds.length, input.accountIds.length, input.duties.length);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute((tx) => change(tx, campaign, now));
}

/** "Đảng bộ phường Bắc Hà (Chỉ đạo, hướng dẫn; Dự hội nghị)", at most 15 units, then "và N đơn vị khác". */
function assignmentNotice(units: { unit: PopulationUnit; duties: AssignmentDuty[] }[]): string {
  const shown = units.slice(0, 15).map((u) => `${u.unit.name} (${u.duties.map((d) => ASSIGNMENT_DUTY_LABELS[d]).join('; ')})`);
  const more = units.length > shown.length ? `; và ${units.length - shown.length} đơn vị khác` : '';
  return `${shown.join('; ')}${more}.`;
}

export async function setAssignments(
  ctx: AppContext,
  principal: Caller,
  campaignId: string,
  input: AssignmentsBulkBody,
): Promise<AssignmentsChange> {
  return changeAssignments(ctx, principal, campaignId, input, async (tx, campaign, now) => {
    await assertAssignees(tx, campaign.owner_path, input.accountIds);
    const units = await assertPopulationUnits(tx, campaign.id, input.unitIds);
    const existing = new Set((await existingAssignments(tx, campaign.id, input)).map((r) => key(r.unit_id, r.account_id, r.duty)));
    const rows = [];
    for (const unitId of input.unitIds)
      for (const accountId of input.accountIds)
        for (const duty of input.duties) {
          if (existing.has(key(unitId, accountId, duty))) continue;
          rows.push({
            id: newId(),
            campaign_id: campaign.id,
            unit_id: unitId,
            account_id: accountId,
            duty,
            created_by: principal.accountId,
            created_at: now,
          });
        }
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('assignments')
        .values(rows.slice(i, i + 500))
        .execute();
    await recordAuditForNew(
      tx,
      rows.map((r) => ({
        entityType: 'assignment',
        entityId: r.id,
        action: 'assignment.create',
        actorId: principal.accountId,
        scopePath: units.get(r.unit_id)!.path,
        at: now,
        after: { campaignId: campaign.id, unitId: r.unit_id, accountId: r.account_id, duty: r.duty },
      })),
    );
    // Issue 3 item 9: in-app notice on assignment, one per person with the units newly given.
    const byAccount = new Map<string, Map<string, AssignmentDuty[]>>();
    for (const r of rows) {
      const perUnit = byAccount.get(r.account_id) ?? new Map<string, AssignmentDuty[]>();
      perUnit.set(r.unit_id, [...(perUnit.get(r.unit_id) ?? []), r.duty as AssignmentDuty]);
      byAccount.set(r.account_id, perUnit);
    }
    for (const [accountId, perUnit] of byAccount) {
      const list = [...perUnit].map(([unitId, duties]) => ({ unit: units.get(unitId)!, duties }));
      await notify(tx, {
        accountIds: [accountId],
        kind: 'assignment',
        title: `Đồng chí được phân công phụ trách ${list.length} đơn vị — ${campaign.title}`,
        body: assignmentNotice(list),
        // The campaign's page in the browser app (PATHS.campaign).
        link: `/kiem-diem/${campaign.id}`,
        campaignId: campaign.id,
        at: now,
      });
    }
    return { added: rows.length, removed: 0, unchanged: existing.size };
  });
}
