// Builders of check subjects for the classification tests (tests/domain/classification-*.test.ts):
// a member or a collective with every field at its plain default, overridden per case.
import type { Level } from '../../src/shared/campaign-vocabulary.js';
import { runChecks } from '../../src/server/domain/classification/checks.js';
import type {
  CheckConfig,
  CheckOutcome,
  CheckResult,
  DisciplineFact,
  MemberFacts,
  MemberSubject,
  Subject,
  UnitSubject,
} from '../../src/server/domain/classification/types.js';
import { ruleSetById, type RuleSet } from '../../src/server/domain/rule-sets/index.js';

export const IDS = ['hd27-2014', 'hd16-2018', 'hd21-2019', 'hd25-2023', 'hd43-2025'] as const;
export type Id = (typeof IDS)[number];

export function set(id: Id): RuleSet {
  const rs = ruleSetById(id);
  if (!rs) throw new Error(id);
  return rs;
}

export function facts(over: Partial<MemberFacts> = {}): MemberFacts {
  return {
    disciplines: [],
    civilServiceRating: null,
    targetsCompletedPct: null,
    sickLeaveDays: null,
    degradationConcluded: false,
    confidenceLowPct: null,
    ...over,
  };
}

export function discipline(over: Partial<DisciplineFact> = {}): DisciplineFact {
  return { form: 'reprimand', date: '2019-05-12', selfDetected: false, remedied: false, dutyRelated: true, ...over };
}

let seq = 0;

export function member(over: Partial<MemberSubject> = {}): MemberSubject {
  seq++;
  return {
    kind: 'member',
    key: `m${seq}`,
    name: `Đảng viên ${seq}`,
    unitId: 'cb1',
    grassrootsUnitId: 'db1',
    included: true,
    classified: true,
    populationReason: null,
    isLeader: false,
    headOfUnitId: null,
    isCivilServant: false,
    level: null,
    score: null,
    facts: facts(),
    openEarlierShortcomings: 0,
    groupKey: 'db1',
    ...over,
  };
}

export function unit(over: Partial<UnitSubject> = {}): UnitSubject {
  const id = over.unitId ?? over.key ?? `u${++seq}`;
  return {
    kind: 'unit',
    key: id,
    name: `Chi bộ ${id}`,
    unitId: id,
    parentUnitId: 'db1',
    unitKind: 'cell',
    isGrassroots: false,
    level: null,
    score: null,
    collectiveDisciplined: false,
    degradationConcluded: false,
    targetsCompletedPct: null,
    newlyFormed: false,
    openEarlierShortcomings: 0,
    groupKey: 'db1',
    ...over,
  };
}

/** `n` members of chi bộ `unitId` at `level`. */
export function members(n: number, level: Level | null, over: Partial<MemberSubject> = {}): MemberSubject[] {
  return Array.from({ length: n }, () => member({ level, ...over }));
}

export function run(id: Id, subjects: Subject[], config: Partial<CheckConfig> = {}): CheckOutcome {
  const rs = set(id);
  return runChecks({ ruleSet: rs, config: { htxsQuotaPct: rs.quota.htxsPct, ...config }, subjects });
}

/** The results of one rule on one subject. */
export function of(outcome: CheckOutcome, ruleId: string, subjectKey: string): CheckResult[] {
  return outcome.results.filter((r) => r.ruleId === ruleId && r.subjectKey === subjectKey);
}

/** The single result of one rule on one subject (fails the test when there is not exactly one). */
export function one(outcome: CheckOutcome, ruleId: string, subjectKey: string): CheckResult {
  const found = of(outcome, ruleId, subjectKey);
  if (found.length !== 1) throw new Error(`${ruleId} on ${subjectKey}: ${found.length} results`);
  return found[0];
}
