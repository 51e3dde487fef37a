// Remediation (issue 4 item 6; design §3, RemediationItem; regulations §3.1 bước 8–9): after the
// decision each collective and member files a plan whose items are tied to the shortcomings found
// (action, owner, deadline), follows them through the year with progress updates and evidence, and
// the unit reports to the competent level. A shortcoming's history across years is read here too.
// Shared by the server and the browser.
import { z } from 'zod';
import {
  CAUSE_KINDS,
  REMEDIATION_ITEM_STATUSES,
  REMEDIATION_PLAN_STATUSES,
  SHORTCOMING_SOURCES,
  SHORTCOMING_STATUSES,
  type RemediationItemStatus,
  type ShortcomingStatus,
} from '../campaign-vocabulary.js';
import { id, isoDate, requiredText, text } from './common.js';

/** Whose plan: a member, a unit's collective, its leadership collective (the shortcomings table's subject kinds). */
export const REMEDIATION_SUBJECTS = ['member', 'unit', 'leadership'] as const;
export type RemediationSubject = (typeof REMEDIATION_SUBJECTS)[number];
export const REMEDIATION_SUBJECT_LABELS: Record<RemediationSubject, string> = {
  member: 'Cá nhân đảng viên',
  unit: 'Tập thể tổ chức đảng',
  leadership: 'Tập thể lãnh đạo, quản lý',
};

export const remediationSubjectKind = z.enum(REMEDIATION_SUBJECTS);
export const remediationPlanStatus = z.enum(REMEDIATION_PLAN_STATUSES);
export const remediationItemStatus = z.enum(REMEDIATION_ITEM_STATUSES);

export const remediationParams = z.object({ campaignId: id, subjectKind: remediationSubjectKind, subjectKey: id });
export type RemediationParams = z.infer<typeof remediationParams>;

/** The version read: 0 for a plan never saved (it is listed from the shortcomings and has no row yet). */
export const planVersion = z.number().int().min(0);

/**
 * One item as the plan's form sends it. Loose on purpose: the server checks every item with
 * `remediationItemInput` and answers 422 `remediation.invalid_items` naming each bad field, so a
 * half-filled form gets one clear answer and nothing is written.
 */
export const remediationItemDraft = z.object({
  /** Absent for a new item; the id of an item of this plan to change it. */
  id: z.string().max(40).nullable().optional(),
  /** The shortcoming the item remedies; null for a general measure of the plan. */
  shortcomingId: z.string().max(40).nullable().default(null),
  action: z.string().max(20000).default(''),
  owner: z.string().max(2000).default(''),
  /** ISO date (YYYY-MM-DD); the browser shows and takes dd/mm/yyyy. */
  deadline: z.string().max(40).default(''),
});
export type RemediationItemDraft = z.infer<typeof remediationItemDraft>;

/** What a valid item is (checked by the server on every save). */
export const remediationItemInput = z.object({
  id: id.nullable().optional(),
  shortcomingId: id.nullable(),
  action: requiredText(4000),
  owner: requiredText(300),
  deadline: isoDate,
});
export type RemediationItemInput = z.infer<typeof remediationItemInput>;

export const saveRemediationBody = z.object({ version: planVersion, items: z.array(remediationItemDraft).max(100) });
export type SaveRemediationBody = z.infer<typeof saveRemediationBody>;

export const remediationVersionBody = z.object({ version: planVersion });

/** A progress update (sent as multipart with an optional evidence file in the field "file"). */
export const remediationUpdateInput = z.object({
  version: z.coerce.number().int().min(1),
  note: requiredText(4000),
  progressPct: z.coerce.number().int().min(0, 'Tiến độ từ 0 đến 100%').max(100, 'Tiến độ từ 0 đến 100%'),
  status: remediationItemStatus,
});
export type RemediationUpdateInput = z.infer<typeof remediationUpdateInput>;

export const evidenceView = z.object({ id: z.string(), name: z.string(), size: z.number().int() });

export const remediationUpdateView = z.object({
  id: z.string(),
  note: z.string(),
  progressPct: z.number().int(),
  status: remediationItemStatus,
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** The evidence file (download through attachments.download). */
  evidence: evidenceView.nullable(),
});
export type RemediationUpdateView = z.infer<typeof remediationUpdateView>;

export const remediationItemView = z.object({
  id: z.string(),
  shortcomingId: z.string().nullable(),
  position: z.number().int(),
  action: z.string(),
  owner: z.string(),
  deadline: z.string(),
  status: remediationItemStatus,
  progressPct: z.number().int(),
  completedAt: z.string().nullable(),
  /** Deadline before the committee's business date and not done (design §3, Setting). */
  overdue: z.boolean(),
  version: z.number().int(),
  updates: z.array(remediationUpdateView),
});
export type RemediationItemView = z.infer<typeof remediationItemView>;

export const planShortcomingView = z.object({
  id: z.string(),
  text: z.string(),
  yearFound: z.number().int(),
  source: z.enum(SHORTCOMING_SOURCES),
  causeKind: z.enum(CAUSE_KINDS).nullable(),
  cause: z.string().nullable(),
  /** Found before the review year and still open (carried over). */
  earlier: z.boolean(),
  /** The status its latest review gave it, if any. */
  lastStatus: z.enum(SHORTCOMING_STATUSES).nullable(),
  /** The subject itself, or a predecessor unit merged into it (regulations §11.8). */
  own: z.boolean(),
  subjectName: z.string(),
});
export type PlanShortcomingView = z.infer<typeof planShortcomingView>;

export const remediationAbilities = z.object({
  save: z.boolean(),
  file: z.boolean(),
  addUpdate: z.boolean(),
  report: z.boolean(),
});

export const remediationPlanView = z.object({
  campaign: z.object({ id: z.string(), title: z.string(), reviewYear: z.number().int(), status: z.string() }),
  subject: z.object({
    kind: remediationSubjectKind,
    key: z.string(),
    name: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    memberId: z.string().nullable(),
  }),
  id: z.string().nullable(),
  status: remediationPlanStatus,
  version: z.number().int(),
  filedAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** The committee's business date: overdue marks are against it. */
  businessDate: z.string(),
  shortcomings: z.array(planShortcomingView),
  items: z.array(remediationItemView),
  /** Why the plan cannot be filed yet (no decision yet), in Vietnamese; null when it can. */
  fileBlocker: z.string().nullable(),
  abilities: remediationAbilities,
});
export type RemediationPlanView = z.infer<typeof remediationPlanView>;

export const listRemediationQuery = z.object({
  status: z.enum([...REMEDIATION_PLAN_STATUSES, 'reported']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  unitId: id.optional(),
  subjectKind: remediationSubjectKind.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRemediationQuery = z.input<typeof listRemediationQuery>;

export const remediationListItem = z.object({
  id: z.string(),
  shortcomingText: z.string().nullable(),
  action: z.string(),
  owner: z.string(),
  deadline: z.string(),
  status: remediationItemStatus,
  progressPct: z.number().int(),
  overdue: z.boolean(),
});

export const remediationListRow = z.object({
  planId: z.string(),
  subjectKind: remediationSubjectKind,
  subjectKey: z.string(),
  subjectName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: remediationPlanStatus,
  filedAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  itemCount: z.number().int(),
  doneCount: z.number().int(),
  overdueCount: z.number().int(),
  items: z.array(remediationListItem),
});
export type RemediationListRow = z.infer<typeof remediationListRow>;

export const listRemediationResponse = z.object({
  campaign: z.object({ id: z.string(), title: z.string(), reviewYear: z.number().int(), status: z.string() }),
  businessDate: z.string(),
  summary: z.object({
    plans: z.number().int(),
    filed: z.number().int(),
    reported: z.number().int(),
    items: z.number().int(),
    done: z.number().int(),
    overdue: z.number().int(),
  }),
  items: z.array(remediationListRow),
  total: z.number().int(),
});
export type ListRemediationResponse = z.infer<typeof listRemediationResponse>;

export const reportRemediationBody = z.object({ version: planVersion, note: text(4000).default('') });

export const myRemediationItem = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  reviewYear: z.number().int(),
  campaignStatus: z.string(),
  memberId: z.string(),
  planStatus: remediationPlanStatus.nullable(),
});
export const myRemediationResponse = z.object({ items: z.array(myRemediationItem) });
export type MyRemediationResponse = z.infer<typeof myRemediationResponse>;

// ── A shortcoming's history across years ──────────────────────────────────────────────────────

export const shortcomingHistoryParams = z.object({ id });

export const historyPlanView = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  reviewYear: z.number().int(),
  planId: z.string(),
  planStatus: remediationPlanStatus,
  subjectKind: remediationSubjectKind,
  subjectKey: z.string(),
  subjectName: z.string(),
  filedAt: z.string().nullable(),
  items: z.array(remediationItemView),
});

export const shortcomingHistoryView = z.object({
  shortcoming: z.object({
    id: z.string(),
    text: z.string(),
    yearFound: z.number().int(),
    source: z.enum(SHORTCOMING_SOURCES),
    causeKind: z.enum(CAUSE_KINDS).nullable(),
    cause: z.string().nullable(),
    resolvedYear: z.number().int().nullable(),
    subjectKind: remediationSubjectKind,
    subjectKey: z.string(),
    subjectName: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    campaignId: z.string().nullable(),
  }),
  /** Where a merged unit's shortcoming came from: the predecessor and the unit it was merged into. */
  origin: z.object({ unitId: z.string(), unitName: z.string(), mergedIntoId: z.string(), mergedIntoName: z.string() }).nullable(),
  statuses: z.array(
    z.object({
      year: z.number().int(),
      status: z.enum(SHORTCOMING_STATUSES),
      causeKind: z.enum(CAUSE_KINDS).nullable(),
      note: z.string().nullable(),
    }),
  ),
  plans: z.array(historyPlanView),
  businessDate: z.string(),
});
export type ShortcomingHistoryView = z.infer<typeof shortcomingHistoryView>;

/** A carried-over shortcoming's items of an earlier year's plan, as the next review shows them. */
export const carryOverRemediationView = z.object({
  itemId: z.string(),
  reviewYear: z.number().int(),
  action: z.string(),
  owner: z.string(),
  deadline: z.string(),
  status: remediationItemStatus,
  progressPct: z.number().int(),
});
export type CarryOverRemediationView = z.infer<typeof carryOverRemediationView>;

/**
 * The status the next review pre-fills from the items (issue 4 item 6): all done → fixed; begun
 * (in progress, or some done) → being fixed; none begun → not fixed; no items → no suggestion.
 * The member still decides in their review (regulations §3.1 bước 8: the review says what was fixed).
 */
export function suggestedShortcomingStatus(items: readonly { status: RemediationItemStatus }[]): ShortcomingStatus | null {
  if (items.length === 0) return null;
  if (items.every((i) => i.status === 'done')) return 'fixed';
  if (items.some((i) => i.status !== 'planned')) return 'being_fixed';
  return 'not_fixed';
}

/** Pages of the browser app (web PATHS); the server links its notices to them. */
export const remediationPath = (campaignId: string, subjectKind: string, subjectKey: string) =>
  `/khac-phuc/${campaignId}/${subjectKind}/${subjectKey}`;
