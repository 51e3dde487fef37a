// The figures and wordings the checks need beyond the descriptive rule list of each period
// (rule-sets/rules.ts says *which* rules a period has; this says how a rule reads its facts where
// the periods differ). The API contract of a rule set carries only the descriptive fields, so
// these stay on the classification side, keyed by the rule set id.
import type { Level } from '../../../shared/campaign-vocabulary.js';
import type { RuleSet } from '../rule-sets/types.js';

/**
 * R1, discipline in the review year (regulations §2.4):
 * - `any` — HD 16 / HD 21: any discipline → KHTNV, one violation counted once [S9][S26];
 * - `unless_self_remedied` — QĐ 124 Đ12 k4 (R1'): not forced when self-detected and remedied [S27][S39];
 * - `duty_related` — QĐ 366 Đ11 k4 (R1''): khiển trách or heavier (every form is) for a violation
 *   tied to the post's duties, or for members without a post to public duties; self-detection is
 *   weighed by the competent level, never an automatic exemption (§11.4, §11.9).
 */
export type DisciplineMode = 'none' | 'any' | 'unless_self_remedied' | 'duty_related';

export interface PeriodParams {
  discipline: DisciplineMode;
  /** R3 for individuals: QĐ 366 words it "> 50 % of the tasks not completed" (§11.4), the same line as "< 50 % completed". */
  targetsWording: 'targets' | 'tasks_not_completed';
  /** R11: QĐ 124 also lets HTTNV/HTNV through only when self-detected and remedied (§2.2); QĐ 366 keeps the HTXS part (§11.4). */
  r11Wording: 'qd124' | 'qd366';
}

export const PERIOD_PARAMS: Record<RuleSet['id'], PeriodParams> = {
  'hd27-2014': { discipline: 'none', targetsWording: 'targets', r11Wording: 'qd124' },
  'hd16-2018': { discipline: 'any', targetsWording: 'targets', r11Wording: 'qd124' },
  'hd21-2019': { discipline: 'any', targetsWording: 'targets', r11Wording: 'qd124' },
  'hd25-2023': { discipline: 'unless_self_remedied', targetsWording: 'targets', r11Wording: 'qd124' },
  'hd43-2025': { discipline: 'duty_related', targetsWording: 'tasks_not_completed', r11Wording: 'qd366' },
};

/** The thresholds, each with the rule of regulations §2.4 / §11.4 it comes from. */
export const THRESHOLDS = {
  /** R3: fewer than 50 % of own targets completed → KHTNV (§2.4 R3; QĐ 366: more than 50 % not completed). */
  memberTargetsPct: 50,
  /** R3 (2025 on, collectives) and R15 (leaders): the unit completes under 70 % of its yearly programme (§11.4). */
  unitTargetsPct: 70,
  /** R6: sick leave totalling 3 months or more; Tự soi counts 3 months as 90 days (§2.1 [S11]). */
  sickLeaveDays: 90,
  sickLeaveCap: 'satisfactory' as Level,
  /** R10 (HD 21 [S46][S47]): shares of members (chi bộ) or direct sub-units (đảng bộ). */
  r10: {
    excellent: { satisfactoryPct: 100, goodPct: 80 },
    good: { satisfactoryPct: 100, goodPct: 50 },
  },
  /** R12: more than 20 % of the direct sub-units disciplined (QĐ 124, §2.2 [S39]). */
  r12Pct: 20,
  /** R13: more than 20 % of a chi bộ's members disciplined (§2.4 R13 [S48]). */
  r13Pct: 20,
  /** R15: more than 50 % "tín nhiệm thấp" votes; more than 50 % of the units led rated KHTNV (§11.4). */
  r15ConfidenceLowPct: 50,
  r15SubUnitsPct: 50,
} as const;

/** Unit kinds that are a chi bộ (members counted directly); the others count their direct sub-units (R10, R13). */
export const CELL_KINDS: ReadonlySet<string> = new Set(['cell', 'grassroots_cell']);
