// The working list of dossiers (issue 3 item 7): for the Organization Board, the appraisal queue of
// its committee; for a director, the assigned units; for a unit committee, its own. Scoped in SQL to
// the subtrees where the caller reads dossiers (design §2; design §4: lists are scoped in SQL, so a
// list never shows what a single read would refuse).
import { UNIT_STAGE_LABELS, type UnitStage } from '../../../shared/campaign-vocabulary.js';
import type { ListDossiersQuery } from '../../../shared/contracts/dossiers.js';
import type { Role } from '../../../shared/vocabulary.js';
import type { z } from 'zod';
import type { listDossiersResponse } from '../../../shared/contracts/dossiers.js';
import { loadCampaignAccess, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { campaignUnitScope } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';

/** Roles of canReadDossier (campaign-policy.ts); the director's units come from the assignments. */
const DOSSIER_READERS: readonly Role[] = ['standing', 'organizer', 'office', 'unit_committee', 'cell_secretary'];

export async function listDossiers(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  query: ListDossiersQuery,
): Promise<z.infer<typeof listDossiersResponse>> {
  const { campaign, caller: cc } = await loadCampaignAccess(ctx.db, campaignId, caller);
  const scope = campaignUnitScope({
    principal: { ...cc.principal, grants: cc.principal.grants.filter((g) => DOSSIER_READERS.includes(g.role)) },
    directorPaths: cc.directorPaths,
  });
  let base = ctx.db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .where('cu.campaign_id', '=', campaign.id)
    .where((eb) => withinPaths(eb, 'cu.unit_path', scope));
  if (query.stage) base = base.where('cu.stage', '=', query.stage);
  if (query.needsAppraisal !== undefined) base = base.where('cu.needs_appraisal', '=', query.needsAppraisal ? 1 : 0);

  const [rows, count] = await Promise.all([
    base
      .select([
        'cu.id',
        'cu.unit_id',
        'u.name',
        'u.code',
        'cu.unit_kind',
        'cu.is_grassroots',
        'cu.stage',
        'cu.needs_appraisal',
        'cu.appraisal_round',
        'cu.submitted_at',
        'cu.cleared_at',
        'cu.version',
      ])
      .orderBy('cu.unit_path')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      campaignUnitId: r.id,
      unitId: r.unit_id,
      unitName: r.name,
      unitCode: r.code,
      unitKind: r.unit_kind,
      isGrassroots: r.is_grassroots === 1,
      stage: r.stage as UnitStage,
      stageLabel: UNIT_STAGE_LABELS[r.stage as UnitStage] ?? r.stage,
      needsAppraisal: r.needs_appraisal === 1,
      appraisalRound: r.appraisal_round,
      submittedAt: r.submitted_at,
      clearedAt: r.cleared_at,
      version: r.version,
    })),
    total: Number(count.n),
  };
}
