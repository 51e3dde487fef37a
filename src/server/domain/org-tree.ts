// The organization tree (design §3, OrgUnit): kinds that may hold members, parent-child rules and
// materialized paths. Kinds follow Điều lệ Đảng (2011) chương III, Điều 21–24 (grassroots
// organizations, chi bộ trực thuộc, đảng bộ bộ phận; regulations.md §7.1).
import type { OrgKind } from '../../shared/vocabulary.js';

/** Which kinds may sit under which (design §3). The committee may nest (province → city). */
const ALLOWED_CHILDREN: Record<OrgKind, OrgKind[]> = {
  committee: ['committee', 'grassroots_party', 'grassroots_cell'],
  grassroots_party: ['sub_party', 'cell'],
  sub_party: ['cell'],
  grassroots_cell: [],
  cell: [],
};

export function canBeChildOf(child: OrgKind, parent: OrgKind | null): boolean {
  if (parent === null) return child === 'committee';
  return ALLOWED_CHILDREN[parent].includes(child);
}

/** Members are in a chi bộ: a chi bộ cơ sở or a chi bộ trực thuộc (Điều lệ Đảng, Điều 21–24). */
export function holdsMembers(kind: OrgKind): boolean {
  return kind === 'grassroots_cell' || kind === 'cell';
}

/** Grassroots party organizations (tổ chức cơ sở đảng): the units a city committee reviews. */
export function isGrassroots(kind: OrgKind): boolean {
  return kind === 'grassroots_party' || kind === 'grassroots_cell';
}

/** A path lies in the subtree of `ancestorPath` (itself included). */
export function isWithinPath(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}

/** Ids from root to the unit, in order. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** "/a/b/c/" → ["/a/", "/a/b/", "/a/b/c/"]: the paths of the unit and of its ancestors. */
export function ancestorPaths(path: string): string[] {
  const ids = pathIds(path);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}
