// Freezes the campaign's population (design §3, Campaign: "the frozen population … with the reason
// for each one left out"; issue 3 item 2). Units below the owner are each given a stage; members are
// in, in but not classified, or left out with the reason the rule set of the year gives
// (regulations §1.2 "Members not reviewed", §2.1 special cases, §11.7). Changes after the snapshot
// are explicit, audited actions (change-population.ts).
import { sql } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, campaignConfigOf, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { subtreeRange } from '../../adapters/db/dialect.js';
import type { CampaignRow, CampaignUnitTable } from '../../adapters/db/schema.js';
import { newId } from '../../adapters/clock.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import { isGrassroots } from '../../domain/org-tree.js';
import { effectiveConfig, ruleSetById } from '../../domain/rule-sets/index.js';
import { populationTable, type PopulationRule, type PopulationTable } from '../../domain/population.js';
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
    await insertPopulationMembers(tx, campaign, populationTable(ruleSet, config, campaign.cutoff_date), now);
    const counts = await tx
      .selectFrom('campaign_members')
      .select(['included', 'classified', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', '=', campaign.id)
      .groupBy(['included', 'classified'])
      .execute();
    const result: SnapshotResult = { units: unitRows.length, members: 0, excluded: 0, notClassified: 0 };
    for (const c of counts) {
      const n = Number(c.n);
      if (c.included === 1) result.members += n;
      else result.excluded += n;
      if (c.included === 1 && c.classified === 0) result.notClassified += n;
    }

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

/**
 * One INSERT … SELECT over the owner's members: the rule set's table (populationTable) becomes CASE
 * expressions, so nothing is read out and written back (a province: 150,000 rows in a few seconds).
 * Members moved during the review year keep their former chi bộ, whose comments their review needs
 * (regulations §2.1 "Transferred member" [S40]); the receiving chi bộ reviews them.
 */
async function insertPopulationMembers(tx: Tx, campaign: CampaignRow, table: PopulationTable, now: string): Promise<void> {
  const range = subtreeRange(campaign.owner_path);
  // Typed parameters: PostgreSQL cannot infer the type of a bare parameter in a select list.
  const text = (v: string) => sql<string>`cast(${v} as text)`;
  const newly = sql`(m.admission_date is not null and m.admission_date > ${table.newlyAdmittedAfter})`;
  const byRule = (value: (r: PopulationRule) => string | number | null) =>
    sql`case ${sql.join(
      table.rules.map(
        (r) => sql`when m.status = ${sql.lit(r.status)} and ${r.newlyAdmitted ? newly : sql`not ${newly}`} then ${sql.lit(value(r))}`,
      ),
      sql` `,
    )} end`;
  const hasPost = sql`(m.is_civil_servant = 1 or coalesce(trim(m.government_posts), '') <> '')`;
  const form = sql<string>`case ${sql.join(
    table.forms.map(
      (f) =>
        sql`when m.is_leader ${sql.raw(f.isLeader ? '= 1' : '<> 1')} and ${f.hasPost ? hasPost : sql`not ${hasPost}`} then ${sql.lit(f.meaning)}`,
    ),
    sql` `,
  )} end`;
  await tx
    .insertInto('campaign_members')
    .columns([
      'id',
      'campaign_id',
      'member_id',
      'unit_id',
      'unit_path',
      'included',
      'classified',
      'reason',
      'note',
      'former_unit_id',
      'is_key_leader',
      'form_meaning',
      'source',
      'version',
      'created_at',
      'updated_at',
    ])
    .expression(
      tx
        .selectFrom('members as m')
        .select([
          // The campaign's id and the member's: unique with the (campaign, member) key it mirrors.
          sql<string>`${text(campaign.id)} || m.id`.as('id'),
          text(campaign.id).as('campaign_id'),
          'm.id as member_id',
          'm.unit_id',
          'm.unit_path',
          sql<number>`${byRule((r) => (r.treatment === 'excluded' ? 0 : 1))}`.as('included'),
          sql<number>`${byRule((r) => (r.treatment === 'reviewed' ? 1 : 0))}`.as('classified'),
          sql<string | null>`${byRule((r) => r.reason)}`.as('reason'),
          sql<null>`null`.as('note'),
          (eb) =>
            eb
              .selectFrom('member_unit_history as h')
              .select('h.unit_id')
              .whereRef('h.member_id', '=', 'm.id')
              .where('h.to_date', '>=', `${campaign.review_year}-01-01`)
              .where('h.to_date', '<=', campaign.cutoff_date)
              .orderBy('h.to_date', 'desc')
              .limit(1)
              .as('former_unit_id'),
          sql<number>`case when m.is_leader = 1 or m.is_head = 1 then 1 else 0 end`.as('is_key_leader'),
          form.as('form_meaning'),
          sql<string>`'snapshot'`.as('source'),
          sql<number>`1`.as('version'),
          text(now).as('created_at'),
          text(now).as('updated_at'),
        ])
        .where('m.unit_path', '>=', range.from)
        .where('m.unit_path', '<', range.to),
    )
    .execute();
}
