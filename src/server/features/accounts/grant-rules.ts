// Which role may be granted over which kind of unit (design §2, "Users and what they may do").
// Pure: the role, the unit and the account's member in, a Vietnamese reason out (null = allowed).
import type { OrgKind, Role } from '../../../shared/vocabulary.js';

export interface GrantTarget {
  role: Role;
  unit: { id: string; kind: OrgKind; validTo: string | null };
  /** The chi bộ of the member the account belongs to, when it belongs to one. */
  memberUnitId: string | null;
}

/**
 * - standing, organizer, office: bodies of a committee above the grassroots (Thường trực, Ban Tổ
 *   chức, Văn phòng cấp ủy), so only over a unit of kind `committee`.
 * - unit_committee: the committee of a grassroots unit (đảng ủy / chi ủy cơ sở) or of a đảng bộ bộ
 *   phận, never over a committee above the grassroots nor over a chi bộ trực thuộc.
 * - cell_secretary: the secretary of one chi bộ (chi bộ cơ sở or chi bộ trực thuộc).
 * - member: only for an account that belongs to a member, over the chi bộ where they take part
 *   (Điều lệ Đảng, Điều 21–24: every member belongs to one chi bộ).
 * - admin: any unit; the grant covers its subtree.
 * `director` is never granted (design §2): the role enum of the API does not even contain it.
 */
export function grantProblem(t: GrantTarget): string | null {
  if (t.unit.validTo !== null) return 'Tổ chức đảng đã giải thể hoặc hợp nhất; không thể cấp quyền trên tổ chức này.';
  switch (t.role) {
    case 'admin':
      return null;
    case 'standing':
    case 'organizer':
    case 'office':
      return t.unit.kind === 'committee' ? null : 'Quyền này chỉ cấp trên cấp ủy cấp trên cơ sở.';
    case 'unit_committee':
      return t.unit.kind === 'grassroots_party' || t.unit.kind === 'grassroots_cell' || t.unit.kind === 'sub_party'
        ? null
        : 'Quyền Cấp ủy cơ sở chỉ cấp trên tổ chức cơ sở đảng hoặc đảng bộ bộ phận.';
    case 'cell_secretary':
      return t.unit.kind === 'cell' || t.unit.kind === 'grassroots_cell' ? null : 'Quyền Bí thư chi bộ chỉ cấp trên một chi bộ.';
    case 'member':
      if (t.memberUnitId === null) return 'Quyền Đảng viên chỉ cấp cho tài khoản gắn với một đảng viên.';
      return t.memberUnitId === t.unit.id ? null : 'Quyền Đảng viên chỉ cấp trên chi bộ nơi đảng viên sinh hoạt.';
  }
}
