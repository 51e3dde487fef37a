// The vote tally of a review meeting (issue 4 item 2): the counts must add up, and the default
// proposed level is the highest level whose ballots at that level or above exceed half of the
// valid ballots (regulations §9b). Every expected value below is computed by hand.
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/shared/campaign-vocabulary.js';
import { proposedLevelFromTally, tallyProblems, type Tally } from '../../src/server/domain/classification/tally.js';

function tally(present: number, valid: number, invalid: number, e: number, g: number, s: number, u: number): Tally {
  return { present, valid, invalid, votes: { excellent: e, good: g, satisfactory: s, unsatisfactory: u } };
}

describe('tallyProblems: the counts add up', () => {
  it('accepts a consistent tally (12 present, 11 valid + 1 invalid, 3 + 5 + 2 + 1 = 11)', () => {
    expect(tallyProblems(tally(12, 11, 1, 3, 5, 2, 1), { summoned: 15 })).toEqual([]);
  });

  it('accepts an all-zero tally and a tally without a summoned count', () => {
    expect(tallyProblems(tally(0, 0, 0, 0, 0, 0, 0))).toEqual([]);
    expect(tallyProblems(tally(5, 4, 0, 0, 4, 0, 0))).toEqual([]);
  });

  it('flags votes that do not sum to the valid ballots, with the sum', () => {
    const problems = tallyProblems(tally(12, 11, 1, 3, 5, 2, 0));
    expect(problems.map((p) => p.code)).toEqual(['sum_mismatch']);
    expect(problems[0].message).toContain('3 + 5 + 2 + 0 = 10');
    expect(problems[0].message).toContain('(11)');
  });

  it('flags more ballots than people present: 10 valid + 3 invalid = 13 > 12', () => {
    const problems = tallyProblems(tally(12, 10, 3, 2, 8, 0, 0));
    expect(problems.map((p) => p.code)).toEqual(['over_present']);
    expect(problems[0].message).toContain('10 + 3 = 13');
    expect(problems[0].message).toContain('(12)');
  });

  it('allows fewer ballots than people present (someone did not vote): 9 + 1 ≤ 12', () => {
    expect(tallyProblems(tally(12, 9, 1, 1, 8, 0, 0))).toEqual([]);
  });

  it('flags more present than summoned only when the summoned count is given', () => {
    const t = tally(16, 16, 0, 0, 16, 0, 0);
    expect(tallyProblems(t)).toEqual([]);
    const problems = tallyProblems(t, { summoned: 15 });
    expect(problems.map((p) => p.code)).toEqual(['over_summoned']);
    expect(problems[0].message).toContain('(16)');
    expect(problems[0].message).toContain('(15)');
    expect(tallyProblems(t, { summoned: 16 })).toEqual([]);
  });

  it('flags negative and fractional counts', () => {
    const neg = tallyProblems(tally(5, 4, -1, 0, 4, 0, 0));
    expect(neg.map((p) => p.code)).toEqual(['negative']);
    expect(neg[0].message).toContain('-1');
    const frac = tallyProblems({
      present: 5,
      valid: 4,
      invalid: 0,
      votes: { excellent: 0.5, good: 3.5, satisfactory: 0, unsatisfactory: 0 },
    });
    expect(frac.filter((p) => p.code === 'negative')).toHaveLength(2);
    expect(tallyProblems(tally(5, 5, 0, 0, 5, 0, 0), { summoned: -1 }).map((p) => p.code)).toContain('negative');
  });

  it('reports every problem at once', () => {
    const codes = tallyProblems(tally(3, 5, 1, 1, 1, 1, 1), { summoned: 2 }).map((p) => p.code);
    // 1+1+1+1 = 4 ≠ 5; 5 + 1 = 6 > 3; 3 > 2.
    expect(codes).toEqual(['sum_mismatch', 'over_present', 'over_summoned']);
  });
});

describe('proposedLevelFromTally: the §9b default', () => {
  const cases: [string, Tally, Level | null][] = [
    // 6 of 10 at excellent: 6 > 5.
    ['a majority at the top level', tally(10, 10, 0, 6, 4, 0, 0), 'excellent'],
    // excellent 5 is not > 5; excellent + good = 9 > 5.
    ['exactly half at the top is not enough', tally(10, 10, 0, 5, 4, 1, 0), 'good'],
    // 3, 3+2 = 5 (not > 5), 3+2+4 = 9 > 5 → satisfactory.
    ['ballots for higher levels count towards lower ones', tally(10, 10, 0, 3, 2, 4, 1), 'satisfactory'],
    // 0, 0, 2 (not > 5.5 of 11), 11 → unsatisfactory.
    ['a majority only at the lowest level', tally(11, 11, 0, 0, 1, 1, 9), 'unsatisfactory'],
    // 7 valid: 4 > 3.5.
    ['odd number of valid ballots', tally(9, 7, 2, 4, 3, 0, 0), 'excellent'],
    // 7 valid: 3 is not > 3.5; 3 + 1 = 4 > 3.5.
    ['odd number, just short at the top', tally(9, 7, 2, 3, 1, 3, 0), 'good'],
    ['no valid ballots', tally(5, 0, 5, 0, 0, 0, 0), null],
  ];
  it.each(cases)('%s', (_name, t, expected) => {
    expect(proposedLevelFromTally(t)).toBe(expected);
  });

  it('with votes that do not add up to the valid count, a level may have no majority (null)', () => {
    // valid 10, but only 4 ballots recorded: 4 is never > 5.
    expect(proposedLevelFromTally(tally(10, 10, 0, 1, 1, 1, 1))).toBeNull();
  });
});
