// Row → contract shape of a unit in lists and on its page.
import type { OrgUnitSummary } from '../../../shared/contracts/org-units.js';
import type { OrgKind, Sector } from '../../../shared/vocabulary.js';
import type { OrgUnitRow } from '../../adapters/db/schema.js';

export type SummaryUnitRow = Pick<
  OrgUnitRow,
  'id' | 'parent_id' | 'path' | 'depth' | 'kind' | 'sector' | 'code' | 'name' | 'valid_from' | 'valid_to'
>;

export function presentUnitSummary(u: SummaryUnitRow, childCount: number): OrgUnitSummary {
  return {
    id: u.id,
    parentId: u.parent_id,
    path: u.path,
    depth: u.depth,
    kind: u.kind as OrgKind,
    sector: u.sector as Sector | null,
    code: u.code,
    name: u.name,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    childCount,
  };
}
