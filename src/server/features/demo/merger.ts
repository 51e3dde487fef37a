// The merger of commune-level units on 1 July 2025 (regulations §7.2, §11.8: the two-level local
// government; Hà Tĩnh's 209 commune-level units became 69). In each district of the province demo,
// the first localities (xã, phường, thị trấn) are merged in groups of two or three into new đảng bộ
// founded on 01/7/2025; their chi bộ move under the new unit, the predecessors stay in the tree as
// history (valid_to, merged_into_id), so that the 2025 review of a merged unit carries over its
// predecessors' 2024 shortcomings (design §3, OrgUnit succession links).
//
// It goes through the application's own use cases (createOrgUnit, mergeOrgUnits) as the demo's
// administrator: audited, with the paths of the moved subtrees rebased. The demo keeps the district
// committees above the new units (the reform also ended them; which committees took over their
// grassroots units is UNCONFIRMED, §7.2), so the rest of the tree stays as it was.
import { loadPrincipal } from '../../adapters/auth/principal.repository.js';
import { childPath } from '../../domain/org-tree.js';
import { createOrgUnit } from '../org-units/create-org-unit.js';
import { mergeOrgUnits } from '../org-units/merge-org-units.js';
import { unit } from './blueprint.js';
import { accountId } from './campaign-kit.js';
import type { CampaignState } from './state.js';
import { MERGED_NAMES } from './texts.js';

export const MERGER_DATE = '2025-07-01';
const REASON = 'Sắp xếp đơn vị hành chính cấp xã, tổ chức chính quyền địa phương hai cấp từ ngày 01/7/2025';
/** Localities merged per district, in groups of these sizes. */
const GROUPS = [3, 2, 3];

export interface MergerResult {
  successors: number;
  predecessors: number;
  movedCells: number;
}

export async function mergeLocalities(state: CampaignState): Promise<MergerResult> {
  const ctx = state.ctx;
  const admin = await loadPrincipal(ctx.db, accountId(state, 'admin'));
  const root = state.units.find((u) => u.parentId === null)!;
  const districts = await ctx.db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'path'])
    .where('parent_id', '=', root.id)
    .where('kind', '=', 'committee')
    .where((eb) => eb.or([eb('name', 'like', 'Huyện ủy %'), eb('name', 'like', 'Thị ủy %')]))
    .orderBy('code')
    .execute();
  const names = [...MERGED_NAMES];
  const result: MergerResult = { successors: 0, predecessors: 0, movedCells: 0 };
  for (const d of districts) {
    const localities = await ctx.db
      .selectFrom('org_units')
      .select(['id', 'name', 'sector'])
      .where('parent_id', '=', d.id)
      .where('kind', '=', 'grassroots_party')
      .where('sector', 'in', ['commune', 'ward', 'town'])
      .where('valid_to', 'is', null)
      .orderBy('code')
      .execute();
    let next = 0;
    for (const [g, size] of GROUPS.entries()) {
      const group = localities.slice(next, next + size);
      next += size;
      if (group.length < 2) break;
      const ward = group.some((l) => l.sector === 'ward');
      const placeName = names.shift() ?? `${d.name} ${g + 1}`;
      const place = `${ward ? 'phường' : 'xã'} ${placeName}`;
      const code = `${d.code}.H${String(g + 1).padStart(2, '0')}`;
      const name = `Đảng bộ ${place}`;
      const formerNames = group.map((l) => l.name.replace(/^Đảng bộ /, '')).join(', ');
      const { id } = await createOrgUnit(ctx, admin, {
        parentId: d.id,
        kind: 'grassroots_party',
        sector: ward ? 'ward' : 'commune',
        code,
        name,
        validFrom: MERGER_DATE,
        note: `Thành lập ngày 01/7/2025 trên cơ sở hợp nhất ${formerNames}.`,
      });
      const cells = await ctx.db
        .selectFrom('org_units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(
          'parent_id',
          'in',
          group.map((l) => l.id),
        )
        .executeTakeFirstOrThrow();
      await mergeOrgUnits(ctx, admin, id, { sourceIds: group.map((l) => l.id), date: MERGER_DATE, reason: REASON });
      // The generator's own view of the tree follows (the later steps read the database itself).
      const path = childPath(d.path, id);
      state.units.push({
        id,
        parentId: d.id,
        path,
        code,
        name,
        kind: 'grassroots_party',
        sector: ward ? 'ward' : 'commune',
        spec: unit(code, name, 'grassroots_party', ward ? 'ward' : 'commune', { partySuffix: place }),
      });
      for (const l of group) {
        const u = state.units.find((x) => x.id === l.id);
        if (u) u.mergedInto = id;
      }
      result.successors += 1;
      result.predecessors += group.length;
      result.movedCells += Number(cells.n);
    }
  }
  return result;
}
