// The members of a unit's subtree with their facts of the year (issue 3 item 5): scoped in SQL to
// the subtrees where the caller may read facts (design §2, row "Individual reviews"), in roster
// order. Members without facts are listed with none, so the committee sees who is still missing.
import type { z } from 'zod';
import type { ListYearFactsResponse, listYearFactsQuery } from '../../../shared/contracts/member-year.js';
import { AppError } from '../../../shared/errors.js';
import type { MemberStatus } from '../../../shared/vocabulary.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import { businessYear, yearFactsOf } from '../../adapters/db/member-year.repository.js';
import { findUnitCached } from '../../adapters/db/org-units.repository.js';
import { canWriteYearFacts } from '../../domain/campaign-policy.js';
import { canReadUnit } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { callerOf, yearFactsReadPaths } from './member-year-access.js';

/** Members still on the rolls; others (transferred out, deceased) appear only when facts were recorded. */
const ON_ROLLS: MemberStatus[] = ['active', 'exempt', 'suspended'];

export async function listYearFacts(
  ctx: AppContext,
  caller: Caller,
  query: z.infer<typeof listYearFactsQuery>,
): Promise<ListYearFactsResponse> {
  const year = query.year ?? (await businessYear(ctx.db, ctx.clock.now()));
  const paths = yearFactsReadPaths(caller);
  let unitPath: string | null = null;
  if (query.unitId) {
    const unit = await findUnitCached(ctx, query.unitId);
    if (!unit || !canReadUnit(caller, unit)) throw new AppError('org_unit.not_found');
    unitPath = unit.path;
  }
  const filtered = ctx.db
    .selectFrom('members as m')
    .leftJoin('member_year_facts as f', (j) => j.onRef('f.member_id', '=', 'm.id').on('f.year', '=', year))
    .where((eb) => withinPaths(eb, 'm.unit_path', paths))
    .$if(unitPath !== null, (q) => q.where((eb) => withinPaths(eb, 'm.unit_path', [unitPath!])))
    .where((eb) => eb.or([eb('m.status', 'in', ON_ROLLS), eb('f.id', 'is not', null)]));

  const [count, rows] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    filtered
      .innerJoin('org_units as u', 'u.id', 'm.unit_id')
      .select([
        'm.id',
        'm.full_name',
        'm.card_number',
        'm.unit_id',
        'm.unit_path',
        'm.status',
        'u.name as unit_name',
        'f.id as f_id',
        'f.member_id as f_member_id',
        'f.year as f_year',
        'f.disciplines_json as f_disciplines_json',
        'f.civil_service_rating as f_civil_service_rating',
        'f.targets_completed_pct as f_targets_completed_pct',
        'f.sick_leave_days as f_sick_leave_days',
        'f.maternity_leave_days as f_maternity_leave_days',
        'f.degradation_concluded as f_degradation_concluded',
        'f.degradation_note as f_degradation_note',
        'f.confidence_low_pct as f_confidence_low_pct',
        'f.note as f_note',
        'f.updated_by as f_updated_by',
        'f.version as f_version',
        'f.created_at as f_created_at',
        'f.updated_at as f_updated_at',
      ])
      .orderBy('m.sort_key')
      .orderBy('m.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const cc = callerOf(caller);
  return {
    year,
    total: Number(count.n),
    items: rows.map((r) => ({
      memberId: r.id,
      fullName: r.full_name,
      cardNumber: r.card_number,
      unitId: r.unit_id,
      unitName: r.unit_name,
      status: r.status as MemberStatus,
      facts:
        r.f_id === null
          ? null
          : yearFactsOf({
              id: r.f_id,
              member_id: r.f_member_id!,
              year: r.f_year!,
              disciplines_json: r.f_disciplines_json!,
              civil_service_rating: r.f_civil_service_rating,
              targets_completed_pct: r.f_targets_completed_pct,
              sick_leave_days: r.f_sick_leave_days,
              maternity_leave_days: r.f_maternity_leave_days,
              degradation_concluded: Number(r.f_degradation_concluded),
              degradation_note: r.f_degradation_note,
              confidence_low_pct: r.f_confidence_low_pct,
              note: r.f_note,
              updated_by: r.f_updated_by,
              version: Number(r.f_version),
              created_at: r.f_created_at!,
              updated_at: r.f_updated_at!,
            }),
      canWrite: canWriteYearFacts(cc, { unitPath: r.unit_path, memberId: r.id }),
    })),
  };
}
