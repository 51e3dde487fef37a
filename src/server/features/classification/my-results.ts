// The member's own results (design §2, row "Classification before publication": "own self level
// only"; "after publication": "R own"): before publication the member sees the level they gave
// themself and nothing the proposing or deciding bodies wrote; after it, the decided level, the
// decision and the deciding level's conclusions, which they acknowledge, and may complain about.
import type { Level } from '../../../shared/campaign-vocabulary.js';
import type { ClassificationDetail, MyResult, MyResultsResponse } from '../../../shared/contracts/classification.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import { decidingBody, type AuthoritySubject } from '../../domain/classification/authority.js';
import { canReadPublished, canReadUnpublished, memberSeesResult, seesUnpublishedLevel } from '../../domain/classification/policy.js';
import type { Principal } from '../../domain/policy.js';
import { levelLabel, ruleSetById } from '../../domain/rule-sets/index.js';
import type { AppContext } from '../context.js';
import { checkView } from './board.js';
import { check, loadAccess, loadScope, subjectScopePath } from './classification-access.js';
import { complaintsOf } from './complaints.js';
import { parentPathOf, subjectId } from './load-subjects.js';
import { liveClassification, subjectReview } from '../../adapters/db/campaign-subject-joins.js';

const LEVELS = new Set(['excellent', 'good', 'satisfactory', 'unsatisfactory']);
const asLevel = (v: string | null): Level | null => (v && LEVELS.has(v) ? (v as Level) : null);

export async function myResults(ctx: AppContext, principal: Principal): Promise<MyResultsResponse> {
  if (!principal.memberId) return { items: [] };
  const rows = await ctx.db
    .selectFrom('campaign_members as cm')
    .innerJoin('campaigns as k', 'k.id', 'cm.campaign_id')
    .innerJoin('org_units as u', 'u.id', 'cm.unit_id')
    .leftJoin('classifications as c', liveClassification('c', 'member', 'cm'))
    .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
    .select([
      'k.id as campaign_id',
      'k.title',
      'k.review_year',
      'k.rule_set_id',
      'k.status as campaign_status',
      'u.name as unit_name',
      'cm.included',
      'cm.classified',
      'cm.reason',
      'c.id',
      'c.status',
      'c.version',
      'c.self_level',
      'c.decided_level',
      'c.decision_number',
      'c.decision_date',
      'c.conclusion',
      'c.published_at',
      'c.acknowledged_at',
      'r.self_level as review_self_level',
    ])
    .where('cm.member_id', '=', principal.memberId)
    .orderBy('k.review_year', 'desc')
    .execute();
  const complaints = await complaintsOf(
    ctx.db,
    rows.map((r) => r.id).filter((id): id is string => id !== null),
  );
  const items: MyResult[] = rows.map((r) => {
    const ruleSet = ruleSetById(r.rule_set_id);
    const label = (l: Level | null) => (l && ruleSet ? levelLabel(ruleSet, 'member', l) : null);
    const published = memberSeesResult(r.status);
    const selfLevel = asLevel(r.self_level) ?? asLevel(r.review_self_level);
    const decidedLevel = published ? asLevel(r.decided_level) : null;
    const mine = (r.id ? complaints.get(r.id) : undefined) ?? [];
    const open = r.campaign_status === 'open';
    return {
      campaignId: r.campaign_id,
      campaignTitle: r.title,
      reviewYear: r.review_year,
      unitName: r.unit_name,
      classified: r.included === 1 && r.classified === 1,
      populationReason: r.reason,
      published,
      selfLevel,
      selfLevelLabel: label(selfLevel),
      decidedLevel,
      decidedLevelLabel: label(decidedLevel),
      decisionNumber: published ? r.decision_number : null,
      decisionDate: published ? r.decision_date : null,
      conclusion: published ? r.conclusion : null,
      publishedAt: published ? r.published_at : null,
      acknowledgedAt: published ? r.acknowledged_at : null,
      version: published ? (r.version ?? 0) : 0,
      canAcknowledge: open && published && r.acknowledged_at === null,
      canComplain: open && published && !mine.some((c) => c.status === 'open'),
      complaints: mine.map((c) => ({ ...c, canResolve: false })),
    };
  });
  return { items };
}

/** The member acknowledges their own published result (issue 4 item 5). */
export async function acknowledge(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  body: { version: number },
): Promise<MyResultsResponse> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  if (!principal.memberId) throw new AppError('classification.not_found');
  const row = await ctx.db
    .selectFrom('classifications')
    .select(['id', 'status', 'version', 'acknowledged_at', 'scope_path'])
    .where('campaign_id', '=', access.campaign.id)
    .where('subject_kind', '=', 'member')
    .where('subject_key', '=', principal.memberId)
    .where('annulled_at', 'is', null)
    .executeTakeFirst();
  // Before publication the member must not learn even that a decision exists (design §2).
  if (!row) throw new AppError('classification.not_found');
  if (!memberSeesResult(row.status)) throw new AppError('classification.not_published');
  assertCampaignOpen(access.campaign);
  if (row.version !== body.version) throw new AppError('conflict.version');
  if (row.acknowledged_at === null) {
    const now = ctx.clock.now();
    await ctx.db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('classifications')
        .set({ acknowledged_at: now, version: row.version + 1, updated_at: now })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict.version');
      await recordAudit(tx, {
        entityType: 'classification',
        entityId: row.id,
        action: 'classification.acknowledge',
        actorId: principal.accountId,
        scopePath: row.scope_path,
        at: now,
        before: { acknowledgedAt: null, version: row.version },
        after: { acknowledgedAt: now, version: row.version + 1 },
      });
    });
  }
  return myResults(ctx, principal);
}

/**
 * One subject's classification (classification.get): in full, with every check, for those who read
 * classifications before publication; the published result for the other readers of results; the
 * self level alone for a member reading their own before publication (design §2).
 */
export async function getClassification(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  subjectKind: 'unit' | 'leadership' | 'member',
  subjectKey: string,
): Promise<ClassificationDetail> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  const { campaign, ruleSet } = access;
  const place: { path: string; name: string; unit_kind?: string; is_grassroots?: number } | undefined =
    subjectKind === 'member'
      ? await ctx.db
          .selectFrom('campaign_members as cm')
          .innerJoin('members as m', 'm.id', 'cm.member_id')
          .select(['cm.unit_path as path', 'm.full_name as name'])
          .where('cm.campaign_id', '=', campaign.id)
          .where('cm.member_id', '=', subjectKey)
          .executeTakeFirst()
      : await ctx.db
          .selectFrom('campaign_units as cu')
          .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
          .select(['cu.unit_path as path', 'u.name as name', 'cu.unit_kind', 'cu.is_grassroots'])
          .where('cu.campaign_id', '=', campaign.id)
          .where('cu.unit_id', '=', subjectKey)
          .executeTakeFirst();
  if (!place) throw new AppError('classification.not_found');
  const rows = await ctx.db
    .selectFrom('classifications')
    .selectAll()
    .where('campaign_id', '=', campaign.id)
    .where('subject_kind', '=', subjectKind)
    .where('subject_key', '=', subjectKey)
    .orderBy('created_at')
    .execute();
  const live = rows.find((r) => r.annulled_at === null) ?? null;
  // A collective rated by the upper level stands before publication where a member stands: its own
  // committee sees its self level only (policy.ts seesUnpublishedLevel, as on the board).
  const authority: AuthoritySubject | null =
    subjectKind === 'member'
      ? null
      : {
          kind: subjectKind,
          unitKind: place.unit_kind ?? '',
          unitPath: place.path,
          isGrassroots: place.is_grassroots === 1,
          grassrootsPath: null,
          parentPath: parentPathOf(place.path),
        };
  const ownCollective = authority !== null && access.caller.grants.some((g) => g.role === 'unit_committee' && g.unitPath === place.path);
  const self = (subjectKind === 'member' && principal.memberId === subjectKey) || ownCollective;
  const full = authority
    ? seesUnpublishedLevel(access.caller, authority, decidingBody(authority))
    : canReadUnpublished(access.caller, place.path);
  const publishedReader = canReadPublished(access.caller, place.path) && memberSeesResult(live?.status ?? null);
  if (!full && !publishedReader && !self) throw new AppError('classification.not_found');
  const review = await ctx.db
    .selectFrom('reviews')
    .select(['self_level'])
    .where('campaign_id', '=', campaign.id)
    .where('subject_kind', '=', subjectKind === 'unit' ? 'collective' : subjectKind)
    .where('subject_key', '=', subjectKey)
    .executeTakeFirst();
  const labelKind = subjectKind === 'member' ? 'member' : 'unit';
  const label = (l: Level | null) => (l ? levelLabel(ruleSet, labelKind, l) : null);
  const selfLevel = asLevel(live?.self_level ?? null) ?? asLevel(review?.self_level ?? null);
  const base = { campaignId: campaign.id, reviewYear: campaign.review_year, subjectKind, subjectKey, name: place.name };

  if (!full && !publishedReader) {
    // The subject before publication: their own self level, and nothing else (design §2).
    const seesResult = memberSeesResult(live?.status ?? null);
    if (!seesResult) {
      return {
        ...base,
        visibility: 'self_only',
        status: null,
        version: 0,
        selfLevel,
        selfLevelLabel: label(selfLevel),
        proposedLevel: null,
        decidedLevel: null,
        decidedLevelLabel: null,
        decisionNumber: null,
        decisionDate: null,
        conclusion: null,
        publishedAt: null,
        acknowledgedAt: null,
        checks: [],
        history: [],
      };
    }
  }
  let checks: ClassificationDetail['checks'] = [];
  if (full) {
    // The checks of the subject's deciding scope, with the levels as they stand.
    const scope = await loadScope(ctx.db, access, await subjectScopePath(ctx.db, access, subjectKind, place.path));
    const checked = check(access, scope);
    checks = (checked.results.get(subjectId(subjectKind, subjectKey)) ?? []).map(checkView);
  }
  const decided = asLevel(live?.decided_level ?? null);
  return {
    ...base,
    visibility: 'full',
    status: (live?.status as ClassificationDetail['status']) ?? null,
    version: live?.version ?? 0,
    selfLevel,
    selfLevelLabel: label(selfLevel),
    proposedLevel: full ? asLevel(live?.proposed_level ?? null) : null,
    decidedLevel: decided,
    decidedLevelLabel: label(decided),
    decisionNumber: live?.decision_number ?? null,
    decisionDate: live?.decision_date ?? null,
    conclusion: live?.conclusion ?? null,
    publishedAt: live?.published_at ?? null,
    acknowledgedAt: live?.acknowledged_at ?? null,
    checks,
    history: full
      ? rows.map((r) => ({
          id: r.id,
          status: r.status as ClassificationDetail['status'] & string,
          decidedLevel: asLevel(r.decided_level),
          decisionNumber: r.decision_number,
          annulledAt: r.annulled_at,
          annulReason: r.annul_reason,
        }))
      : [],
  };
}
