// Vietnamese wording of the rule-set pages (issue 3 item 1) and the pure helpers they share.
import type { FormMeaning } from '../../../shared/campaign-vocabulary.js';
import type { RuleSetDetail, RuleSetSummary } from '../../../shared/contracts/rule-sets.js';

export type { RuleSetDetail, RuleSetSummary };

export const ruleSetKeys = {
  list: ['rule-sets'] as const,
  detail: (id: string) => ['rule-sets', id] as const,
};

export const SCORING_LABELS: Record<RuleSetSummary['scoring'], string> = {
  qualitative: 'Đánh giá định tính',
  grades: 'Tiêu chí theo cấp độ (Xuất sắc, Tốt, Trung bình, Kém)',
  points: 'Chấm điểm thang 100 (30 + 70)',
};

export const SCORING_SHORT: Record<RuleSetSummary['scoring'], string> = {
  qualitative: 'Định tính',
  grades: 'Cấp độ',
  points: 'Thang điểm 100',
};

export const MEANING_ORDER: readonly FormMeaning[] = [
  'collective',
  'leadership_collective',
  'member_leader',
  'member_no_post',
  'member_outside',
];

export const MEANING_LABELS: Record<FormMeaning, string> = {
  collective: 'Tập thể cấp ủy, tổ chức đảng',
  leadership_collective: 'Tập thể lãnh đạo, quản lý',
  member_leader: 'Cá nhân giữ chức vụ lãnh đạo, quản lý',
  member_no_post: 'Cá nhân không giữ chức vụ lãnh đạo, quản lý',
  member_outside: 'Đảng viên không làm việc trong hệ thống chính trị',
};

/** The same fallbacks as the server (rule-sets/index.ts formFor): one form may serve several meanings. */
const FALLBACKS: Record<FormMeaning, readonly FormMeaning[]> = {
  collective: ['collective'],
  leadership_collective: ['leadership_collective', 'collective'],
  member_leader: ['member_leader', 'member_no_post'],
  member_no_post: ['member_no_post'],
  member_outside: ['member_outside', 'member_no_post'],
};

/** The form a meaning uses, and whether it is borrowed from another meaning. */
export function formForMeaning(rs: Pick<RuleSetDetail, 'forms'>, meaning: FormMeaning) {
  for (const m of FALLBACKS[meaning]) {
    const form = rs.forms[m];
    if (form) return { form, borrowed: m !== meaning };
  }
  return null;
}

export const TREATMENT_LABELS: Record<'reviewed' | 'not_classified' | 'excluded', { text: string; color: string }> = {
  reviewed: { text: 'Kiểm điểm, xếp loại', color: 'green' },
  not_classified: { text: 'Kiểm điểm, không xếp loại', color: 'gold' },
  excluded: { text: 'Không kiểm điểm', color: 'red' },
};

export const RULE_SUBJECT_LABELS: Record<RuleSetDetail['rules'][number]['subject'], string> = {
  member: 'Đảng viên',
  unit: 'Tổ chức, tập thể',
  leader: 'Người lãnh đạo, quản lý',
  all: 'Mọi đối tượng',
};

export function yearsText(years: { from: number; to: number | null }): string {
  if (years.to === null) return `Từ năm ${years.from}`;
  if (years.from === years.to) return `Năm ${years.from}`;
  return `${years.from} – ${years.to}`;
}
