// Who decides a classification (issue 4 item 5; regulations §2.5 "Authority (thẩm quyền)" and §11.5
// item 10, QĐ 366 Điều 13 / HD 43 §3). Pure: the subject's place in the tree in, the deciding body
// out, and whether a caller's grants make them that body. The table is short and stable, so it is
// written here with its sources rather than as rule-set data; every period from HD 27/2014 to
// HD 43/2025 gives the same answer at the levels Tự soi models.
import type { Role } from '../../../shared/vocabulary.js';
import { isWithinPath } from '../org-tree.js';

export type AuthoritySubjectKind = 'member' | 'unit' | 'leadership';

/** Where a subject sits: enough of the tree to name its deciding body. */
export interface AuthoritySubject {
  kind: AuthoritySubjectKind;
  /** Kind of the unit: the member's chi bộ, or the unit whose collective (or leadership) is classified. */
  unitKind: string;
  unitPath: string;
  isGrassroots: boolean;
  /** The grassroots unit holding (or being) the unit; null for units above the grassroots level. */
  grassrootsPath: string | null;
  /** The unit's parent in the tree (for a grassroots unit: the committee directly above it). */
  parentPath: string | null;
}

export type DecidingLevel = 'grassroots' | 'upper';

export interface DecidingBody {
  /** The role that acts for the deciding body (design §2: unit_committee "decide members", standing "decide units"). */
  role: Extract<Role, 'unit_committee' | 'standing'>;
  /** The unit whose committee decides: the caller's grant must cover it. */
  unitPath: string;
  level: DecidingLevel;
  /** Vietnamese, for the board and the errors. */
  label: string;
  /** The regulation the row implements. */
  source: string;
}

const MEMBERS =
  'regulations §2.5, dòng "Đảng viên" [S53][S54][S55]: đảng ủy cơ sở, chi ủy cơ sở (chi bộ cơ sở nơi không có chi ủy) quyết định xếp loại đảng viên; HD 43 giữ cách làm này (regulations §11.5 mục 10, chưa xác nhận)';
const SUB_UNITS =
  'regulations §2.5, dòng "Chi bộ trực thuộc ĐUCS" (thực tiễn, chưa xác nhận) và §11.5 mục 10 (QĐ 366 Điều 13; HD 43 §3): chi bộ trực thuộc, đảng bộ bộ phận do đảng ủy cơ sở quyết định';
const GRASSROOTS =
  'regulations §2.5, dòng "TCCSĐ" [S18][S50][S37] và §11.5 mục 10 (QĐ 366 Điều 13; HD 43 §3): tổ chức cơ sở đảng do Ban Thường vụ cấp ủy cấp trên trực tiếp quyết định';
const LEADERSHIP =
  'regulations §2.5, dòng "Tập thể lãnh đạo, quản lý" [S50][S56] (bảng phân cấp theo chức danh chưa xác nhận): Tự soi giao cho Ban Thường vụ cấp ủy cấp trên trực tiếp';

/** Units below the grassroots level whose collective the grassroots committee decides (Điều lệ Đảng Điều 21–24). */
const BELOW_GRASSROOTS: readonly string[] = ['cell', 'sub_party'];

/**
 * The body that decides a subject's level:
 * - a member → the committee of their grassroots unit (đảng ủy cơ sở / chi ủy cơ sở);
 * - a chi bộ trực thuộc or a đảng bộ bộ phận → the committee of the grassroots unit above it;
 * - a grassroots unit, a leadership collective, or a unit above the grassroots level → the
 *   Standing Committee of the committee directly above it.
 * Null when the tree gives no such body (a member outside any grassroots unit, a unit at the root).
 */
export function decidingBody(s: AuthoritySubject): DecidingBody | null {
  if (s.kind === 'member') {
    if (!s.grassrootsPath) return null;
    return { role: 'unit_committee', unitPath: s.grassrootsPath, level: 'grassroots', label: 'Cấp ủy cơ sở', source: MEMBERS };
  }
  if (s.kind === 'unit' && !s.isGrassroots && BELOW_GRASSROOTS.includes(s.unitKind)) {
    if (!s.grassrootsPath) return null;
    return { role: 'unit_committee', unitPath: s.grassrootsPath, level: 'grassroots', label: 'Cấp ủy cơ sở', source: SUB_UNITS };
  }
  if (!s.parentPath) return null;
  return {
    role: 'standing',
    unitPath: s.parentPath,
    level: 'upper',
    label: 'Ban Thường vụ cấp ủy cấp trên trực tiếp',
    source: s.kind === 'leadership' ? LEADERSHIP : GRASSROOTS,
  };
}

export interface GrantLike {
  role: Role;
  unitPath: string;
}

/** Whether the grants make the caller the deciding body of the subject (a grant over its unit, or above it). */
export function mayDecide(grants: readonly GrantLike[], s: AuthoritySubject): boolean {
  const body = decidingBody(s);
  if (!body) return false;
  return grants.some((g) => g.role === body.role && isWithinPath(body.unitPath, g.unitPath));
}

/** Two subjects are decided by the same body (one decision, one batch). */
export function sameBody(a: DecidingBody, b: DecidingBody): boolean {
  return a.role === b.role && a.unitPath === b.unitPath;
}
