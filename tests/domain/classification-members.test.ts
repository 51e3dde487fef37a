// The checks on one party member (issue 4 item 3; regulations §2.4 R1–R8, R15, §11.4), period by
// period: which rules run in which year, what each lets through, and what each says. The issue's
// own cases: a member disciplined in 2019 → KHTNV; in 2023, self-detected and remedied → not
// forced to KHTNV; a newly admitted member is not classified.
import { describe, expect, it } from 'vitest';
import { IDS, discipline, facts, member, of, one, run, type Id } from './classification-fixtures.js';

const MARK = '(mặc định, chưa xác nhận)';

describe('R1 discipline in the review year', () => {
  it.each(['hd16-2018', 'hd21-2019'] as const)('%s: a disciplined member must be KHTNV (2019: the issue case)', (id) => {
    const d = discipline({ date: '2019-05-12', selfDetected: true, remedied: true, dutyRelated: false });
    const atGood = member({ level: 'good', facts: facts({ disciplines: [d] }) });
    const atKhtnv = member({ level: 'unsatisfactory', facts: facts({ disciplines: [d] }) });
    const unrated = member({ level: null, facts: facts({ disciplines: [d] }) });
    const o = run(id, [atGood, atKhtnv, unrated]);
    const fail = one(o, 'R1', atGood.key);
    expect(fail.passed).toBe(false);
    expect(fail.maxLevel).toBe('unsatisfactory');
    // Any form, self-detected or not, duty-related or not (HD 16 / HD 21 have no exception).
    expect(fail.explanation).toContain('Khiển trách (12/05/2019)');
    expect(fail.explanation).toContain('một vi phạm chỉ tính một lần');
    expect(fail.explanation).toContain('phải xếp loại KHTNV');
    expect(one(o, 'R1', atKhtnv.key).passed).toBe(true);
    // No level yet: nothing to refuse, but the cap is told.
    expect(one(o, 'R1', unrated.key)).toMatchObject({ passed: true, maxLevel: 'unsatisfactory' });
  });

  it('2019: two disciplines are still one KHTNV, and no discipline passes', () => {
    const two = member({
      level: 'satisfactory',
      facts: facts({ disciplines: [discipline(), discipline({ form: 'warning', date: '2019-09-01' })] }),
    });
    const clean = member({ level: 'excellent' });
    const o = run('hd21-2019', [two, clean]);
    expect(of(o, 'R1', two.key)).toHaveLength(1);
    expect(one(o, 'R1', two.key).explanation).toContain('Cảnh cáo (01/09/2019)');
    expect(one(o, 'R1', clean.key)).toMatchObject({ passed: true, explanation: 'Không bị kỷ luật trong năm đánh giá.' });
  });

  it('2023 (QĐ 124): self-detected and remedied is not forced to KHTNV; otherwise it is', () => {
    const remedied = member({ level: 'good', facts: facts({ disciplines: [discipline({ selfDetected: true, remedied: true })] }) });
    const detectedOnly = member({ level: 'good', facts: facts({ disciplines: [discipline({ selfDetected: true, remedied: false })] }) });
    const plain = member({ level: 'good', facts: facts({ disciplines: [discipline()] }) });
    const o = run('hd25-2023', [remedied, detectedOnly, plain]);
    const ok = one(o, 'R1', remedied.key);
    expect(ok.passed).toBe(true);
    expect(ok.explanation).toContain('tự phát hiện và khắc phục hậu quả');
    expect(ok.source.article).toBe('Điều 12 khoản 4');
    expect(one(o, 'R1', detectedOnly.key).passed).toBe(false);
    expect(one(o, 'R1', plain.key).passed).toBe(false);
  });

  it('2025 (QĐ 366): a duty-related discipline forces KHTNV, with mitigation left to the competent level; others do not', () => {
    const duty = member({ level: 'good', facts: facts({ disciplines: [discipline({ dutyRelated: true })] }) });
    const mitigated = member({
      level: 'good',
      facts: facts({ disciplines: [discipline({ dutyRelated: true, selfDetected: true, remedied: true })] }),
    });
    const private_ = member({ level: 'good', facts: facts({ disciplines: [discipline({ dutyRelated: false })] }) });
    const o = run('hd43-2025', [duty, mitigated, private_]);
    expect(one(o, 'R1', duty.key)).toMatchObject({ passed: false, maxLevel: 'unsatisfactory' });
    const m = one(o, 'R1', mitigated.key);
    expect(m.passed).toBe(false);
    expect(m.explanation).toContain('không miễn trừ tự động');
    const p = one(o, 'R1', private_.key);
    expect(p.passed).toBe(true);
    expect(p.explanation).toContain('không liên quan đến thực hiện chức trách');
  });

  it('before 2018 (HD 27) there is no discipline rule', () => {
    const m = member({ level: 'excellent', facts: facts({ disciplines: [discipline()] }) });
    expect(of(run('hd27-2014', [m]), 'R1', m.key)).toEqual([]);
  });
});

describe('R2 degradation and R3 targets', () => {
  const periods: Id[] = ['hd16-2018', 'hd21-2019', 'hd25-2023', 'hd43-2025'];
  it.each(periods)('%s: degradation concluded → KHTNV', (id) => {
    const m = member({ level: 'satisfactory', facts: facts({ degradationConcluded: true }) });
    const ok = member({ level: 'satisfactory' });
    const o = run(id, [m, ok]);
    expect(one(o, 'R2', m.key)).toMatchObject({ passed: false, maxLevel: 'unsatisfactory' });
    expect(one(o, 'R2', ok.key).passed).toBe(true);
  });

  it.each(periods)('%s: 49,5 %% of targets → KHTNV; exactly 50 %% passes', (id) => {
    const low = member({ level: 'satisfactory', facts: facts({ targetsCompletedPct: 49.5 }) });
    const half = member({ level: 'satisfactory', facts: facts({ targetsCompletedPct: 50 }) });
    const o = run(id, [low, half]);
    const r = one(o, 'R3', low.key);
    expect(r.passed).toBe(false);
    expect(r.explanation).toContain('49,5 %');
    expect(one(o, 'R3', half.key).passed).toBe(true);
  });

  it('2025 words R3 as "more than 50 % of the tasks not completed"', () => {
    const low = member({ level: 'good', facts: facts({ targetsCompletedPct: 40 }) });
    expect(one(run('hd43-2025', [low]), 'R3', low.key).explanation).toContain('trên 50 % nhiệm vụ trong năm không hoàn thành');
  });

  it('HD 27 has neither', () => {
    const m = member({ level: 'good', facts: facts({ degradationConcluded: true, targetsCompletedPct: 10 }) });
    const o = run('hd27-2014', [m]);
    expect(of(o, 'R2', m.key)).toEqual([]);
    expect(of(o, 'R3', m.key)).toEqual([]);
  });
});

describe('R4 / R5 civil-service rating', () => {
  it('R4: a civil servant rated KHTNV as a civil servant → KHTNV (2018–2022 sourced, later unconfirmed)', () => {
    for (const id of ['hd16-2018', 'hd21-2019', 'hd25-2023', 'hd43-2025'] as const) {
      const m = member({ level: 'satisfactory', isCivilServant: true, facts: facts({ civilServiceRating: 'unsatisfactory' }) });
      const r = one(run(id, [m]), 'R4', m.key);
      expect(r.passed, id).toBe(false);
      expect(r.source.unconfirmed === true, id).toBe(id === 'hd25-2023' || id === 'hd43-2025');
      expect(r.explanation.includes(MARK), id).toBe(r.source.unconfirmed === true);
    }
  });

  it('R5 (2019–2022): HTXS needs HTXS as a civil servant; not run in other periods', () => {
    const notExcellent = member({ level: 'excellent', isCivilServant: true, facts: facts({ civilServiceRating: 'good' }) });
    const excellent = member({ level: 'excellent', isCivilServant: true, facts: facts({ civilServiceRating: 'excellent' }) });
    const unknown = member({ level: 'excellent', isCivilServant: true, facts: facts({ civilServiceRating: null }) });
    const atGood = member({ level: 'good', isCivilServant: true, facts: facts({ civilServiceRating: 'good' }) });
    const o = run('hd21-2019', [notExcellent, excellent, unknown, atGood]);
    expect(one(o, 'R5', notExcellent.key)).toMatchObject({ passed: false, maxLevel: 'good' });
    expect(one(o, 'R5', excellent.key).passed).toBe(true);
    expect(one(o, 'R5', unknown.key).passed).toBe(false);
    expect(one(o, 'R5', atGood.key)).toMatchObject({ passed: true, maxLevel: 'good' });
    for (const id of ['hd16-2018', 'hd25-2023', 'hd43-2025'] as const) {
      expect(of(run(id, [notExcellent]), 'R5', notExcellent.key), id).toEqual([]);
    }
  });

  it('members who are not civil servants get no R4/R5 result', () => {
    const m = member({ level: 'excellent', isCivilServant: false, facts: facts({ civilServiceRating: 'unsatisfactory' }) });
    const o = run('hd21-2019', [m]);
    expect(of(o, 'R4', m.key)).toEqual([]);
    expect(of(o, 'R5', m.key)).toEqual([]);
  });
});

describe('R6 sick leave ≥ 3 months (90 days) → at most HTNV', () => {
  it.each(['hd21-2019', 'hd25-2023'] as const)('%s', (id) => {
    const long = member({ level: 'good', facts: facts({ sickLeaveDays: 90 }) });
    const short = member({ level: 'good', facts: facts({ sickLeaveDays: 89 }) });
    const longAtHtnv = member({ level: 'satisfactory', facts: facts({ sickLeaveDays: 120 }) });
    const o = run(id, [long, short, longAtHtnv]);
    const r = one(o, 'R6', long.key);
    expect(r).toMatchObject({ passed: false, maxLevel: 'satisfactory' });
    expect(r.explanation).toContain('90 ngày');
    expect(one(o, 'R6', short.key).passed).toBe(true);
    expect(one(o, 'R6', longAtHtnv.key).passed).toBe(true);
    // 2023–2024 carries HD 21's rule unconfirmed (rules.ts).
    expect(r.source.unconfirmed === true).toBe(id === 'hd25-2023');
  });

  it.each(['hd16-2018', 'hd43-2025'] as const)('%s has no such rule (2025: rated on actual results)', (id) => {
    const m = member({ level: 'excellent', facts: facts({ sickLeaveDays: 200 }) });
    expect(of(run(id, [m]), 'R6', m.key)).toEqual([]);
  });
});

describe('R7 / R8 population: not classified, not reviewed', () => {
  it.each(IDS)('%s: a newly admitted member is not classified (any level fails, none passes)', (id) => {
    const withLevel = member({ classified: false, populationReason: 'newly_admitted', level: 'good' });
    const without = member({ classified: false, populationReason: 'newly_admitted', level: null });
    const o = run(id, [withLevel, without]);
    const r = one(o, 'R7', withLevel.key);
    expect(r).toMatchObject({ passed: false, maxLevel: null });
    expect(r.explanation).toContain('Mới kết nạp chưa đủ 6 tháng');
    expect(one(o, 'R7', without.key)).toMatchObject({ passed: true, maxLevel: null });
    // Nothing else is checked on a subject who is not classified.
    expect(o.results.filter((x) => x.subjectKey === withLevel.key).map((x) => x.ruleId)).toEqual(['R7']);
  });

  it('2025: a newly admitted member is left out altogether (not reviewed) and still may not have a level', () => {
    const m = member({ included: false, classified: false, populationReason: 'newly_admitted', level: 'excellent' });
    const r = one(run('hd43-2025', [m]), 'R7', m.key);
    expect(r.passed).toBe(false);
    expect(r.explanation).toContain('không kiểm điểm');
  });

  it.each(IDS)('%s: an exempt member left out has no level (R8)', (id) => {
    const m = member({ included: false, classified: false, populationReason: 'exempt', level: 'satisfactory' });
    const n = member({ included: false, classified: false, populationReason: 'exempt', level: null });
    const o = run(id, [m, n]);
    expect(one(o, 'R8', m.key).passed).toBe(false);
    expect(one(o, 'R8', m.key).explanation).toContain('Miễn công tác và sinh hoạt đảng');
    expect(one(o, 'R8', n.key).passed).toBe(true);
    expect(o.results.filter((x) => x.subjectKey === m.key)).toHaveLength(1);
  });
});

describe('R15 leaders (2025 on)', () => {
  it('more than 50 % low-confidence votes, or under 70 % of the programme → KHTNV', () => {
    const lowConf = member({ isLeader: true, level: 'good', facts: facts({ confidenceLowPct: 50.5, targetsCompletedPct: 95 }) });
    const lowDone = member({ isLeader: true, level: 'good', facts: facts({ confidenceLowPct: 10, targetsCompletedPct: 69 }) });
    const fine = member({ isLeader: true, level: 'good', facts: facts({ confidenceLowPct: 50, targetsCompletedPct: 70 }) });
    const notLeader = member({ isLeader: false, level: 'good', facts: facts({ confidenceLowPct: 90 }) });
    const o = run('hd43-2025', [lowConf, lowDone, fine, notLeader]);
    const a = one(o, 'R15', lowConf.key);
    expect(a).toMatchObject({ passed: false, maxLevel: 'unsatisfactory' });
    expect(a.explanation).toContain('50,5 % phiếu tín nhiệm thấp');
    expect(one(o, 'R15', lowDone.key).explanation).toContain('69 %');
    expect(one(o, 'R15', lowDone.key).passed).toBe(false);
    expect(one(o, 'R15', fine.key).passed).toBe(true);
    expect(of(o, 'R15', notLeader.key)).toEqual([]);
    expect(of(run('hd25-2023', [lowConf]), 'R15', lowConf.key)).toEqual([]);
  });
});
