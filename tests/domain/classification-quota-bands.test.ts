// R9, the HTXS quota, with the arithmetic of regulations §9b (cap = ⌊ p × number at HTT ⌋, HTXS
// not counted, per group; members and collectives apart; 25 % for outstanding groups from 2025),
// and the 2025 score bands (R16: 90 / 70 / 50) and "HTXS needs every earlier shortcoming
// remedied" (N1). The issue's own cases: 10 members at HTT allow at most 2 at HTXS; a 2025 score
// of 89.9 → HTTNV and 90 → HTXSNV.
import { describe, expect, it } from 'vitest';
import { member, members, of, one, run, unit } from './classification-fixtures.js';

const QUOTA_PERIODS = ['hd16-2018', 'hd21-2019', 'hd25-2023', 'hd43-2025'] as const;

describe('R9 quota arithmetic', () => {
  it.each(QUOTA_PERIODS)('%s: 10 members at HTT allow at most 2 at HTXS — 3 fail, 2 pass', (id) => {
    const over = [
      ...members(10, 'good', { groupKey: 'g-over', groupLabel: 'Đảng bộ phường Bắc Hà', score: 80 }),
      ...members(3, 'excellent', { groupKey: 'g-over', score: 95 }),
    ];
    const within = [...members(10, 'good', { groupKey: 'g-ok', score: 80 }), ...members(2, 'excellent', { groupKey: 'g-ok', score: 95 })];
    const o = run(id, [...over, ...within]);

    const q = o.quotas.find((x) => x.groupKey === 'g-over');
    expect(q).toMatchObject({ subjectKind: 'member', good: 10, excellent: 3, cap: 2, pct: 20, passed: false, exceptional: false });
    expect(q?.explanation).toContain('Nhóm Đảng bộ phường Bắc Hà: 10 đảng viên HTTNV × 20 % = 2,0 → tối đa 2 HTXSNV; đề xuất 3, vượt 1');
    expect(q?.explanation).toContain('lấy phần nguyên (mặc định, chưa xác nhận)');
    for (const s of over.filter((m) => m.level === 'excellent')) {
      const r = one(o, 'R9', s.key);
      expect(r.passed).toBe(false);
      expect(r.explanation).toBe(q?.explanation);
      // The rounding is a §9b default: the result says so and its source is marked.
      expect(r.source.unconfirmed).toBe(true);
      expect(r.source.reference).toContain('§9b');
    }
    // Only HTXS subjects carry an R9 result.
    for (const s of over.filter((m) => m.level === 'good')) expect(of(o, 'R9', s.key)).toEqual([]);

    const ok = o.quotas.find((x) => x.groupKey === 'g-ok');
    expect(ok).toMatchObject({ good: 10, excellent: 2, cap: 2, passed: true });
    for (const s of within.filter((m) => m.level === 'excellent')) expect(one(o, 'R9', s.key).passed).toBe(true);
  });

  it('HTXS is not counted in the base: 9 HTT + 2 HTXS → 9 × 20 % = 1,8 → at most 1', () => {
    const o = run('hd21-2019', [...members(9, 'good'), ...members(2, 'excellent')]);
    expect(o.quotas).toHaveLength(1);
    expect(o.quotas[0]).toMatchObject({ good: 9, excellent: 2, cap: 1, passed: false });
    expect(o.quotas[0].explanation).toContain('9 đảng viên HTTNV × 20 % = 1,8 → tối đa 1 HTXSNV');
  });

  it('15 × 20 % is exactly 3 (no floating-point loss); 4 at HTT allow none', () => {
    const o = run('hd21-2019', [
      ...members(15, 'good', { groupKey: 'a' }),
      ...members(3, 'excellent', { groupKey: 'a' }),
      ...members(4, 'good', { groupKey: 'b' }),
      member({ groupKey: 'b', level: 'excellent' }),
    ]);
    expect(o.quotas.find((q) => q.groupKey === 'a')).toMatchObject({ cap: 3, passed: true });
    expect(o.quotas.find((q) => q.groupKey === 'b')).toMatchObject({ cap: 0, passed: false });
  });

  it('members and collectives are counted apart even with the same group key; the group is named after its unit', () => {
    const db = unit({
      key: 'db1',
      name: 'Đảng bộ phường Nam Hà',
      parentUnitId: null,
      unitKind: 'grassroots_party',
      groupKey: 'city',
      level: 'good',
    });
    const cells = [
      ...Array.from({ length: 5 }, (_, i) => unit({ key: `c${i}`, parentUnitId: 'db1', level: 'good', groupKey: 'db1' })),
      unit({ key: 'cx', parentUnitId: 'db1', level: 'excellent', groupKey: 'db1' }),
    ];
    const ms = [...members(5, 'good', { groupKey: 'db1' }), member({ groupKey: 'db1', level: 'excellent' })];
    const o = run('hd21-2019', [db, ...cells, ...ms]);
    const byKind = Object.fromEntries(o.quotas.filter((q) => q.groupKey === 'db1').map((q) => [q.subjectKind, q]));
    expect(byKind.member).toMatchObject({ good: 5, excellent: 1, cap: 1, passed: true });
    expect(byKind.unit).toMatchObject({ good: 5, excellent: 1, cap: 1, passed: true });
    expect(byKind.member.explanation).toContain('Nhóm Đảng bộ phường Nam Hà: 5 đảng viên');
    expect(byKind.unit.explanation).toContain('5 tổ chức đảng');
    // The đảng bộ itself counts in its own group ("city").
    expect(o.quotas.find((q) => q.groupKey === 'city')).toMatchObject({ subjectKind: 'unit', good: 1, excellent: 0, cap: 0, passed: true });
  });

  it('quotas cover every group with any HTT or HTXS, and only classified subjects count', () => {
    const o = run('hd25-2023', [
      ...members(4, 'satisfactory', { groupKey: 'only-htnv' }),
      ...members(5, 'good', { groupKey: 'g' }),
      member({ groupKey: 'g', level: 'excellent', classified: false, populationReason: 'newly_admitted' }),
      member({ groupKey: 'g', level: 'excellent', included: false, populationReason: 'exempt' }),
    ]);
    expect(o.quotas.map((q) => q.groupKey)).toEqual(['g']);
    expect(o.quotas[0]).toMatchObject({ good: 5, excellent: 0, cap: 1, passed: true });
  });

  it('2025: a group the competent level marks outstanding goes up to 25 %; other periods have no such ceiling', () => {
    const group = [...members(12, 'good', { groupKey: 'hot', score: 80 }), ...members(3, 'excellent', { groupKey: 'hot', score: 92 })];
    const plain = run('hd43-2025', group);
    expect(plain.quotas[0]).toMatchObject({ cap: 2, pct: 20, passed: false });
    const allowed = run('hd43-2025', group, { exceptionalGroups: new Set(['hot']) });
    expect(allowed.quotas[0]).toMatchObject({ cap: 3, pct: 25, passed: true, exceptional: true });
    expect(allowed.quotas[0].explanation).toContain('12 đảng viên HTTNV × 25 %');
    expect(allowed.quotas[0].explanation).toContain('= 3,0 → tối đa 3 HTXSNV');
    const earlier = run('hd25-2023', group, { exceptionalGroups: new Set(['hot']) });
    expect(earlier.quotas[0]).toMatchObject({ cap: 2, pct: 20, exceptional: false });
  });

  it('no quota when the campaign sets none (htxsQuotaPct null), and none by default before 2018', () => {
    const group = [...members(10, 'good'), ...members(5, 'excellent')];
    const none = run('hd21-2019', group, { htxsQuotaPct: null });
    expect(none.quotas).toEqual([]);
    expect(none.results.filter((r) => r.ruleId === 'R9')).toEqual([]);
    const old = run('hd27-2014', group);
    expect(old.quotas).toEqual([]);
  });

  it('before 2018 a committee may set a quota; the check is then run, marked unconfirmed, with the old level names', () => {
    const o = run('hd27-2014', [...members(10, 'good'), ...members(3, 'excellent')], { htxsQuotaPct: 20 });
    expect(o.quotas[0]).toMatchObject({ cap: 2, passed: false });
    expect(o.quotas[0].explanation).toContain('10 đảng viên ĐTC-HTTNV × 20 %');
    expect(o.quotas[0].source.unconfirmed).toBe(true);
  });
});

describe('R16 score bands (2025 on): never above the band of the score', () => {
  it('89,9 points → the HTTNV band: HTXS fails, HTT passes; exactly 90 allows HTXSNV', () => {
    const a = member({ level: 'excellent', score: 89.9 });
    const b = member({ level: 'good', score: 89.9 });
    const c = member({ level: 'excellent', score: 90 });
    const o = run('hd43-2025', [a, b, c]);
    const ra = one(o, 'R16', a.key);
    expect(ra).toMatchObject({ passed: false, maxLevel: 'good' });
    expect(ra.explanation).toContain('89,9 điểm thuộc khung HTTNV (70 – dưới 90)');
    expect(ra.source).toMatchObject({ document: expect.stringContaining('QĐ 366'), article: 'Điều 11' });
    expect(one(o, 'R16', b.key)).toMatchObject({ passed: true, maxLevel: 'good' });
    const rc = one(o, 'R16', c.key);
    expect(rc).toMatchObject({ passed: true, maxLevel: 'excellent' });
    expect(rc.explanation).toContain('90 điểm thuộc khung HTXSNV (từ 90 trở lên)');
  });

  it('lower bands: 69,99 → HTNV; 49,5 → KHTNV; a level below the band is allowed (conditions may lower it)', () => {
    const a = member({ level: 'good', score: 69.99 });
    const b = member({ level: 'satisfactory', score: 49.5 });
    const c = unit({ key: 'u-low', level: 'satisfactory', score: 95 });
    const o = run('hd43-2025', [a, b, c]);
    expect(one(o, 'R16', a.key)).toMatchObject({ passed: false, maxLevel: 'satisfactory' });
    expect(one(o, 'R16', a.key).explanation).toContain('69,99 điểm thuộc khung HTNV (50 – dưới 70)');
    expect(one(o, 'R16', b.key)).toMatchObject({ passed: false, maxLevel: 'unsatisfactory' });
    expect(one(o, 'R16', b.key).explanation).toContain('khung KHTNV (dưới 50)');
    expect(one(o, 'R16', 'u-low').passed).toBe(true);
  });

  it('a level without a score fails in 2025; no level and no score gives nothing; no bands before 2025', () => {
    const a = member({ level: 'good', score: null });
    const b = member({ level: null, score: null });
    const o = run('hd43-2025', [a, b]);
    expect(one(o, 'R16', a.key).passed).toBe(false);
    expect(one(o, 'R16', a.key).explanation).toContain('Chưa có tổng điểm');
    expect(of(o, 'R16', b.key)).toEqual([]);
    for (const id of ['hd27-2014', 'hd16-2018', 'hd21-2019', 'hd25-2023'] as const) {
      expect(
        run(id, [member({ level: 'excellent', score: 10 })]).results.some((r) => r.ruleId === 'R16'),
        id,
      ).toBe(false);
    }
  });
});

describe('N1 (2025 on): HTXS needs every earlier shortcoming remedied', () => {
  it('one shortcoming still open keeps the subject from HTXS; members and collectives alike', () => {
    const open = member({ level: 'excellent', score: 95, openEarlierShortcomings: 1 });
    const openAtGood = member({ level: 'good', score: 80, openEarlierShortcomings: 2 });
    const clean = member({ level: 'excellent', score: 95 });
    const u = unit({ key: 'u-open', level: 'excellent', score: 92, openEarlierShortcomings: 1 });
    const o = run('hd43-2025', [open, openAtGood, clean, u]);
    const r = one(o, 'N1', open.key);
    expect(r).toMatchObject({ passed: false, maxLevel: 'good' });
    expect(r.explanation).toContain('Còn 1 hạn chế, khuyết điểm');
    expect(r.source.article).toBe('Điều 11 khoản 1 điểm 1.4');
    expect(one(o, 'N1', openAtGood.key)).toMatchObject({ passed: true, maxLevel: 'good' });
    expect(one(o, 'N1', clean.key).passed).toBe(true);
    expect(one(o, 'N1', 'u-open').passed).toBe(false);
    expect(run('hd25-2023', [open]).results.some((x) => x.ruleId === 'N1')).toBe(false);
  });
});
