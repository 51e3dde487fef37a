// Files a plan (remediation.file: draft → filed). Allowed once the competent level decided the
// subject's classification (a live classification decided or published; regulations §3.1 bước 8:
// the plan follows the decision) — or, for a member who is not classified this year (newly
// admitted, regulations §2.4 / §9b), once their review is finalized. Every shortcoming the plan
// lists must have at least one item. Filing a collective's plan moves the unit from `published`
// to `remediating` (design §3, UNIT_TRANSITIONS `begin_remediation`) in the same transaction.
import type { RemediationParams, RemediationPlanView } from '../../../shared/contracts/remediation.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import { actorRoles } from '../../domain/campaign-policy.js';
import type { Principal } from '../../domain/policy.js';
import { fileBlocker, uncoveredShortcomings } from '../../domain/remediation-policy.js';
import { transition, UNIT_TRANSITIONS } from '../../domain/workflow.js';
import type { AppContext, Tx } from '../context.js';
import { presentPlan } from './get-remediation.js';
import { decisionFacts, planShortcomings } from './plan-contents.js';
import { businessStamp, findPlanRow, openPlan, type OpenedPlan } from './remediation-access.js';
import { bumpPlan, ensurePlanRow } from './save-remediation.js';

export async function fileRemediation(
  ctx: AppContext,
  principal: Principal,
  params: RemediationParams,
  body: { version: number },
): Promise<RemediationPlanView> {
  const now = ctx.clock.now();
  const opened = await ctx.db.transaction().execute(async (tx) => {
    const p = await openPlan(tx, principal, params);
    if (!p.writer) throw new AppError('auth.forbidden');
    assertCampaignOpen(p.campaign);
    if (body.version !== (p.row?.version ?? 0)) throw new AppError('conflict.version');
    if (p.row?.status === 'filed') throw new AppError('remediation.already_filed');
    const blocker = fileBlocker(await decisionFacts(tx, p.campaign.id, p.subject));
    if (blocker) throw new AppError('remediation.not_decided', blocker);
    const shortcomings = await planShortcomings(tx, p.campaign, p.subject);
    const items = p.row
      ? await tx.selectFrom('remediation_items').select(['shortcoming_id as shortcomingId']).where('plan_id', '=', p.row.id).execute()
      : [];
    const uncovered = uncoveredShortcomings(shortcomings, items);
    if (uncovered.length > 0) {
      throw new AppError(
        'remediation.incomplete',
        `Còn ${uncovered.length} hạn chế, khuyết điểm chưa có biện pháp khắc phục: ${uncovered.map((s) => `"${s.text}"`).join('; ')}.`,
        { shortcomings: uncovered.map((s) => ({ id: s.id, text: s.text })) },
      );
    }
    const row = await ensurePlanRow(tx, p, principal.accountId, now);
    const filedAt = await businessStamp(tx, now);
    const version = await bumpPlan(tx, row, { status: 'filed', filed_at: filedAt }, principal.accountId, now);
    const stage = p.subject.kind === 'unit' ? await beginRemediation(tx, p, principal, now) : null;
    await recordAudit(tx, {
      entityType: 'remediation_plan',
      entityId: row.id,
      action: 'remediation.file',
      actorId: principal.accountId,
      scopePath: p.subject.unitPath,
      at: now,
      isNew: !p.row,
      before: p.row ? { status: p.row.status, version: p.row.version } : null,
      after: {
        status: 'filed',
        filedAt,
        version,
        subjectKind: p.subject.kind,
        subjectKey: p.subject.key,
        items: items.length,
        stage,
        proxy: p.subject.kind === 'member' && p.writer === 'committee',
      },
    });
    return { ...p, row: await findPlanRow(tx, p.campaign.id, p.subject.kind, p.subject.key) };
  });
  return presentPlan(ctx.db, opened, now);
}

/**
 * The unit's stage after its results were published: filing its plan begins remediation (design §3;
 * regulations §3.1 bước 8–9). Taken only from `published` and by a role the table allows; otherwise
 * the stage stays (a plan may be filed before the unit's own result is published, e.g. a chi bộ).
 */
async function beginRemediation(tx: Tx, p: OpenedPlan, principal: Principal, now: string): Promise<string | null> {
  const cu = await tx
    .selectFrom('campaign_units')
    .select(['id', 'stage', 'version', 'unit_path'])
    .where('campaign_id', '=', p.campaign.id)
    .where('unit_id', '=', p.subject.unitId)
    .executeTakeFirst();
  if (!cu || cu.stage !== 'published') return null;
  const outcome = transition(UNIT_TRANSITIONS, 'published', 'begin_remediation', actorRoles(p.caller, { unitPath: cu.unit_path }));
  if (!outcome.ok) return null;
  const updated = await tx
    .updateTable('campaign_units')
    .set({ stage: outcome.to, stage_changed_at: now, stage_reason: null, version: cu.version + 1, updated_at: now })
    .where('id', '=', cu.id)
    .where('stage', '=', 'published')
    .where('version', '=', cu.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict.version');
  await recordAudit(tx, {
    entityType: 'campaign_unit',
    entityId: cu.id,
    action: 'dossier.begin_remediation',
    actorId: principal.accountId,
    scopePath: cu.unit_path,
    at: now,
    before: { stage: 'published', version: cu.version },
    after: { stage: outcome.to, version: cu.version + 1, reason: null },
  });
  return outcome.to;
}
