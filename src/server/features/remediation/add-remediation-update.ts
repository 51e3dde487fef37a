// A progress update on an item of a filed plan (remediation.add-update): a note, the progress in per
// cent, the status, and optionally an evidence file (stored like every attachment, in the database:
// design §3, File). Every update is kept (the item's history through the year, regulations §3.1
// bước 9); the item carries the latest. One transaction with the audit event; optimistic locking on
// the item's version.
import type { RemediationPlanView, RemediationUpdateInput } from '../../../shared/contracts/remediation.js';
import { remediationSubjectKind } from '../../../shared/contracts/remediation.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { storeAttachment } from '../../adapters/db/attachments.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { Principal } from '../../domain/policy.js';
import { updateProblem } from '../../domain/remediation-policy.js';
import type { AppContext, Tx } from '../context.js';
import { presentPlan } from './get-remediation.js';
import { businessStamp, canFollowPlan, findPlanRow, openPlan, type OpenedPlan } from './remediation-access.js';

export interface EvidenceUpload {
  content: Buffer;
  name: string;
  mime: string;
}

/** The item and its plan, opened for the caller; an item the caller may not read is "not found". */
export async function openItem(db: Tx, principal: Principal, campaignId: string, itemId: string) {
  const item = await db
    .selectFrom('remediation_items as i')
    .innerJoin('remediation_plans as p', 'p.id', 'i.plan_id')
    .selectAll('i')
    .select(['p.campaign_id', 'p.subject_kind', 'p.subject_key'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  const kind = remediationSubjectKind.safeParse(item?.subject_kind);
  if (!item || item.campaign_id !== campaignId || !kind.success) throw new AppError('remediation.not_found');
  try {
    const plan = await openPlan(db, principal, { campaignId, subjectKind: kind.data, subjectKey: item.subject_key });
    return { item, plan };
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw new AppError('remediation.not_found');
    throw e;
  }
}

export async function addRemediationUpdate(
  ctx: AppContext,
  principal: Principal,
  params: { campaignId: string; itemId: string },
  input: RemediationUpdateInput,
  file: EvidenceUpload | null,
): Promise<RemediationPlanView> {
  const now = ctx.clock.now();
  const opened: OpenedPlan = await ctx.db.transaction().execute(async (tx) => {
    const { item, plan } = await openItem(tx, principal, params.campaignId, params.itemId);
    if (!plan.writer) throw new AppError('auth.forbidden');
    if (!canFollowPlan(plan))
      throw new AppError('remediation.not_filed', 'Kế hoạch khắc phục chưa được ban hành: chưa thể cập nhật tiến độ.');
    if (input.version !== item.version) throw new AppError('conflict.version');
    const problem = updateProblem(input);
    if (problem) throw new AppError('remediation.invalid_update', problem);
    const updateId = newId();
    // Progress is dated on the committee's business date (the calendar its deadlines are read against).
    const recordedAt = await businessStamp(tx, now);
    const stored = file
      ? await storeAttachment(tx, {
          ownerKind: 'remediation_update',
          ownerId: updateId,
          name: file.name,
          mime: file.mime,
          content: file.content,
          createdBy: principal.accountId,
          at: now,
          maxBytes: ctx.config.maxUploadBytes,
        })
      : null;
    await tx
      .insertInto('remediation_updates')
      .values({
        id: updateId,
        item_id: item.id,
        note: input.note,
        progress_pct: input.progressPct,
        status: input.status,
        file_id: stored?.fileId ?? null,
        created_by: principal.accountId,
        created_at: recordedAt,
      })
      .execute();
    const completedAt = input.status === 'done' ? (item.completed_at ?? recordedAt) : null;
    const updated = await tx
      .updateTable('remediation_items')
      .set({ status: input.status, progress_pct: input.progressPct, completed_at: completedAt, version: item.version + 1, updated_at: now })
      .where('id', '=', item.id)
      .where('version', '=', item.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    await recordAudit(tx, {
      entityType: 'remediation_item',
      entityId: item.id,
      action: 'remediation.update',
      actorId: principal.accountId,
      scopePath: plan.subject.unitPath,
      at: now,
      before: { status: item.status, progressPct: item.progress_pct, version: item.version },
      after: {
        status: input.status,
        progressPct: input.progressPct,
        version: item.version + 1,
        updateId,
        note: input.note,
        evidence: stored ? { attachmentId: stored.id, name: stored.name, size: stored.size } : null,
        proxy: plan.subject.kind === 'member' && plan.writer === 'committee',
      },
    });
    return { ...plan, row: await findPlanRow(tx, plan.campaign.id, plan.subject.kind, plan.subject.key) };
  });
  return presentPlan(ctx.db, opened, now);
}
