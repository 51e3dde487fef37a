// Reads of the organization tree, shared by the tree, the unit page and the pickers.
import type { QueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { OrgUnitDetail, OrgUnitSummary, Page } from '../../api/types';

export const unitKeys = {
  roots: (inactive = false) => ['org-units', 'roots', inactive] as const,
  children: (id: string, inactive = false) => ['org-units', 'children', id, inactive] as const,
  search: (q: string, inactive = false) => ['org-units', 'search', q, inactive] as const,
  detail: (id: string) => ['org-unit', id] as const,
};

// Units that ended (merged, dissolved) are left out unless asked for: their history stays reachable.
const inactiveFlag = (inactive: boolean) => (inactive ? 'true' : undefined);
export const fetchRoots = (inactive = false) =>
  api.get<Page<OrgUnitSummary>>(withQuery('/api/org-units', { includeInactive: inactiveFlag(inactive) }));
export const fetchChildren = (id: string, inactive = false) =>
  api.get<Page<OrgUnitSummary>>(withQuery('/api/org-units', { parent: id, pageSize: 2000, includeInactive: inactiveFlag(inactive) }));
export const searchUnits = (q: string, inactive = false) =>
  api.get<Page<OrgUnitSummary>>(withQuery('/api/org-units', { q, pageSize: 50, includeInactive: inactiveFlag(inactive) }));
export const fetchUnit = (id: string) => api.get<OrgUnitDetail>(`/api/org-units/${id}`);

/** After a change to the tree, every cached list of units may be stale. */
export async function invalidateTree(qc: QueryClient): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['org-units'] }),
    qc.invalidateQueries({ queryKey: ['org-unit'] }),
    qc.invalidateQueries({ queryKey: ['members'] }),
    qc.invalidateQueries({ queryKey: ['history'] }),
  ]);
}
