// The campaign rows of design §2, written out by hand (not computed from the module under test),
// and the overdue arithmetic of the cockpit against the business date.
import { describe, expect, it } from 'vitest';
import {
  canAppraise,
  canApprovePlan,
  canManageCampaign,
  canReadCampaign,
  canReadDossier,
  canReadMemberReview,
  canReadSuggestion,
  canWriteDossier,
  canWriteSuggestion,
  memberReviewWriter,
  type CampaignCaller,
} from '../../src/server/domain/campaign-policy.js';
import { overdueClauses, reached, stagesBefore, unitOverdue } from '../../src/server/domain/campaign-progress.js';
import type { Role } from '../../src/shared/vocabulary.js';

const CITY = '/city/';
const WARD = '/city/ward/';
const CELL = '/city/ward/cell1/';
const SCHOOL = '/city/school/';
const OTHER = '/other/';

function caller(role: Role | 'director' | 'none', at: string, memberId: string | null = null): CampaignCaller {
  if (role === 'director') return { principal: { accountId: 'a', memberId, memberUnitPath: null, grants: [] }, directorPaths: [at] };
  if (role === 'none') return { principal: { accountId: 'a', memberId, memberUnitPath: null, grants: [] }, directorPaths: [] };
  return {
    principal: { accountId: 'a', memberId, memberUnitPath: role === 'member' ? at : null, grants: [{ role, unitPath: at, unitKind: 'x' }] },
    directorPaths: [],
  };
}

describe('design §2 row "Campaign, plan, assignments, suggestions"', () => {
  // [role, grant path, may read the city's campaign, may manage it, may approve its plan]
  const rows: [Role | 'director', string, boolean, boolean, boolean][] = [
    ['admin', CITY, true, false, false],
    ['standing', CITY, true, true, true],
    ['organizer', CITY, true, true, false],
    ['office', CITY, true, false, false],
    ['director', WARD, true, false, false],
    ['unit_committee', WARD, true, false, false],
    ['cell_secretary', CELL, true, false, false],
    ['member', CELL, true, false, false],
    ['organizer', OTHER, false, false, false],
    ['standing', OTHER, false, false, false],
  ];
  it.each(rows)('%s over %s: read %s, manage %s, approve plan %s', (role, at, read, manage, approve) => {
    const c = caller(role, at);
    expect(canReadCampaign(c, CITY)).toBe(read);
    expect(canManageCampaign(c, CITY)).toBe(manage);
    expect(canApprovePlan(c, CITY)).toBe(approve);
  });

  it('suggestions: organizer and standing write; the member reads only their own', () => {
    expect(canWriteSuggestion(caller('organizer', CITY), { unitPath: CELL })).toBe(true);
    expect(canWriteSuggestion(caller('office', CITY), { unitPath: CELL })).toBe(false);
    expect(canWriteSuggestion(caller('unit_committee', WARD), { unitPath: CELL })).toBe(false);
    expect(canReadSuggestion(caller('member', CELL, 'm1'), { unitPath: CELL, memberId: 'm1' })).toBe(true);
    expect(canReadSuggestion(caller('member', CELL, 'm1'), { unitPath: CELL, memberId: 'm2' })).toBe(false);
    expect(canReadSuggestion(caller('unit_committee', SCHOOL), { unitPath: CELL })).toBe(false);
  });
});

describe('design §2 row "Collective reports, dossiers, appraisal"', () => {
  // [role, grant path, read the ward's dossier, write it, appraise it]
  const rows: [Role | 'director', string, boolean, boolean, boolean][] = [
    ['admin', CITY, false, false, false],
    ['standing', CITY, true, false, false],
    ['organizer', CITY, true, false, true],
    ['office', CITY, true, false, false],
    ['director', WARD, true, false, false],
    ['director', SCHOOL, false, false, false],
    ['unit_committee', WARD, true, true, false],
    ['unit_committee', SCHOOL, false, false, false],
    ['cell_secretary', WARD, true, false, false],
    ['member', WARD, false, false, false],
  ];
  it.each(rows)('%s over %s: read %s, write %s, appraise %s', (role, at, read, write, appraise) => {
    const c = caller(role, at);
    expect(canReadDossier(c, WARD)).toBe(read);
    expect(canWriteDossier(c, WARD)).toBe(write);
    expect(canAppraise(c, WARD)).toBe(appraise);
  });
});

describe('design §2 row "Individual reviews"', () => {
  const target = { unitPath: CELL, memberId: 'm1', isKeyLeader: false };
  const leader = { ...target, isKeyLeader: true };
  // [role, grant path, read an ordinary member's review, read a key leader's review]
  const rows: [Role | 'director' | 'none', string, boolean, boolean][] = [
    ['admin', CITY, false, false],
    ['standing', CITY, true, true],
    ['organizer', CITY, true, true],
    ['office', CITY, false, false],
    ['director', WARD, false, true],
    ['director', SCHOOL, false, false],
    ['unit_committee', WARD, true, true],
    ['cell_secretary', CELL, true, true],
    ['member', CELL, false, false],
    ['none', CITY, false, false],
  ];
  it.each(rows)('%s over %s: ordinary %s, key leader %s', (role, at, ordinary, keyLeader) => {
    const c = caller(role, at);
    expect(canReadMemberReview(c, target)).toBe(ordinary);
    expect(canReadMemberReview(c, leader)).toBe(keyLeader);
  });

  it('a member reads and writes their own; the cell secretary writes as proxy; nobody else writes', () => {
    expect(canReadMemberReview(caller('member', CELL, 'm1'), target)).toBe(true);
    expect(memberReviewWriter(caller('member', CELL, 'm1'), target)).toBe('self');
    expect(memberReviewWriter(caller('cell_secretary', CELL), target)).toBe('proxy');
    expect(memberReviewWriter(caller('unit_committee', WARD), target)).toBeNull();
    expect(memberReviewWriter(caller('organizer', CITY), target)).toBeNull();
    expect(memberReviewWriter(caller('member', CELL, 'm2'), target)).toBeNull();
  });
});

describe('overdue against milestones at the business date', () => {
  const milestones = [
    { kind: 'reviews_due' as const, dueDate: '2017-12-01' },
    { kind: 'appraisal' as const, dueDate: '2017-12-10' },
    { kind: 'conferences' as const, dueDate: '2017-12-20' },
  ];
  it('a returned dossier counts as not yet submitted', () => {
    expect(stagesBefore('submitted')).toEqual(['planned', 'drafting', 'returned']);
    expect(reached('returned', 'drafting')).toBe(true);
    expect(reached('returned', 'submitted')).toBe(false);
    expect(reached('cleared', 'submitted')).toBe(true);
  });
  it('only milestones already past count, and the appraisal one only for units that need it', () => {
    expect(overdueClauses(milestones, '2017-12-01')).toEqual([]);
    expect(unitOverdue({ stage: 'drafting', needsAppraisal: false }, milestones, '2017-12-05')).toEqual(['reviews_due']);
    expect(unitOverdue({ stage: 'submitted', needsAppraisal: false }, milestones, '2017-12-15')).toEqual([]);
    expect(unitOverdue({ stage: 'submitted', needsAppraisal: true }, milestones, '2017-12-15')).toEqual(['appraisal']);
    expect(unitOverdue({ stage: 'returned', needsAppraisal: true }, milestones, '2017-12-25')).toEqual([
      'reviews_due',
      'appraisal',
      'conferences',
    ]);
    expect(unitOverdue({ stage: 'conference_scheduled', needsAppraisal: true }, milestones, '2017-12-25')).toEqual(['conferences']);
  });
});
