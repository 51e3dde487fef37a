// A unit's page: details, breadcrumb, succession links, member counts by status, and abilities.
import { AppError } from '../../../shared/errors.js';
import type { OrgUnitDetail } from '../../../shared/contracts/org-units.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import { countMembersByStatus } from '../../adapters/db/members.repository.js';
import { findUnit, unitsByIds } from '../../adapters/db/org-units.repository.js';
import { pathIds } from '../../domain/org-tree.js';
import { canReadUnit, memberReadScope, unitAbilities } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { presentUnitSummary } from './present-unit.js';

export async function getOrgUnit(ctx: AppContext, caller: Caller, id: string): Promise<OrgUnitDetail> {
  const unit = await findUnit(ctx.db, id);
  // Not found and not allowed look the same, so ids outside one's subtree reveal nothing.
  if (!unit || !canReadUnit(caller, unit)) throw new AppError('org_unit.not_found');
  const ancestorIds = pathIds(unit.path).slice(0, -1);
  // The names of the upper levels form the breadcrumb; they say nothing about anyone's review.
  const ancestors = await unitsByIds(ctx.db, ancestorIds);
  const [childCount, predecessors, mergedInto, memberCounts] = await Promise.all([
    ctx.db
      .selectFrom('org_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', unit.id)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('org_units')
      .select(['id', 'name', 'merged_into_id', 'path'])
      .where((eb) => eb.or([eb('merged_into_id', '=', unit.id), ...(unit.split_from_id ? [eb('id', '=', unit.split_from_id)] : [])]))
      .execute(),
    unit.merged_into_id ? findUnit(ctx.db, unit.merged_into_id) : Promise.resolve(undefined),
    countMembersByStatus(ctx.db, memberReadScope(caller), unit.path),
  ]);
  return {
    ...presentUnitSummary(unit, Number(childCount.n)),
    mergedIntoId: unit.merged_into_id,
    splitFromId: unit.split_from_id,
    note: unit.note,
    version: unit.version,
    ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, kind: a.kind as OrgKind })),
    mergedInto: mergedInto ? { id: mergedInto.id, name: mergedInto.name } : null,
    predecessors: predecessors
      .filter((p) => canReadUnit(caller, p))
      .map((p) => ({
        id: p.id,
        name: p.name,
        relation: p.merged_into_id === unit.id ? ('merged_into' as const) : ('split_from' as const),
      })),
    memberCounts,
    abilities: unitAbilities(caller, unit),
  };
}
