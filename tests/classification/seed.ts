// What the classification tests find already done by the conference feature: a held conference per
// chi bộ and the tallies typed in from its paper count (vote_tallies), written straight into the
// database.
import { newId } from '../../src/server/adapters/clock.js';
import type { AppContext } from '../../src/server/features/context.js';
import type { Level } from '../../src/shared/campaign-vocabulary.js';
import type { CampaignFixture } from '../support/campaign-factories.js';
import type { UnitRef } from '../support/factories.js';

const NOW = '2024-12-10T08:00:00.000Z';

/** A closed conference of the unit, and the unit's stage at `conference_held`. */
export async function heldConference(ctx: AppContext, fx: CampaignFixture, unit: UnitRef): Promise<string> {
  const id = newId();
  await ctx.db
    .insertInto('conferences')
    .values({
      id,
      campaign_id: fx.id,
      campaign_unit_id: await fx.campaignUnitId(unit),
      unit_id: unit.id,
      scope_path: unit.path,
      scheduled_for: '2024-12-05',
      place: 'Hội trường',
      status: 'closed',
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  await ctx.db
    .updateTable('campaign_units')
    .set({ stage: 'conference_held' })
    .where('campaign_id', '=', fx.id)
    .where('unit_id', '=', unit.id)
    .execute();
  return id;
}

/** The chi bộ's tally for a member: 9 valid ballots of 10 present, all at `level`. */
export async function seedTally(
  ctx: AppContext,
  fx: CampaignFixture,
  conferenceId: string,
  unit: UnitRef,
  memberId: string,
  level: Level,
): Promise<void> {
  const votes: Record<Level, number> = { excellent: 0, good: 0, satisfactory: 0, unsatisfactory: 0 };
  votes[level] = 9;
  await ctx.db
    .insertInto('vote_tallies')
    .values({
      id: newId(),
      campaign_id: fx.id,
      conference_id: conferenceId,
      subject_kind: 'member',
      subject_key: memberId,
      unit_id: unit.id,
      member_id: memberId,
      scope_path: unit.path,
      present: 10,
      valid: 9,
      invalid: 1,
      votes_excellent: votes.excellent,
      votes_good: votes.good,
      votes_satisfactory: votes.satisfactory,
      votes_unsatisfactory: votes.unsatisfactory,
      proposed_level: level,
      updated_by: null,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
}
