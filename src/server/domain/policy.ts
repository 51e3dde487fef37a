// Who may do what (design §2). Pure: the caller's grants and the target's place in the tree in,
// a yes or no out. The same table drives SQL scoping (readScope) so lists never show what a
// single read would refuse. Written from the table of design §2, row by row.
import type { Role } from '../../shared/vocabulary.js';
import { isWithinPath } from './org-tree.js';

export interface Grant {
  role: Role;
  /** Materialized path of the unit the role is granted over: the grant covers its subtree. */
  unitPath: string;
  unitKind: string;
}

export interface Principal {
  accountId: string;
  memberId: string | null;
  /** Path of the member's own chi bộ, when the account belongs to a member. */
  memberUnitPath: string | null;
  grants: Grant[];
}

export type Resource = 'org_structure' | 'accounts' | 'audit';
export type Access = 'read' | 'write';

/**
 * Design §2, rows "Org units, member profiles", "Accounts and role grants", "Audit history".
 * `subtree`: over the grant's subtree; `none`: no access by that role.
 * cell_secretary "R own chi bộ" is the grant's subtree, since that grant is given on the chi bộ.
 */
const TABLE: Record<Resource, Record<Role, { read: boolean; write: boolean }>> = {
  org_structure: {
    admin: { read: true, write: true },
    standing: { read: true, write: false },
    organizer: { read: true, write: true },
    office: { read: true, write: false },
    unit_committee: { read: true, write: true },
    cell_secretary: { read: true, write: false },
    member: { read: false, write: false }, // R self: handled by selfMemberId below
  },
  accounts: {
    admin: { read: true, write: true },
    standing: { read: false, write: false },
    organizer: { read: false, write: false },
    office: { read: false, write: false },
    unit_committee: { read: false, write: false },
    cell_secretary: { read: false, write: false },
    member: { read: false, write: false },
  },
  audit: {
    admin: { read: true, write: false },
    standing: { read: true, write: false },
    organizer: { read: true, write: false },
    office: { read: false, write: false },
    unit_committee: { read: true, write: false },
    cell_secretary: { read: false, write: false },
    member: { read: false, write: false },
  },
};

const isWithin = isWithinPath;

/** Removes paths covered by another path of the list, so SQL gets the fewest ranges. */
export function minimalPaths(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => isWithin(p, k))) kept.push(p);
  return kept.sort();
}

/** Subtrees where the principal has `access` on `resource`. */
export function scopePaths(principal: Principal, resource: Resource, access: Access): string[] {
  return minimalPaths(principal.grants.filter((g) => TABLE[resource][g.role][access]).map((g) => g.unitPath));
}

export interface ReadScope {
  /** Subtrees whose rows may be read. */
  paths: string[];
  /** A member may read their own profile (design §2, "R self"). */
  selfMemberId: string | null;
}

export function memberReadScope(principal: Principal): ReadScope {
  const paths = scopePaths(principal, 'org_structure', 'read');
  // Their own row inside one of those subtrees needs no "or my own id": one condition fewer in
  // SQL, and callers with the same subtrees share the same cached roster totals.
  const home = principal.memberUnitPath;
  const covered = home !== null && paths.some((p) => isWithin(home, p));
  return { paths, selfMemberId: covered ? null : principal.memberId };
}

export function canReadMember(principal: Principal, member: { id: string; unitPath: string }): boolean {
  if (principal.memberId === member.id) return true;
  return scopePaths(principal, 'org_structure', 'read').some((p) => isWithin(member.unitPath, p));
}

export function canWriteMember(principal: Principal, member: { unitPath: string }): boolean {
  return scopePaths(principal, 'org_structure', 'write').some((p) => isWithin(member.unitPath, p));
}

/** A member sees the unit they belong to and its ancestors' names (their profile shows them). */
export function canReadUnit(principal: Principal, unit: { path: string }): boolean {
  if (scopePaths(principal, 'org_structure', 'read').some((p) => isWithin(unit.path, p))) return true;
  return principal.memberUnitPath !== null && principal.memberUnitPath === unit.path;
}

/** Writing a unit means holding a write grant over it; creating one, over its parent. */
export function canWriteUnit(principal: Principal, unit: { path: string }): boolean {
  return scopePaths(principal, 'org_structure', 'write').some((p) => isWithin(unit.path, p));
}

export function canManageAccounts(principal: Principal, unitPath?: string): boolean {
  const paths = scopePaths(principal, 'accounts', 'write');
  return unitPath === undefined ? paths.length > 0 : paths.some((p) => isWithin(unitPath, p));
}

export function canReadAudit(principal: Principal, scopePath: string | null): boolean {
  const paths = scopePaths(principal, 'audit', 'read');
  if (scopePath === null) return principal.grants.some((g) => g.role === 'admin');
  return paths.some((p) => isWithin(scopePath, p));
}

/** Abilities sent with a response so the browser shows only allowed actions (design §4). */
export interface UnitAbilities {
  read: boolean;
  update: boolean;
  createChild: boolean;
  move: boolean;
  merge: boolean;
  createMember: boolean;
  importMembers: boolean;
  exportMembers: boolean;
  readAudit: boolean;
}

export function unitAbilities(principal: Principal, unit: { path: string }): UnitAbilities {
  const write = canWriteUnit(principal, unit);
  return {
    read: canReadUnit(principal, unit),
    update: write,
    createChild: write,
    move: write,
    merge: write,
    createMember: write,
    importMembers: write,
    exportMembers: scopePaths(principal, 'org_structure', 'read').some((p) => isWithin(unit.path, p)),
    readAudit: canReadAudit(principal, unit.path),
  };
}

export interface MemberAbilities {
  read: boolean;
  update: boolean;
  transfer: boolean;
  changeStatus: boolean;
  readAudit: boolean;
}

export function memberAbilities(principal: Principal, member: { id: string; unitPath: string }): MemberAbilities {
  const write = canWriteMember(principal, member);
  return {
    read: canReadMember(principal, member),
    update: write,
    transfer: write,
    changeStatus: write,
    readAudit: canReadAudit(principal, member.unitPath),
  };
}
