// What a review starts from (design §1 step 3; issue 3 item 6): last year's open shortcomings — of
// the unit's predecessors too where units merged (regulations §11.8) —, the member's commitment of
// the year, the suggested points to answer (regulations §4), the 27 manifestations (§5) and, for a
// collective, the campaign's key political tasks (Hà Tĩnh 2017). `mergePrefill` lays them into the
// content so that every line is there to fill, without ever dropping what was already written.
import type { CarryOverView } from '../../../shared/contracts/reviews.js';
import type { ReviewContent } from '../../../shared/contracts/review-content.js';
import { AppError } from '../../../shared/errors.js';
import { campaignConfigOf } from '../../adapters/db/campaigns.repository.js';
import { loadCommitment } from '../../adapters/db/member-year.repository.js';
import {
  carryOverShortcomings,
  predecessorUnits,
  remediationOfShortcomings,
  type UnitRef,
} from '../../adapters/db/shortcomings.repository.js';
import { suggestedShortcomingStatus } from '../../../shared/contracts/remediation.js';
import { issuedSuggestionItems } from '../../adapters/db/suggestions.repository.js';
import { effectiveConfig, manifestationChecklist } from '../../domain/rule-sets/index.js';
import type { Criterion, FormTemplate } from '../../domain/rule-sets/types.js';
import type { Tx } from '../context.js';
import { shortcomingSubjectKind, type OpenedReview } from './review-access.js';

export interface Prefill {
  carryOver: CarryOverView[];
  commitment: { year: number; items: { id: string; text: string }[] } | null;
  suggestionItems: { id: string; suggestionId: string; position: number; text: string }[];
  manifestations: { code: string; text: string }[];
  politicalTasks: { key: string; label: string }[];
  predecessors: UnitRef[];
  criteria: Criterion[];
}

export function hasSection(form: FormTemplate, key: string): boolean {
  return form.sections.some((s) => s.key === key);
}

/** Criteria of section I of the subject's form; items for leaders only where the subject leads (regulations §3.3). */
export function strengthCriteria(r: Pick<OpenedReview, 'form' | 'subject'>): Criterion[] {
  const criteria = r.form.sections.find((s) => s.key === 'strengths')?.criteria ?? [];
  return criteria.filter((c) => !c.leadersOnly || r.subject.formMeaning === 'member_leader');
}

/** A handful of indexed reads (the review page's budget is p95 < 100 ms on the province dataset). */
export async function loadPrefill(db: Tx, r: OpenedReview): Promise<Prefill> {
  const year = r.campaign.review_year;
  const { subject } = r;
  const config = effectiveConfig(r.ruleSet, campaignConfigOf(r.campaign));
  const predecessorsP = subject.kind === 'member' ? Promise.resolve([] as UnitRef[]) : predecessorUnits(db, subject.unitId);
  const commitmentP = subject.memberId ? loadCommitment(db, subject.memberId, year) : Promise.resolve(null);
  const suggestionsP =
    subject.kind === 'member'
      ? issuedSuggestionItems(db, r.campaign.id, { kind: 'member', memberId: subject.key })
      : subject.kind === 'collective'
        ? issuedSuggestionItems(db, r.campaign.id, { kind: 'unit', unitId: subject.unitId })
        : Promise.resolve([]);
  const predecessors = await predecessorsP;
  const names = new Map<string, string>([[subject.key, subject.kind === 'member' ? subject.name : subject.unitName]]);
  for (const p of predecessors) names.set(p.id, p.name);
  const [carry, commitment, suggestions] = await Promise.all([
    carryOverShortcomings(db, { subjectKind: shortcomingSubjectKind(subject.kind), subjectKeys: [...names.keys()], reviewYear: year }),
    commitmentP,
    suggestionsP,
  ]);
  // Last year's remediation of each carried-over shortcoming (issue 4 item 6): shown beside it, and
  // the status its items suggest pre-fills the line; the writer still decides (regulations §3.1 bước 8).
  const remediation = await remediationOfShortcomings(db, { shortcomingIds: carry.map((s) => s.id), reviewYear: year });
  const itemsOf = new Map<string, CarryOverView['remediation']>();
  for (const i of remediation) {
    const { shortcomingId, ...item } = i;
    itemsOf.set(shortcomingId, [...(itemsOf.get(shortcomingId) ?? []), item]);
  }
  const manifestations = hasSection(r.form, 'manifestations')
    ? manifestationChecklist(r.ruleSet, config.manifestationGranularity).map((m) => ({ code: m.code, text: m.label }))
    : [];
  return {
    carryOver: carry.map((s) => ({
      id: s.id,
      text: s.text,
      yearFound: s.yearFound,
      source: s.source,
      causeKind: s.causeKind,
      lastStatus: s.lastStatus,
      own: s.subjectKey === subject.key,
      subjectName: names.get(s.subjectKey) ?? '',
      remediation: itemsOf.get(s.id) ?? [],
      suggestedStatus: suggestedShortcomingStatus(itemsOf.get(s.id) ?? []),
    })),
    commitment: commitment ? { year: commitment.year, items: commitment.items.map((i) => ({ id: i.id, text: i.text })) } : null,
    suggestionItems: suggestions.map((s) => ({ id: s.id, suggestionId: s.suggestionId, position: s.position, text: s.text })),
    manifestations,
    politicalTasks: subject.kind === 'collective' ? config.politicalTasks.map((t) => ({ key: t.key, label: t.label })) : [],
    predecessors,
    criteria: strengthCriteria(r),
  };
}

/** Lines in `wanted` order, each from the content when there, else made; lines the content has beyond them stay at the end. */
function lay<T, K>(existing: readonly T[], keyOf: (t: T) => K, wanted: readonly K[], make: (k: K) => T): T[] {
  const byKey = new Map<K, T>();
  for (const e of existing) if (!byKey.has(keyOf(e))) byKey.set(keyOf(e), e);
  const wantedSet = new Set(wanted);
  return [...wanted.map((k) => byKey.get(k) ?? make(k)), ...existing.filter((e) => !wantedSet.has(keyOf(e)))];
}

/** The content with a line for every pre-filled item (pure; nothing the writer typed is lost). */
export function mergePrefill(content: ReviewContent, p: Prefill): ReviewContent {
  // A line never written starts from the status last year's remediation items suggest (issue 4 item 6).
  const suggested = new Map(p.carryOver.map((s) => [s.id, s.suggestedStatus]));
  return {
    ...content,
    strengths: lay(
      content.strengths,
      (e) => e.criterionKey,
      p.criteria.map((c) => c.key),
      (criterionKey) => ({ criterionKey, text: '', grade: null }),
    ),
    carryOver: lay(
      content.carryOver,
      (e) => e.shortcomingId,
      p.carryOver.map((s) => s.id),
      (shortcomingId) => ({ shortcomingId, status: suggested.get(shortcomingId) ?? null, causeKind: null, note: '' }),
    ),
    commitment: lay(
      content.commitment,
      (e) => e.itemId,
      (p.commitment?.items ?? []).map((i) => i.id),
      (itemId) => ({ itemId, result: null, note: '' }),
    ),
    manifestations: lay(
      content.manifestations,
      (e) => e.code,
      p.manifestations.map((m) => m.code),
      (code) => ({ code, present: null, note: '' }),
    ),
    politicalTasks: lay(
      content.politicalTasks,
      (e) => e.taskKey,
      p.politicalTasks.map((t) => t.key),
      (taskKey) => ({ taskKey, text: '', grade: null }),
    ),
    suggestionAnswers: lay(
      content.suggestionAnswers,
      (e) => e.itemId,
      p.suggestionItems.map((i) => i.id),
      (itemId) => ({ itemId, answer: '' }),
    ),
  };
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What must be there before a review is submitted: an answer to every suggested point (issue 3
 * item 4; regulations §4), a status for every earlier shortcoming (form section III; regulations
 * §3.1 step 8), the self-proposed level and, where the rule set scores, both scores (§11.3).
 */
export function assertSubmittable(content: ReviewContent, p: Prefill, scoring: 'qualitative' | 'grades' | 'points'): void {
  const answers = new Map(content.suggestionAnswers.map((a) => [a.itemId, a.answer.trim()]));
  const unanswered = p.suggestionItems.filter((i) => !answers.get(i.id));
  if (unanswered.length > 0) {
    throw new AppError(
      'review.unanswered_suggestions',
      `Còn ${unanswered.length} vấn đề được gợi ý kiểm điểm chưa giải trình (mục "Giải trình những vấn đề được gợi ý kiểm điểm"); cần trả lời tất cả trước khi nộp.`,
      { items: unanswered.map((i) => ({ id: i.id, position: i.position, text: i.text })) },
    );
  }
  const problems: FieldProblem[] = [];
  const statuses = new Map(content.carryOver.map((c) => [c.shortcomingId, c.status]));
  const unmarked = p.carryOver.filter((s) => !statuses.get(s.id));
  if (unmarked.length > 0) {
    problems.push({
      field: 'carryOver',
      message: `Còn ${unmarked.length} hạn chế, khuyết điểm kỳ trước chưa đánh dấu kết quả khắc phục (đã / đang / chưa khắc phục).`,
    });
  }
  if (scoring === 'points' && (content.scores.general === null || content.scores.tasks === null)) {
    problems.push({
      field: 'scores',
      message: 'Cần tự chấm điểm cả nhóm tiêu chí chung (…/30) và nhóm kết quả thực hiện nhiệm vụ (…/70).',
    });
  }
  if (content.selfLevel === null) problems.push({ field: 'selfLevel', message: 'Cần tự nhận mức xếp loại chất lượng.' });
  if (problems.length > 0) {
    throw new AppError('review.incomplete', `Bản kiểm điểm chưa đủ nội dung để nộp: ${problems.map((x) => x.message).join(' ')}`, {
      problems,
    });
  }
}
