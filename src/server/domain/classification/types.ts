// The classification checks' input and output (issue 4 item 3; design §3, Classification: "the
// rule checks run and their outcome"). Pure data: the use cases load the subjects of a scope
// (members with their facts of the year, units with their members' and sub-units' levels) and
// hand them to `runChecks` (checks.ts); the calibration board's what-if calls it again with one
// level changed. Every result names its rule, passes or fails, explains itself in Vietnamese and
// cites the document and article it comes from.
import type { DisciplineForm, Level } from '../../../shared/campaign-vocabulary.js';
import type { RuleSet, SourceRef } from '../rule-sets/types.js';

export interface DisciplineFact {
  form: DisciplineForm;
  /** ISO date of the discipline. */
  date: string;
  selfDetected: boolean;
  remedied: boolean;
  dutyRelated: boolean;
}

/** MemberYearFacts of the review year, as the rules read them (contracts/member-year.ts). */
export interface MemberFacts {
  disciplines: DisciplineFact[];
  civilServiceRating: Level | null;
  targetsCompletedPct: number | null;
  sickLeaveDays: number | null;
  degradationConcluded: boolean;
  confidenceLowPct: number | null;
}

export interface MemberSubject {
  kind: 'member';
  /** The member id (classifications.subject_key). */
  key: string;
  name: string;
  /** The member's chi bộ. */
  unitId: string;
  /** The grassroots unit above (or equal to) the chi bộ: the HD 21 quota group for members. */
  grassrootsUnitId: string;
  /** In the frozen population; false = exempt, suspended… (R8: not reviewed, not classified). */
  included: boolean;
  /** False for the newly admitted (R7: reviewed, not classified). */
  classified: boolean;
  /** Why left out or not classified (population reason), when so. */
  populationReason: string | null;
  isLeader: boolean;
  /** Set when the member heads a unit whose collective is classified in the same campaign (R14). */
  headOfUnitId: string | null;
  isCivilServant: boolean;
  /** The level under check: proposed, decided, or the what-if's. Null = none yet. */
  level: Level | null;
  /** Total points where the rule set scores (2025 on), else null. */
  score: number | null;
  facts: MemberFacts | null;
  /** Shortcomings pointed out before this review and not marked fixed (QĐ 366: HTXS needs 100 % remedied). */
  openEarlierShortcomings: number;
  /** The quota group the subject counts in (regulations §9b): defaults to the grassroots unit. */
  groupKey: string;
  /** The group's name for the quota explanation; else the name of the unit whose id is the group key, else the key. */
  groupLabel?: string;
}

export interface UnitSubject {
  /** `unit`: the party organization as a collective; `leadership`: its leadership collective. */
  kind: 'unit' | 'leadership';
  /** The unit id (classifications.subject_key). */
  key: string;
  name: string;
  unitId: string;
  /** Parent unit id in the tree (null for the campaign's owner). */
  parentUnitId: string | null;
  unitKind: string;
  isGrassroots: boolean;
  level: Level | null;
  score: number | null;
  /** The collective itself disciplined in the year (R12). */
  collectiveDisciplined: boolean;
  /** Concluded disunity or degradation of a member of the leadership (R2 for collectives). */
  degradationConcluded: boolean;
  /** Share of targets completed by the unit, when recorded. */
  targetsCompletedPct: number | null;
  /** Newly formed less than 6 months before the cut-off (R7 for organizations). */
  newlyFormed: boolean;
  openEarlierShortcomings: number;
  groupKey: string;
  /** As MemberSubject.groupLabel. */
  groupLabel?: string;
}

export type Subject = MemberSubject | UnitSubject;

export interface CheckConfig {
  /** HTXS at most this % of HTT; null = no quota (EffectiveConfig.htxsQuotaPct). */
  htxsQuotaPct: number | null;
  /** Groups the competent level allowed the higher ceiling (QĐ 366 Đ11: up to 25 %), by group key. */
  exceptionalGroups?: ReadonlySet<string>;
}

export interface CheckInput {
  ruleSet: RuleSet;
  config: CheckConfig;
  /** Every subject of the scope: members, units and leadership collectives together, since the
   * organization caps read the members' and sub-units' levels and the quotas count whole groups. */
  subjects: readonly Subject[];
}

export interface CheckResult {
  /**
   * R1…R16 of regulations §2.4, N1 for QĐ 366's new rules (R16 is the score band), and the order
   * of classification: ORD-HEAD (the collective before its head), ORD-LOWER (lower before upper).
   */
  ruleId: string;
  subjectKind: Subject['kind'];
  subjectKey: string;
  passed: boolean;
  /** Vietnamese, with the figures that decided it (the quota arithmetic of regulations §9b). */
  explanation: string;
  /** The highest level the rule allows the subject, when it caps; `null` = may not be classified. */
  maxLevel?: Level | null;
  source: SourceRef;
}

export interface QuotaUse {
  groupKey: string;
  /** Members and collectives are counted apart, collectives by kind (regulations §2.4 R9 [S30][S32]). */
  subjectKind: Subject['kind'];
  /** The group's name as the explanation says it. */
  groupLabel: string;
  /** The group takes the higher ceiling the competent level allowed (QĐ 366 Đ11 k1: 25 %). */
  exceptional: boolean;
  /** Number at HTT (HTXS not counted) and at HTXS in the group. */
  good: number;
  excellent: number;
  /** ⌊ pct × good ⌋ (regulations §9b). */
  cap: number;
  pct: number;
  passed: boolean;
  explanation: string;
  source: SourceRef;
}

export interface CheckOutcome {
  results: CheckResult[];
  quotas: QuotaUse[];
}
