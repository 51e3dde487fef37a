// Which sections a review shows, in the order of the rule set's form, and what each still lacks
// before the review can be submitted (the same rules the server checks on submit). Pure.
import type { ReviewContent, ReviewView } from './api';

export type SectionView = ReviewView['form']['sections'][number];

const EXTRA_TITLES: Record<string, string> = {
  carry_over: 'Kết quả khắc phục hạn chế, khuyết điểm kỳ trước',
  commitment: 'Việc thực hiện bản cam kết tu dưỡng, rèn luyện, phấn đấu',
  political_tasks: 'Kết quả thực hiện các nhiệm vụ chính trị trọng tâm',
  suggestion_answers: 'Giải trình những vấn đề được gợi ý kiểm điểm',
  self_level: 'Tự nhận mức xếp loại chất lượng',
};

/**
 * The form's sections; then any pre-filled part the form has no section for (a suggested point
 * must be answered whatever the form of the year), so nothing pre-filled is left unseen.
 */
export function sectionsToShow(view: ReviewView): SectionView[] {
  const out = [...view.form.sections];
  const has = (key: string) => out.some((s) => s.key === key);
  const add = (key: string, when: boolean) => {
    if (when && !has(key)) out.push({ key, number: '', title: EXTRA_TITLES[key] ?? key, graded: false, criteria: [] });
  };
  add('carry_over', view.prefill.carryOver.length > 0);
  add('commitment', view.prefill.commitment !== null);
  add('political_tasks', view.prefill.politicalTasks.length > 0);
  add('suggestion_answers', view.prefill.suggestionItems.length > 0);
  add('self_level', true);
  return out;
}

/** Per section, how many required entries are still empty (shown next to its title). */
export function missingBySection(view: ReviewView, content: ReviewContent): Record<string, number> {
  const answers = new Map(content.suggestionAnswers.map((a) => [a.itemId, a.answer.trim()]));
  const statuses = new Map(content.carryOver.map((c) => [c.shortcomingId, c.status]));
  const scoresMissing =
    view.scoring.kind === 'points' ? [content.scores.general, content.scores.tasks].filter((x) => x === null).length : 0;
  return {
    suggestion_answers: view.prefill.suggestionItems.filter((i) => !answers.get(i.id)).length,
    carry_over: view.prefill.carryOver.filter((s) => !statuses.get(s.id)).length,
    self_level: content.selfLevel === null ? 1 : 0,
    scores: scoresMissing,
  };
}

export function totalMissing(view: ReviewView, content: ReviewContent): number {
  return Object.values(missingBySection(view, content)).reduce((a, b) => a + b, 0);
}

/** "A.I. Ưu điểm…" or the title alone for a section without a number. */
export function sectionLabel(s: Pick<SectionView, 'number' | 'title'>): string {
  return s.number ? `${s.number}. ${s.title}` : s.title;
}
