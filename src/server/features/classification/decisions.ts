// Decisions and their publication (issue 4 item 5; regulations §3.1 bước 7, QĐ 366 Điều 15):
// results are visible to their subjects only once published. Publishing a decision publishes every
// classification it decided, tells each member concerned (notification 'published') and moves the
// units whose subjects are all published to `published`, in one transaction.
import type { DecisionKind } from '../../../shared/campaign-vocabulary.js';
import type { DecisionView, ListDecisionsResponse } from '../../../shared/contracts/classification.js';
import { formatVietnameseDate } from '../../../shared/dates.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit, recordAuditMany, type AuditInput } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { notify } from '../../adapters/db/notifications.repository.js';
import type { DecidingBody } from '../../domain/classification/authority.js';
import { canReadUnpublished, mayPublish, publishedReadPaths, unpublishedReadPaths } from '../../domain/classification/policy.js';
import { isWithinPath } from '../../domain/org-tree.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext, Tx } from '../context.js';
import { loadAccess, type ClassificationAccess } from './classification-access.js';
import { advanceStages, completeUnitsInDb } from './unit-stages.js';

/** Where the member's page shows their result (web PATHS.myResult). */
export const MY_RESULT_LINK = '/ket-qua-xep-loai-cua-toi';

interface DecisionRow {
  id: string;
  campaign_id: string;
  deciding_unit_id: string;
  scope_path: string;
  kind: string;
  number: string;
  decision_date: string;
  signer_name: string | null;
  signer_title: string | null;
  status: string;
  published_at: string | null;
  version: number;
  unit_name: string;
  is_grassroots: number | null;
  item_count: number | string;
  override_count: number | string;
}

function decisionQuery(db: Tx, campaignId: string) {
  return db
    .selectFrom('decisions as d')
    .innerJoin('org_units as u', 'u.id', 'd.deciding_unit_id')
    .leftJoin('campaign_units as cu', (j) => j.onRef('cu.campaign_id', '=', 'd.campaign_id').onRef('cu.unit_id', '=', 'd.deciding_unit_id'))
    .select((eb) => [
      'd.id',
      'd.campaign_id',
      'd.deciding_unit_id',
      'd.scope_path',
      'd.kind',
      'd.number',
      'd.decision_date',
      'd.signer_name',
      'd.signer_title',
      'd.status',
      'd.published_at',
      'd.version',
      'u.name as unit_name',
      'cu.is_grassroots',
      eb
        .selectFrom('classifications as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.decision_id', '=', 'd.id')
        .as('item_count'),
      eb
        .selectFrom('classifications as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.decision_id', '=', 'd.id')
        .where('c.override_reason', 'is not', null)
        .as('override_count'),
    ])
    .where('d.campaign_id', '=', campaignId);
}

/**
 * The body a decision was taken by (authority.ts): a grassroots unit's committee for its members
 * and sub-units, else the Standing Committee of the committee above; re-ratings are the upper level's.
 */
export function bodyOfDecision(
  d: Pick<DecisionRow, 'kind' | 'scope_path' | 'is_grassroots'>,
): Pick<DecidingBody, 'role' | 'unitPath' | 'level'> {
  if (d.kind !== 'rerating' && d.is_grassroots === 1) return { role: 'unit_committee', unitPath: d.scope_path, level: 'grassroots' };
  return { role: 'standing', unitPath: d.scope_path, level: 'upper' };
}

function present(access: ClassificationAccess, d: DecisionRow): DecisionView {
  return {
    id: d.id,
    campaignId: d.campaign_id,
    kind: d.kind as DecisionKind,
    number: d.number,
    date: d.decision_date,
    signerName: d.signer_name,
    signerTitle: d.signer_title,
    status: d.status as DecisionView['status'],
    publishedAt: d.published_at,
    decidingUnitId: d.deciding_unit_id,
    decidingUnitName: d.unit_name,
    itemCount: Number(d.item_count ?? 0),
    overrideCount: Number(d.override_count ?? 0),
    version: d.version,
    canPublish: access.campaign.status === 'open' && d.status === 'issued' && mayPublish(access.caller, bodyOfDecision(d)),
  };
}

/** A decision the caller may read: its body's subtree before publication, the readers of results after. */
function readable(access: ClassificationAccess, d: Pick<DecisionRow, 'scope_path' | 'status'>): boolean {
  if (canReadUnpublished(access.caller, d.scope_path)) return true;
  return d.status === 'published' && publishedReadPaths(access.caller).some((p) => isWithinPath(d.scope_path, p));
}

export async function getDecision(ctx: AppContext, access: ClassificationAccess, decisionId: string): Promise<DecisionView> {
  const d = (await decisionQuery(ctx.db, access.campaign.id).where('d.id', '=', decisionId).executeTakeFirst()) as DecisionRow | undefined;
  if (!d || !readable(access, d)) throw new AppError('decision.not_found');
  return present(access, d);
}

export async function listDecisions(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  query: { unitId?: string },
): Promise<ListDecisionsResponse> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  let unitPath: string | null = null;
  if (query.unitId) {
    const u = await ctx.db.selectFrom('org_units').select('path').where('id', '=', query.unitId).executeTakeFirst();
    if (!u) throw new AppError('org_unit.not_found');
    unitPath = u.path;
  }
  const before = unpublishedReadPaths(access.caller);
  const after = publishedReadPaths(access.caller);
  let q = decisionQuery(ctx.db, access.campaign.id).where((eb) =>
    eb.or([withinPaths(eb, 'd.scope_path', before), eb.and([eb('d.status', '=', 'published'), withinPaths(eb, 'd.scope_path', after)])]),
  );
  if (unitPath) {
    const p = unitPath;
    q = q.where((eb) => withinPaths(eb, 'd.scope_path', [p]));
  }
  const rows = (await q.orderBy('d.decision_date', 'desc').orderBy('d.created_at', 'desc').execute()) as DecisionRow[];
  return { items: rows.map((d) => present(access, d)) };
}

export async function publishDecision(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  decisionId: string,
  body: { version: number },
): Promise<DecisionView> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  const d = (await decisionQuery(ctx.db, access.campaign.id).where('d.id', '=', decisionId).executeTakeFirst()) as DecisionRow | undefined;
  if (!d || !readable(access, d)) throw new AppError('decision.not_found');
  if (!mayPublish(access.caller, bodyOfDecision(d))) throw new AppError('auth.forbidden');
  assertCampaignOpen(access.campaign);
  if (d.status !== 'issued') throw new AppError('decision.invalid_transition');
  if (d.version !== body.version) throw new AppError('conflict.version');
  const now = ctx.clock.now();

  await ctx.db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('decisions')
      .set({ status: 'published', published_at: now, version: d.version + 1, updated_at: now })
      .where('id', '=', d.id)
      .where('status', '=', 'issued')
      .where('version', '=', d.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    const rows = await tx
      .selectFrom('classifications')
      .select(['id', 'version', 'scope_path', 'member_id', 'unit_id', 'subject_kind', 'subject_key'])
      .where('decision_id', '=', d.id)
      .where('status', '=', 'decided')
      .where('annulled_at', 'is', null)
      .execute();
    await tx
      .updateTable('classifications')
      .set((eb) => ({ status: 'published', published_at: now, version: eb('version', '+', 1), updated_at: now }))
      .where('decision_id', '=', d.id)
      .where('status', '=', 'decided')
      .where('annulled_at', 'is', null)
      .execute();
    const audits: AuditInput[] = rows.map((r) => ({
      entityType: 'classification',
      entityId: r.id,
      action: 'classification.publish',
      actorId: principal.accountId,
      scopePath: r.scope_path,
      at: now,
      before: { status: 'decided', version: r.version },
      after: { status: 'published', decisionId: d.id, publishedAt: now, version: r.version + 1 },
    }));
    await recordAuditMany(tx, audits);
    await recordAudit(tx, {
      entityType: 'decision',
      entityId: d.id,
      action: 'decision.publish',
      actorId: principal.accountId,
      scopePath: d.scope_path,
      at: now,
      before: { status: 'issued', version: d.version },
      after: { status: 'published', publishedAt: now, classifications: rows.length, version: d.version + 1 },
    });
    // Each member learns of their own result (design §2: "R own" once published).
    const memberIds = rows.map((r) => r.member_id).filter((m): m is string => m !== null);
    for (let k = 0; k < memberIds.length; k += 500) {
      const accounts = await tx
        .selectFrom('accounts')
        .select('id')
        .where('member_id', 'in', memberIds.slice(k, k + 500))
        .where('disabled', '=', 0)
        .execute();
      await notify(tx, {
        accountIds: accounts.map((a) => a.id),
        kind: 'published',
        title: `Đã công bố kết quả xếp loại chất lượng năm ${access.campaign.review_year}`,
        body: `Quyết định ${d.number} ngày ${formatVietnameseDate(d.decision_date)}. Đồng chí xem kết quả và xác nhận đã biết.`,
        link: MY_RESULT_LINK,
        campaignId: access.campaign.id,
        at: now,
      });
    }
    // Units whose every subject is now published move decided → published.
    const touched = new Set(rows.map((r) => (r.subject_kind === 'member' ? r.unit_id : r.subject_key)));
    if (touched.size > 0) {
      await advanceStages(tx, {
        campaignId: access.campaign.id,
        unitIds: await completeUnitsInDb(tx, {
          campaignId: access.campaign.id,
          unitIds: [...touched],
          action: 'publish',
          reviewsLeadership: access.ruleSet.reviewsLeadershipCollective,
        }),
        action: 'publish',
        caller: access.campaignCaller,
        actorId: principal.accountId,
        now,
      });
    }
  });
  return getDecision(ctx, access, d.id);
}
