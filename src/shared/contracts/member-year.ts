// A member's year (issue 3 item 5): the yearly commitment (bản cam kết tu dưỡng, rèn luyện, phấn
// đấu) and the facts of the year that the classification rules read (design §3, MemberYearFacts;
// regulations §2.1, §2.4 R1–R6, §11.4). Shared by the server, the browser and the rule engine.
import { z } from 'zod';
import { DISCIPLINE_FORMS, LEVELS, type Level } from '../campaign-vocabulary.js';
import { MEMBER_STATUSES } from '../vocabulary.js';
import { id, isoDate, requiredText, text, version } from './common.js';

export const reviewYear = z.coerce.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

// ── Commitments ────────────────────────────────────────────────────────────────────────────────

/** One item of the commitment; its id is kept across edits, since reviews check the items one by one. */
export const commitmentItem = z.object({ id: z.string(), text: z.string() });
export type CommitmentItem = z.infer<typeof commitmentItem>;

export const saveCommitmentBody = z.object({
  items: z
    .array(
      z.object({
        /** The id of an item already saved; new items have none (the server gives one). */
        id: id.optional(),
        text: requiredText(2000),
      }),
    )
    .min(1, 'Bản cam kết cần ít nhất một nội dung')
    .max(50, 'Bản cam kết có tối đa 50 nội dung'),
  /** The version read; absent when the year's commitment is being written for the first time. */
  version: version.optional(),
});
export type SaveCommitmentBody = z.infer<typeof saveCommitmentBody>;

export const commitmentView = z.object({
  id: z.string(),
  memberId: z.string(),
  year: z.number().int(),
  items: z.array(commitmentItem),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Only the member's own commitment of the current business year can be changed. */
  editable: z.boolean(),
});
export type CommitmentView = z.infer<typeof commitmentView>;

export const commitmentListResponse = z.object({
  memberId: z.string(),
  memberName: z.string(),
  /** The year of the committee's business date: the year whose commitment is written now. */
  businessYear: z.number().int(),
  /** The caller may write this member's commitment of the business year (the member themself). */
  canWrite: z.boolean(),
  /** Newest year first. */
  items: z.array(commitmentView),
});
export type CommitmentListResponse = z.infer<typeof commitmentListResponse>;

// ── Facts of the year ─────────────────────────────────────────────────────────────────────────

/**
 * The civil-service rating of a cán bộ, công chức, viên chức for the year (four grades, the same
 * names as the party levels of 2018 on); R4 and R5 of regulations §2.4 read it.
 */
export const CIVIL_SERVICE_RATING_LABELS: Record<Level, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  satisfactory: 'Hoàn thành nhiệm vụ',
  unsatisfactory: 'Không hoàn thành nhiệm vụ',
};

const days = z.number().int().min(0, 'Số ngày không được âm').max(366, 'Số ngày không quá 366');
const percent = z.number().int().min(0, 'Tỷ lệ từ 0 đến 100').max(100, 'Tỷ lệ từ 0 đến 100');

/** A discipline of the year (R1, R1', R1''): its form, date, and the circumstances the rules weigh. */
export const discipline = z.object({
  form: z.enum(DISCIPLINE_FORMS),
  date: isoDate,
  reason: text(1000).nullable().default(null),
  /** QĐ 124 (R1'): not counted when the member found the fault themself and remedied it. */
  selfDetected: z.boolean().default(false),
  remedied: z.boolean().default(false),
  /** QĐ 366 (R1''): for leaders only a duty-related violation counts. */
  dutyRelated: z.boolean().default(false),
});
export type Discipline = z.infer<typeof discipline>;

export const yearFactsInput = z.object({
  disciplines: z.array(discipline).max(20).default([]),
  civilServiceRating: z.enum(LEVELS).nullable().default(null),
  /** R3 (< 50 % of own targets), §11.4 (> 50 % of the year's tasks not completed). */
  targetsCompletedPct: percent.nullable().default(null),
  /** R6: sick leave of three months or more caps the level. */
  sickLeaveDays: days.nullable().default(null),
  /** Regulations §2.1: rated on the time actually worked. */
  maternityLeaveDays: days.nullable().default(null),
  /** R2: concluded by a competent body to show degradation, "tự diễn biến", "tự chuyển hóa". */
  degradationConcluded: z.boolean().default(false),
  degradationNote: text(1000).nullable().default(null),
  /** R15: share of "tín nhiệm thấp" votes at a confidence vote of the year (leaders). */
  confidenceLowPct: percent.nullable().default(null),
  note: text(2000).nullable().default(null),
});
export type YearFactsInput = z.infer<typeof yearFactsInput>;
/** The facts' fields in form order (the year-facts form and the Excel import go through them all). */
export const YEAR_FACT_FIELDS = Object.keys(yearFactsInput.shape) as (keyof YearFactsInput)[];

export const saveYearFactsBody = yearFactsInput.extend({
  /** The version read; absent when nothing was recorded yet for that member and year. */
  version: version.optional(),
});
export type SaveYearFactsBody = z.infer<typeof saveYearFactsBody>;

/** The facts as stored: what loadYearFacts hands to the rule engine and the reviews. */
export const yearFacts = z.object({
  id: z.string(),
  memberId: z.string(),
  year: z.number().int(),
  disciplines: z.array(discipline),
  civilServiceRating: z.enum(LEVELS).nullable(),
  targetsCompletedPct: z.number().int().nullable(),
  sickLeaveDays: z.number().int().nullable(),
  maternityLeaveDays: z.number().int().nullable(),
  degradationConcluded: z.boolean(),
  degradationNote: z.string().nullable(),
  confidenceLowPct: z.number().int().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type YearFacts = z.infer<typeof yearFacts>;

export const yearFactsView = z.object({
  memberId: z.string(),
  memberName: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  /** Null: nothing recorded yet for that year. */
  facts: yearFacts.nullable(),
  canWrite: z.boolean(),
});
export type YearFactsView = z.infer<typeof yearFactsView>;

export const memberYearFactsHistory = z.object({
  memberId: z.string(),
  canWrite: z.boolean(),
  /** Newest year first; only the years with something recorded. */
  items: z.array(yearFacts),
});
export type MemberYearFactsHistory = z.infer<typeof memberYearFactsHistory>;

export const listYearFactsQuery = z.object({
  unitId: id.optional(),
  year: reviewYear.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const yearFactsRow = z.object({
  memberId: z.string(),
  fullName: z.string(),
  cardNumber: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(MEMBER_STATUSES),
  facts: yearFacts.nullable(),
  canWrite: z.boolean(),
});
export type YearFactsRow = z.infer<typeof yearFactsRow>;

export const listYearFactsResponse = z.object({
  year: z.number().int(),
  items: z.array(yearFactsRow),
  total: z.number().int(),
});
export type ListYearFactsResponse = z.infer<typeof listYearFactsResponse>;

export const importYearFactsResponse = z.object({
  year: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportYearFactsResponse = z.infer<typeof importYearFactsResponse>;
