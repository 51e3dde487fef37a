// One step of the unit's path (design §3): checked by the workflow table (domain/workflow.ts), then
// persisted as UPDATE campaign_units … WHERE id, stage and version match, together with the audit
// event carrying its reason, in one transaction. Every dossier transition goes through here.
import type { Updateable } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { UnitAction, UnitStage } from '../../../shared/campaign-vocabulary.js';
import type { DossierView } from '../../../shared/contracts/dossiers.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import type { CampaignUnitTable } from '../../adapters/db/schema.js';
import { transition, UNIT_TRANSITIONS } from '../../domain/workflow.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { loadDossier, refusal, type LoadedDossier } from './dossier-access.js';
import { getDossier } from './get-dossier.js';

export interface DossierStep {
  action: UnitAction;
  /** The version the caller read (optimistic locking). */
  version: number;
  reason?: string | null;
  /** Checks and writes before the stage moves, in the transaction (a refusal rolls everything back). */
  prepare?: (tx: Tx, d: LoadedDossier, now: string) => Promise<void>;
  /** Columns the step sets besides the stage (submitted_at, cleared_at, appraisal_round). */
  columns?: (d: LoadedDossier, now: string) => Updateable<CampaignUnitTable>;
  /** Writes after the stage moved, in the transaction; what it returns joins the audit event. */
  after?: (tx: Tx, d: LoadedDossier, now: string, to: UnitStage) => Promise<Record<string, unknown> | void>;
}

/** Checks the step against the table for the caller; returns the stage it leads to. */
export function checkStep(d: LoadedDossier, action: UnitAction, reason: string | null | undefined): UnitStage {
  const outcome = transition(UNIT_TRANSITIONS, d.dossier.stage, action, d.roles, {
    needsAppraisal: d.dossier.needs_appraisal === 1,
    reason: reason ?? null,
  });
  if (!outcome.ok) throw refusal(outcome.problem, action, d.dossier);
  return outcome.to;
}

export async function applyDossierStep(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  step: DossierStep,
): Promise<DossierView> {
  const d = await loadDossier(ctx.db, caller, campaignId, unitId);
  assertCampaignOpen(d.campaign);
  const reason = step.reason?.trim() ? step.reason.trim() : null;
  const to = checkStep(d, step.action, reason);
  if (step.version !== d.dossier.version) throw new AppError('conflict.version');
  const now = ctx.clock.now();
  const from = d.dossier.stage;

  await ctx.db.transaction().execute(async (tx) => {
    await step.prepare?.(tx, d, now);
    const updated = await tx
      .updateTable('campaign_units')
      .set({
        ...(step.columns?.(d, now) ?? {}),
        stage: to,
        stage_changed_at: now,
        stage_reason: reason,
        version: d.dossier.version + 1,
        updated_at: now,
      })
      .where('id', '=', d.dossier.id)
      .where('stage', '=', from)
      .where('version', '=', d.dossier.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    const extra = (await step.after?.(tx, d, now, to)) ?? {};
    await recordAudit(tx, {
      entityType: 'campaign_unit',
      entityId: d.dossier.id,
      action: `dossier.${step.action}`,
      actorId: caller.accountId,
      scopePath: d.dossier.unit_path,
      at: now,
      before: { stage: from, version: d.dossier.version },
      after: { stage: to, version: d.dossier.version + 1, reason, ...extra },
    });
  });
  return getDossier(ctx, caller, campaignId, unitId);
}
