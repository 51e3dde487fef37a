// Complaints and re-rating (issue 4 item 5; regulations §2.5 last row, §11.5 items 8, 10, 11; QĐ 366
// Điều 13, Điều 15, Mẫu 03): a member complains about their own published result, a grassroots
// committee about its unit's; the upper level resolves. Upholding annuls the earlier classification
// with the reason (the row is kept, status `annulled`) and writes a new live one, decided by the
// upper level under a re-rating decision that is then published like any other; dismissing records
// why. Every step is audited, in one transaction.
import type { Level } from '../../../shared/campaign-vocabulary.js';
import type {
  ComplaintView,
  FileComplaintBody,
  ListComplaintsResponse,
  ResolveComplaintBody,
} from '../../../shared/contracts/classification.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { accountsWithRoles, notify } from '../../adapters/db/notifications.repository.js';
import {
  canReadUnpublished,
  mayFileComplaint,
  mayResolveComplaint,
  memberSeesResult,
  publishedReadPaths,
  unpublishedReadPaths,
} from '../../domain/classification/policy.js';
import type { Principal } from '../../domain/policy.js';
import { levelLabel, ruleSetById } from '../../domain/rule-sets/index.js';
import type { AppContext, Tx } from '../context.js';
import { check, loadAccess, loadScope, subjectScopePath } from './classification-access.js';
import { overrideRefusal, overrides } from './decide.js';
import { subjectId } from './load-subjects.js';

const LEVELS = new Set(['excellent', 'good', 'satisfactory', 'unsatisfactory']);
const asLevel = (v: string | null): Level | null => (v && LEVELS.has(v) ? (v as Level) : null);

function complaintQuery(db: Tx) {
  return db
    .selectFrom('complaints as k')
    .innerJoin('classifications as c', 'c.id', 'k.classification_id')
    .innerJoin('campaigns as cp', 'cp.id', 'k.campaign_id')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .leftJoin('members as m', 'm.id', 'c.member_id')
    .select([
      'k.id',
      'k.campaign_id',
      'k.classification_id',
      'k.scope_path',
      'k.text',
      'k.status',
      'k.resolution',
      'k.created_at',
      'k.resolved_at',
      'k.new_classification_id',
      'k.version',
      'k.filed_by',
      'c.subject_kind',
      'c.subject_key',
      'c.decided_level',
      'm.full_name',
      'u.name as unit_name',
      'cp.rule_set_id',
    ]);
}

type ComplaintRow = Awaited<ReturnType<ReturnType<typeof complaintQuery>['execute']>>[number];

function present(r: ComplaintRow, canResolve: boolean): ComplaintView {
  const ruleSet = ruleSetById(r.rule_set_id);
  const level = asLevel(r.decided_level);
  const kind = r.subject_kind as ComplaintView['subjectKind'];
  return {
    id: r.id,
    campaignId: r.campaign_id,
    classificationId: r.classification_id,
    subjectKind: kind,
    subjectKey: r.subject_key,
    subjectName: r.full_name ?? r.unit_name,
    unitName: r.unit_name,
    level,
    levelLabel: level && ruleSet ? levelLabel(ruleSet, kind === 'member' ? 'member' : 'unit', level) : null,
    text: r.text,
    status: r.status as ComplaintView['status'],
    resolution: r.resolution,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    newClassificationId: r.new_classification_id,
    version: r.version,
    canResolve,
  };
}

/** The complaints about some classifications (the member's page). */
export async function complaintsOf(db: Tx, classificationIds: string[]): Promise<Map<string, Omit<ComplaintView, 'canResolve'>[]>> {
  const out = new Map<string, Omit<ComplaintView, 'canResolve'>[]>();
  if (classificationIds.length === 0) return out;
  const rows = await complaintQuery(db).where('k.classification_id', 'in', classificationIds).orderBy('k.created_at').execute();
  for (const r of rows) out.set(r.classification_id, [...(out.get(r.classification_id) ?? []), present(r, false)]);
  return out;
}

async function findLive(db: Tx, campaignId: string, subjectKind: string, subjectKey: string) {
  return db
    .selectFrom('classifications')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('subject_kind', '=', subjectKind)
    .where('subject_key', '=', subjectKey)
    .where('annulled_at', 'is', null)
    .executeTakeFirst();
}

export async function fileComplaint(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  body: FileComplaintBody,
): Promise<ComplaintView> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  const live = await findLive(ctx.db, access.campaign.id, body.subjectKind, body.subjectKey);
  const subject = live && { kind: body.subjectKind, unitPath: live.scope_path, memberId: live.member_id };
  const mayFile = subject !== undefined && subject !== null && mayFileComplaint(access.caller, subject);
  if (!live || (!mayFile && !canReadUnpublished(access.caller, live.scope_path))) throw new AppError('classification.not_found');
  if (!mayFile) throw new AppError('auth.forbidden');
  // A result is complained about once it is known: after publication (design §2).
  if (!memberSeesResult(live.status)) throw new AppError('classification.not_published');
  assertCampaignOpen(access.campaign);
  const open = await ctx.db
    .selectFrom('complaints')
    .select('id')
    .where('classification_id', '=', live.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) throw new AppError('complaint.already_open');
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('complaints')
      .values({
        id,
        campaign_id: access.campaign.id,
        classification_id: live.id,
        scope_path: live.scope_path,
        text: body.text,
        filed_by: principal.accountId,
        status: 'open',
        resolution: null,
        resolved_by: null,
        resolved_at: null,
        new_classification_id: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(tx, {
      entityType: 'complaint',
      entityId: id,
      action: 'complaint.file',
      actorId: principal.accountId,
      scopePath: live.scope_path,
      at: now,
      isNew: true,
      after: { classificationId: live.id, subjectKind: body.subjectKind, subjectKey: body.subjectKey, text: body.text },
    });
    // The upper level that resolves it (regulations §2.5 last row) learns of it at once.
    const recipients = await accountsWithRoles(tx, access.campaign.owner_path, ['standing', 'organizer']);
    await notify(tx, {
      accountIds: recipients,
      kind: 'complaint',
      title: `Có kiến nghị về kết quả xếp loại năm ${access.campaign.review_year}`,
      body: body.text.length > 200 ? `${body.text.slice(0, 200)}…` : body.text,
      link: `/xep-loai/${access.campaign.id}/kien-nghi`,
      campaignId: access.campaign.id,
      at: now,
    });
  });
  const row = await complaintQuery(ctx.db).where('k.id', '=', id).executeTakeFirstOrThrow();
  return present(row, mayResolveComplaint(access.caller, access.campaign.owner_path));
}

export async function listComplaints(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  query: { status?: string },
): Promise<ListComplaintsResponse> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  const canResolve = mayResolveComplaint(access.caller, access.campaign.owner_path);
  const paths = [...unpublishedReadPaths(access.caller), ...publishedReadPaths(access.caller)];
  let q = complaintQuery(ctx.db)
    .where('k.campaign_id', '=', access.campaign.id)
    .where((eb) => eb.or([withinPaths(eb, 'k.scope_path', paths), eb('k.filed_by', '=', principal.accountId)]));
  if (query.status) q = q.where('k.status', '=', query.status);
  const rows = await q.orderBy('k.created_at', 'desc').execute();
  return { items: rows.map((r) => present(r, canResolve && r.status === 'open' && access.campaign.status === 'open')), canResolve };
}

export async function resolveComplaint(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  complaintId: string,
  body: ResolveComplaintBody,
): Promise<ComplaintView> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  const { campaign } = access;
  const complaint = await ctx.db
    .selectFrom('complaints')
    .selectAll()
    .where('id', '=', complaintId)
    .where('campaign_id', '=', campaign.id)
    .executeTakeFirst();
  const visible = complaint && (canReadUnpublished(access.caller, complaint.scope_path) || complaint.filed_by === principal.accountId);
  if (!complaint || !visible) throw new AppError('complaint.not_found');
  if (!mayResolveComplaint(access.caller, campaign.owner_path)) throw new AppError('auth.forbidden');
  assertCampaignOpen(campaign);
  if (complaint.status !== 'open') throw new AppError('complaint.invalid_transition');
  if (complaint.version !== body.version) throw new AppError('conflict.version');
  const old = await ctx.db
    .selectFrom('classifications')
    .selectAll()
    .where('id', '=', complaint.classification_id)
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now();

  if (body.outcome === 'dismissed') {
    await ctx.db.transaction().execute(async (tx) => {
      await closeComplaint(tx, complaint, {
        status: 'dismissed',
        resolution: body.resolution,
        newId: null,
        actorId: principal.accountId,
        now,
      });
    });
  } else {
    if (old.annulled_at !== null) throw new AppError('complaint.invalid_transition');
    const level = body.level!;
    // The checks with the new level in place, at the subject's deciding scope; against a failed
    // check the upper level writes its reason, as any deciding level does.
    const scope = await loadScope(ctx.db, access, await subjectScopePath(ctx.db, access, old.subject_kind, old.scope_path));
    const meta = scope.meta.get(subjectId(old.subject_kind, old.subject_key));
    if (!meta) throw new AppError('classification.not_found');
    scope.bySubject.get(subjectId(old.subject_kind, old.subject_key))!.level = level;
    const checked = check(access, scope);
    const overrideReason = body.overrideReason?.trim() ? body.overrideReason.trim() : null;
    const { failed, problems } = overrides(checked, [{ meta, overrideReason }]);
    if (problems.length > 0) throw overrideRefusal(problems);
    const f = failed.get(subjectId(meta.kind, meta.key)) ?? [];
    const decisionId = newId();
    const newClassificationId = newId();
    await ctx.db.transaction().execute(async (tx) => {
      const annulled = await tx
        .updateTable('classifications')
        .set({ status: 'annulled', annulled_at: now, annul_reason: body.resolution, version: old.version + 1, updated_at: now })
        .where('id', '=', old.id)
        .where('version', '=', old.version)
        .where('annulled_at', 'is', null)
        .executeTakeFirst();
      if (Number(annulled.numUpdatedRows) !== 1) throw new AppError('conflict.version');
      await recordAudit(tx, {
        entityType: 'classification',
        entityId: old.id,
        action: 'classification.annul',
        actorId: principal.accountId,
        scopePath: old.scope_path,
        at: now,
        before: { status: old.status, decidedLevel: old.decided_level, version: old.version },
        after: { status: 'annulled', reason: body.resolution, complaintId: complaint.id, version: old.version + 1 },
      });
      await tx
        .insertInto('decisions')
        .values({
          id: decisionId,
          campaign_id: campaign.id,
          deciding_unit_id: campaign.owner_unit_id,
          scope_path: campaign.owner_path,
          kind: 'rerating',
          number: body.decisionNumber!,
          decision_date: body.decisionDate!,
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
      await recordAudit(tx, {
        entityType: 'decision',
        entityId: decisionId,
        action: 'decision.issue',
        actorId: principal.accountId,
        scopePath: campaign.owner_path,
        at: now,
        isNew: true,
        after: { kind: 'rerating', number: body.decisionNumber, date: body.decisionDate, complaintId: complaint.id, items: 1 },
      });
      await tx
        .insertInto('classifications')
        .values({
          id: newClassificationId,
          campaign_id: campaign.id,
          subject_kind: old.subject_kind,
          subject_key: old.subject_key,
          unit_id: old.unit_id,
          member_id: old.member_id,
          scope_path: old.scope_path,
          status: 'decided',
          self_level: old.self_level,
          self_score: old.self_score,
          proposed_level: old.proposed_level,
          proposal_reason: old.proposal_reason,
          tally_id: old.tally_id,
          group_key: old.group_key,
          proposed_by: old.proposed_by,
          proposed_at: old.proposed_at,
          decided_level: level,
          decision_id: decisionId,
          decision_number: body.decisionNumber!,
          decision_date: body.decisionDate!,
          decided_by: principal.accountId,
          decided_at: now,
          conclusion: body.conclusion?.trim() || null,
          override_reason: f.length > 0 ? overrideReason : null,
          checks_json: JSON.stringify(checked.results.get(subjectId(meta.kind, meta.key)) ?? []),
          replaces_id: old.id,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(tx, {
        entityType: 'classification',
        entityId: newClassificationId,
        action: 'classification.rerate',
        actorId: principal.accountId,
        scopePath: old.scope_path,
        at: now,
        isNew: true,
        after: {
          subjectKind: old.subject_kind,
          subjectKey: old.subject_key,
          status: 'decided',
          decidedLevel: level,
          replacesId: old.id,
          decisionId,
          complaintId: complaint.id,
          override:
            f.length > 0 ? { reason: overrideReason, rules: f.map((r) => ({ ruleId: r.ruleId, explanation: r.explanation })) } : null,
        },
      });
      await closeComplaint(tx, complaint, {
        status: 'upheld',
        resolution: body.resolution,
        newId: newClassificationId,
        actorId: principal.accountId,
        now,
      });
    });
  }
  const row = await complaintQuery(ctx.db).where('k.id', '=', complaint.id).executeTakeFirstOrThrow();
  return present(row, false);
}

async function closeComplaint(
  tx: Tx,
  complaint: { id: string; version: number; scope_path: string },
  input: { status: 'upheld' | 'dismissed'; resolution: string; newId: string | null; actorId: string; now: string },
): Promise<void> {
  const res = await tx
    .updateTable('complaints')
    .set({
      status: input.status,
      resolution: input.resolution,
      resolved_by: input.actorId,
      resolved_at: input.now,
      new_classification_id: input.newId,
      version: complaint.version + 1,
      updated_at: input.now,
    })
    .where('id', '=', complaint.id)
    .where('version', '=', complaint.version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict.version');
  await recordAudit(tx, {
    entityType: 'complaint',
    entityId: complaint.id,
    action: `complaint.${input.status === 'upheld' ? 'uphold' : 'dismiss'}`,
    actorId: input.actorId,
    scopePath: complaint.scope_path,
    at: input.now,
    before: { status: 'open', version: complaint.version },
    after: { status: input.status, resolution: input.resolution, newClassificationId: input.newId, version: complaint.version + 1 },
  });
}
