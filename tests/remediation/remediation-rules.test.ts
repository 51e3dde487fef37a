// The pure rules of remediation (domain/remediation-policy.ts, contracts/remediation.ts), table by
// table: who reads and writes (design §2 row "Remediation"), what a valid item is, when a plan may
// be filed (after the decision; not classified → after the finalized review), overdue against the
// business date, progress that agrees with its status, and the status next year's review pre-fills.
import { describe, expect, it } from 'vitest';
import { suggestedShortcomingStatus } from '../../src/shared/contracts/remediation.js';
import type { CampaignCaller } from '../../src/server/domain/campaign-policy.js';
import type { Role } from '../../src/shared/vocabulary.js';
import {
  canReadRemediation,
  checkPlanItems,
  fileBlocker,
  isOverdue,
  remediationWriter,
  uncoveredShortcomings,
  updateProblem,
} from '../../src/server/domain/remediation-policy.js';
import { PATHS } from '../../src/web/app/menu.js';
import { remediationPath } from '../../src/shared/contracts/remediation.js';

const WARD = '/c/w/';
const CELL_A = '/c/w/a/';
const CELL_B = '/c/w/b/';
const caller = (grants: [Role, string][], opts: { memberId?: string; directorPaths?: string[] } = {}): CampaignCaller => ({
  principal: {
    accountId: 'acc',
    memberId: opts.memberId ?? null,
    memberUnitPath: opts.memberId ? CELL_A : null,
    grants: grants.map(([role, unitPath]) => ({ role, unitPath, unitKind: 'cell' })),
  },
  directorPaths: opts.directorPaths ?? [],
});

describe('who reads and writes a plan (design §2 row "Remediation")', () => {
  const member = { unitPath: CELL_A, memberId: 'm1' };
  const cases: { who: string; c: CampaignCaller; read: boolean; write: 'self' | 'committee' | null }[] = [
    { who: 'standing', c: caller([['standing', '/c/']]), read: true, write: null },
    { who: 'organizer', c: caller([['organizer', '/c/']]), read: true, write: null },
    { who: 'office', c: caller([['office', '/c/']]), read: true, write: null },
    { who: 'admin', c: caller([['admin', '/c/']]), read: false, write: null },
    { who: 'director of the ward', c: caller([], { directorPaths: [WARD] }), read: true, write: null },
    { who: 'unit committee of the ward', c: caller([['unit_committee', WARD]]), read: true, write: 'committee' },
    { who: 'secretary of chi bộ A', c: caller([['cell_secretary', CELL_A]]), read: true, write: 'committee' },
    { who: 'secretary of chi bộ B', c: caller([['cell_secretary', CELL_B]]), read: false, write: null },
    { who: 'the member', c: caller([['member', CELL_A]], { memberId: 'm1' }), read: true, write: 'self' },
    { who: 'another member', c: caller([['member', CELL_A]], { memberId: 'm2' }), read: false, write: null },
  ];
  for (const t of cases) {
    it(`${t.who}: ${t.read ? 'reads' : 'does not read'}, writes ${t.write ?? 'nothing'}`, () => {
      expect(canReadRemediation(t.c, member)).toBe(t.read);
      expect(remediationWriter(t.c, member)).toBe(t.write);
    });
  }
  it("a member never writes a collective's plan", () => {
    expect(remediationWriter(caller([['member', CELL_A]], { memberId: 'm1' }), { unitPath: CELL_A })).toBeNull();
    expect(canReadRemediation(caller([['member', CELL_A]], { memberId: 'm1' }), { unitPath: CELL_A })).toBe(false);
  });
});

describe('items of a plan', () => {
  const base = {
    shortcomingIds: new Set(['s1aaaaaa', 's2aaaaaa']),
    existingIds: new Set(['i1aaaaaa']),
    withUpdates: new Set<string>(),
    reviewYear: 2024,
  };
  const ok = { shortcomingId: 's1aaaaaa', action: 'Làm', owner: 'Chi ủy', deadline: '2025-03-31' };
  it('accepts a valid item, a general measure without shortcoming, and an existing item by id', () => {
    const r = checkPlanItems({ ...base, drafts: [ok, { ...ok, shortcomingId: null }, { ...ok, id: 'i1aaaaaa' }] });
    expect(r.problems).toEqual([]);
    expect(r.items).toHaveLength(3);
  });
  it.each([
    [{ ...ok, action: '' }, 'items.0.action'],
    [{ ...ok, owner: '  ' }, 'items.0.owner'],
    [{ ...ok, deadline: '31/03/2025' }, 'items.0.deadline'],
    [{ ...ok, deadline: '2025-02-29' }, 'items.0.deadline'],
    [{ ...ok, deadline: '2023-12-31' }, 'items.0.deadline'],
    [{ ...ok, shortcomingId: 'zzzzzzzz' }, 'items.0.shortcomingId'],
    [{ ...ok, id: 'notmine00' }, 'items.0.id'],
  ])('refuses %o at %s', (draft, field) => {
    const r = checkPlanItems({ ...base, drafts: [draft] });
    expect(r.problems.map((p) => p.field)).toEqual([field]);
  });
  it('refuses to drop an item that has progress updates', () => {
    const r = checkPlanItems({ ...base, withUpdates: new Set(['i1aaaaaa']), drafts: [ok] });
    expect(r.problems.map((p) => p.field)).toEqual(['items']);
  });
  it('names the shortcomings no item addresses', () => {
    expect(uncoveredShortcomings([{ id: 'a' }, { id: 'b' }], [{ shortcomingId: 'a' }, { shortcomingId: null }])).toEqual([{ id: 'b' }]);
  });
});

describe('filing waits for the decision (regulations §3.1 bước 8)', () => {
  it.each([
    [{ classificationStatus: null, classified: true, reviewFinalized: true }, false],
    [{ classificationStatus: 'self_assessed', classified: true, reviewFinalized: true }, false],
    [{ classificationStatus: 'proposed', classified: true, reviewFinalized: true }, false],
    [{ classificationStatus: 'decided', classified: true, reviewFinalized: false }, true],
    [{ classificationStatus: 'published', classified: true, reviewFinalized: false }, true],
    [{ classificationStatus: null, classified: false, reviewFinalized: false }, false],
    [{ classificationStatus: null, classified: false, reviewFinalized: true }, true],
  ])('%o → may file: %s', (facts, may) => {
    expect(fileBlocker(facts) === null).toBe(may);
  });
});

describe('overdue and progress', () => {
  it('is overdue when the deadline is before the business date and the item is not done', () => {
    expect(isOverdue({ deadline: '2025-01-14', status: 'planned' }, '2025-01-15')).toBe(true);
    expect(isOverdue({ deadline: '2025-01-15', status: 'in_progress' }, '2025-01-15')).toBe(false);
    expect(isOverdue({ deadline: '2025-01-01', status: 'done' }, '2025-01-15')).toBe(false);
  });
  it.each([
    ['done', 100, null],
    ['done', 80, 'tiến độ là 100%'],
    ['in_progress', 100, 'Tiến độ 100%'],
    ['planned', 10, 'Đang thực hiện'],
    ['in_progress', 40, null],
    ['planned', 0, null],
  ] as const)('%s at %i %% → %s', (status, progressPct, problem) => {
    const got = updateProblem({ status, progressPct });
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
});

describe("the status next year's review pre-fills from last year's items", () => {
  it.each([
    [[], null],
    [['done', 'done'], 'fixed'],
    [['done', 'planned'], 'being_fixed'],
    [['in_progress'], 'being_fixed'],
    [['planned', 'planned'], 'not_fixed'],
  ] as const)('%o → %s', (statuses, expected) => {
    expect(suggestedShortcomingStatus(statuses.map((status) => ({ status })))).toBe(expected);
  });
});

describe('links', () => {
  it('the server links its notices to the pages of the browser app', () => {
    expect(remediationPath('c1', 'member', 'm1')).toBe(PATHS.remediationPlan('c1', 'member', 'm1'));
  });
});
