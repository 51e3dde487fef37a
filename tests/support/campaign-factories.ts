// A campaign over the small committee of factories.ts, made through the real use cases (create,
// snapshot), plus the extra accounts campaign tests need: a director with no grant of their own
// (design §2: director comes only from assignments), the school's unit committee, a second member.
import { newId } from '../../src/server/adapters/clock.js';
import { loadPrincipal } from '../../src/server/adapters/auth/principal.repository.js';
import type { CampaignConfig, Milestone } from '../../src/shared/contracts/campaigns.js';
import type { AssignmentDuty, UnitStage } from '../../src/shared/campaign-vocabulary.js';
import type { AppContext } from '../../src/server/features/context.js';
import { createCampaign } from '../../src/server/features/campaigns/create-campaign.js';
import { snapshotPopulation } from '../../src/server/features/campaigns/snapshot-population.js';
import { makeAccount, makeSmallCommittee, type UnitRef } from './factories.js';

export type SmallCommittee = Awaited<ReturnType<typeof makeSmallCommittee>>;

export interface CampaignFixture {
  id: string;
  year: number;
  tree: SmallCommittee;
  accounts: SmallCommittee['accounts'] & {
    director: { id: string; username: string };
    schoolCommittee: { id: string; username: string };
    memberDang: { id: string; username: string };
  };
  /** campaign_units.id of a unit of the tree. */
  campaignUnitId: (unit: UnitRef) => Promise<string>;
}

/**
 * The small committee with a campaign for `year` (2024 by default: QĐ 124 + HD 25), its population
 * frozen, and the director assigned to the ward (Đảng bộ phường Bắc Hà) only.
 */
export async function makeCampaignFixture(
  ctx: AppContext,
  opts: { year?: number; config?: CampaignConfig; milestones?: Milestone[]; snapshot?: boolean; tree?: SmallCommittee } = {},
): Promise<CampaignFixture> {
  const tree = opts.tree ?? (await makeSmallCommittee(ctx.db));
  const year = opts.year ?? 2024;
  const director = await makeAccount(ctx.db, { username: 'chidao.p01' });
  const schoolCommittee = await makeAccount(ctx.db, { username: 'capuy.s01', grants: [{ role: 'unit_committee', unit: tree.school }] });
  const memberDang = await makeAccount(ctx.db, {
    username: 'dangvien.dang',
    memberId: tree.members.dang.id,
    grants: [{ role: 'member', unit: tree.cellA }],
  });
  const organizer = await loadPrincipal(ctx.db, tree.accounts.organizer.id);
  const milestones = opts.milestones ?? [
    { kind: 'plan', dueDate: `${year}-11-01` },
    { kind: 'reviews_due', dueDate: `${year}-12-01` },
    { kind: 'appraisal', dueDate: `${year}-12-10` },
    { kind: 'conferences', dueDate: `${year}-12-20` },
    { kind: 'decisions', dueDate: `${year + 1}-01-10` },
    { kind: 'report', dueDate: `${year + 1}-01-20` },
  ];
  const { id } = await createCampaign(ctx, organizer, {
    ownerUnitId: tree.committee.id,
    reviewYear: year,
    config: opts.config ?? {},
    milestones,
  });
  if (opts.snapshot !== false) await snapshotPopulation(ctx, organizer, id);
  await assign(ctx, id, tree.ward, director.id, 'direct');
  const campaignUnitId = async (unit: UnitRef) => {
    const row = await ctx.db
      .selectFrom('campaign_units')
      .select('id')
      .where('campaign_id', '=', id)
      .where('unit_id', '=', unit.id)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  return {
    id,
    year,
    tree,
    accounts: { ...tree.accounts, director, schoolCommittee, memberDang },
    campaignUnitId,
  };
}

/** Assigns an account to a unit of the campaign straight in the database (assignments.* tests use the API). */
export async function assign(ctx: AppContext, campaignId: string, unit: UnitRef, accountId: string, duty: AssignmentDuty): Promise<void> {
  await ctx.db
    .insertInto('assignments')
    .values({
      id: newId(),
      campaign_id: campaignId,
      unit_id: unit.id,
      account_id: accountId,
      duty,
      created_by: null,
      created_at: ctx.clock.now(),
    })
    .execute();
}

/**
 * The unit past the gate with its meeting scheduled, as conferences.schedule leaves it (straight in
 * the database: conference tests start from here). Returns the conference id.
 */
export async function scheduledConference(
  ctx: AppContext,
  fx: CampaignFixture,
  unit: UnitRef,
  stage: UnitStage = 'conference_scheduled',
): Promise<string> {
  const now = new Date().toISOString();
  const cu = await fx.campaignUnitId(unit);
  await ctx.db.updateTable('campaign_units').set({ stage }).where('id', '=', cu).execute();
  const id = newId();
  await ctx.db
    .insertInto('conferences')
    .values({
      id,
      campaign_id: fx.id,
      campaign_unit_id: cu,
      unit_id: unit.id,
      scope_path: unit.path,
      scheduled_for: `${fx.year}-12-15T08:00`,
      place: 'Nhà văn hóa khối phố 1',
      status: 'scheduled',
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
