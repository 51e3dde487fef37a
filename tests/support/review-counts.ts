// The cockpit's per-unit review counts, recounted plainly for the tests: every included member of
// the campaign under the unit's path, by the status of their own review.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/adapters/db/schema.js';

export interface ReviewCounts {
  members: number;
  submitted: number;
  finalized: number;
}

/** A function from a unit's id to its subtree's review counts in the campaign. */
export async function plainReviewCounts(db: Kysely<Database>, campaignId: string): Promise<(unitId: string) => ReviewCounts> {
  const statusOf = new Map(
    (
      await db
        .selectFrom('reviews')
        .select(['subject_key', 'status'])
        .where('campaign_id', '=', campaignId)
        .where('subject_kind', '=', 'member')
        .execute()
    ).map((r) => [r.subject_key, r.status]),
  );
  const population = await db
    .selectFrom('campaign_members')
    .select(['member_id', 'unit_path'])
    .where('campaign_id', '=', campaignId)
    .where('included', '=', 1)
    .execute();
  const paths = new Map((await db.selectFrom('org_units').select(['id', 'path']).execute()).map((u) => [u.id, u.path]));
  return (unitId) => {
    const under = population.filter((m) => m.unit_path.startsWith(paths.get(unitId)!));
    return {
      members: under.length,
      submitted: under.filter((m) => statusOf.get(m.member_id) === 'submitted').length,
      finalized: under.filter((m) => statusOf.get(m.member_id) === 'finalized').length,
    };
  };
}
