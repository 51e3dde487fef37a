// How the checks write figures in Vietnamese explanations: decimal comma, "20 %", dd/mm/yyyy
// (design §4: all UI text is Vietnamese; the explanations are shown as they are on the board).
import { LEVELS, type Level } from '../../../shared/campaign-vocabulary.js';
import type { RuleSet } from '../rule-sets/types.js';

/** 89.9 → "89,9"; 90 → "90"; at most `maxDecimals` decimals, trailing zeros dropped. */
export function num(n: number, maxDecimals = 2): string {
  const fixed = n.toFixed(maxDecimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed.replace('.', ',');
}

/** At least one decimal, for the quota product: 2 → "2,0", 1.4 → "1,4", 0.75 → "0,75". */
export function product(n: number): string {
  const s = num(n, 2);
  return s.includes(',') ? s : `${s},0`;
}

/** "20 %" (Vietnamese typesetting keeps a space before the percent sign, as the rule texts do). */
export function pct(n: number): string {
  return `${num(n, 1)} %`;
}

/** The share a / b as "66,7 %"; b = 0 gives "0 %". */
export function share(a: number, b: number): string {
  return pct(b === 0 ? 0 : (a * 100) / b);
}

/** ISO date (yyyy-mm-dd…) → dd/mm/yyyy. */
export function date(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Rank of a level: 0 = the highest (LEVELS order: excellent > good > satisfactory > unsatisfactory). */
export const RANK: Record<Level, number> = { excellent: 0, good: 1, satisfactory: 2, unsatisfactory: 3 };

/** Whether `level` is above (better than) `than`. */
export function above(level: Level, than: Level): boolean {
  return RANK[level] < RANK[than];
}

/** Short level names of the period, for members and for collectives (regulations §1.2: names differ before 2018). */
export interface LevelNames {
  member: Record<Level, string>;
  unit: Record<Level, string>;
}

export function levelNames(ruleSet: RuleSet): LevelNames {
  const pick = (defs: RuleSet['memberLevels']): Record<Level, string> => {
    const out = {} as Record<Level, string>;
    for (const l of LEVELS) out[l] = defs.find((d) => d.level === l)?.short ?? l;
    return out;
  };
  return { member: pick(ruleSet.memberLevels), unit: pick(ruleSet.unitLevels) };
}
