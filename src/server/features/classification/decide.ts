// Decisions in batches (issue 4 item 5; regulations §2.5, §3.1 bước 6 B3, §11.5 item 10): the
// competent level (authority.ts) decides a batch of proposals under one decision number and date,
// with its own conclusions on each subject. The checks are run again with the batch's levels;
// deciding against a failed check needs a written reason, which is kept on the classification and
// in its audit event (regulations §9 "Quota check per scope, with an audit trail when the competent
// level overrides"). Each row is written `WHERE id AND version`: of two deciders deciding the same
// subject at once, one wins and the other gets conflict.version, and its whole batch rolls back.
import type { DecideBody, DecisionView, OverrideProblem } from '../../../shared/contracts/classification.js';
import type { DecisionKind } from '../../../shared/campaign-vocabulary.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit, recordAuditMany, type AuditInput } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import { sameBody, type DecidingBody } from '../../domain/classification/authority.js';
import { mayDecide } from '../../domain/classification/policy.js';
import type { CheckResult } from '../../domain/classification/types.js';
import { isWithinPath, pathIds } from '../../domain/org-tree.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { boardScope, check, failedFor, loadAccess, loadScope, type CheckedScope } from './classification-access.js';
import { getDecision } from './decisions.js';
import { subjectId, type SubjectMeta } from './load-subjects.js';
import { advanceStages, completeUnits } from './unit-stages.js';

/**
 * The failed checks of each subject at its new level, and the subjects whose failures have no
 * written reason: those refuse the whole batch with the rules they fail (422).
 */
export function overrides(
  checked: CheckedScope,
  items: readonly { meta: SubjectMeta; overrideReason: string | null }[],
): { failed: Map<string, CheckResult[]>; problems: OverrideProblem[] } {
  const failed = new Map<string, CheckResult[]>();
  const problems: OverrideProblem[] = [];
  for (const { meta, overrideReason } of items) {
    const f = failedFor(checked, meta.kind, meta.key);
    failed.set(subjectId(meta.kind, meta.key), f);
    if (f.length > 0 && !overrideReason) {
      problems.push({
        subjectKind: meta.kind,
        subjectKey: meta.key,
        name: meta.name,
        failed: f.map((r) => ({ ruleId: r.ruleId, explanation: r.explanation })),
      });
    }
  }
  return { failed, problems };
}

export function overrideRefusal(problems: OverrideProblem[]): AppError {
  const names = problems.slice(0, 5).map((p) => `${p.name} (${p.failed.map((f) => f.ruleId).join(', ')})`);
  const more = problems.length > 5 ? ` và ${problems.length - 5} trường hợp khác` : '';
  return new AppError(
    'classification.override_reason_required',
    `Mức xếp loại trái với kết quả kiểm tra theo quy định; cần ghi rõ lý do cho: ${names.join('; ')}${more}.`,
    { items: problems },
  );
}

/** The unit a deciding body acts for: the last id of its path. */
export const bodyUnitId = (body: DecidingBody) => pathIds(body.unitPath).at(-1)!;

export async function decide(ctx: AppContext, principal: Principal, campaignId: string, body: DecideBody): Promise<DecisionView> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  assertCampaignOpen(access.campaign);
  const { unit, scopePath } = await boardScope(ctx.db, access, body.unitId);
  const scope = await loadScope(ctx.db, access, scopePath);

  const items: {
    meta: SubjectMeta;
    level: DecideBody['items'][number]['level'];
    version: number;
    conclusion: string | null;
    shortcomings: string[];
    overrideReason: string | null;
  }[] = [];
  let deciding: DecidingBody | null = null;
  let kind: DecisionKind | null = null;
  const seen = new Set<string>();
  for (const item of body.items) {
    const k = subjectId(item.subjectKind, item.subjectKey);
    const meta = scope.meta.get(k);
    if (!meta || !isWithinPath(meta.unitPath, unit.path)) throw new AppError('campaign.not_in_population');
    if (seen.has(k)) throw new AppError('request.invalid', `${meta.name} có mặt hai lần trong quyết định.`);
    seen.add(k);
    if (!meta.body || !mayDecide(access.caller.grants, meta.authority)) throw new AppError('auth.forbidden');
    // One decision is one body's, about members or about organizations (DECISION_KINDS).
    const itemKind: DecisionKind = meta.kind === 'member' ? 'members' : 'units';
    if ((deciding && !sameBody(deciding, meta.body)) || (kind && kind !== itemKind)) throw new AppError('classification.mixed_batch');
    deciding = meta.body;
    kind = itemKind;
    // A stale version first: of two deciders, the later one learns that someone else wrote first.
    if (meta.live && meta.live.version !== item.version) throw new AppError('conflict.version');
    if (!meta.live || meta.live.status !== 'proposed') {
      throw new AppError(
        'classification.invalid_transition',
        meta.live && meta.live.status !== 'self_assessed'
          ? `Mức xếp loại của ${meta.name} đã được quyết định.`
          : `${meta.name} chưa được đề xuất mức xếp loại.`,
      );
    }
    items.push({
      meta,
      level: item.level,
      version: item.version,
      conclusion: item.conclusion?.trim() ? item.conclusion.trim() : null,
      shortcomings: (item.shortcomings ?? []).map((t) => t.trim()).filter((t) => t !== ''),
      overrideReason: item.overrideReason?.trim() ? item.overrideReason.trim() : null,
    });
  }
  if (!deciding || !kind) throw new AppError('request.invalid');

  for (const i of items) scope.bySubject.get(subjectId(i.meta.kind, i.meta.key))!.level = i.level;
  const checked = check(access, scope);
  const { failed, problems } = overrides(checked, items);
  if (problems.length > 0) throw overrideRefusal(problems);

  const now = ctx.clock.now();
  const decisionId = newId();
  const decidingUnitId = bodyUnitId(deciding);
  const decidingPath = deciding.unitPath;
  const decisionKind = kind;
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('decisions')
      .values({
        id: decisionId,
        campaign_id: access.campaign.id,
        deciding_unit_id: decidingUnitId,
        scope_path: decidingPath,
        kind: decisionKind,
        number: body.number,
        decision_date: body.date,
        signer_name: body.signerName?.trim() || null,
        signer_title: body.signerTitle?.trim() || null,
        status: 'issued',
        published_at: null,
        created_by: principal.accountId,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const audits: AuditInput[] = [];
    for (const i of items) {
      const live = i.meta.live!;
      const f = failed.get(subjectId(i.meta.kind, i.meta.key)) ?? [];
      const res = await tx
        .updateTable('classifications')
        .set({
          status: 'decided',
          decided_level: i.level,
          decision_id: decisionId,
          decision_number: body.number,
          decision_date: body.date,
          decided_by: principal.accountId,
          decided_at: now,
          conclusion: i.conclusion,
          override_reason: f.length > 0 ? i.overrideReason : null,
          checks_json: JSON.stringify(checked.results.get(subjectId(i.meta.kind, i.meta.key)) ?? []),
          version: live.version + 1,
          updated_at: now,
        })
        .where('id', '=', live.id)
        .where('version', '=', i.version)
        .where('status', '=', 'proposed')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict.version');
      audits.push({
        entityType: 'classification',
        entityId: live.id,
        action: 'classification.decide',
        actorId: principal.accountId,
        scopePath: i.meta.unitPath,
        at: now,
        before: { status: 'proposed', proposedLevel: live.proposedLevel, version: live.version },
        after: {
          status: 'decided',
          decidedLevel: i.level,
          decisionId,
          decisionNumber: body.number,
          decisionDate: body.date,
          conclusion: i.conclusion,
          // Deciding against a failed check is audited with its reason and the rules it overrides.
          override:
            f.length > 0 ? { reason: i.overrideReason, rules: f.map((r) => ({ ruleId: r.ruleId, explanation: r.explanation })) } : null,
          version: live.version + 1,
        },
      });
      live.status = 'decided';
      live.decidedLevel = i.level;
      live.version += 1;
    }
    // The deciding level's concluded shortcomings, found in the review year (regulations §3.1 bước
    // 6 B3, bước 8): next year's carry-over and this year's remediation plan list them.
    const concluded = items.flatMap((i) =>
      i.shortcomings.map((text) => ({
        id: newId(),
        subject_kind: i.meta.kind,
        subject_key: i.meta.key,
        unit_id: i.meta.unitId,
        member_id: i.meta.memberId,
        scope_path: i.meta.unitPath,
        campaign_id: access.campaign.id,
        year_found: access.campaign.review_year,
        text,
        cause_kind: null,
        cause: null,
        source: 'concluded_decision',
        resolved_year: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    for (let k = 0; k < concluded.length; k += 500) {
      await tx
        .insertInto('shortcomings')
        .values(concluded.slice(k, k + 500))
        .execute();
    }
    await recordAuditMany(
      tx,
      concluded.map((c) => ({
        entityType: 'shortcoming',
        entityId: c.id,
        action: 'shortcoming.conclude',
        actorId: principal.accountId,
        scopePath: c.scope_path,
        at: now,
        isNew: true,
        after: { subjectKind: c.subject_kind, subjectKey: c.subject_key, text: c.text, source: c.source, decisionId },
      })),
    );
    await recordAuditMany(tx, audits);
    await recordAudit(tx, {
      entityType: 'decision',
      entityId: decisionId,
      action: 'decision.issue',
      actorId: principal.accountId,
      scopePath: decidingPath,
      at: now,
      isNew: true,
      after: {
        kind: decisionKind,
        number: body.number,
        date: body.date,
        signerName: body.signerName ?? null,
        signerTitle: body.signerTitle ?? null,
        items: items.length,
        overrides: items.filter((i) => (failed.get(subjectId(i.meta.kind, i.meta.key)) ?? []).length > 0).length,
      },
    });
    await advanceStages(tx, {
      campaignId: access.campaign.id,
      unitIds: completeUnits(scope, new Set(items.map((i) => i.meta.unitId)), 'decide'),
      action: 'decide',
      caller: access.campaignCaller,
      actorId: principal.accountId,
      now,
    });
  });
  return getDecision(ctx, access, decisionId);
}
