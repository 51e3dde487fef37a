// Saves a plan's items (remediation.save): every item is checked (an action, who carries it out, a
// real deadline, tied to one of the plan's shortcomings); one bad item refuses the whole save with
// 422 and every problem named, and nothing is written. Items are matched by id: changed in place,
// added, or dropped (never one with progress updates). One transaction with the audit event;
// optimistic locking on the plan's version.
import type { RemediationParams, RemediationPlanView, SaveRemediationBody } from '../../../shared/contracts/remediation.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import { isUniqueViolation } from '../../adapters/db/dialect.js';
import type { Principal } from '../../domain/policy.js';
import { checkPlanItems, uncoveredShortcomings } from '../../domain/remediation-policy.js';
import type { AppContext, Tx } from '../context.js';
import { presentPlan } from './get-remediation.js';
import { planShortcomings } from './plan-contents.js';
import { findPlanRow, openPlan, type OpenedPlan, type PlanRow } from './remediation-access.js';

/** The plan's row, created at version 1 on its first write (two first saves at once: one wins, the other conflicts). */
export async function ensurePlanRow(tx: Tx, p: OpenedPlan, accountId: string, now: string): Promise<PlanRow> {
  if (p.row) return p.row;
  const row: PlanRow = {
    id: newId(),
    campaign_id: p.campaign.id,
    subject_kind: p.subject.kind,
    subject_key: p.subject.key,
    unit_id: p.subject.unitId,
    member_id: p.subject.memberId,
    scope_path: p.subject.unitPath,
    status: 'draft',
    filed_at: null,
    reported_at: null,
    updated_by: accountId,
    version: 0,
    created_at: now,
    updated_at: now,
  };
  try {
    await tx.insertInto('remediation_plans').values(row).execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict.version');
    throw e;
  }
  return row;
}

/** Moves the plan to the next version if nobody else did in between; returns the new version. */
export async function bumpPlan(
  tx: Tx,
  row: PlanRow,
  set: { status?: string; filed_at?: string | null; reported_at?: string | null },
  accountId: string,
  now: string,
): Promise<number> {
  const next = row.version + 1;
  const updated = await tx
    .updateTable('remediation_plans')
    .set({ ...set, version: next, updated_by: accountId, updated_at: now })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict.version');
  return next;
}

export async function saveRemediation(
  ctx: AppContext,
  principal: Principal,
  params: RemediationParams,
  body: SaveRemediationBody,
): Promise<RemediationPlanView> {
  const now = ctx.clock.now();
  const opened = await ctx.db.transaction().execute(async (tx) => {
    const p = await openPlan(tx, principal, params);
    if (!p.writer) throw new AppError('auth.forbidden');
    assertCampaignOpen(p.campaign);
    if (body.version !== (p.row?.version ?? 0)) throw new AppError('conflict.version');
    const shortcomings = await planShortcomings(tx, p.campaign, p.subject);
    const existing = p.row
      ? await tx.selectFrom('remediation_items').selectAll().where('plan_id', '=', p.row.id).orderBy('position').execute()
      : [];
    const withUpdates = existing.length
      ? await tx
          .selectFrom('remediation_updates')
          .select('item_id')
          .distinct()
          .where(
            'item_id',
            'in',
            existing.map((i) => i.id),
          )
          .execute()
      : [];
    const { items, problems } = checkPlanItems({
      drafts: body.items,
      shortcomingIds: new Set(shortcomings.map((s) => s.id)),
      existingIds: new Set(existing.map((i) => i.id)),
      withUpdates: new Set(withUpdates.map((u) => u.item_id)),
      reviewYear: p.campaign.review_year,
    });
    if (problems.length > 0) {
      throw new AppError('remediation.invalid_items', `Kế hoạch khắc phục chưa hợp lệ: ${problems.map((x) => x.message).join(' ')}`, {
        problems,
      });
    }
    // A filed plan may be amended during the year, but never so that a shortcoming is left without
    // an item (the rule filing enforces).
    if (p.row?.status === 'filed') {
      const uncovered = uncoveredShortcomings(shortcomings, items);
      if (uncovered.length > 0) {
        throw new AppError(
          'remediation.incomplete',
          `Kế hoạch đã ban hành: còn ${uncovered.length} hạn chế, khuyết điểm sẽ không có biện pháp khắc phục: ${uncovered.map((x) => `"${x.text}"`).join('; ')}.`,
          { shortcomings: uncovered.map((x) => ({ id: x.id, text: x.text })) },
        );
      }
    }
    const row = await ensurePlanRow(tx, p, principal.accountId, now);
    const version = await bumpPlan(tx, row, {}, principal.accountId, now);

    const keep = new Set(items.map((i) => i.id).filter((x): x is string => Boolean(x)));
    const dropped = existing.filter((e) => !keep.has(e.id));
    if (dropped.length > 0) {
      await tx
        .deleteFrom('remediation_items')
        .where(
          'id',
          'in',
          dropped.map((d) => d.id),
        )
        .execute();
    }
    const byId = new Map(existing.map((e) => [e.id, e]));
    const written: { id: string; shortcomingId: string | null; action: string; owner: string; deadline: string }[] = [];
    for (const [index, item] of items.entries()) {
      const position = index + 1;
      const old = item.id ? byId.get(item.id) : undefined;
      if (old) {
        const changed =
          old.position !== position ||
          old.action !== item.action ||
          old.owner !== item.owner ||
          old.deadline !== item.deadline ||
          old.shortcoming_id !== item.shortcomingId;
        if (changed) {
          const r = await tx
            .updateTable('remediation_items')
            .set({
              position,
              action: item.action,
              owner: item.owner,
              deadline: item.deadline,
              shortcoming_id: item.shortcomingId,
              version: old.version + 1,
              updated_at: now,
            })
            .where('id', '=', old.id)
            .where('version', '=', old.version)
            .executeTakeFirst();
          // A progress update written meanwhile bumped the item: this save read a stale copy.
          if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict.version');
        }
        written.push({ id: old.id, shortcomingId: item.shortcomingId, action: item.action, owner: item.owner, deadline: item.deadline });
      } else {
        const id = newId();
        await tx
          .insertInto('remediation_items')
          .values({
            id,
            plan_id: row.id,
            shortcoming_id: item.shortcomingId,
            scope_path: p.subject.unitPath,
            position,
            action: item.action,
            owner: item.owner,
            deadline: item.deadline,
            status: 'planned',
            progress_pct: 0,
            completed_at: null,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        written.push({ id, shortcomingId: item.shortcomingId, action: item.action, owner: item.owner, deadline: item.deadline });
      }
    }
    await recordAudit(tx, {
      entityType: 'remediation_plan',
      entityId: row.id,
      action: 'remediation.save',
      actorId: principal.accountId,
      scopePath: p.subject.unitPath,
      at: now,
      isNew: !p.row,
      before: p.row ? { version: p.row.version, items: existing.map((e) => ({ id: e.id, action: e.action, deadline: e.deadline })) } : null,
      after: {
        version,
        subjectKind: p.subject.kind,
        subjectKey: p.subject.key,
        items: written,
        removed: dropped.map((d) => d.id),
        // A member's plan written by the chi bộ secretary or the unit committee on their behalf.
        proxy: p.subject.kind === 'member' && p.writer === 'committee',
      },
    });
    return { ...p, row: await findPlanRow(tx, p.campaign.id, p.subject.kind, p.subject.key) };
  });
  return presentPlan(ctx.db, opened, now);
}
