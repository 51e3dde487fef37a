// Rule sets by review year (issue 3 item 1), table by table for every period: which set a year
// takes, level names, how a level is reached, forms by meaning (the letters changed meaning between
// HD 25 and HD 43), who is left out or not classified, configurable defaults and overrides, the 27
// manifestations, and the sources — with the UNCONFIRMED marks regulations.md asks for.
import { describe, expect, it } from 'vitest';
import type { FormMeaning, Level } from '../../src/shared/campaign-vocabulary.js';
import { ruleSetDetail } from '../../src/shared/contracts/rule-sets.js';
import type { MemberStatus } from '../../src/shared/vocabulary.js';
import {
  ALL_RULE_SETS,
  HA_TINH_2017_TASKS,
  defaultCutoffDate,
  effectiveConfig,
  formFor,
  formMeaningFor,
  levelBandForPoints,
  levelLabel,
  manifestationChecklist,
  monthsBefore,
  populationTreatment,
  ruleSetById,
  ruleSetForYear,
  type RuleSet,
  type SourceRef,
} from '../../src/server/domain/rule-sets/index.js';

const IDS = ['hd27-2014', 'hd16-2018', 'hd21-2019', 'hd25-2023', 'hd43-2025'] as const;
type Id = (typeof IDS)[number];
const set = (id: Id): RuleSet => {
  const rs = ruleSetById(id);
  if (!rs) throw new Error(id);
  return rs;
};

describe('ruleSetForYear: keyed by the review year (regulations §1.1)', () => {
  it.each([
    [2008, 'hd27-2014'],
    [2016, 'hd27-2014'],
    [2017, 'hd27-2014'],
    [2018, 'hd16-2018'],
    [2019, 'hd21-2019'],
    [2022, 'hd21-2019'],
    [2023, 'hd25-2023'],
    [2024, 'hd25-2023'],
    [2025, 'hd43-2025'],
    [2026, 'hd43-2025'],
    [2040, 'hd43-2025'],
  ])('review year %i → %s', (year, id) => {
    expect(ruleSetForYear(year).id).toBe(id);
  });

  it('years before the oldest set still take the old scale', () => {
    expect(ruleSetForYear(2005).id).toBe('hd27-2014');
  });

  it('the sets are ordered, touch without overlapping, and each one governs its own years', () => {
    expect(ALL_RULE_SETS.map((rs) => rs.id)).toEqual([...IDS]);
    for (let i = 1; i < ALL_RULE_SETS.length; i++) expect(ALL_RULE_SETS[i].years.from).toBe((ALL_RULE_SETS[i - 1].years.to ?? NaN) + 1);
    expect(ALL_RULE_SETS.at(-1)?.years.to).toBeNull();
    for (const rs of ALL_RULE_SETS) {
      const last = rs.years.to ?? rs.years.from + 3;
      for (let y = rs.years.from; y <= last; y++) expect(ruleSetForYear(y).id).toBe(rs.id);
    }
  });

  it('ruleSetById finds every set and nothing else', () => {
    for (const id of IDS) expect(ruleSetById(id)?.id).toBe(id);
    expect(ruleSetById('hd99-2030')).toBeUndefined();
    expect(ruleSetById('')).toBeUndefined();
  });
});

describe('levels and their labels', () => {
  const NEW_NAMES: Record<Level, string> = {
    excellent: 'Hoàn thành xuất sắc nhiệm vụ',
    good: 'Hoàn thành tốt nhiệm vụ',
    satisfactory: 'Hoàn thành nhiệm vụ',
    unsatisfactory: 'Không hoàn thành nhiệm vụ',
  };
  const OLD_MEMBER: Record<Level, string> = {
    excellent: 'Đủ tư cách, hoàn thành xuất sắc nhiệm vụ',
    good: 'Đủ tư cách, hoàn thành tốt nhiệm vụ',
    satisfactory: 'Đủ tư cách, hoàn thành nhiệm vụ',
    unsatisfactory: 'Vi phạm tư cách hoặc không hoàn thành nhiệm vụ',
  };
  const OLD_UNIT: Record<Level, string> = {
    excellent: 'Trong sạch, vững mạnh',
    good: 'Hoàn thành tốt nhiệm vụ',
    satisfactory: 'Hoàn thành nhiệm vụ',
    unsatisfactory: 'Yếu kém',
  };
  const EXPECTED: Record<Id, { member: Record<Level, string>; unit: Record<Level, string> }> = {
    'hd27-2014': { member: OLD_MEMBER, unit: OLD_UNIT },
    'hd16-2018': { member: NEW_NAMES, unit: NEW_NAMES },
    'hd21-2019': { member: NEW_NAMES, unit: NEW_NAMES },
    'hd25-2023': { member: NEW_NAMES, unit: NEW_NAMES },
    'hd43-2025': { member: NEW_NAMES, unit: NEW_NAMES },
  };

  for (const id of IDS) {
    it(`${id}: member and unit labels of the period, four levels in rank order`, () => {
      const rs = set(id);
      for (const level of ['excellent', 'good', 'satisfactory', 'unsatisfactory'] as const) {
        expect(levelLabel(rs, 'member', level)).toBe(EXPECTED[id].member[level]);
        expect(levelLabel(rs, 'unit', level)).toBe(EXPECTED[id].unit[level]);
      }
      expect(rs.memberLevels.map((l) => l.level)).toEqual(['excellent', 'good', 'satisfactory', 'unsatisfactory']);
      expect(rs.unitLevels.map((l) => l.level)).toEqual(['excellent', 'good', 'satisfactory', 'unsatisfactory']);
    });
  }

  it('short names: TSVM before 2018, HTXSNV … KHTNV from 2018', () => {
    expect(set('hd27-2014').unitLevels.map((l) => l.short)).toEqual(['TSVM', 'HTTNV', 'HTNV', 'Yếu kém']);
    for (const id of IDS.slice(1)) expect(set(id).memberLevels.map((l) => l.short)).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']);
  });
});

describe('how a level is reached: qualitative, grades (cấp độ), points', () => {
  it.each([
    ['hd27-2014', 'qualitative', 0],
    ['hd16-2018', 'grades', 4],
    ['hd21-2019', 'grades', 4],
    ['hd25-2023', 'grades', 4],
    ['hd43-2025', 'points', 0],
  ] as const)('%s scores by %s with %i grades', (id, scoring, grades) => {
    const rs = set(id);
    expect(rs.scoring).toBe(scoring);
    expect(rs.grades).toHaveLength(grades);
    expect(rs.points === null).toBe(scoring !== 'points');
  });

  it('the grades are Xuất sắc, Tốt, Trung bình, Kém (2018–2024)', () => {
    expect(set('hd25-2023').grades.map((g) => g.label)).toEqual(['Xuất sắc', 'Tốt', 'Trung bình', 'Kém']);
  });

  it('2025 on: 30 general + 70 task points, bands 90 / 70 / 50 on the levels too (regulations §11.3, §11.4)', () => {
    const rs = set('hd43-2025');
    expect(rs.points).toMatchObject({ general: 30, tasks: 70, bands: { excellent: 90, good: 70, satisfactory: 50 } });
    expect(rs.memberLevels.map((l) => l.minPoints)).toEqual([90, 70, 50, undefined]);
    expect(rs.unitLevels.map((l) => l.minPoints)).toEqual([90, 70, 50, undefined]);
  });

  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.5, 'good'],
    [70, 'good'],
    [69.9, 'satisfactory'],
    [50, 'satisfactory'],
    [49.9, 'unsatisfactory'],
    [0, 'unsatisfactory'],
  ] as const)('%d points fall in the band of %s', (total, level) => {
    expect(levelBandForPoints(set('hd43-2025'), total)).toBe(level);
  });

  it('no band where the rule set does not score', () => {
    for (const id of IDS.slice(0, 4)) expect(levelBandForPoints(set(id), 95)).toBeNull();
  });

  it('the leadership collective is reviewed on its own from QĐ 124 on (2023)', () => {
    expect(IDS.map((id) => set(id).reviewsLeadershipCollective)).toEqual([false, false, false, true, true]);
  });

  it('HTXS quota: none before 2018, 20 % of HTT from 2018, with the 25 % exception from 2025', () => {
    expect(IDS.map((id) => set(id).quota.htxsPct)).toEqual([null, 20, 20, 20, 20]);
    expect(IDS.map((id) => set(id).quota.exceptionalPct)).toEqual([null, null, null, null, 25]);
    expect(IDS.map((id) => set(id).quota.scope)).toEqual([
      'none',
      'grassroots_org',
      'grassroots_org',
      'comparable_group',
      'comparable_group',
    ]);
  });
});

describe('forms by meaning: the letters changed meaning (regulations §11.6)', () => {
  const MEANINGS: FormMeaning[] = ['collective', 'leadership_collective', 'member_leader', 'member_no_post', 'member_outside'];
  const LETTERS: Record<Id, Record<FormMeaning, string>> = {
    'hd27-2014': { collective: '', leadership_collective: '', member_leader: '', member_no_post: '', member_outside: '' },
    'hd16-2018': { collective: '01', leadership_collective: '01', member_leader: '05', member_no_post: '05', member_outside: '05' },
    'hd21-2019': { collective: '01', leadership_collective: '01', member_leader: '02', member_no_post: '02', member_outside: '02' },
    'hd25-2023': { collective: '01', leadership_collective: '01', member_leader: '02B', member_no_post: '02A', member_outside: '02A' },
    'hd43-2025': { collective: '01', leadership_collective: '01', member_leader: '2A', member_no_post: '2B', member_outside: '2C' },
  };

  for (const id of IDS) {
    it(`${id}: the letter each meaning gets`, () => {
      const rs = set(id);
      expect(Object.fromEntries(MEANINGS.map((m) => [m, formFor(rs, m).letter]))).toEqual(LETTERS[id]);
    });
  }

  it('HD 25: 02A is the form without a post, 02B the leaders’ form; HD 43: 2A leader, 2B no post, 2C outside', () => {
    expect(formFor(set('hd25-2023'), 'member_no_post').code).toBe('Mẫu 02A-HD KĐ.ĐG 2023');
    expect(formFor(set('hd25-2023'), 'member_leader').code).toBe('Mẫu 02B-HD KĐ.ĐG 2023');
    expect(formFor(set('hd43-2025'), 'member_leader').code).toBe('Mẫu 2A (02A-HD KĐ.ĐG 2025)');
    expect(formFor(set('hd43-2025'), 'member_no_post').code).toBe('Mẫu 2B (02B-HD KĐ.ĐG 2025)');
    expect(formFor(set('hd43-2025'), 'member_outside').code).toBe('Mẫu 2C (02C-HD KĐ.ĐG 2025)');
    expect(formFor(set('hd21-2019'), 'member_leader').code).toBe('Mẫu 02-HD KĐ.ĐG 2019');
    expect(formFor(set('hd21-2019'), 'collective').code).toBe('Mẫu 01-HD KĐ.ĐG 2019');
  });

  it('each form template carries the meaning it is stored under', () => {
    for (const rs of ALL_RULE_SETS) for (const [meaning, form] of Object.entries(rs.forms)) expect(form?.meaning).toBe(meaning);
  });

  const criteriaOf = (rs: RuleSet, meaning: FormMeaning) =>
    formFor(rs, meaning).sections.find((s) => s.key === 'strengths')?.criteria ?? [];

  it('section I of the individual forms: 1–5 with 3–5 for leaders only (regulations §3.3)', () => {
    // One form for everyone (HD 16, HD 21): all five, items 3–5 marked for leaders.
    for (const id of ['hd16-2018', 'hd21-2019'] as const) {
      const c = criteriaOf(set(id), 'member_no_post');
      expect(c).toHaveLength(5);
      expect(c.map((x) => x.leadersOnly === true)).toEqual([false, false, true, true, true]);
    }
    // HD 25: 02A (no post) has items 1–2, 02B (leaders) all five.
    expect(criteriaOf(set('hd25-2023'), 'member_no_post').map((c) => c.key)).toEqual(['politics_ethics', 'duties']);
    expect(criteriaOf(set('hd25-2023'), 'member_leader')).toHaveLength(5);
    // HD 43: 2B and 2C items 1–2 (+ the commitment), 2A adds the leadership items.
    expect(criteriaOf(set('hd43-2025'), 'member_no_post')).toHaveLength(2);
    expect(criteriaOf(set('hd43-2025'), 'member_outside')).toHaveLength(2);
    expect(criteriaOf(set('hd43-2025'), 'member_leader')).toHaveLength(5);
  });

  it('section I of the collective report: four criteria, graded 2018–2024, not graded from 2025', () => {
    for (const id of IDS.slice(1)) {
      const strengths = formFor(set(id), 'collective').sections.find((s) => s.key === 'strengths');
      expect(strengths?.criteria).toHaveLength(4);
      expect(strengths?.graded).toBe(id !== 'hd43-2025');
    }
  });

  it('2025 forms end with scores …/30 and …/70 and a proposed level (B.I, B.II)', () => {
    for (const meaning of ['collective', 'member_leader', 'member_no_post', 'member_outside'] as const) {
      const form = formFor(set('hd43-2025'), meaning);
      const scores = form.sections.find((s) => s.key === 'scores');
      expect(scores?.number).toBe('B.I');
      expect(scores?.criteria?.map((c) => c.maxPoints)).toEqual([30, 70]);
      expect(form.sections.at(-1)).toMatchObject({ key: 'self_level', number: 'B.II' });
      expect(form.sections.some((s) => s.graded)).toBe(false);
    }
    for (const id of IDS.slice(0, 4))
      for (const f of Object.values(set(id).forms)) expect(f?.sections.some((s) => s.key === 'scores')).toBe(false);
  });

  it('the ≤ 2017 configured forms have the sections of regulations §9b', () => {
    const rs = set('hd27-2014');
    expect(formFor(rs, 'collective').sections.map((s) => s.key)).toEqual([
      'carry_over',
      'political_tasks',
      'manifestations',
      'shortcomings',
      'suggestion_answers',
      'directions',
      'self_level',
    ]);
    expect(formFor(rs, 'member_no_post').sections.map((s) => s.key)).toEqual([
      'carry_over',
      'commitment',
      'example_setting',
      'manifestations',
      'shortcomings',
      'suggestion_answers',
      'directions',
      'self_level',
    ]);
  });

  it('every form has the checklist and the answers to suggested points; collectives report political tasks, individuals their commitment', () => {
    for (const rs of ALL_RULE_SETS) {
      for (const form of Object.values(rs.forms)) {
        const keys = form!.sections.map((s) => s.key);
        expect(keys).toContain('manifestations');
        expect(keys).toContain('suggestion_answers');
        expect(keys).toContain('carry_over');
        expect(keys).toContain('self_level');
        if (form!.meaning === 'collective') expect(keys).toContain('political_tasks');
        else expect(keys).toContain('commitment');
      }
    }
  });
});

describe('formMeaningFor: which form a member writes (UNCONFIRMED heuristic)', () => {
  const member = (over: Partial<{ isLeader: boolean; isCivilServant: boolean; governmentPosts: string | null }> = {}) => ({
    isLeader: false,
    isCivilServant: false,
    governmentPosts: null,
    ...over,
  });

  it.each([
    ['a leader', member({ isLeader: true, isCivilServant: true }), 'member_leader', 'member_leader'],
    ['a civil servant', member({ isCivilServant: true }), 'member_no_post', 'member_no_post'],
    ['a member with a government post', member({ governmentPosts: 'Phó Chủ tịch UBND phường' }), 'member_no_post', 'member_no_post'],
    ['a retiree (no post, not a civil servant)', member(), 'member_outside', 'member_no_post'],
    ['a member whose government post is blank', member({ governmentPosts: '   ' }), 'member_outside', 'member_no_post'],
  ] as const)('%s → %s in 2025, %s in 2023', (_label, m, in2025, in2023) => {
    expect(formMeaningFor(set('hd43-2025'), m)).toBe(in2025);
    expect(formMeaningFor(set('hd25-2023'), m)).toBe(in2023);
  });

  it('before 2025 nobody is given the "outside" meaning, since no period had that form', () => {
    for (const id of IDS.slice(0, 4)) expect(formMeaningFor(set(id), member())).toBe('member_no_post');
  });
});

describe('populationTreatment: who is left out or not classified', () => {
  const cfg = (rs: RuleSet) => effectiveConfig(rs, {});
  const treat = (id: Id, status: MemberStatus, admissionDate: string | null = '2000-01-01', cutoff?: string) => {
    const rs = set(id);
    return populationTreatment(rs, cfg(rs), { status, admissionDate }, cutoff ?? defaultCutoffDate(rs.years.to ?? 2025));
  };

  it.each(IDS)('%s: exempt members are left out with their reason; active ones reviewed', (id) => {
    expect(treat(id, 'exempt')).toEqual({ treatment: 'excluded', reason: 'exempt' });
    expect(treat(id, 'active')).toEqual({ treatment: 'reviewed', reason: null });
  });

  it('suspended members: still reviewed in 2018, left out from 2019 (HD 21, regulations §1.2)', () => {
    expect(treat('hd27-2014', 'suspended')).toEqual({ treatment: 'reviewed', reason: null });
    expect(treat('hd16-2018', 'suspended')).toEqual({ treatment: 'reviewed', reason: null });
    for (const id of ['hd21-2019', 'hd25-2023', 'hd43-2025'] as const)
      expect(treat(id, 'suspended')).toEqual({ treatment: 'excluded', reason: 'suspended' });
  });

  it('newly admitted: reviewed but not classified up to 2024, left out from 2025 (regulations §11.7)', () => {
    expect(
      populationTreatment(ruleSetForYear(2024), cfg(ruleSetForYear(2024)), { status: 'active', admissionDate: '2024-09-01' }, '2024-12-31'),
    ).toEqual({
      treatment: 'not_classified',
      reason: 'newly_admitted',
    });
    expect(
      populationTreatment(ruleSetForYear(2025), cfg(ruleSetForYear(2025)), { status: 'active', admissionDate: '2025-09-01' }, '2025-12-31'),
    ).toEqual({
      treatment: 'excluded',
      reason: 'newly_admitted',
    });
    for (const id of ['hd27-2014', 'hd16-2018', 'hd21-2019'] as const) {
      expect(treat(id, 'active', '2017-11-01', '2017-12-31')).toEqual({ treatment: 'not_classified', reason: 'newly_admitted' });
    }
  });

  it('cut-off arithmetic: admitted exactly 6 months before the cut-off has completed them', () => {
    const rs = set('hd25-2023');
    const t = (admissionDate: string | null, cutoff = '2024-12-31') =>
      populationTreatment(rs, cfg(rs), { status: 'active', admissionDate }, cutoff).treatment;
    expect(t('2024-06-30')).toBe('reviewed');
    expect(t('2024-07-01')).toBe('not_classified');
    expect(t('2024-12-31')).toBe('not_classified');
    expect(t('2025-01-10')).toBe('not_classified');
    expect(t(null)).toBe('reviewed');
    // A campaign's own cut-off 31/08/2024: the line is 29/02/2024 (the day clamps to the month's end).
    expect(t('2024-02-29', '2024-08-31')).toBe('reviewed');
    expect(t('2024-03-01', '2024-08-31')).toBe('not_classified');
  });

  it('the campaign may change the number of months', () => {
    const rs = set('hd43-2025');
    const twelve = effectiveConfig(rs, { newlyAdmittedMonths: 12 });
    expect(populationTreatment(rs, twelve, { status: 'active', admissionDate: '2025-03-01' }, '2025-12-31')).toEqual({
      treatment: 'excluded',
      reason: 'newly_admitted',
    });
    expect(populationTreatment(rs, cfg(rs), { status: 'active', admissionDate: '2025-03-01' }, '2025-12-31')).toEqual({
      treatment: 'reviewed',
      reason: null,
    });
  });

  it('a suspended member admitted recently in 2018 is reviewed as newly admitted (suspension does not leave them out then)', () => {
    expect(treat('hd16-2018', 'suspended', '2018-10-01', '2018-12-31')).toEqual({ treatment: 'not_classified', reason: 'newly_admitted' });
  });

  it.each(IDS)('%s: transferred-out and deceased members are left out with that reason', (id) => {
    expect(treat(id, 'transferred')).toEqual({ treatment: 'excluded', reason: 'transferred_out' });
    expect(treat(id, 'deceased')).toEqual({ treatment: 'excluded', reason: 'deceased' });
  });

  it.each([
    ['2024-12-31', 6, '2024-06-30'],
    ['2024-08-31', 6, '2024-02-29'],
    ['2023-08-31', 6, '2023-02-28'],
    ['2025-03-15', 6, '2024-09-15'],
    ['2024-12-31', 0, '2024-12-31'],
    ['2024-12-31', 24, '2022-12-31'],
    ['2025-01-31', 1, '2024-12-31'],
  ] as const)('monthsBefore(%s, %i) = %s', (date, months, expected) => {
    expect(monthsBefore(date, months)).toBe(expected);
  });

  it('the default cut-off is 31/12 of the review year (regulations §9b)', () => {
    expect(defaultCutoffDate(2017)).toBe('2017-12-31');
  });

  it('the population data says the same as the function, case by case', () => {
    for (const rs of ALL_RULE_SETS) {
      const byKey = Object.fromEntries(rs.population.cases.map((c) => [c.key, c.treatment]));
      expect(byKey.exempt).toBe(rs.population.exempt);
      expect(byKey.suspended).toBe(rs.population.suspended);
      expect(byKey.newly_admitted).toBe(rs.population.newlyAdmitted);
      expect(byKey.transferred_out).toBe('excluded');
      expect(byKey.deceased).toBe('excluded');
    }
  });
});

describe('effectiveConfig: the campaign’s adaptations over the rule set’s defaults', () => {
  it.each(IDS)('%s: defaults, each marked as coming from the rule set', (id) => {
    const rs = set(id);
    const c = effectiveConfig(rs, {});
    expect(c).toMatchObject({
      manifestationGranularity: 'items',
      htxsQuotaPct: id === 'hd27-2014' ? null : 20,
      appraisalForAll: false,
      newlyAdmittedMonths: 6,
    });
    expect(c.politicalTasks).toEqual(rs.defaultPoliticalTasks);
    expect(Object.values(c.origin)).toEqual(['default', 'default', 'default', 'default', 'default']);
  });

  it('≤ 2017 takes the Hà Tĩnh 2017 key political tasks; later sets a generic list', () => {
    expect(effectiveConfig(set('hd27-2014'), {}).politicalTasks.map((t) => t.key)).toEqual([
      'civilized_urban',
      'new_rural',
      'administrative_reform',
      'urban_order',
      'land_management',
      'site_clearance',
    ]);
    expect(HA_TINH_2017_TASKS.map((t) => t.label)).toContain('Giải phóng mặt bằng');
    expect(effectiveConfig(set('hd21-2019'), {}).politicalTasks.map((t) => t.key)).not.toContain('site_clearance');
  });

  it('every override wins and is marked as the campaign’s', () => {
    const tasks = [{ key: 'tourism', label: 'Phát triển du lịch' }];
    const c = effectiveConfig(set('hd27-2014'), {
      politicalTasks: tasks,
      manifestationGranularity: 'groups',
      htxsQuotaPct: 15,
      appraisalForAll: true,
      newlyAdmittedMonths: 12,
    });
    expect(c).toEqual({
      politicalTasks: tasks,
      manifestationGranularity: 'groups',
      htxsQuotaPct: 15,
      appraisalForAll: true,
      newlyAdmittedMonths: 12,
      origin: {
        politicalTasks: 'campaign',
        manifestationGranularity: 'campaign',
        htxsQuotaPct: 'campaign',
        appraisalForAll: 'campaign',
        newlyAdmittedMonths: 'campaign',
      },
    });
  });

  it('a quota of null is a choice ("no quota"), not a fallback to the default', () => {
    const c = effectiveConfig(set('hd43-2025'), { htxsQuotaPct: null });
    expect(c.htxsQuotaPct).toBeNull();
    expect(c.origin.htxsQuotaPct).toBe('campaign');
    expect(effectiveConfig(set('hd43-2025'), { appraisalForAll: false }).origin.appraisalForAll).toBe('campaign');
  });

  it('the rule sets are frozen reference data', () => {
    const rs = set('hd43-2025');
    expect(() => (rs.defaultPoliticalTasks as { key: string; label: string }[]).push({ key: 'x', label: 'x' })).toThrow();
    expect(() => {
      (rs.memberLevels[0] as { label: string }).label = 'changed';
    }).toThrow();
    expect(rs.memberLevels[0].label).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });

  it('changing the effective list does not change the rule set', () => {
    const rs = set('hd27-2014');
    effectiveConfig(rs, {}).politicalTasks.push({ key: 'x', label: 'x' });
    effectiveConfig(rs, {}).politicalTasks[0].label = 'changed';
    expect(rs.defaultPoliticalTasks).toHaveLength(6);
    expect(rs.defaultPoliticalTasks[0].label).toBe('Xây dựng đô thị văn minh');
  });

  it.each(IDS)('%s: the configurable items describe the same defaults, and every item is there', (id) => {
    const rs = set(id);
    const d = effectiveConfig(rs, {});
    const item = (key: string) => rs.configurable.find((c) => c.key === key);
    expect(rs.configurable.map((c) => c.key).sort()).toEqual(
      [
        'appraisalForAll',
        'cutoffDate',
        'htxsQuotaPct',
        'manifestationGranularity',
        'newlyAdmittedMonths',
        'politicalTasks',
        'quotaScope',
      ].sort(),
    );
    expect(item('politicalTasks')?.defaultValue).toEqual(d.politicalTasks);
    expect(item('manifestationGranularity')?.defaultValue).toBe(d.manifestationGranularity);
    expect(item('htxsQuotaPct')?.defaultValue).toBe(d.htxsQuotaPct);
    expect(item('appraisalForAll')?.defaultValue).toBe(d.appraisalForAll);
    expect(item('newlyAdmittedMonths')?.defaultValue).toBe(d.newlyAdmittedMonths);
    expect(item('quotaScope')?.defaultValue).toBe(rs.quota.scope);
    for (const c of rs.configurable) expect(c.defaultText.length).toBeGreaterThan(0);
  });
});

describe('the 27 manifestations (regulations §5)', () => {
  it.each(IDS)('%s: 27 items, nine per group, A1…A9, B1…B9, C1…C9', (id) => {
    const rs = set(id);
    expect(rs.manifestations).toHaveLength(27);
    for (const g of ['A', 'B', 'C'] as const) {
      const items = rs.manifestations.filter((m) => m.group === g);
      expect(items.map((m) => m.code)).toEqual(Array.from({ length: 9 }, (_, i) => `${g}${i + 1}`));
    }
    expect(rs.manifestationGroups.map((g) => g.code)).toEqual(['A', 'B', 'C']);
  });

  it('the checklist: 27 items or the three groups', () => {
    const rs = set('hd43-2025');
    const items = manifestationChecklist(rs, 'items');
    expect(items).toHaveLength(27);
    expect(items[0]).toEqual({ code: 'A1', label: rs.manifestations[0].text });
    expect(manifestationChecklist(rs, 'groups')).toEqual([
      { code: 'A', label: 'Suy thoái về tư tưởng chính trị' },
      { code: 'B', label: 'Suy thoái về đạo đức, lối sống' },
      { code: 'C', label: 'Biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ' },
    ]);
  });

  it('A6–A9, B1–B9 and C7–C9 are marked UNCONFIRMED (from a mnemonic summary), A1–A5 and C1–C6 are not', () => {
    const unconfirmed = set('hd21-2019')
      .manifestations.filter((m) => m.source.unconfirmed)
      .map((m) => m.code);
    expect(unconfirmed).toEqual(['A6', 'A7', 'A8', 'A9', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'C7', 'C8', 'C9']);
  });
});

describe('sources', () => {
  /** Every object of the rule set that carries a `source`, with its path. */
  function sourced(value: unknown, path: string, out: [string, SourceRef][]): [string, SourceRef][] {
    if (Array.isArray(value)) value.forEach((v, i) => sourced(v, `${path}[${i}]`, out));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'source') out.push([path, v as SourceRef]);
        else sourced(v, `${path}.${k}`, out);
      }
    }
    return out;
  }

  const validSource = (s: SourceRef) =>
    typeof s?.document === 'string' &&
    s.document.length > 0 &&
    /^regulations §\d/.test(s.reference) &&
    (s.unconfirmed !== true || (s.note ?? '').length > 0);

  it.each(IDS)('%s: every item has a document and a regulations.md reference; unconfirmed items say why', (id) => {
    const rs = set(id);
    const all = sourced(rs, id, []);
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter(([, s]) => !validSource(s)).map(([p]) => p)).toEqual([]);
    // The items the brief lists must each be among them.
    const paths = new Set(all.map(([p]) => p));
    for (const l of ['memberLevels', 'unitLevels']) for (let i = 0; i < 4; i++) expect(paths.has(`${id}.${l}[${i}]`)).toBe(true);
    for (let i = 0; i < 27; i++) expect(paths.has(`${id}.manifestations[${i}]`)).toBe(true);
    for (let i = 0; i < rs.configurable.length; i++) expect(paths.has(`${id}.configurable[${i}]`)).toBe(true);
    for (const [meaning, form] of Object.entries(rs.forms)) {
      expect(paths.has(`${id}.forms.${meaning}`)).toBe(true);
      form!.sections.forEach((s, i) => {
        expect(paths.has(`${id}.forms.${meaning}.sections[${i}]`)).toBe(true);
        (s.criteria ?? []).forEach((_c, j) => expect(paths.has(`${id}.forms.${meaning}.sections[${i}].criteria[${j}]`)).toBe(true));
      });
    }
    expect(paths.has(`${id}.population`)).toBe(true);
    expect(paths.has(`${id}.quota`)).toBe(true);
    for (const d of rs.documents) expect(validSource(d)).toBe(true);
  });

  it('UNCONFIRMED where regulations.md says so', () => {
    const u = (s: SourceRef | undefined) => s?.unconfirmed === true;
    // §1.1: mapping 2017 to HD 27/2014 is inferred.
    expect(u(set('hd27-2014').documents.find((d) => d.document.startsWith('HD 27')))).toBe(true);
    // §9b: the ≤ 2017 form is the configured form; no quota before 2018.
    expect(u(set('hd27-2014').forms.collective?.source)).toBe(true);
    expect(u(set('hd27-2014').forms.member_no_post?.source)).toBe(true);
    expect(u(set('hd27-2014').quota.source)).toBe(true);
    // §1.2: the 20 % quota is assumed for HD 16; confirmed for HD 21, QĐ 124 and QĐ 366.
    expect(IDS.map((id) => u(set(id).quota.source))).toEqual([true, true, false, false, false]);
    // §11.10: HD 25's own 02A/02B assignment.
    expect(u(set('hd25-2023').forms.member_no_post?.source)).toBe(true);
    expect(u(set('hd25-2023').forms.member_leader?.source)).toBe(true);
    // §11.6: the exact 2C wording of item 2 and the item numbering of 2A.
    const c2 = set('hd43-2025')
      .forms.member_outside?.sections.find((s) => s.key === 'strengths')
      ?.criteria?.find((c) => c.key === 'duties');
    expect(u(c2?.source)).toBe(true);
    expect(u(set('hd43-2025').forms.member_leader?.sections.find((s) => s.key === 'strengths')?.source)).toBe(true);
    expect(u(set('hd43-2025').forms.member_leader?.sections.find((s) => s.key === 'shortcomings')?.source)).toBe(false);
    expect(u(set('hd43-2025').forms.member_no_post?.sections.find((s) => s.key === 'strengths')?.source)).toBe(false);
    // §11.4: the KHTNV list for party organisations under QĐ 366; §11.8: transfers under HD 43.
    expect(u(set('hd43-2025').unitLevels.find((l) => l.level === 'unsatisfactory')?.source)).toBe(true);
    expect(u(set('hd43-2025').population.cases.find((c) => c.key === 'transferred_out')?.source)).toBe(true);
    // §9b / §11.7: the cut-off date is a default everywhere, and so is the checklist granularity.
    for (const id of IDS) {
      expect(u(set(id).configurable.find((c) => c.key === 'cutoffDate')?.source)).toBe(true);
      expect(u(set(id).configurable.find((c) => c.key === 'manifestationGranularity')?.source)).toBe(true);
    }
    // Confirmed items are not marked: the 2025 bands and exclusions.
    expect(u(set('hd43-2025').points?.source)).toBe(false);
    expect(u(set('hd43-2025').population.source)).toBe(false);
  });

  it('rules cite their period: R6 (sick leave) is gone from 2025, R16 (bands) only there', () => {
    const codes = (id: Id) => set(id).rules.map((r) => r.code);
    expect(codes('hd21-2019')).toContain('R6');
    expect(codes('hd43-2025')).not.toContain('R6');
    expect(codes('hd43-2025')).toEqual(expect.arrayContaining(['R15', 'R16', 'N1', 'N2']));
    for (const id of IDS.slice(0, 4)) expect(codes(id)).not.toContain('R16');
    expect(set('hd21-2019').rules.find((r) => r.code === 'R13')?.source.unconfirmed).toBe(true);
  });
});

describe('the API contract', () => {
  it.each(IDS)('%s parses with the contract and loses nothing', (id) => {
    const rs = set(id);
    expect(ruleSetDetail.parse(structuredClone(rs))).toEqual(rs);
  });
});
