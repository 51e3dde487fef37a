// The checks on collectives (issue 4 item 3; regulations §2.2, §2.3, §2.4 R7, R10–R14, §11.4):
// an organization's cap from its members' (chi bộ) or direct sub-units' (đảng bộ) levels,
// discipline below it, the head not above the collective, and the order of classification. The
// issue's own cases: a chi bộ in 2020 with one member at KHTNV cannot be HTXS; a head proposed
// above the unit's level is flagged.
import { describe, expect, it } from 'vitest';
import { orderingProblems, runChecks } from '../../src/server/domain/classification/checks.js';
import { discipline, facts, member, members, of, one, run, set, unit } from './classification-fixtures.js';

const MARK = '(mặc định, chưa xác nhận)';

describe('R10: an organization capped by the levels under it (HD 21, 2019–2022)', () => {
  it('2020: a chi bộ with one member at KHTNV cannot be HTXS — nor HTT (100 % ≥ HTNV is needed for both)', () => {
    const cb = unit({ key: 'cb-a', level: 'excellent' });
    const ms = [...members(9, 'excellent', { unitId: 'cb-a' }), member({ unitId: 'cb-a', level: 'unsatisfactory' })];
    const r = one(run('hd21-2019', [cb, ...ms]), 'R10', 'cb-a');
    expect(r).toMatchObject({ passed: false, maxLevel: 'satisfactory' });
    expect(r.explanation).toContain('10 đảng viên');
    expect(r.explanation).toContain('9 từ HTNV trở lên (90 %)');
    expect(r.source.document).toContain('HD 21');
  });

  it('80 % at HTT or above allows HTXS; 70 % allows HTT only; under 50 % only HTNV', () => {
    const mk = (id: string, good: number, sat: number) => [
      unit({ key: id, level: 'excellent' }),
      ...members(good, 'good', { unitId: id }),
      ...members(sat, 'satisfactory', { unitId: id }),
    ];
    const o = run('hd21-2019', [...mk('cb80', 8, 2), ...mk('cb70', 7, 3), ...mk('cb40', 4, 6)]);
    expect(one(o, 'R10', 'cb80')).toMatchObject({ passed: true, maxLevel: 'excellent' });
    const r70 = one(o, 'R10', 'cb70');
    expect(r70).toMatchObject({ passed: false, maxLevel: 'good' });
    expect(r70.explanation).toContain('7 từ HTTNV trở lên (70 %)');
    expect(r70.explanation).toContain('ít nhất 80 %');
    expect(one(o, 'R10', 'cb40')).toMatchObject({ passed: false, maxLevel: 'satisfactory' });
  });

  it('counts only classified members with a level, and says how many were counted', () => {
    const cb = unit({ key: 'cb-b', level: 'excellent' });
    const ms = [
      ...members(5, 'good', { unitId: 'cb-b' }),
      member({ unitId: 'cb-b', level: null }),
      member({ unitId: 'cb-b', classified: false, populationReason: 'newly_admitted', level: null }),
    ];
    const r = one(run('hd21-2019', [cb, ...ms]), 'R10', 'cb-b');
    expect(r.passed).toBe(true);
    expect(r.explanation).toContain('5/6 đã có mức');
  });

  it('a đảng bộ is capped by its direct sub-units', () => {
    const db = unit({ key: 'db-x', parentUnitId: null, unitKind: 'grassroots_party', level: 'excellent' });
    const subs = [
      unit({ key: 's1', parentUnitId: 'db-x', level: 'excellent' }),
      unit({ key: 's2', parentUnitId: 'db-x', level: 'good' }),
      unit({ key: 's3', parentUnitId: 'db-x', level: 'satisfactory' }),
    ];
    const r = one(run('hd21-2019', [db, ...subs]), 'R10', 'db-x');
    // 2 of 3 at HTT or above = 66,7 %: HTT allowed, HTXS not.
    expect(r).toMatchObject({ passed: false, maxLevel: 'good' });
    expect(r.explanation).toContain('3 tổ chức trực thuộc');
    expect(r.explanation).toContain('66,7 %');
  });

  it('2023–2024 carries it unconfirmed; 2018 and 2025 do not run it', () => {
    const cb = unit({ key: 'cb-c', level: 'excellent' });
    const ms = [member({ unitId: 'cb-c', level: 'unsatisfactory' })];
    const r = one(run('hd25-2023', [cb, ...ms]), 'R10', 'cb-c');
    expect(r.passed).toBe(false);
    expect(r.source.unconfirmed).toBe(true);
    expect(r.explanation).toContain(MARK);
    expect(of(run('hd43-2025', [cb, ...ms]), 'R10', 'cb-c')).toEqual([]);
    expect(of(run('hd16-2018', [cb, ...ms]), 'R10', 'cb-c')).toEqual([]);
  });
});

describe('R11: discipline below or in the leadership → not HTXS (2023 on)', () => {
  const tree = () => [
    unit({ key: 'db', parentUnitId: null, unitKind: 'grassroots_party', level: 'excellent' }),
    unit({ key: 'cb1', parentUnitId: 'db', level: 'excellent' }),
    unit({ key: 'cb2', parentUnitId: 'db', level: 'excellent' }),
  ];

  it.each(['hd25-2023', 'hd43-2025'] as const)('%s: a disciplined sub-unit keeps the đảng bộ from HTXS', (id) => {
    const [db, cb1, cb2] = tree();
    const o = run(id, [db, { ...cb1, collectiveDisciplined: true }, cb2]);
    const r = one(o, 'R11', 'db');
    expect(r).toMatchObject({ passed: false, maxLevel: 'good' });
    expect(r.explanation).toContain('1 tổ chức trực thuộc bị kỷ luật');
    expect(one(o, 'R11', 'cb2').passed).toBe(true);
  });

  it('a member disciplined in a sub-unit counts for the đảng bộ above, and anywhere down the tree', () => {
    const units = [...tree(), unit({ key: 'to1', parentUnitId: 'cb1', level: 'good' })];
    const m = member({ unitId: 'to1', level: 'unsatisfactory', facts: facts({ disciplines: [discipline()] }) });
    const o = run('hd43-2025', [...units, m]);
    expect(one(o, 'R11', 'db')).toMatchObject({ passed: false });
    expect(one(o, 'R11', 'cb1')).toMatchObject({ passed: false });
    expect(one(o, 'R11', 'db').explanation).toContain('1 đảng viên ở tổ chức trực thuộc bị kỷ luật');
    // Its own chi bộ: an ordinary member is not the leadership.
    expect(one(o, 'R11', 'to1').passed).toBe(true);
    expect(one(o, 'R11', 'cb2').passed).toBe(true);
  });

  it('the head or a leading member of the unit disciplined keeps the chi bộ from HTXS; QĐ 124 also says when HTT is allowed', () => {
    const cb = unit({ key: 'cb9', level: 'excellent' });
    const head = member({
      unitId: 'cb9',
      headOfUnitId: 'cb9',
      name: 'Nguyễn Văn A',
      level: 'good',
      facts: facts({ disciplines: [discipline({ selfDetected: true, remedied: true })] }),
    });
    const o = run('hd25-2023', [cb, head, ...members(4, 'good', { unitId: 'cb9' })]);
    const r = one(o, 'R11', 'cb9');
    expect(r).toMatchObject({ passed: false, maxLevel: 'good' });
    expect(r.explanation).toContain('Nguyễn Văn A');
    expect(r.explanation).toContain('đã tự phát hiện, khắc phục');
    const leader = member({ unitId: 'cb8', isLeader: true, level: 'good', facts: facts({ disciplines: [discipline()] }) });
    expect(one(run('hd43-2025', [unit({ key: 'cb8', level: 'excellent' }), leader]), 'R11', 'cb8').passed).toBe(false);
  });

  it('not run before 2023', () => {
    const [db, cb1] = tree();
    expect(of(run('hd21-2019', [db, { ...cb1, collectiveDisciplined: true }]), 'R11', 'db')).toEqual([]);
  });
});

describe('R12 (2023–2024) and R13 (2019–2022): discipline shares → KHTNV', () => {
  it('R12: more than 20 % of direct sub-units disciplined, or the collective itself → KHTNV', () => {
    const quarter = [
      unit({ key: 'dbq', parentUnitId: null, unitKind: 'grassroots_party', level: 'satisfactory' }),
      unit({ key: 'q1', parentUnitId: 'dbq', collectiveDisciplined: true }),
      ...['q2', 'q3', 'q4'].map((k) => unit({ key: k, parentUnitId: 'dbq' })),
    ];
    const fifth = [
      unit({ key: 'dbf', parentUnitId: null, unitKind: 'grassroots_party', level: 'satisfactory' }),
      unit({ key: 'f1', parentUnitId: 'dbf', collectiveDisciplined: true }),
      ...['f2', 'f3', 'f4', 'f5'].map((k) => unit({ key: k, parentUnitId: 'dbf' })),
    ];
    const self = unit({ key: 'selfd', level: 'satisfactory', collectiveDisciplined: true });
    const o = run('hd25-2023', [...quarter, ...fifth, self]);
    const q = one(o, 'R12', 'dbq');
    expect(q).toMatchObject({ passed: false, maxLevel: 'unsatisfactory' });
    expect(q.explanation).toContain('1/4 tổ chức trực thuộc bị kỷ luật (25 %, trên 20 %)');
    const f = one(o, 'R12', 'dbf');
    expect(f.passed).toBe(true);
    expect(f.explanation).toContain('1/5');
    expect(one(o, 'R12', 'selfd')).toMatchObject({ passed: false });
    expect(of(run('hd43-2025', quarter), 'R12', 'dbq')).toEqual([]);
  });

  it("R13: more than 20 % of a chi bộ's members disciplined → KHTNV (unconfirmed)", () => {
    const d = facts({ disciplines: [discipline()] });
    const three = [
      unit({ key: 'c3', level: 'satisfactory' }),
      ...members(3, 'unsatisfactory', { unitId: 'c3', facts: d }),
      ...members(7, 'good', { unitId: 'c3' }),
    ];
    const two = [
      unit({ key: 'c2', level: 'satisfactory' }),
      ...members(2, 'unsatisfactory', { unitId: 'c2', facts: d }),
      ...members(8, 'good', { unitId: 'c2' }),
    ];
    const o = run('hd21-2019', [...three, ...two]);
    const r = one(o, 'R13', 'c3');
    expect(r).toMatchObject({ passed: false, maxLevel: 'unsatisfactory' });
    expect(r.explanation).toContain('3/10 đảng viên');
    expect(r.explanation).toContain(MARK);
    expect(one(o, 'R13', 'c2').passed).toBe(true);
    expect(of(run('hd25-2023', three), 'R13', 'c3')).toEqual([]);
  });
});

describe('R14: the head is not above the collective', () => {
  it.each(['hd21-2019', 'hd25-2023', 'hd43-2025'] as const)('%s: a head proposed above the unit is flagged', (id) => {
    const cb = unit({ key: 'cbh', name: 'Chi bộ Khu phố 3', level: 'good' });
    const head = member({ unitId: 'cbh', headOfUnitId: 'cbh', level: 'excellent', score: 95 });
    const r = one(run(id, [cb, head]), 'R14', head.key);
    expect(r).toMatchObject({ passed: false, maxLevel: 'good' });
    expect(r.explanation).toContain('Chi bộ Khu phố 3');
    expect(r.source.unconfirmed === true).toBe(id !== 'hd21-2019');
    const equal = member({ unitId: 'cbh', headOfUnitId: 'cbh', level: 'good', score: 80 });
    expect(one(run(id, [cb, equal]), 'R14', equal.key).passed).toBe(true);
  });

  it('not run in 2018; a leadership collective above its organization is flagged too', () => {
    const cb = unit({ key: 'cbh', level: 'good' });
    const head = member({ unitId: 'cbh', headOfUnitId: 'cbh', level: 'excellent' });
    expect(of(run('hd16-2018', [cb, head]), 'R14', head.key)).toEqual([]);
    const lead = unit({ kind: 'leadership', key: 'cbh', unitId: 'cbh', level: 'excellent' });
    const r = one(run('hd25-2023', [cb, lead]), 'R14', 'cbh');
    expect(r.subjectKind).toBe('leadership');
    expect(r.passed).toBe(false);
  });
});

describe('R7 for organizations and R2/R3 for collectives', () => {
  it('a newly formed organization is not classified from HD 21 on (not in HD 16)', () => {
    const u = unit({ key: 'new1', newlyFormed: true, level: 'good' });
    const r = one(run('hd21-2019', [u]), 'R7', 'new1');
    expect(r).toMatchObject({ passed: false, maxLevel: null });
    expect(r.explanation).toContain('mới thành lập');
    expect(of(run('hd16-2018', [u]), 'R7', 'new1')).toEqual([]);
  });

  it('2025: a unit under 70 % of its programme → KHTNV (R3), degradation of the leadership → KHTNV (R2)', () => {
    const low = unit({ key: 'lo', level: 'good', score: 75, targetsCompletedPct: 65 });
    const deg = unit({ key: 'dg', level: 'good', score: 75, degradationConcluded: true });
    const o = run('hd43-2025', [low, deg]);
    expect(one(o, 'R3', 'lo')).toMatchObject({ passed: false, maxLevel: 'unsatisfactory' });
    expect(one(o, 'R2', 'dg')).toMatchObject({ passed: false });
    // Before 2025 R3 concerns members only.
    expect(of(run('hd21-2019', [low]), 'R3', 'lo')).toEqual([]);
  });

  it('2025: a leadership collective with a member disciplined for a duty-related violation → KHTNV (R1)', () => {
    const lead = unit({ kind: 'leadership', key: 'ld', unitId: 'ld', level: 'good', score: 80 });
    const head = member({
      unitId: 'ld',
      headOfUnitId: 'ld',
      name: 'Trần Thị B',
      level: 'unsatisfactory',
      score: 40,
      facts: facts({ disciplines: [discipline({ dutyRelated: true })] }),
    });
    const r = one(run('hd43-2025', [lead, head]), 'R1', 'ld');
    expect(r).toMatchObject({ passed: false, subjectKind: 'leadership' });
    expect(r.explanation).toContain('Trần Thị B');
  });
});

describe('ordering: the collective before its head, the lower level before the upper', () => {
  it('a head with a level while the collective has none; a unit with a level while members have none', () => {
    const cb = unit({ key: 'ord', level: null });
    const head = member({ unitId: 'ord', headOfUnitId: 'ord', level: 'good' });
    const o = run('hd21-2019', [cb, head]);
    const h = one(o, 'ORD-HEAD', head.key);
    expect(h.passed).toBe(false);
    expect(h.explanation).toContain('xếp loại tập thể trước, người đứng đầu sau');
    expect(h.source.document).toContain('HD 21');

    const cb2 = unit({ key: 'ord2', level: 'good' });
    const waiting = [...members(2, null, { unitId: 'ord2' }), member({ unitId: 'ord2', level: 'good' })];
    const sub = unit({ key: 'ord2-a', parentUnitId: 'ord2', level: null });
    const o2 = run('hd21-2019', [cb2, sub, ...waiting]);
    const l = one(o2, 'ORD-LOWER', 'ord2');
    expect(l.passed).toBe(false);
    expect(l.explanation).toContain('2 đảng viên và 1 tổ chức trực thuộc chưa có mức');
    expect(l.explanation).toContain(MARK);
    // A unit without a level is not checked for order.
    expect(of(o2, 'ORD-LOWER', 'ord2-a')).toEqual([]);
  });

  it('passes once everything under has a level; orderingProblems gives the same results alone', () => {
    const cb = unit({ key: 'ok', level: 'good' });
    const head = member({ unitId: 'ok', headOfUnitId: 'ok', level: 'good' });
    const input = { ruleSet: set('hd25-2023'), config: { htxsQuotaPct: 20 }, subjects: [cb, head] };
    const all = runChecks(input).results.filter((r) => r.ruleId.startsWith('ORD'));
    expect(all.map((r) => [r.ruleId, r.passed])).toEqual([
      ['ORD-HEAD', true],
      ['ORD-LOWER', true],
    ]);
    expect(orderingProblems(input)).toEqual(all);
  });
});
