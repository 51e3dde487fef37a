// Freezes the campaign's population (design §3, Campaign: "the frozen population … with the reason
// for each one left out"; issue 3 item 2). Units below the owner are each given a stage; members are
// in, in but not classified, or left out with the reason the rule set of the year gives
// (regulations §1.2 "Members not reviewed", §2.1 special cases, §11.7). Changes after the snapshot
// are explicit, audited actions (change-population.ts).
import { sql } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { MemberStatus } from '../../../shared/vocabulary.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, campaignConfigOf, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { subtreeRange } from '../../adapters/db/dialect.js';
import type { CampaignMemberTable, CampaignUnitTable } from '../../adapters/db/schema.js';
import { newId } from '../../adapters/clock.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import { isGrassroots } from '../../domain/org-tree.js';
import { effectiveConfig, formMeaningFor, populationTreatment, ruleSetById } from '../../domain/rule-sets/index.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import type { AppContext, Caller, Tx } from '../context.js';

/** Units that hold a review of their own: every party organization below the committee. */
const REVIEWED_KINDS: readonly OrgKind[] = ['grassroots_party', 'grassroots_cell', 'sub_party', 'cell'];

export interface SnapshotResult {
  units: number;
  members: number;
  excluded: number;
  notClassified: number;
}

export async function snapshotPopulation(ctx: AppContext, caller: Caller, campaignId: string): Promise<SnapshotResult> {
  const { campaign, caller: cc } = await loadCampaignAccess(ctx.db, campaignId, caller);
  if (!canManageCampaign(cc, campaign.owner_path)) throw new AppError('auth.forbidden');
  assertCampaignOpen(campaign);
  if (campaign.snapshot_at) throw new AppError('campaign.snapshot_exists');
  const ruleSet = ruleSetById(campaign.rule_set_id);
  if (!ruleSet) throw new AppError('rule_set.not_found');
  const config = effectiveConfig(ruleSet, campaignConfigOf(campaign));
  const now = ctx.clock.now();
  const range = subtreeRange(campaign.owner_path);
  const yearStart = `${campaign.review_year}-01-01`;

  return ctx.db.transaction().execute(async (tx: Tx) => {
    // Claim the snapshot first: a second request (another tab, another server) finds it taken.
    const claimed = await tx
      .updateTable('campaigns')
      .set({ snapshot_at: now, updated_at: now, version: sql`version + 1` })
      .where('id', '=', campaign.id)
      .where('snapshot_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('campaign.snapshot_exists');

    const units = await tx
      .selectFrom('org_units')
      .select(['id', 'path', 'kind'])
      .where('path', '>=', range.from)
      .where('path', '<', range.to)
      .where('valid_to', 'is', null)
      .where('kind', 'in', REVIEWED_KINDS)
      .execute();
    const unitRows: CampaignUnitTable[] = units.map((u) => ({
      id: newId(),
      campaign_id: campaign.id,
      unit_id: u.id,
      unit_path: u.path,
      unit_kind: u.kind,
      is_grassroots: isGrassroots(u.kind as OrgKind) ? 1 : 0,
      stage: 'planned',
      // Regulations §3.1 bước 4 (Hà Tĩnh 2017 practice, a configurable gate): appraisal for all when
      // the campaign says so; otherwise suggested points turn it on unit by unit.
      needs_appraisal: config.appraisalForAll ? 1 : 0,
      appraisal_round: 0,
      stage_changed_at: now,
      submitted_at: null,
      cleared_at: null,
      stage_reason: null,
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    await ctx.handle.insertMany(tx, 'campaign_units', unitRows as unknown as Record<string, unknown>[]);

    // Members moved during the review year: the receiving chi bộ reviews them, with the former
    // chi bộ's comments (regulations §2.1 "Transferred member" [S40]).
    const moves = await tx
      .selectFrom('member_unit_history as h')
      .innerJoin('members as m', 'm.id', 'h.member_id')
      .select(['h.member_id', 'h.unit_id', 'h.to_date'])
      .where('m.unit_path', '>=', range.from)
      .where('m.unit_path', '<', range.to)
      .where('h.to_date', '>=', yearStart)
      .where('h.to_date', '<=', campaign.cutoff_date)
      .execute();
    const formerUnit = new Map<string, { unitId: string; toDate: string }>();
    for (const mv of moves) {
      const seen = formerUnit.get(mv.member_id);
      if (!seen || (mv.to_date ?? '') > seen.toDate) formerUnit.set(mv.member_id, { unitId: mv.unit_id, toDate: mv.to_date ?? '' });
    }

    const members = await tx
      .selectFrom('members')
      .select(['id', 'unit_id', 'unit_path', 'status', 'admission_date', 'is_leader', 'is_head', 'is_civil_servant', 'government_posts'])
      .where('unit_path', '>=', range.from)
      .where('unit_path', '<', range.to)
      .execute();
    const result: SnapshotResult = { units: unitRows.length, members: 0, excluded: 0, notClassified: 0 };
    const memberRows: CampaignMemberTable[] = members.map((m) => {
      const t = populationTreatment(
        ruleSet,
        config,
        { status: m.status as MemberStatus, admissionDate: m.admission_date },
        campaign.cutoff_date,
      );
      if (t.treatment === 'excluded') result.excluded++;
      else result.members++;
      if (t.treatment === 'not_classified') result.notClassified++;
      return {
        id: newId(),
        campaign_id: campaign.id,
        member_id: m.id,
        unit_id: m.unit_id,
        unit_path: m.unit_path,
        included: t.treatment === 'excluded' ? 0 : 1,
        classified: t.treatment === 'reviewed' ? 1 : 0,
        reason: t.reason,
        note: null,
        former_unit_id: formerUnit.get(m.id)?.unitId ?? null,
        is_key_leader: m.is_leader === 1 || m.is_head === 1 ? 1 : 0,
        form_meaning: formMeaningFor(ruleSet, {
          isLeader: m.is_leader === 1,
          isCivilServant: m.is_civil_servant === 1,
          governmentPosts: m.government_posts,
        }),
        source: 'snapshot',
        version: 1,
        created_at: now,
        updated_at: now,
      };
    });
    await ctx.handle.insertMany(tx, 'campaign_members', memberRows as unknown as Record<string, unknown>[]);

    await recordAudit(tx, {
      entityType: 'campaign',
      entityId: campaign.id,
      action: 'campaign.snapshot',
      actorId: caller.accountId,
      scopePath: campaign.owner_path,
      at: now,
      after: result,
    });
    return result;
  });
}
