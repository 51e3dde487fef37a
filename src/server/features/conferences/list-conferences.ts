// The campaign's conferences the caller may see (design §2, row "Conference, minutes, tallies";
// design §4: scoped in SQL to the caller's subtrees, never filtered afterwards).
import { CONFERENCE_STATUS_LABELS, UNIT_STAGE_LABELS, type ConferenceStatus, type UnitStage } from '../../../shared/campaign-vocabulary.js';
import type { ListConferencesQuery, ConferenceSummary } from '../../../shared/contracts/conferences.js';
import { loadCampaignAccess, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { conferenceListScope } from '../../domain/conference/conference-policy.js';
import type { AppContext, Caller } from '../context.js';

export async function listConferences(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  query: ListConferencesQuery,
): Promise<{ items: ConferenceSummary[]; total: number }> {
  const { campaign, caller: cc } = await loadCampaignAccess(ctx.db, campaignId, caller);
  const scope = conferenceListScope(cc);
  let q = ctx.db
    .selectFrom('conferences as c')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .innerJoin('campaign_units as cu', 'cu.id', 'c.campaign_unit_id')
    .where('c.campaign_id', '=', campaign.id)
    .where('c.status', '!=', 'cancelled')
    .where((eb) => withinPaths(eb, 'c.scope_path', scope));
  if (query.unitId) q = q.where('c.unit_id', '=', query.unitId);
  if (query.status) q = q.where('c.status', '=', query.status);
  const [rows, counted] = await Promise.all([
    q
      .select(['c.id', 'c.unit_id', 'u.name', 'u.kind', 'c.scheduled_for', 'c.place', 'c.status', 'cu.stage'])
      .orderBy('c.scheduled_for')
      .orderBy('u.name')
      .orderBy('c.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(counted.n),
    items: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.name,
      unitKind: r.kind,
      scheduledFor: r.scheduled_for,
      place: r.place,
      status: r.status as ConferenceStatus,
      statusLabel: CONFERENCE_STATUS_LABELS[r.status as ConferenceStatus] ?? r.status,
      stage: r.stage as UnitStage,
      stageLabel: UNIT_STAGE_LABELS[r.stage as UnitStage],
    })),
  };
}
