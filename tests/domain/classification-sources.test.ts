// Every check result cites where it comes from (issue 4 item 3: "the document and article it
// comes from"; regulations §9b: defaults and UNCONFIRMED items are marked in the explanation), the
// rules that run are the period's own (rule-sets/rules.ts), and results are given only where a
// rule concerns the subject's kind.
import { describe, expect, it } from 'vitest';
import type { Subject } from '../../src/server/domain/classification/types.js';
import { IDS, discipline, facts, member, members, run, set, unit } from './classification-fixtures.js';

/** A small scope that touches every rule: a đảng bộ, two chi bộ, a leadership collective, members with every kind of fact. */
function scope(): Subject[] {
  const d = discipline({ selfDetected: true, remedied: false, dutyRelated: true });
  return [
    unit({
      key: 'db',
      name: 'Đảng bộ phường Trần Phú',
      parentUnitId: null,
      unitKind: 'grassroots_party',
      groupKey: 'city',
      level: 'excellent',
      score: 91,
      targetsCompletedPct: 100,
    }),
    unit({
      kind: 'leadership',
      key: 'db',
      unitId: 'db',
      name: 'Ban Thường vụ Đảng ủy phường Trần Phú',
      parentUnitId: null,
      unitKind: 'grassroots_party',
      groupKey: 'city-lead',
      level: 'excellent',
      score: 90,
    }),
    unit({ key: 'cb1', parentUnitId: 'db', level: 'excellent', score: 93, collectiveDisciplined: true, openEarlierShortcomings: 1 }),
    unit({ key: 'cb2', parentUnitId: 'db', level: null, newlyFormed: true }),
    member({
      unitId: 'cb1',
      headOfUnitId: 'cb1',
      isLeader: true,
      isCivilServant: true,
      level: 'excellent',
      score: 95,
      facts: facts({ civilServiceRating: 'good', confidenceLowPct: 60, targetsCompletedPct: 65, sickLeaveDays: 100 }),
    }),
    member({
      unitId: 'cb1',
      level: 'good',
      score: 85,
      facts: facts({ disciplines: [d], degradationConcluded: true, targetsCompletedPct: 30 }),
    }),
    member({
      unitId: 'cb1',
      level: 'satisfactory',
      score: 60,
      isCivilServant: true,
      facts: facts({ civilServiceRating: 'unsatisfactory' }),
    }),
    ...members(6, 'good', { unitId: 'cb1', score: 75 }),
    ...members(3, 'excellent', { unitId: 'cb1', score: 92 }),
    member({ unitId: 'cb1', classified: false, populationReason: 'newly_admitted', level: 'good' }),
    member({ unitId: 'cb1', included: false, classified: false, populationReason: 'exempt', level: null }),
  ];
}

describe('sources and marks', () => {
  it.each(IDS)('%s: every result names a document and a regulations reference; unconfirmed ones say so', (id) => {
    const o = run(id, scope(), { htxsQuotaPct: 20 });
    expect(o.results.length).toBeGreaterThan(0);
    for (const r of [...o.results, ...o.quotas]) {
      expect(r.source.document.trim(), JSON.stringify(r)).not.toBe('');
      expect(r.source.reference, JSON.stringify(r)).toMatch(/regulations §/);
      expect(r.explanation.trim()).not.toBe('');
      if (r.source.unconfirmed) expect(r.explanation, JSON.stringify(r)).toContain('(mặc định, chưa xác nhận)');
      else expect(r.explanation, JSON.stringify(r)).not.toContain('chưa xác nhận');
    }
  });

  it.each(IDS)("%s: only the period's rules run (plus the order of classification)", (id) => {
    const listed = new Set(set(id).rules.map((r) => r.code));
    const o = run(id, scope(), { htxsQuotaPct: 20 });
    const ran = new Set(o.results.map((r) => r.ruleId));
    for (const code of ran) {
      if (code.startsWith('ORD-')) continue;
      expect(listed.has(code), `${id} ran ${code}`).toBe(true);
    }
    // Passing results are given too, so the board can show "đạt".
    expect(o.results.some((r) => r.passed)).toBe(true);
    expect(o.results.some((r) => !r.passed)).toBe(true);
  });

  it('the periods differ as regulations §2.4 says', () => {
    const ran = (id: (typeof IDS)[number]) => new Set(run(id, scope(), { htxsQuotaPct: 20 }).results.map((r) => r.ruleId));
    expect([...ran('hd27-2014')].sort()).toEqual(['ORD-HEAD', 'ORD-LOWER', 'R7', 'R8', 'R9']);
    expect(ran('hd16-2018')).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R7', 'R8', 'R9', 'ORD-HEAD', 'ORD-LOWER']));
    expect(ran('hd21-2019')).toEqual(
      new Set(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R13', 'R14', 'ORD-HEAD', 'ORD-LOWER']),
    );
    expect(ran('hd25-2023')).toEqual(
      new Set(['R1', 'R2', 'R3', 'R4', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12', 'R14', 'ORD-HEAD', 'ORD-LOWER']),
    );
    expect(ran('hd43-2025')).toEqual(
      new Set(['R1', 'R2', 'R3', 'R4', 'R7', 'R8', 'R9', 'R11', 'R14', 'R15', 'R16', 'N1', 'ORD-HEAD', 'ORD-LOWER']),
    );
  });

  it('results are given only where the rule concerns the subject', () => {
    const o = run('hd21-2019', scope());
    const kinds = (ruleId: string) => new Set(o.results.filter((r) => r.ruleId === ruleId).map((r) => r.subjectKind));
    for (const memberOnly of ['R1', 'R3', 'R4', 'R5', 'R6', 'R8']) expect([...kinds(memberOnly)], memberOnly).toEqual(['member']);
    for (const unitOnly of ['R10', 'R13', 'ORD-LOWER']) expect([...kinds(unitOnly)], unitOnly).toEqual(['unit']);
    // R4/R5 only on the civil servants (2 of them), R15 nowhere before 2025.
    expect(o.results.filter((r) => r.ruleId === 'R5')).toHaveLength(2);
    // The member left out and the member not classified get their population rule only.
    const notClassified = scope().filter((s) => s.kind === 'member' && !s.classified);
    const o2 = run('hd21-2019', notClassified);
    expect(o2.results.map((r) => r.ruleId).sort()).toEqual(['R7', 'R8']);
  });

  it('a run is deterministic and does not change its input', () => {
    const subjects = scope();
    const before = JSON.stringify(subjects);
    const a = run('hd43-2025', subjects);
    const b = run('hd43-2025', subjects);
    expect(JSON.stringify(subjects)).toBe(before);
    expect(a).toEqual(b);
  });
});
