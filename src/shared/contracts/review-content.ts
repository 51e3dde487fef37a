// The structured content of a review (design §3, Review: "structured sections"), stored as JSON in
// reviews.content_json and validated by this schema on every save. Sections follow the form
// templates of the rule set (server/domain/rule-sets); keys match FormSection.key.
import { z } from 'zod';
import { CAUSE_KINDS, LEVELS, SHORTCOMING_STATUSES } from '../campaign-vocabulary.js';
import { text } from './common.js';

export const level = z.enum(LEVELS);
export const grade = z.enum(['excellent', 'good', 'average', 'poor']);
export const causeKind = z.enum(CAUSE_KINDS);

/** I. Ưu điểm, kết quả: text per criterion, with the self-rated cấp độ where the rule set grades. */
export const strengthEntry = z.object({ criterionKey: z.string().max(60), text: text(20000), grade: grade.nullable().default(null) });

/** II. Hạn chế, khuyết điểm + nguyên nhân (declared this year; become Shortcomings on finalize). */
export const shortcomingEntry = z.object({
  key: z.string().max(40),
  text: text(4000),
  causeKind: causeKind.nullable().default(null),
  cause: text(4000).default(''),
});

/** III. Kết quả khắc phục: one line per earlier shortcoming (pre-filled from the carry-over). */
export const carryOverEntry = z.object({
  shortcomingId: z.string().max(40),
  status: z.enum(SHORTCOMING_STATUSES).nullable().default(null),
  causeKind: causeKind.nullable().default(null),
  note: text(4000).default(''),
});

/** The yearly commitment, item by item (Hà Tĩnh 2017: "so sánh với bản cam kết"). */
export const commitmentCheckEntry = z.object({
  itemId: z.string().max(40),
  result: z.enum(['kept', 'partly', 'not_kept']).nullable().default(null),
  note: text(2000).default(''),
});

/** The 27 manifestations (regulations §5), "có biểu hiện / không" per item or per group. */
export const manifestationEntry = z.object({
  code: z.string().max(10),
  present: z.boolean().nullable().default(null),
  note: text(2000).default(''),
});

/** Collectives: the campaign's key political tasks (Hà Tĩnh 2017). */
export const politicalTaskEntry = z.object({ taskKey: z.string().max(60), text: text(8000), grade: grade.nullable().default(null) });

/** IV. Giải trình: every suggested item must be answered before submitting (issue 3 item 4). */
export const suggestionAnswerEntry = z.object({ itemId: z.string().max(40), answer: text(8000) });

export const reviewContent = z.object({
  strengths: z.array(strengthEntry).max(40).default([]),
  shortcomings: z.array(shortcomingEntry).max(100).default([]),
  carryOver: z.array(carryOverEntry).max(200).default([]),
  commitment: z.array(commitmentCheckEntry).max(100).default([]),
  manifestations: z.array(manifestationEntry).max(120).default([]),
  politicalTasks: z.array(politicalTaskEntry).max(40).default([]),
  suggestionAnswers: z.array(suggestionAnswerEntry).max(100).default([]),
  exampleSetting: text(8000).default(''),
  responsibility: text(8000).default(''),
  directions: text(8000).default(''),
  /** 2025 on: points of group I (…/30) and group II (…/70) (regulations §11.3). */
  scores: z
    .object({ general: z.number().min(0).max(30).nullable(), tasks: z.number().min(0).max(70).nullable() })
    .default({ general: null, tasks: null }),
  selfLevel: level.nullable().default(null),
  /** Members who are civil servants also state their civil-service self-rating (HD 21-era form, VII.1). */
  civilServiceSelfLevel: level.nullable().default(null),
});
export type ReviewContent = z.infer<typeof reviewContent>;

export const emptyReviewContent = (): ReviewContent => reviewContent.parse({});
