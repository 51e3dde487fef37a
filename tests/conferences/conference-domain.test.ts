// The review meeting's pure rules (issue 4 items 1–2): the agenda order of QĐ 366 Đ7 k3 /
// regulations §9b, which subject's turn it is, the quorum arithmetic of regulations §9b (default and
// configured), what stops a close, and who may see and run a meeting (design §2). Expected values
// are worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  checkComplete,
  currentItem,
  isDeputy,
  isReached,
  planAgenda,
  type AgendaMember,
  type AgendaState,
} from '../../src/server/domain/conference/agenda.js';
import { closeProblems, minutesProblems } from '../../src/server/domain/conference/closing.js';
import { conferenceAccess, conferenceListScope } from '../../src/server/domain/conference/conference-policy.js';
import { computeQuorum, quorumPctFromConfig } from '../../src/server/domain/conference/quorum.js';
import type { CampaignCaller } from '../../src/server/domain/campaign-policy.js';
import type { Role } from '../../src/shared/vocabulary.js';

const member = (memberId: string, fullName: string, sortKey: string, extra: Partial<AgendaMember> = {}): AgendaMember => ({
  memberId,
  fullName,
  sortKey,
  isHead: false,
  partyPosts: null,
  ...extra,
});

describe('planAgenda: the collective first, then the head, deputies, members (QĐ 366 Đ7 k3)', () => {
  const members = [
    member('m-thuy', 'Nguyễn Thị Thúy', 'thuy'),
    member('m-cuc', 'Võ Thị Cúc', 'cuc', { partyPosts: 'Phó Bí thư chi bộ' }),
    member('m-an', 'Phạm Văn An', 'an'),
    member('m-binh', 'Hoàng Văn Bình', 'zbinh', { isHead: true, partyPosts: 'Bí thư chi bộ' }),
    member('m-dao', 'Lê Văn Đạo', 'dao', { partyPosts: 'phó trưởng ban công tác mặt trận' }),
  ];

  it('orders a chi bộ without a leadership collective of its own', () => {
    const plan = planAgenda({ unitId: 'u1', unitName: 'Chi bộ khối phố 1', includeLeadership: false, members });
    expect(plan.map((p) => [p.position, p.subjectKind, p.subjectKey])).toEqual([
      [1, 'unit', 'u1'],
      [2, 'member', 'm-binh'],
      // deputies in roster order: "cuc" < "dao"
      [3, 'member', 'm-cuc'],
      [4, 'member', 'm-dao'],
      [5, 'member', 'm-an'],
      [6, 'member', 'm-thuy'],
    ]);
    expect(plan[0].label).toBe('Tập thể Chi bộ khối phố 1');
    expect(plan[1].label).toBe('Đồng chí Hoàng Văn Bình (Bí thư chi bộ)');
    expect(plan[4].label).toBe('Đồng chí Phạm Văn An');
  });

  it('puts the leadership collective right after the collective where the rule set reviews it', () => {
    const plan = planAgenda({ unitId: 'u1', unitName: 'Đảng bộ phường Bắc Hà', includeLeadership: true, members: members.slice(0, 1) });
    expect(plan.map((p) => p.label)).toEqual([
      'Tập thể Đảng bộ phường Bắc Hà',
      'Tập thể lãnh đạo, quản lý – Đảng bộ phường Bắc Hà',
      'Đồng chí Nguyễn Thị Thúy',
    ]);
    expect(plan[1]).toMatchObject({ subjectKind: 'leadership', subjectKey: 'u1', memberId: null });
  });

  it('lists a member once even when named twice, and reads "Phó" in any case and normalization', () => {
    const plan = planAgenda({ unitId: 'u', unitName: 'C', includeLeadership: false, members: [members[0], members[0]] });
    expect(plan).toHaveLength(2);
    expect(isDeputy('PHÓ BÍ THƯ')).toBe(true);
    expect(isDeputy('Pho\u0301 bí thư'.normalize('NFD'))).toBe(true);
    expect(isDeputy('Bí thư')).toBe(false);
    expect(isDeputy(null)).toBe(false);
  });
});

describe('the turn of each subject', () => {
  const items: AgendaState[] = [
    { id: 'a', position: 1, subjectKind: 'unit', subjectKey: 'u', label: 'Tập thể', status: 'done' },
    { id: 'b', position: 2, subjectKind: 'member', subjectKey: 'm1', label: 'Đồng chí Bình', status: 'pending' },
    { id: 'c', position: 3, subjectKind: 'member', subjectKey: 'm2', label: 'Đồng chí Cúc', status: 'pending' },
  ];

  it('the current item is the first not done; done and current items are reached, later ones are not', () => {
    expect(currentItem(items)?.id).toBe('b');
    expect(items.map((i) => isReached(items, i))).toEqual([true, true, false]);
  });

  it('an item is completed only after every earlier one', () => {
    expect(checkComplete(items, items[2])).toEqual({ ok: false, blocking: items[1] });
    expect(checkComplete(items, items[1])).toEqual({ ok: true, already: false });
    expect(checkComplete(items, items[0])).toEqual({ ok: true, already: true });
  });
});

describe('quorum (regulations §9b: more than half of the official members summoned)', () => {
  it('shows the arithmetic as the brief words it: 12 of 20, more than 10 needed', () => {
    const q = computeQuorum({ summoned: 20, present: 12 });
    expect(q).toMatchObject({ required: 11, met: true, isDefault: true, pct: 50 });
    expect(q.explanation).toBe('Có mặt 12/20 đảng viên chính thức được triệu tập (cần trên 10): đủ số lượng để hội nghị hợp lệ.');
    expect(q.rule).toContain('quá nửa');
    expect(q.rule).toContain('mặc định');
  });

  it('exactly half is not enough; an odd roster says the fewest needed', () => {
    expect(computeQuorum({ summoned: 20, present: 10 }).met).toBe(false);
    const q = computeQuorum({ summoned: 5, present: 2 });
    expect(q).toMatchObject({ required: 3, met: false });
    expect(q.explanation).toBe(
      'Có mặt 2/5 đảng viên chính thức được triệu tập (cần trên 2,5, tức ít nhất 3): chưa đủ số lượng để hội nghị hợp lệ.',
    );
    expect(computeQuorum({ summoned: 1, present: 1 }).met).toBe(true);
    expect(computeQuorum({ summoned: 0, present: 0 })).toMatchObject({
      met: false,
      explanation: expect.stringContaining('Danh sách triệu tập chưa có đảng viên chính thức nào'),
    });
  });

  it('a campaign may configure another share (66 %: of 12, more than 7,92 → at least 8)', () => {
    expect(quorumPctFromConfig({ quorumPct: 66 })).toBe(66);
    expect(quorumPctFromConfig({ quorumPct: 0 })).toBeNull();
    expect(quorumPctFromConfig({ quorumPct: 'x' })).toBeNull();
    expect(quorumPctFromConfig(null)).toBeNull();
    const q = computeQuorum({ summoned: 12, present: 8, pct: 66 });
    expect(q).toMatchObject({ required: 8, met: true, isDefault: false });
    expect(q.explanation).toContain('cần trên 7,92, tức ít nhất 8');
    expect(q.rule).toContain('theo cấu hình của đợt kiểm điểm');
  });
});

describe('closing: minutes first, then the quorum', () => {
  const quorum = computeQuorum({ summoned: 4, present: 2 });
  it('names every missing piece of the minutes', () => {
    expect(minutesProblems({ headerWritten: false, entries: 0, pending: [{ label: 'Đồng chí Cúc', position: 3 }] })).toEqual([
      'Biên bản chưa ghi người chủ trì và thư ký hội nghị.',
      'Biên bản chưa có nội dung nào (ý kiến góp ý, giải trình, kết luận hoặc ghi chép).',
      'Còn 1 phần kiểm điểm chưa xong: «Đồng chí Cúc».',
    ]);
    expect(closeProblems({ headerWritten: true, entries: 1, pending: [], quorum })).toEqual([quorum.explanation]);
    expect(closeProblems({ headerWritten: true, entries: 1, pending: [], quorum: computeQuorum({ summoned: 4, present: 3 }) })).toEqual([]);
  });
});

describe('who sees and runs a meeting (design §2, row "Conference, minutes, tallies")', () => {
  const ward = '/c/w/';
  const cellA = '/c/w/a/';
  const cellB = '/c/w/b/';
  const caller = (
    grants: [Role, string][],
    extra: Partial<CampaignCaller['principal']> = {},
    directorPaths: string[] = [],
  ): CampaignCaller => ({
    principal: {
      accountId: 'x',
      memberId: null,
      memberUnitPath: null,
      grants: grants.map(([role, unitPath]) => ({ role, unitPath, unitKind: 'cell' })),
      ...extra,
    },
    directorPaths,
  });

  it('gives each role of the table its rights over a chi bộ meeting', () => {
    const table: [string, CampaignCaller, ReturnType<typeof conferenceAccess>][] = [
      ['standing', caller([['standing', '/c/']]), { read: true, minutesOnly: false, write: false, recordGuests: false }],
      ['organizer', caller([['organizer', '/c/']]), { read: true, minutesOnly: false, write: false, recordGuests: false }],
      ['office', caller([['office', '/c/']]), { read: true, minutesOnly: false, write: false, recordGuests: false }],
      ['admin', caller([['admin', '/c/']]), { read: false, minutesOnly: false, write: false, recordGuests: false }],
      ['director', caller([], {}, [ward]), { read: true, minutesOnly: false, write: false, recordGuests: true }],
      ['unit committee', caller([['unit_committee', ward]]), { read: true, minutesOnly: false, write: true, recordGuests: true }],
      ['cell secretary', caller([['cell_secretary', cellA]]), { read: true, minutesOnly: false, write: true, recordGuests: true }],
      ['other secretary', caller([['cell_secretary', cellB]]), { read: false, minutesOnly: false, write: false, recordGuests: false }],
      [
        'member of the chi bộ',
        caller([['member', cellA]], { memberId: 'm', memberUnitPath: cellA }),
        { read: true, minutesOnly: true, write: false, recordGuests: false },
      ],
      [
        'member elsewhere',
        caller([['member', cellB]], { memberId: 'm', memberUnitPath: cellB }),
        { read: false, minutesOnly: false, write: false, recordGuests: false },
      ],
    ];
    for (const [name, c, expected] of table) expect([name, conferenceAccess(c, cellA)]).toEqual([name, expected]);
    // A member reads their own chi bộ's minutes, not the đảng bộ's above it.
    expect(conferenceAccess(caller([['member', cellA]], { memberId: 'm', memberUnitPath: cellA }), ward).read).toBe(false);
  });

  it('scopes lists to the readers’ grants, the assigned units and the member’s chi bộ, never the admin’s', () => {
    expect(conferenceListScope(caller([['admin', '/c/']]))).toEqual([]);
    expect(conferenceListScope(caller([['member', cellA]], { memberId: 'm', memberUnitPath: cellA }))).toEqual([cellA]);
    expect(conferenceListScope(caller([['cell_secretary', cellA]], {}, [ward]))).toEqual([ward]);
  });
});
