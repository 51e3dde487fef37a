// What every check reads, built once per run (a province campaign holds ~150,000 members and
// ~10,700 units in one call, so no check may scan the subjects again): the period's rules by
// code, the units by id, children by parent, members by chi bộ, heads and leaders by unit.
import type { Level } from '../../../shared/campaign-vocabulary.js';
import type { ClassificationRule, RuleSet, SourceRef } from '../rule-sets/types.js';
import { above, levelNames, type LevelNames } from './format.js';
import type { CheckInput, CheckResult, MemberSubject, Subject, UnitSubject } from './types.js';

export interface CheckContext {
  ruleSet: RuleSet;
  input: CheckInput;
  /** The period's rules by code: a rule missing here is not run (regulations §2.4 "Versions"). */
  rules: ReadonlyMap<string, ClassificationRule>;
  names: LevelNames;
  members: MemberSubject[];
  /** Collectives: the party organization (`unit`) and its leadership collective (`leadership`). */
  units: UnitSubject[];
  unitById: Map<string, UnitSubject>;
  /** parentUnitId of every unit known from the collectives. */
  parentOf: Map<string, string | null>;
  /** Direct sub-units (kind `unit`) by parent unit id. */
  childUnits: Map<string, UnitSubject[]>;
  /** Members in the frozen population (`included`), by their chi bộ. */
  membersByUnit: Map<string, MemberSubject[]>;
  /** Members who head a unit (R14), by that unit. */
  headsByUnit: Map<string, MemberSubject[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildContext(input: CheckInput): CheckContext {
  const members: MemberSubject[] = [];
  const units: UnitSubject[] = [];
  const unitById = new Map<string, UnitSubject>();
  const parentOf = new Map<string, string | null>();
  const childUnits = new Map<string, UnitSubject[]>();
  const membersByUnit = new Map<string, MemberSubject[]>();
  const headsByUnit = new Map<string, MemberSubject[]>();

  for (const s of input.subjects) {
    if (s.kind === 'member') {
      members.push(s);
      if (s.included) push(membersByUnit, s.unitId, s);
      if (s.headOfUnitId !== null) push(headsByUnit, s.headOfUnitId, s);
    } else {
      parentOf.set(s.unitId, s.parentUnitId);
      if (s.kind === 'unit') {
        units.push(s);
        unitById.set(s.unitId, s);
        if (s.parentUnitId !== null) push(childUnits, s.parentUnitId, s);
      }
    }
  }

  const rules = new Map<string, ClassificationRule>();
  for (const r of input.ruleSet.rules) rules.set(r.code, r);

  return {
    ruleSet: input.ruleSet,
    input,
    rules,
    names: levelNames(input.ruleSet),
    members,
    units,
    unitById,
    parentOf,
    childUnits,
    membersByUnit,
    headsByUnit,
  };
}

/** The short name of a level for the subject's kind ("HTTNV", "TSVM" …). */
export function nameOf(ctx: CheckContext, subject: Subject, level: Level): string {
  return subject.kind === 'member' ? ctx.names.member[level] : ctx.names.unit[level];
}

/** Said of every result whose source regulations.md marks UNCONFIRMED or a §9b default. */
export const UNCONFIRMED_MARK = ' (mặc định, chưa xác nhận)';

/** The mark goes before the closing full stop. */
function withMark(text: string): string {
  return text.endsWith('.') ? `${text.slice(0, -1)}${UNCONFIRMED_MARK}.` : text + UNCONFIRMED_MARK;
}

/**
 * One result. The explanation gets the UNCONFIRMED mark when the source carries it (regulations
 * §9b: "marked as a default in the interface and in the explanation of any check that uses it").
 */
export function result(
  subject: Subject,
  ruleId: string,
  source: SourceRef,
  passed: boolean,
  explanation: string,
  maxLevel?: Level | null,
): CheckResult {
  const r: CheckResult = {
    ruleId,
    subjectKind: subject.kind,
    subjectKey: subject.key,
    passed,
    explanation: source.unconfirmed ? withMark(explanation) : explanation,
    source,
  };
  if (maxLevel !== undefined) r.maxLevel = maxLevel;
  return r;
}

/**
 * A cap: passes when the level under check is not above `maxLevel` (or there is none yet). The
 * explanation states the fact, the cap, and the level under check.
 */
export function capResult(ctx: CheckContext, subject: Subject, rule: ClassificationRule, fact: string, maxLevel: Level): CheckResult {
  const level = subject.level;
  const cap = nameOf(ctx, subject, maxLevel);
  const passed = level === null || !above(level, maxLevel);
  const tail =
    level === null
      ? `chưa có mức đang xét`
      : passed
        ? `mức đang xét ${nameOf(ctx, subject, level)} không vượt quá`
        : `mức đang xét ${nameOf(ctx, subject, level)} cao hơn mức được phép`;
  const effect = maxLevel === 'unsatisfactory' ? `phải xếp loại ${cap}` : `tối đa ${cap}`;
  return result(subject, rule.code, rule.source, passed, `${fact} → ${effect}; ${tail}.`, maxLevel);
}
