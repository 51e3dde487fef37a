// Transitions are data (design §3): a table of (from, action, to, who), checked by one pure
// function. Persisting them is the use case's job: UPDATE … WHERE id, status and version match,
// with the audit event, in one transaction.
import type { ReviewAction, ReviewStatus, UnitAction, UnitStage } from '../../shared/campaign-vocabulary.js';
import type { Role } from '../../shared/vocabulary.js';

/**
 * The caller's roles over one target: granted roles whose subtree covers it, `director` where a
 * campaign assignment gives it (design §2: never granted), `member_self` for one's own review.
 */
export type ActorRole = Role | 'director' | 'member_self';

export interface TransitionRule<S extends string, A extends string> {
  from: S;
  action: A;
  to: S;
  who: readonly ActorRole[];
  /** Returning, reopening and re-rating always take a reason (design §3). */
  needsReason?: boolean;
  /** Extra condition checked by `transition` with the facts the use case gives. */
  guard?: 'needs_appraisal' | 'no_appraisal_needed';
  /** The regulation or practice the step implements. */
  source: string;
}

export type TransitionOutcome<S extends string> =
  | { ok: true; to: S; needsReason: boolean }
  | { ok: false; problem: 'invalid_transition' | 'forbidden' | 'not_cleared' | 'reason_required' };

const GATE = 'Hà Tĩnh 2017 (reference-scenario.md; regulations §3.1 bước 4, §4): hội nghị chỉ họp khi hồ sơ được thẩm định đạt';
const STEPS = 'HD 25-HD/BTCTW / HD 43-HD/BTCTW: chuẩn bị báo cáo, bản kiểm điểm trước hội nghị (regulations §3.1 bước 2–3)';
const REVIEW_STEP = 'regulations §3.1 bước 3 và 6 (QĐ 124 Đ11; QĐ 366 Đ12): tự kiểm điểm, tự đánh giá trước hội nghị';
const FINALIZE = 'regulations §3.1 bước 8: sau hội nghị, tập thể và cá nhân hoàn thiện bản kiểm điểm';

const CONFERENCE = 'regulations §3.1 bước 5 (QĐ 366 Đ7 k3): hội nghị kiểm điểm, biên bản';
const RATING = 'regulations §3.1 bước 6, §2.5 (QĐ 124 Đ11; QĐ 366 Đ12–13): đề xuất, cấp có thẩm quyền quyết định';
const PUBLISH = 'regulations §3.1 bước 7 (QĐ 366 Đ15): thông báo, công khai kết quả';
const REMEDY = 'regulations §3.1 bước 8–9: xây dựng kế hoạch khắc phục, báo cáo cấp trên';

/**
 * The unit's path through a campaign (design §3). After the conference, `decide` and `publish`
 * are taken by the competent level of the authority table (regulations §2.5, §11.5 item 10): the
 * role is listed here, whose unit holds it is checked by the use case (domain/classification).
 */
export const UNIT_TRANSITIONS: readonly TransitionRule<UnitStage, UnitAction>[] = [
  { from: 'planned', action: 'start', to: 'drafting', who: ['unit_committee', 'organizer'], source: STEPS },
  { from: 'drafting', action: 'submit', to: 'submitted', who: ['unit_committee'], source: STEPS },
  { from: 'returned', action: 'submit', to: 'submitted', who: ['unit_committee'], source: STEPS },
  { from: 'returned', action: 'resume', to: 'drafting', who: ['unit_committee'], source: STEPS },
  { from: 'submitted', action: 'begin_appraisal', to: 'under_appraisal', who: ['organizer'], guard: 'needs_appraisal', source: GATE },
  { from: 'under_appraisal', action: 'clear', to: 'cleared', who: ['organizer'], source: GATE },
  { from: 'under_appraisal', action: 'return', to: 'returned', who: ['organizer'], needsReason: true, source: GATE },
  { from: 'submitted', action: 'return', to: 'returned', who: ['organizer', 'director'], needsReason: true, source: GATE },
  { from: 'cleared', action: 'schedule_conference', to: 'conference_scheduled', who: ['unit_committee'], source: GATE },
  {
    from: 'submitted',
    action: 'schedule_conference',
    to: 'conference_scheduled',
    who: ['unit_committee'],
    guard: 'no_appraisal_needed',
    source: GATE,
  },
  ...(['submitted', 'under_appraisal', 'returned', 'cleared', 'conference_scheduled'] as const).map((from) => ({
    from,
    action: 'reopen' as const,
    to: 'drafting' as const,
    who: ['organizer', 'standing'] as const,
    needsReason: true,
    source: 'design §3: mở lại luôn kèm lý do',
  })),
  {
    from: 'conference_scheduled',
    action: 'hold_conference',
    to: 'conference_held',
    who: ['unit_committee', 'cell_secretary'],
    source: CONFERENCE,
  },
  { from: 'conference_held', action: 'propose', to: 'proposed', who: ['unit_committee', 'cell_secretary', 'organizer'], source: RATING },
  { from: 'proposed', action: 'decide', to: 'decided', who: ['standing', 'unit_committee'], source: RATING },
  { from: 'decided', action: 'publish', to: 'published', who: ['standing', 'unit_committee', 'organizer'], source: PUBLISH },
  { from: 'published', action: 'begin_remediation', to: 'remediating', who: ['unit_committee', 'cell_secretary'], source: REMEDY },
  { from: 'remediating', action: 'close', to: 'closed', who: ['unit_committee', 'organizer'], source: REMEDY },
];

export type ReviewTarget = 'member' | 'collective';

/** Reviews: draft → submitted → returned → submitted → finalized (design §3). */
export const REVIEW_TRANSITIONS: Record<ReviewTarget, readonly TransitionRule<ReviewStatus, ReviewAction>[]> = {
  member: [
    { from: 'draft', action: 'save', to: 'draft', who: ['member_self', 'cell_secretary'], source: REVIEW_STEP },
    { from: 'returned', action: 'save', to: 'returned', who: ['member_self', 'cell_secretary'], source: REVIEW_STEP },
    { from: 'draft', action: 'submit', to: 'submitted', who: ['member_self', 'cell_secretary'], source: REVIEW_STEP },
    { from: 'returned', action: 'submit', to: 'submitted', who: ['member_self', 'cell_secretary'], source: REVIEW_STEP },
    {
      from: 'submitted',
      action: 'return',
      to: 'returned',
      who: ['cell_secretary', 'unit_committee'],
      needsReason: true,
      source: REVIEW_STEP,
    },
    { from: 'submitted', action: 'finalize', to: 'finalized', who: ['member_self', 'cell_secretary', 'unit_committee'], source: FINALIZE },
    {
      from: 'finalized',
      action: 'reopen',
      to: 'draft',
      who: ['unit_committee'],
      needsReason: true,
      source: 'design §3: mở lại luôn kèm lý do',
    },
  ],
  collective: [
    { from: 'draft', action: 'save', to: 'draft', who: ['unit_committee'], source: STEPS },
    { from: 'returned', action: 'save', to: 'returned', who: ['unit_committee'], source: STEPS },
    { from: 'draft', action: 'submit', to: 'submitted', who: ['unit_committee'], source: STEPS },
    { from: 'returned', action: 'submit', to: 'submitted', who: ['unit_committee'], source: STEPS },
    { from: 'submitted', action: 'return', to: 'returned', who: ['organizer', 'unit_committee'], needsReason: true, source: STEPS },
    { from: 'submitted', action: 'finalize', to: 'finalized', who: ['unit_committee'], source: FINALIZE },
    {
      from: 'finalized',
      action: 'reopen',
      to: 'draft',
      who: ['unit_committee', 'organizer'],
      needsReason: true,
      source: 'design §3: mở lại luôn kèm lý do',
    },
  ],
};

/** Stages on the near side of the gate (design §3): scheduling from them waits on the clearance. */
const BEFORE_GATE: readonly string[] = ['planned', 'drafting', 'submitted', 'under_appraisal', 'returned'];

/**
 * Checks one step: the rule for (from, action) must exist, the caller must hold one of its roles,
 * its guard must hold and a reason must come where the rule needs one.
 */
export function transition<S extends string, A extends string>(
  table: readonly TransitionRule<S, A>[],
  from: S,
  action: A,
  roles: ReadonlySet<ActorRole>,
  facts: { needsAppraisal?: boolean; reason?: string | null } = {},
): TransitionOutcome<S> {
  const rules = table.filter((r) => r.from === from && r.action === action);
  if (rules.length === 0) {
    // Scheduling before clearance is the gate's refusal, with its own message (issue 3 item 7); a
    // conference already scheduled or held is past the gate: that is a plain invalid transition.
    if ((action as string) === 'schedule_conference' && BEFORE_GATE.includes(from)) return { ok: false, problem: 'not_cleared' };
    return { ok: false, problem: 'invalid_transition' };
  }
  const allowed = rules.filter((r) => r.who.some((w) => roles.has(w)));
  if (allowed.length === 0) return { ok: false, problem: 'forbidden' };
  const passing = allowed.filter(
    (r) =>
      r.guard === undefined ||
      (r.guard === 'needs_appraisal' && facts.needsAppraisal === true) ||
      (r.guard === 'no_appraisal_needed' && facts.needsAppraisal === false),
  );
  if (passing.length === 0)
    return { ok: false, problem: (action as string) === 'schedule_conference' ? 'not_cleared' : 'invalid_transition' };
  const rule = passing[0];
  if (rule.needsReason && !(facts.reason ?? '').trim()) return { ok: false, problem: 'reason_required' };
  return { ok: true, to: rule.to, needsReason: rule.needsReason === true };
}

/** Actions the caller may take from a status, for the abilities sent with a response. */
export function availableActions<S extends string, A extends string>(
  table: readonly TransitionRule<S, A>[],
  from: S,
  roles: ReadonlySet<ActorRole>,
  facts: { needsAppraisal?: boolean } = {},
): A[] {
  const actions = new Set<A>();
  for (const r of table) {
    if (r.from !== from || !r.who.some((w) => roles.has(w))) continue;
    if (r.guard === 'needs_appraisal' && facts.needsAppraisal !== true) continue;
    if (r.guard === 'no_appraisal_needed' && facts.needsAppraisal !== false) continue;
    actions.add(r.action);
  }
  return [...actions];
}
