// The transition tables of design §3 (the unit's path, which is the dossier's status, and the
// reviews' path), tested for every status × action × role (issue 3, "Done when"). The expected
// tables below are written by hand from design §3's diagram ("The unit's path through a campaign",
// "draft → submitted → returned → submitted → finalized", "Returning, reopening and re-rating always
// take a reason") and design §2's table of who may do what; they are not read from the module.
import { describe, expect, it } from 'vitest';
import {
  REVIEW_ACTIONS,
  REVIEW_STATUSES,
  UNIT_ACTIONS,
  UNIT_STAGES,
  type ReviewAction,
  type ReviewStatus,
  type UnitAction,
  type UnitStage,
} from '../../src/shared/campaign-vocabulary.js';
import {
  availableActions,
  REVIEW_TRANSITIONS,
  transition,
  UNIT_TRANSITIONS,
  type ActorRole,
  type TransitionOutcome,
} from '../../src/server/domain/workflow.js';

const ALL_ROLES: readonly ActorRole[] = [
  'admin',
  'standing',
  'organizer',
  'office',
  'director',
  'unit_committee',
  'cell_secretary',
  'member',
  'member_self',
];

interface Expected<S extends string, A extends string> {
  from: S;
  action: A;
  to: S;
  who: ActorRole[];
  reason?: true;
  /** Only when the unit needs the Organization Board's appraisal / only when it does not. */
  when?: 'needs_appraisal' | 'no_appraisal';
}

// ── The unit's path (design §3) ─────────────────────────────────────────────────────────────────
//
//   planned → drafting → submitted ─┬─(needs appraisal)→ under_appraisal ─┬→ cleared ─┐
//                                   │                                      └→ returned → drafting
//                                   └─(no appraisal needed)──────────────────────────┤
//                                                                                     ↓
//                                                                       conference_scheduled
//
// Who (design §2, row "Collective reports, dossiers, appraisal"): the unit committee runs its
// review (RW own unit); the Organization Board appraises (RW appraise) and plans (it may start a
// unit's preparation); directors read and comment, and appraise the units without the Board's
// appraisal (design §1 step 4: "Others are appraised by their assigned directors"), so they may
// return a submitted dossier; reopening is for the Board and the standing committee (design §2:
// standing "everything in the subtree"). Office, admin, cell secretary and members only read or
// see nothing.
const UNIT_EXPECTED: Expected<UnitStage, UnitAction>[] = [
  { from: 'planned', action: 'start', to: 'drafting', who: ['unit_committee', 'organizer'] },
  { from: 'drafting', action: 'submit', to: 'submitted', who: ['unit_committee'] },
  { from: 'submitted', action: 'begin_appraisal', to: 'under_appraisal', who: ['organizer'], when: 'needs_appraisal' },
  { from: 'submitted', action: 'return', to: 'returned', who: ['organizer', 'director'], reason: true },
  { from: 'submitted', action: 'schedule_conference', to: 'conference_scheduled', who: ['unit_committee'], when: 'no_appraisal' },
  { from: 'under_appraisal', action: 'clear', to: 'cleared', who: ['organizer'] },
  { from: 'under_appraisal', action: 'return', to: 'returned', who: ['organizer'], reason: true },
  { from: 'returned', action: 'resume', to: 'drafting', who: ['unit_committee'] },
  { from: 'returned', action: 'submit', to: 'submitted', who: ['unit_committee'] },
  { from: 'cleared', action: 'schedule_conference', to: 'conference_scheduled', who: ['unit_committee'] },
  { from: 'submitted', action: 'reopen', to: 'drafting', who: ['organizer', 'standing'], reason: true },
  { from: 'under_appraisal', action: 'reopen', to: 'drafting', who: ['organizer', 'standing'], reason: true },
  { from: 'returned', action: 'reopen', to: 'drafting', who: ['organizer', 'standing'], reason: true },
  { from: 'cleared', action: 'reopen', to: 'drafting', who: ['organizer', 'standing'], reason: true },
  { from: 'conference_scheduled', action: 'reopen', to: 'drafting', who: ['organizer', 'standing'], reason: true },
  // After the gate (design §3: conference_held → proposed → decided → published → remediating →
  // closed). The unit committee or the chi bộ's secretary holds the meeting and proposes (design §2:
  // conference "RW own unit / own chi bộ", classification "RW (propose)"; the Board proposes the
  // grassroots units' levels to the standing committee); the standing committee decides units and the
  // unit committee decides its members (design §2 "RW (decide units)", "RW (decide members)"); the
  // deciders or the Board publish; the unit runs remediation (RW own unit / own chi bộ) and the
  // unit committee or the Board closes it.
  { from: 'conference_scheduled', action: 'hold_conference', to: 'conference_held', who: ['unit_committee', 'cell_secretary'] },
  { from: 'conference_held', action: 'propose', to: 'proposed', who: ['unit_committee', 'cell_secretary', 'organizer'] },
  { from: 'proposed', action: 'decide', to: 'decided', who: ['standing', 'unit_committee'] },
  { from: 'decided', action: 'publish', to: 'published', who: ['standing', 'unit_committee', 'organizer'] },
  { from: 'published', action: 'begin_remediation', to: 'remediating', who: ['unit_committee', 'cell_secretary'] },
  { from: 'remediating', action: 'close', to: 'closed', who: ['unit_committee', 'organizer'] },
];

/** Before the gate, scheduling is refused as "not cleared" (issue 3 item 7), whoever asks. */
const BEFORE_GATE: UnitStage[] = ['planned', 'drafting', 'submitted', 'under_appraisal', 'returned'];

type Problem = Extract<TransitionOutcome<string>, { ok: false }>['problem'];
type Outcome = { ok: true; to: string } | { ok: false; problem: Problem };

/** What design §3 says one step gives, from the hand-written table. */
function expectedUnit(from: UnitStage, action: UnitAction, role: ActorRole, needsAppraisal: boolean, reason: string | null): Outcome {
  const rules = UNIT_EXPECTED.filter((r) => r.from === from && r.action === action);
  if (rules.length === 0) {
    return { ok: false, problem: action === 'schedule_conference' && BEFORE_GATE.includes(from) ? 'not_cleared' : 'invalid_transition' };
  }
  const mine = rules.filter((r) => r.who.includes(role));
  if (mine.length === 0) return { ok: false, problem: 'forbidden' };
  const passing = mine.filter((r) => !r.when || (r.when === 'needs_appraisal') === needsAppraisal);
  if (passing.length === 0) return { ok: false, problem: action === 'schedule_conference' ? 'not_cleared' : 'invalid_transition' };
  if (passing[0].reason && !reason) return { ok: false, problem: 'reason_required' };
  return { ok: true, to: passing[0].to };
}

const strip = (o: TransitionOutcome<string>): Outcome => (o.ok ? { ok: true, to: o.to } : { ok: false, problem: o.problem });

describe('unit (dossier) transitions: every stage × action × role', () => {
  const cases: [UnitStage, UnitAction, ActorRole, boolean, string | null][] = [];
  for (const stage of UNIT_STAGES)
    for (const action of UNIT_ACTIONS)
      for (const role of ALL_ROLES)
        for (const needs of [true, false]) for (const reason of ['Bổ sung mục IV', null]) cases.push([stage, action, role, needs, reason]);

  it(`covers ${UNIT_STAGES.length} stages × ${UNIT_ACTIONS.length} actions × ${ALL_ROLES.length} roles × appraisal × reason`, () => {
    expect(cases).toHaveLength(UNIT_STAGES.length * UNIT_ACTIONS.length * ALL_ROLES.length * 4);
    const mismatches: string[] = [];
    for (const [stage, action, role, needs, reason] of cases) {
      const got = strip(transition(UNIT_TRANSITIONS, stage, action, new Set([role]), { needsAppraisal: needs, reason }));
      const want = expectedUnit(stage, action, role, needs, reason);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        mismatches.push(
          `${stage} × ${action} × ${role} (appraisal ${needs}, reason ${reason !== null}): got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('offers exactly the allowed actions for every stage × role (the abilities sent to the UI)', () => {
    const mismatches: string[] = [];
    for (const stage of UNIT_STAGES)
      for (const role of ALL_ROLES)
        for (const needs of [true, false]) {
          const got = [...availableActions(UNIT_TRANSITIONS, stage, new Set([role]), { needsAppraisal: needs })].sort();
          const want = [
            ...new Set(
              UNIT_EXPECTED.filter(
                (r) => r.from === stage && r.who.includes(role) && (!r.when || (r.when === 'needs_appraisal') === needs),
              ).map((r) => r.action),
            ),
          ].sort();
          if (JSON.stringify(got) !== JSON.stringify(want))
            mismatches.push(`${stage} × ${role} (appraisal ${needs}): got ${got}, want ${want}`);
        }
    expect(mismatches).toEqual([]);
  });

  it('the gate: a unit with suggested points reaches the conference only through clearance', () => {
    const committee = new Set<ActorRole>(['unit_committee']);
    const board = new Set<ActorRole>(['organizer']);
    const facts = { needsAppraisal: true };
    expect(transition(UNIT_TRANSITIONS, 'submitted', 'schedule_conference', committee, facts)).toEqual({
      ok: false,
      problem: 'not_cleared',
    });
    expect(transition(UNIT_TRANSITIONS, 'under_appraisal', 'schedule_conference', committee, facts)).toEqual({
      ok: false,
      problem: 'not_cleared',
    });
    expect(transition(UNIT_TRANSITIONS, 'returned', 'schedule_conference', committee, facts)).toEqual({
      ok: false,
      problem: 'not_cleared',
    });
    expect(transition(UNIT_TRANSITIONS, 'submitted', 'begin_appraisal', board, facts)).toMatchObject({ ok: true, to: 'under_appraisal' });
    expect(transition(UNIT_TRANSITIONS, 'under_appraisal', 'clear', board, facts)).toMatchObject({ ok: true, to: 'cleared' });
    expect(transition(UNIT_TRANSITIONS, 'cleared', 'schedule_conference', committee, facts)).toMatchObject({
      ok: true,
      to: 'conference_scheduled',
    });
    // Without suggested points the unit schedules right after submitting, and no round is opened.
    expect(transition(UNIT_TRANSITIONS, 'submitted', 'schedule_conference', committee, { needsAppraisal: false })).toMatchObject({
      ok: true,
      to: 'conference_scheduled',
    });
    expect(transition(UNIT_TRANSITIONS, 'submitted', 'begin_appraisal', board, { needsAppraisal: false })).toEqual({
      ok: false,
      problem: 'invalid_transition',
    });
    // Past the gate, scheduling again is a plain wrong step, not "not cleared".
    expect(transition(UNIT_TRANSITIONS, 'conference_scheduled', 'schedule_conference', committee, facts)).toEqual({
      ok: false,
      problem: 'invalid_transition',
    });
  });

  it('a caller holding several roles gets the union of what each may do', () => {
    const both = new Set<ActorRole>(['organizer', 'unit_committee']);
    expect(availableActions(UNIT_TRANSITIONS, 'submitted', both, { needsAppraisal: true }).sort()).toEqual([
      'begin_appraisal',
      'reopen',
      'return',
    ]);
    expect(availableActions(UNIT_TRANSITIONS, 'submitted', both, { needsAppraisal: false }).sort()).toEqual([
      'reopen',
      'return',
      'schedule_conference',
    ]);
  });

  it('every rule names its source', () => {
    for (const r of UNIT_TRANSITIONS) expect(r.source.length).toBeGreaterThan(10);
    for (const table of Object.values(REVIEW_TRANSITIONS)) for (const r of table) expect(r.source.length).toBeGreaterThan(10);
  });
});

// ── Reviews (design §3: draft → submitted → returned → submitted → finalized) ────────────────────
//
// A member's review (design §2, row "Individual reviews"): the member writes their own (RW own);
// the chi bộ secretary enters it for a member who cannot (R, proxy W) and, with the unit committee
// (R, decide), sends it back with a reason; after the conference the member (or the secretary for
// them, or the unit committee) finalizes it (regulations §3.1 bước 8); only the unit committee
// reopens a finalized review, with a reason. Standing, organizer, director, office, admin and other
// members write nothing.
const MEMBER_EXPECTED: Expected<ReviewStatus, ReviewAction>[] = [
  { from: 'draft', action: 'save', to: 'draft', who: ['member_self', 'cell_secretary'] },
  { from: 'draft', action: 'submit', to: 'submitted', who: ['member_self', 'cell_secretary'] },
  { from: 'returned', action: 'save', to: 'returned', who: ['member_self', 'cell_secretary'] },
  { from: 'returned', action: 'submit', to: 'submitted', who: ['member_self', 'cell_secretary'] },
  { from: 'submitted', action: 'return', to: 'returned', who: ['cell_secretary', 'unit_committee'], reason: true },
  { from: 'submitted', action: 'finalize', to: 'finalized', who: ['member_self', 'cell_secretary', 'unit_committee'] },
  { from: 'finalized', action: 'reopen', to: 'draft', who: ['unit_committee'], reason: true },
];

// The collective report (design §2, row "Collective reports, dossiers, appraisal"): the unit
// committee writes, submits, finalizes it (RW own unit); the Organization Board (RW appraise) may
// send it back and reopen it; both take a reason for that.
const COLLECTIVE_EXPECTED: Expected<ReviewStatus, ReviewAction>[] = [
  { from: 'draft', action: 'save', to: 'draft', who: ['unit_committee'] },
  { from: 'draft', action: 'submit', to: 'submitted', who: ['unit_committee'] },
  { from: 'returned', action: 'save', to: 'returned', who: ['unit_committee'] },
  { from: 'returned', action: 'submit', to: 'submitted', who: ['unit_committee'] },
  { from: 'submitted', action: 'return', to: 'returned', who: ['organizer', 'unit_committee'], reason: true },
  { from: 'submitted', action: 'finalize', to: 'finalized', who: ['unit_committee'] },
  { from: 'finalized', action: 'reopen', to: 'draft', who: ['unit_committee', 'organizer'], reason: true },
];

function expectedReview(
  table: Expected<ReviewStatus, ReviewAction>[],
  from: ReviewStatus,
  action: ReviewAction,
  role: ActorRole,
  reason: string | null,
): Outcome {
  const rules = table.filter((r) => r.from === from && r.action === action);
  if (rules.length === 0) return { ok: false, problem: 'invalid_transition' };
  const mine = rules.filter((r) => r.who.includes(role));
  if (mine.length === 0) return { ok: false, problem: 'forbidden' };
  if (mine[0].reason && !reason) return { ok: false, problem: 'reason_required' };
  return { ok: true, to: mine[0].to };
}

describe.each([
  ['member', MEMBER_EXPECTED],
  ['collective', COLLECTIVE_EXPECTED],
] as const)('%s review transitions: every status × action × role', (target, expectedTable) => {
  it(`covers ${REVIEW_STATUSES.length} statuses × ${REVIEW_ACTIONS.length} actions × ${ALL_ROLES.length} roles × reason`, () => {
    const mismatches: string[] = [];
    let n = 0;
    for (const status of REVIEW_STATUSES)
      for (const action of REVIEW_ACTIONS)
        for (const role of ALL_ROLES)
          for (const reason of ['Chưa nêu rõ nguyên nhân chủ quan', '   ', null]) {
            n++;
            const got = strip(transition(REVIEW_TRANSITIONS[target], status, action, new Set([role]), { reason }));
            const want = expectedReview([...expectedTable], status, action, role, reason?.trim() ? reason : null);
            if (JSON.stringify(got) !== JSON.stringify(want)) {
              mismatches.push(
                `${status} × ${action} × ${role} (reason ${JSON.stringify(reason)}): got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
              );
            }
          }
    expect(n).toBe(REVIEW_STATUSES.length * REVIEW_ACTIONS.length * ALL_ROLES.length * 3);
    expect(mismatches).toEqual([]);
  });

  it('offers exactly the allowed actions for every status × role', () => {
    const mismatches: string[] = [];
    for (const status of REVIEW_STATUSES)
      for (const role of ALL_ROLES) {
        const got = [...availableActions(REVIEW_TRANSITIONS[target], status, new Set([role]))].sort();
        const want = [...new Set(expectedTable.filter((r) => r.from === status && r.who.includes(role)).map((r) => r.action))].sort();
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${status} × ${role}: got ${got}, want ${want}`);
      }
    expect(mismatches).toEqual([]);
  });

  it('nothing leaves a finalized review but a reopening with a reason, back to draft', () => {
    for (const action of REVIEW_ACTIONS) {
      const outcomes = ALL_ROLES.map((role) =>
        transition(REVIEW_TRANSITIONS[target], 'finalized', action, new Set([role]), { reason: 'Lý do' }),
      );
      const allowed = outcomes.filter((o) => o.ok);
      if (action === 'reopen') expect(allowed.map((o) => o.ok && o.to)).toEqual(allowed.map(() => 'draft'));
      else expect(allowed).toEqual([]);
    }
  });
});
