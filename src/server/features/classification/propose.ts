// Proposals (issue 4 item 4; regulations §2.5 column "Proposes", §3.1 bước 6 B2): the proposing body
// writes the live classification of each subject at `proposed` — for a member the level the chi
// bộ's vote tally proposes (regulations §9b), which it may change with a written reason — with the
// self level of the review, the tally, the checks run at that moment and the quota group. A unit
// whose subjects are all proposed moves conference_held → proposed (unit-stages.ts).
import type { Insertable } from 'kysely';
import { POPULATION_REASON_LABELS, type Level, type PopulationReason } from '../../../shared/campaign-vocabulary.js';
import type { ProposeBody, ProposeResponse } from '../../../shared/contracts/classification.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAuditMany, type AuditInput } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import { isUniqueViolation } from '../../adapters/db/dialect.js';
import { mayPropose } from '../../domain/classification/policy.js';
import { isWithinPath } from '../../domain/org-tree.js';
import type { Principal } from '../../domain/policy.js';
import type { ClassificationTable } from '../../adapters/db/schema.js';
import type { AppContext } from '../context.js';
import { PROPOSABLE } from './board.js';
import { boardScope, check, loadAccess, loadScope } from './classification-access.js';
import { subjectId, type SubjectMeta } from './load-subjects.js';
import { advanceStages, completeUnits } from './unit-stages.js';

interface Planned {
  meta: SubjectMeta;
  level: Level;
  reason: string | null;
  version: number;
}

/** Stages at which the unit's conference has been held (design §3). */
const AFTER_CONFERENCE: ReadonlySet<string> = new Set(['conference_held', 'proposed', 'decided', 'published', 'remediating', 'closed']);

export async function propose(ctx: AppContext, principal: Principal, campaignId: string, body: ProposeBody): Promise<ProposeResponse> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  assertCampaignOpen(access.campaign);
  const { unit, scopePath } = await boardScope(ctx.db, access, body.unitId);
  const scope = await loadScope(ctx.db, access, scopePath);

  const planned: Planned[] = [];
  const seen = new Set<string>();
  for (const item of body.items) {
    const k = subjectId(item.subjectKind, item.subjectKey);
    const meta = scope.meta.get(k);
    if (!meta || !isWithinPath(meta.unitPath, unit.path)) throw new AppError('campaign.not_in_population');
    if (seen.has(k)) throw new AppError('request.invalid', `${meta.name} có mặt hai lần trong danh sách đề xuất.`);
    seen.add(k);
    if (!mayPropose(access.caller, meta.authority)) throw new AppError('auth.forbidden');
    // R7, R8 (regulations §2.4): members left out of the population, or newly admitted, are not classified.
    if (!meta.included || !meta.classified) {
      throw new AppError(
        'classification.not_classifiable',
        `${meta.name} không thuộc diện xếp loại trong đợt này${meta.populationReason ? ` (${reasonLabel(meta.populationReason)})` : ''}.`,
      );
    }
    // The proposal follows the meeting (regulations §3.1 bước 5–6; design §3: conference_held →
    // proposed): a subject is proposed once the unit that reviews it has held its conference.
    const stage = scope.units.get(meta.unitId)?.stage;
    if (!stage || !AFTER_CONFERENCE.has(stage)) {
      throw new AppError(
        'classification.invalid_transition',
        `${meta.unitName} chưa tổ chức xong hội nghị kiểm điểm; chưa thể đề xuất mức xếp loại cho ${meta.name}.`,
      );
    }
    if (item.version !== (meta.live?.version ?? 0)) throw new AppError('conflict.version');
    if (meta.live && !PROPOSABLE.has(meta.live.status)) {
      throw new AppError('classification.invalid_transition', `Mức xếp loại của ${meta.name} đã được quyết định; không thể đề xuất lại.`);
    }
    const tallied = meta.tally?.proposedLevel ?? null;
    const level = item.level ?? tallied;
    if (!level) {
      throw new AppError(
        'classification.no_tally',
        meta.kind === 'member'
          ? `Chưa có kết quả biểu quyết của chi bộ đối với ${meta.name}; hãy chọn mức đề xuất và ghi lý do.`
          : `Hãy chọn mức đề xuất cho ${meta.name}.`,
      );
    }
    const reason = item.reason?.trim() ? item.reason.trim() : null;
    // The chi bộ proposes "after discussion and a vote" (regulations §2.5): a member's proposal that
    // departs from the tally, or is made without one, says why.
    if (meta.kind === 'member' && level !== tallied && !reason) {
      throw new AppError(
        'classification.proposal_reason_required',
        tallied
          ? `Mức đề xuất cho ${meta.name} khác với kết quả biểu quyết của chi bộ; cần ghi rõ lý do.`
          : `Chưa có kết quả biểu quyết của chi bộ đối với ${meta.name}; cần ghi rõ lý do đề xuất.`,
      );
    }
    planned.push({ meta, level, reason, version: item.version });
  }

  // The checks at the moment of the proposal, with every proposed level of the batch in place.
  for (const p of planned) {
    const s = scope.bySubject.get(subjectId(p.meta.kind, p.meta.key))!;
    if (!p.meta.live?.decidedLevel) s.level = p.level;
  }
  const checked = check(access, scope);
  const now = ctx.clock.now();

  return ctx.db.transaction().execute(async (tx) => {
    const out: ProposeResponse['items'] = [];
    const audits: AuditInput[] = [];
    const inserts: Insertable<ClassificationTable>[] = [];
    for (const p of planned) {
      const { meta } = p;
      const s = scope.bySubject.get(subjectId(meta.kind, meta.key))!;
      const columns = {
        status: 'proposed',
        proposed_level: p.level,
        proposal_reason: p.reason,
        self_level: meta.selfLevel,
        self_score: meta.selfScore,
        tally_id: meta.tally?.id ?? null,
        checks_json: JSON.stringify(checked.results.get(subjectId(meta.kind, meta.key)) ?? []),
        group_key: s.groupKey,
        proposed_by: principal.accountId,
        proposed_at: now,
        updated_at: now,
      };
      let id: string;
      let version: number;
      if (meta.live) {
        const res = await tx
          .updateTable('classifications')
          .set({ ...columns, version: meta.live.version + 1 })
          .where('id', '=', meta.live.id)
          .where('version', '=', meta.live.version)
          .where('status', 'in', [...PROPOSABLE])
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict.version');
        id = meta.live.id;
        version = meta.live.version + 1;
      } else {
        id = newId();
        version = 1;
        inserts.push({
          id,
          campaign_id: access.campaign.id,
          subject_kind: meta.kind,
          subject_key: meta.key,
          unit_id: meta.unitId,
          member_id: meta.memberId,
          scope_path: meta.unitPath,
          ...columns,
          version: 1,
          created_at: now,
        });
      }
      audits.push({
        entityType: 'classification',
        entityId: id,
        action: 'classification.propose',
        actorId: principal.accountId,
        scopePath: meta.unitPath,
        at: now,
        isNew: !meta.live,
        before: meta.live ? { status: meta.live.status, proposedLevel: meta.live.proposedLevel, version: meta.live.version } : undefined,
        after: {
          subjectKind: meta.kind,
          subjectKey: meta.key,
          status: 'proposed',
          proposedLevel: p.level,
          tallyLevel: meta.tally?.proposedLevel ?? null,
          reason: p.reason,
          failedRules: (checked.results.get(subjectId(meta.kind, meta.key)) ?? []).filter((r) => !r.passed).map((r) => r.ruleId),
          version,
        },
      });
      meta.live = {
        ...(meta.live ?? {
          id,
          selfLevel: meta.selfLevel,
          decidedLevel: null,
          score: null,
          decisionId: null,
          decisionNumber: null,
          decisionDate: null,
          conclusion: null,
          overrideReason: null,
          publishedAt: null,
          acknowledgedAt: null,
        }),
        id,
        status: 'proposed',
        version,
        proposedLevel: p.level,
        proposalReason: p.reason,
        tallyId: meta.tally?.id ?? null,
      };
      out.push({ subjectKind: meta.kind, subjectKey: meta.key, classificationId: id, version, proposedLevel: p.level });
    }
    try {
      for (let k = 0; k < inserts.length; k += 500)
        await tx
          .insertInto('classifications')
          .values(inserts.slice(k, k + 500))
          .execute();
    } catch (e) {
      // Two first proposals raced on the one live row per subject (classifications_live).
      if (isUniqueViolation(e)) throw new AppError('conflict.version');
      throw e;
    }
    await recordAuditMany(tx, audits);
    const touched = new Set(planned.map((p) => p.meta.unitId));
    const unitsProposed = await advanceStages(tx, {
      campaignId: access.campaign.id,
      unitIds: completeUnits(scope, touched, 'propose'),
      action: 'propose',
      caller: access.campaignCaller,
      actorId: principal.accountId,
      now,
    });
    return { items: out, unitsProposed };
  });
}

function reasonLabel(reason: string): string {
  const label = POPULATION_REASON_LABELS[reason as PopulationReason];
  return label ? label.charAt(0).toLowerCase() + label.slice(1) : reason;
}
