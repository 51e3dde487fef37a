// The vote tally of a review meeting (issue 4 item 2): whether the counts add up, and the level
// the tally proposes by default. Pure arithmetic; the conference use cases store the counts and
// show these problems before the tally is saved.
import { LEVELS, type Level } from '../../../shared/campaign-vocabulary.js';

export interface Tally {
  present: number;
  valid: number;
  invalid: number;
  votes: Record<Level, number>;
}

export interface TallyProblem {
  code: 'negative' | 'sum_mismatch' | 'over_present' | 'over_summoned';
  /** Vietnamese, with the numbers. */
  message: string;
}

/** Level names for the messages: the 2018-on short names, which members of every period recognise (regulations §1.2). */
const LEVEL_SHORT: Record<Level, string> = {
  excellent: 'HTXSNV',
  good: 'HTTNV',
  satisfactory: 'HTNV',
  unsatisfactory: 'KHTNV',
};

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

/**
 * Counts add up: votes per level sum to `valid`; valid + invalid ≤ present; present ≤ summoned when
 * given; all integers ≥ 0. The chi bộ votes per member (regulations §2.5 "Proposes": chi bộ after
 * discussion and a vote; §3.3 "Phiếu biểu quyết"); these consistency rules are arithmetic, not text.
 */
export function tallyProblems(t: Tally, opts?: { summoned?: number }): TallyProblem[] {
  const problems: TallyProblem[] = [];
  const fields: [string, number][] = [
    ['Số có mặt', t.present],
    ['Số phiếu hợp lệ', t.valid],
    ['Số phiếu không hợp lệ', t.invalid],
    ...LEVELS.map((l): [string, number] => [`Số phiếu ${LEVEL_SHORT[l]}`, t.votes[l]]),
  ];
  if (opts?.summoned !== undefined) fields.push(['Số được triệu tập', opts.summoned]);
  for (const [label, n] of fields) {
    if (!isCount(n)) {
      problems.push({ code: 'negative', message: `${label} phải là số nguyên không âm (đang nhập ${String(n)}).` });
    }
  }
  const sum = LEVELS.reduce((acc, l) => acc + t.votes[l], 0);
  if (sum !== t.valid) {
    const parts = LEVELS.map((l) => String(t.votes[l])).join(' + ');
    problems.push({
      code: 'sum_mismatch',
      message: `Tổng số phiếu theo từng mức (${parts} = ${sum}) phải bằng số phiếu hợp lệ (${t.valid}).`,
    });
  }
  if (t.valid + t.invalid > t.present) {
    problems.push({
      code: 'over_present',
      message: `Số phiếu hợp lệ và không hợp lệ (${t.valid} + ${t.invalid} = ${t.valid + t.invalid}) vượt quá số người có mặt (${t.present}).`,
    });
  }
  if (opts?.summoned !== undefined && t.present > opts.summoned) {
    problems.push({
      code: 'over_summoned',
      message: `Số người có mặt (${t.present}) vượt quá số được triệu tập (${opts.summoned}).`,
    });
  }
  return problems;
}

/**
 * regulations §9b default ("Proposed level from a tally", UNCONFIRMED practice): the highest level
 * whose ballots at that level or above exceed half of the valid ballots; null when none (e.g.
 * valid = 0). Levels rank in `LEVELS` order, so ballots for a higher level count towards a lower one.
 */
export function proposedLevelFromTally(t: Tally): Level | null {
  if (!(t.valid > 0)) return null;
  let atOrAbove = 0;
  for (const level of LEVELS) {
    atOrAbove += t.votes[level];
    // "more than half": strictly greater, compared in integers to avoid halves.
    if (atOrAbove * 2 > t.valid) return level;
  }
  return null;
}
