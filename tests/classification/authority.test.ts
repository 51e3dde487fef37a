// Who decides, who proposes, who reads (issue 4 item 5), written from regulations §2.5 "Authority",
// §11.5 item 10 and design §2 rows "Classification before / after publication" — table by table,
// not from the code.
import { describe, expect, it } from 'vitest';
import { decidingBody, mayDecide, type AuthoritySubject } from '../../src/server/domain/classification/authority.js';
import {
  canReadPublished,
  canReadUnpublished,
  mayFileComplaint,
  mayPropose,
  mayPublish,
  mayResolveComplaint,
  memberSeesResult,
  seesUnpublishedLevel,
  type ClassificationCaller,
} from '../../src/server/domain/classification/policy.js';
import type { Role } from '../../src/shared/vocabulary.js';

// A city committee T; a đảng bộ phường G with a chi bộ trực thuộc C and a đảng bộ bộ phận S holding
// chi bộ C2; a chi bộ cơ sở K; a second committee H elsewhere.
const T = '/t/';
const G = '/t/g/';
const C = '/t/g/c/';
const S = '/t/g/s/';
const C2 = '/t/g/s/c2/';
const K = '/t/k/';
const H = '/h/';

const subjects: Record<string, AuthoritySubject> = {
  'member of chi bộ trực thuộc': { kind: 'member', unitKind: 'cell', unitPath: C, isGrassroots: false, grassrootsPath: G, parentPath: G },
  'member of a chi bộ under a đảng bộ bộ phận': {
    kind: 'member',
    unitKind: 'cell',
    unitPath: C2,
    isGrassroots: false,
    grassrootsPath: G,
    parentPath: S,
  },
  'member of chi bộ cơ sở': {
    kind: 'member',
    unitKind: 'grassroots_cell',
    unitPath: K,
    isGrassroots: false,
    grassrootsPath: K,
    parentPath: T,
  },
  'chi bộ trực thuộc': { kind: 'unit', unitKind: 'cell', unitPath: C, isGrassroots: false, grassrootsPath: G, parentPath: G },
  'đảng bộ bộ phận': { kind: 'unit', unitKind: 'sub_party', unitPath: S, isGrassroots: false, grassrootsPath: G, parentPath: G },
  'đảng bộ cơ sở': { kind: 'unit', unitKind: 'grassroots_party', unitPath: G, isGrassroots: true, grassrootsPath: G, parentPath: T },
  'chi bộ cơ sở': { kind: 'unit', unitKind: 'grassroots_cell', unitPath: K, isGrassroots: true, grassrootsPath: K, parentPath: T },
  'leadership collective of the đảng bộ cơ sở': {
    kind: 'leadership',
    unitKind: 'grassroots_party',
    unitPath: G,
    isGrassroots: true,
    grassrootsPath: G,
    parentPath: T,
  },
};

describe('decidingBody (regulations §2.5, §11.5 item 10)', () => {
  const table: [string, 'unit_committee' | 'standing', string, 'grassroots' | 'upper'][] = [
    ['member of chi bộ trực thuộc', 'unit_committee', G, 'grassroots'],
    ['member of a chi bộ under a đảng bộ bộ phận', 'unit_committee', G, 'grassroots'],
    ['member of chi bộ cơ sở', 'unit_committee', K, 'grassroots'],
    ['chi bộ trực thuộc', 'unit_committee', G, 'grassroots'],
    ['đảng bộ bộ phận', 'unit_committee', G, 'grassroots'],
    ['đảng bộ cơ sở', 'standing', T, 'upper'],
    ['chi bộ cơ sở', 'standing', T, 'upper'],
    ['leadership collective of the đảng bộ cơ sở', 'standing', T, 'upper'],
  ];
  for (const [name, role, unitPath, level] of table) {
    it(`${name} → ${role} over ${unitPath}`, () => {
      const body = decidingBody(subjects[name]);
      expect(body).toMatchObject({ role, unitPath, level });
      expect(body!.source).toMatch(/regulations §2\.5/);
    });
  }

  it('no body where the tree gives none: a member outside any grassroots unit', () => {
    expect(decidingBody({ ...subjects['member of chi bộ trực thuộc'], grassrootsPath: null })).toBeNull();
  });
});

const grant = (role: Role, unitPath: string) => ({ role, unitPath });
const caller = (grants: { role: Role; unitPath: string }[], extra: Partial<ClassificationCaller> = {}): ClassificationCaller => ({
  grants,
  directorPaths: [],
  memberId: null,
  ...extra,
});

describe('mayDecide: the caller holds the deciding body’s role over its unit', () => {
  const callers: Record<string, { role: Role; unitPath: string }[]> = {
    'cấp ủy G': [grant('unit_committee', G)],
    'cấp ủy K': [grant('unit_committee', K)],
    'bí thư chi bộ C': [grant('cell_secretary', C)],
    'BTV T': [grant('standing', T)],
    'Ban Tổ chức T': [grant('organizer', T)],
    'BTV H': [grant('standing', H)],
    'quản trị T': [grant('admin', T)],
  };
  // Rows: subject; columns: callers — the decision table of regulations §2.5 and design §2.
  const expected: Record<string, string[]> = {
    'member of chi bộ trực thuộc': ['cấp ủy G'],
    'member of a chi bộ under a đảng bộ bộ phận': ['cấp ủy G'],
    'member of chi bộ cơ sở': ['cấp ủy K'],
    'chi bộ trực thuộc': ['cấp ủy G'],
    'đảng bộ bộ phận': ['cấp ủy G'],
    'đảng bộ cơ sở': ['BTV T'],
    'chi bộ cơ sở': ['BTV T'],
    'leadership collective of the đảng bộ cơ sở': ['BTV T'],
  };
  for (const [subject, allowed] of Object.entries(expected)) {
    it(`${subject}: only ${allowed.join(', ')}`, () => {
      const got = Object.entries(callers)
        .filter(([, grants]) => mayDecide(grants, subjects[subject]))
        .map(([name]) => name);
      expect(got).toEqual(allowed);
    });
  }
});

describe('mayPropose (regulations §2.5 column "Proposes"; design §2 "RW (propose)")', () => {
  const callers: Record<string, ClassificationCaller> = {
    'bí thư chi bộ C': caller([grant('cell_secretary', C)]),
    'cấp ủy G': caller([grant('unit_committee', G)]),
    'Ban Tổ chức T': caller([grant('organizer', T)]),
    'BTV T': caller([grant('standing', T)]),
    'Văn phòng T': caller([grant('office', T)]),
  };
  const expected: Record<string, string[]> = {
    'member of chi bộ trực thuộc': ['bí thư chi bộ C', 'cấp ủy G'],
    'member of a chi bộ under a đảng bộ bộ phận': ['cấp ủy G'],
    'chi bộ trực thuộc': ['bí thư chi bộ C', 'cấp ủy G'],
    'đảng bộ cơ sở': ['Ban Tổ chức T'],
    'leadership collective of the đảng bộ cơ sở': ['Ban Tổ chức T'],
  };
  for (const [subject, allowed] of Object.entries(expected)) {
    it(`${subject}: ${allowed.join(', ')}`, () => {
      const got = Object.entries(callers)
        .filter(([, c]) => mayPropose(c, subjects[subject]))
        .map(([name]) => name);
      expect(got).toEqual(allowed);
    });
  }
});

describe('reading classifications (design §2)', () => {
  it('before publication: standing, organizer, unit committee, cell secretary over the subtree, and assigned directors; never the office', () => {
    for (const role of ['standing', 'organizer', 'unit_committee', 'cell_secretary'] as Role[]) {
      expect(canReadUnpublished(caller([grant(role, role === 'cell_secretary' ? C : G)]), C)).toBe(true);
    }
    expect(canReadUnpublished(caller([grant('office', T)]), C)).toBe(false);
    expect(canReadUnpublished(caller([grant('admin', T)]), C)).toBe(false);
    expect(canReadUnpublished(caller([], { directorPaths: [G] }), C)).toBe(true);
    expect(canReadUnpublished(caller([grant('standing', H)]), C)).toBe(false);
    expect(canReadUnpublished(caller([grant('cell_secretary', C)]), C2)).toBe(false);
  });

  it('after publication the office reads too; a member reads her own only once published', () => {
    expect(canReadPublished(caller([grant('office', T)]), C)).toBe(true);
    expect(canReadPublished(caller([grant('admin', T)]), C)).toBe(false);
    for (const status of [null, 'self_assessed', 'proposed', 'decided', 'annulled']) expect(memberSeesResult(status)).toBe(false);
    expect(memberSeesResult('published')).toBe(true);
  });
});

describe('publication, complaints, re-rating', () => {
  it('publishes: the deciding body; the upper committee’s Organization Board too', () => {
    expect(mayPublish(caller([grant('unit_committee', G)]), { role: 'unit_committee', unitPath: G, level: 'grassroots' })).toBe(true);
    expect(mayPublish(caller([grant('organizer', T)]), { role: 'unit_committee', unitPath: G, level: 'grassroots' })).toBe(false);
    expect(mayPublish(caller([grant('organizer', T)]), { role: 'standing', unitPath: T, level: 'upper' })).toBe(true);
    expect(mayPublish(caller([grant('cell_secretary', C)]), { role: 'unit_committee', unitPath: G, level: 'grassroots' })).toBe(false);
  });

  it('complains: the member about her own result, the grassroots committee about its unit', () => {
    const me = caller([grant('member', C)], { memberId: 'm1' });
    expect(mayFileComplaint(me, { kind: 'member', unitPath: C, memberId: 'm1' })).toBe(true);
    expect(mayFileComplaint(me, { kind: 'member', unitPath: C, memberId: 'm2' })).toBe(false);
    expect(mayFileComplaint(caller([grant('unit_committee', G)]), { kind: 'unit', unitPath: G, memberId: null })).toBe(true);
    expect(mayFileComplaint(caller([grant('cell_secretary', C)]), { kind: 'unit', unitPath: G, memberId: null })).toBe(false);
  });

  it('re-rates: the standing committee over the campaign’s owner; not the Organization Board (it proposes, design §2), nobody below', () => {
    expect(mayResolveComplaint(caller([grant('standing', T)]), T)).toBe(true);
    expect(mayResolveComplaint(caller([grant('organizer', T)]), T)).toBe(false);
    expect(mayResolveComplaint(caller([grant('unit_committee', G)]), T)).toBe(false);
    expect(mayResolveComplaint(caller([grant('office', T)]), T)).toBe(false);
    expect(mayResolveComplaint(caller([grant('standing', H)]), T)).toBe(false);
  });
});

describe('a collective before publication is rated like a member (design §2: own self level only)', () => {
  const see = (grants: ReturnType<typeof grant>[], name: string, directorPaths: string[] = []) => {
    const s = subjects[name];
    return seesUnpublishedLevel({ ...caller(grants), directorPaths }, s, decidingBody(s));
  };
  it('the đảng bộ cơ sở’s own committee does not see the level the upper level proposes for it; the upper committee and its directors do', () => {
    expect(see([grant('unit_committee', G)], 'đảng bộ cơ sở')).toBe(false);
    expect(see([grant('unit_committee', G)], 'leadership collective of the đảng bộ cơ sở')).toBe(false);
    expect(see([grant('cell_secretary', K)], 'chi bộ cơ sở')).toBe(false);
    expect(see([grant('standing', T)], 'đảng bộ cơ sở')).toBe(true);
    expect(see([grant('organizer', T)], 'đảng bộ cơ sở')).toBe(true);
    expect(see([], 'đảng bộ cơ sở', [G])).toBe(true);
    expect(see([grant('office', T)], 'đảng bộ cơ sở')).toBe(false);
  });
  it('inside the grassroots unit the committee reads its chi bộ’s and members’ proposals', () => {
    expect(see([grant('unit_committee', G)], 'chi bộ trực thuộc')).toBe(true);
    expect(see([grant('unit_committee', G)], 'member of chi bộ trực thuộc')).toBe(true);
    expect(see([grant('unit_committee', H)], 'member of chi bộ trực thuộc')).toBe(false);
  });
});
