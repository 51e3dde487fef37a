// Expectations written by hand from design §2 (the table), not computed from the policy module.
import { describe, expect, it } from 'vitest';
import {
  canManageAccounts,
  canReadAudit,
  canReadMember,
  canReadUnit,
  canWriteMember,
  canWriteUnit,
  memberReadScope,
  minimalPaths,
  type Principal,
} from '../../src/server/domain/policy.js';
import type { Role } from '../../src/shared/vocabulary.js';

const COMMITTEE = '/tu/';
const WARD = '/tu/p01/';
const CELL_A = '/tu/p01/c1/';
const CELL_B = '/tu/p01/c2/';
const OTHER = '/tu/s01/';

function principal(role: Role, unitPath: string, memberId: string | null = null, memberUnitPath: string | null = null): Principal {
  return { accountId: 'acc', memberId, memberUnitPath, grants: [{ role, unitPath, unitKind: 'committee' }] };
}

describe('org units and member profiles (design §2 row 1)', () => {
  // role, grant path, [read inside, write inside, read outside]
  const rows: [Role, string, boolean, boolean, boolean][] = [
    ['admin', COMMITTEE, true, true, false],
    ['standing', COMMITTEE, true, false, false],
    ['organizer', COMMITTEE, true, true, false],
    ['office', COMMITTEE, true, false, false],
    ['unit_committee', WARD, true, true, false],
    ['cell_secretary', CELL_A, true, false, false],
  ];
  it.each(rows)('%s over %s: read %s, write %s inside; read outside %s', (role, grant, read, write, readOutside) => {
    const p = principal(role, grant);
    const inside = { id: 'm1', unitPath: CELL_A };
    const outside = { id: 'm9', unitPath: '/other/x/' };
    expect(canReadMember(p, inside)).toBe(read);
    expect(canWriteMember(p, inside)).toBe(write);
    expect(canReadUnit(p, { path: CELL_A })).toBe(read);
    expect(canWriteUnit(p, { path: CELL_A })).toBe(write);
    expect(canReadMember(p, outside)).toBe(readOutside);
  });

  it('a cell secretary cannot read another chi bộ', () => {
    const p = principal('cell_secretary', CELL_A);
    expect(canReadMember(p, { id: 'x', unitPath: CELL_B })).toBe(false);
    expect(canReadUnit(p, { path: CELL_B })).toBe(false);
  });

  it('a unit committee cannot read another grassroots unit', () => {
    const p = principal('unit_committee', WARD);
    expect(canReadMember(p, { id: 'x', unitPath: OTHER })).toBe(false);
  });

  it('a member reads only their own profile', () => {
    const p = principal('member', CELL_A, 'me', CELL_A);
    expect(canReadMember(p, { id: 'me', unitPath: CELL_A })).toBe(true);
    expect(canReadMember(p, { id: 'neighbour', unitPath: CELL_A })).toBe(false);
    expect(canWriteMember(p, { unitPath: CELL_A })).toBe(false);
    expect(canReadUnit(p, { path: CELL_A })).toBe(true); // their own chi bộ's name on their profile
    expect(canReadUnit(p, { path: CELL_B })).toBe(false);
  });
});

describe('memberReadScope (design §2 row 1, "R self")', () => {
  it("adds the member's own row only when no subtree of theirs holds it", () => {
    // A plain member: no subtree, their own row alone.
    expect(memberReadScope(principal('member', CELL_A, 'm1', CELL_A))).toEqual({ paths: [], selfMemberId: 'm1' });
    // A secretary of their own chi bộ: the subtree holds them already.
    expect(memberReadScope(principal('cell_secretary', CELL_A, 'm1', CELL_A))).toEqual({ paths: [CELL_A], selfMemberId: null });
    // A secretary of another chi bộ: the subtree, and their own row besides.
    expect(memberReadScope(principal('cell_secretary', CELL_B, 'm1', CELL_A))).toEqual({ paths: [CELL_B], selfMemberId: 'm1' });
    // An account that is no member: nothing of its own.
    expect(memberReadScope(principal('office', COMMITTEE))).toEqual({ paths: [COMMITTEE], selfMemberId: null });
  });
});

describe('accounts and role grants (design §2 row 2): admin only', () => {
  it.each<[Role, boolean]>([
    ['admin', true],
    ['standing', false],
    ['organizer', false],
    ['office', false],
    ['unit_committee', false],
    ['cell_secretary', false],
    ['member', false],
  ])('%s → %s', (role, expected) => {
    expect(canManageAccounts(principal(role, COMMITTEE))).toBe(expected);
  });
});

describe('audit history (design §2 last row)', () => {
  it.each<[Role, string, boolean]>([
    ['admin', COMMITTEE, true],
    ['standing', COMMITTEE, true],
    ['organizer', COMMITTEE, true],
    ['office', COMMITTEE, false],
    ['unit_committee', WARD, true],
    ['cell_secretary', CELL_A, false],
    ['member', CELL_A, false],
  ])('%s over %s reads a chi bộ history: %s', (role, grant, expected) => {
    expect(canReadAudit(principal(role, grant), CELL_A)).toBe(expected);
  });
  it('a unit committee does not read outside its unit', () => {
    expect(canReadAudit(principal('unit_committee', WARD), OTHER)).toBe(false);
  });
});

describe('minimalPaths', () => {
  it('drops subtrees covered by a wider grant', () => {
    expect(minimalPaths([CELL_A, COMMITTEE, WARD, '/x/'])).toEqual([COMMITTEE, '/x/']);
  });
});
