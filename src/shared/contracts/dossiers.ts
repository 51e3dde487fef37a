// The dossier and the appraisal gate (design §3, Dossier and Appraisal; issue 3 item 7): a unit's
// package for the gate is its campaign_units row (its stage is the dossier's status), the appraisal
// rounds of the Organization Board with findings per section, and the conference scheduled behind
// the gate (regulations §3.1 bước 4, §4; Hà Tĩnh 2017, reference-scenario.md).
import { z } from 'zod';
import {
  ASSIGNMENT_DUTIES,
  REVIEW_STATUSES,
  UNIT_ACTIONS,
  UNIT_STAGE_LABELS,
  UNIT_STAGES,
  type UnitAction,
  type UnitStage,
} from '../campaign-vocabulary.js';
import { formatVietnameseDate, isValidIsoDate } from '../dates.js';
import { id, requiredText, text, version } from './common.js';

/**
 * Where a finding points: a section of the collective report (Mẫu 01, regulations §3.3: I–VII), the
 * key leaders' reviews, the attachments, or the dossier as a whole.
 */
export const DOSSIER_SECTIONS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'member_reviews', 'attachments', 'general'] as const;
export type DossierSection = (typeof DOSSIER_SECTIONS)[number];
export const DOSSIER_SECTION_LABELS: Record<DossierSection, string> = {
  I: 'I. Ưu điểm, kết quả',
  II: 'II. Hạn chế, khuyết điểm và nguyên nhân',
  III: 'III. Kết quả khắc phục hạn chế, khuyết điểm đã được chỉ ra',
  IV: 'IV. Giải trình vấn đề được gợi ý kiểm điểm',
  V: 'V. Trách nhiệm của tập thể, cá nhân',
  VI: 'VI. Phương hướng, biện pháp khắc phục',
  VII: 'VII. Tự nhận mức xếp loại',
  member_reviews: 'Bản kiểm điểm của các đồng chí chủ chốt',
  attachments: 'Tài liệu kèm theo',
  general: 'Nhận xét chung',
};

/** The steps of design §3 as buttons and messages say them. */
export const UNIT_ACTION_LABELS: Record<UnitAction, string> = {
  start: 'Bắt đầu chuẩn bị hồ sơ',
  submit: 'Nộp hồ sơ',
  resume: 'Tiếp tục chuẩn bị hồ sơ',
  begin_appraisal: 'Bắt đầu thẩm định',
  clear: 'Xác nhận thẩm định đạt',
  return: 'Trả lại hồ sơ',
  schedule_conference: 'Lên lịch hội nghị',
  reopen: 'Mở lại hồ sơ',
  hold_conference: 'Kết thúc hội nghị',
  propose: 'Đề xuất xếp loại',
  decide: 'Quyết định xếp loại',
  publish: 'Công bố kết quả',
  begin_remediation: 'Bắt đầu khắc phục',
  close: 'Hoàn thành đợt kiểm điểm',
};

export const APPRAISAL_STATUSES = ['open', 'cleared', 'returned'] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];
export const APPRAISAL_STATUS_LABELS: Record<AppraisalStatus, string> = {
  open: 'Đang thẩm định',
  cleared: 'Đạt yêu cầu',
  returned: 'Trả lại để bổ sung',
};

export const finding = z.object({ section: z.enum(DOSSIER_SECTIONS), text: requiredText(4000) });
export type Finding = z.infer<typeof finding>;
const findings = z.array(finding).max(100, 'Tối đa 100 ý kiến thẩm định');

/** Every transition sends the version it read (optimistic locking) and, where the step needs one, a reason. */
export const dossierTransitionBody = z.object({ version, reason: text(2000).optional() });
export type DossierTransitionBody = z.infer<typeof dossierTransitionBody>;

/** Returning takes a reason (design §3) and the findings per section that go back with the dossier. */
export const returnDossierBody = dossierTransitionBody.extend({ findings: findings.optional() });
export type ReturnDossierBody = z.infer<typeof returnDossierBody>;

/** Clearing may close the round with findings too (remarks for the conference). */
export const clearDossierBody = returnDossierBody;
export type ClearDossierBody = z.infer<typeof clearDossierBody>;

/** Draft findings of the open round, saved while the Board reads the dossier. */
export const saveFindingsBody = z.object({ version, findings });
export type SaveFindingsBody = z.infer<typeof saveFindingsBody>;

/** A director's (or the Board's) note on the dossier (design §2: director "R, comment"). */
export const commentDossierBody = z.object({ section: z.enum(DOSSIER_SECTIONS).optional(), text: requiredText(4000) });
export type CommentDossierBody = z.infer<typeof commentDossierBody>;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
/** Vietnam keeps UTC+7 all year: a conference is held, and shown, in the committee's local time. */
const VIETNAM_OFFSET_MINUTES = 7 * 60;

/**
 * "2024-12-15", "2024-12-15T08:00" (local time of the committee) or a full ISO date-time, stored as
 * "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" in Vietnam's time.
 */
export const conferenceDateTime = z
  .string()
  .trim()
  .max(40)
  .refine((s) => {
    const m = DATE_TIME.exec(s);
    if (!m || !isValidIsoDate(m[1])) return false;
    return m[2] === undefined || (Number(m[2]) < 24 && Number(m[3]) < 60);
  }, 'Thời gian không hợp lệ (YYYY-MM-DD hoặc YYYY-MM-DDTHH:mm)')
  .transform((s) => {
    const m = DATE_TIME.exec(s)!;
    if (m[2] === undefined) return m[1];
    if (m[4] === undefined) return `${m[1]}T${m[2]}:${m[3]}`;
    const local = new Date(new Date(s).getTime() + VIETNAM_OFFSET_MINUTES * 60_000).toISOString();
    return local.slice(0, 16);
  });

export const scheduleConferenceBody = z.object({ version, scheduledFor: conferenceDateTime, place: requiredText(300) });
export type ScheduleConferenceBody = z.infer<typeof scheduleConferenceBody>;

export const dossierParams = z.object({ campaignId: id, unitId: id });

// ── Views ──────────────────────────────────────────────────────────────────────────────────────

export const findingView = finding.extend({ sectionLabel: z.string() });

export const appraisalRoundView = z.object({
  round: z.number().int(),
  status: z.enum(APPRAISAL_STATUSES),
  statusLabel: z.string(),
  /** Draft findings of an open round are the Board's working notes: empty for those who cannot appraise. */
  findings: z.array(findingView),
  reason: z.string().nullable(),
  appraiserName: z.string().nullable(),
  startedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AppraisalRoundView = z.infer<typeof appraisalRoundView>;

export const dossierCommentView = z.object({
  section: z.enum(DOSSIER_SECTIONS).nullable(),
  sectionLabel: z.string().nullable(),
  text: z.string(),
  authorName: z.string().nullable(),
  at: z.string(),
});

/** The collective report and, where the rule set reviews one, the leadership collective's. */
export const dossierReportView = z.object({
  subjectKind: z.enum(['collective', 'leadership']),
  title: z.string(),
  /** The unit id: with subjectKind, the address of the review. */
  subjectKey: z.string(),
  /** Null while nobody has started it. */
  status: z.enum(REVIEW_STATUSES).nullable(),
  statusLabel: z.string(),
  complete: z.boolean(),
});

export const keyLeaderView = z.object({
  memberId: z.string(),
  fullName: z.string(),
  unitName: z.string(),
  partyPosts: z.string().nullable(),
  status: z.enum(REVIEW_STATUSES).nullable(),
  statusLabel: z.string(),
  complete: z.boolean(),
  /** Whether the caller may open the review (design §2, "Individual reviews"). */
  canOpen: z.boolean(),
});

export const dossierAttachmentView = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});

export const conferenceView = z.object({
  id: z.string(),
  scheduledFor: z.string(),
  place: z.string().nullable(),
  status: z.string(),
});

export const dossierDirectorView = z.object({
  accountId: z.string(),
  name: z.string(),
  duties: z.array(z.enum(ASSIGNMENT_DUTIES)),
});

export const dossierAbilities = z.object({
  /** The transitions of design §3 the caller may take now (workflow availableActions). */
  actions: z.array(z.enum(UNIT_ACTIONS)),
  saveFindings: z.boolean(),
  comment: z.boolean(),
  attach: z.boolean(),
  /** The caller runs the unit's review (may schedule its conference once the gate allows). */
  runsUnit: z.boolean(),
});

export const dossierView = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  reviewYear: z.number().int(),
  campaignUnitId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitCode: z.string(),
  unitKind: z.string(),
  stage: z.enum(UNIT_STAGES),
  stageLabel: z.string(),
  stageChangedAt: z.string(),
  stageReason: z.string().nullable(),
  needsAppraisal: z.boolean(),
  appraisalRound: z.number().int(),
  submittedAt: z.string().nullable(),
  clearedAt: z.string().nullable(),
  version: z.number().int(),
  reports: z.array(dossierReportView),
  keyLeaders: z.array(keyLeaderView),
  /** What the completeness check of dossiers.submit would refuse now (empty: complete). */
  missing: z.array(z.string()),
  attachments: z.array(dossierAttachmentView),
  rounds: z.array(appraisalRoundView),
  comments: z.array(dossierCommentView),
  conference: conferenceView.nullable(),
  directors: z.array(dossierDirectorView),
  /** Why the conference cannot be scheduled yet, in Vietnamese; null when it can or is past that point. */
  gateMessage: z.string().nullable(),
  abilities: dossierAbilities,
});
export type DossierView = z.infer<typeof dossierView>;

export const listDossiersQuery = z.object({
  stage: z.enum(UNIT_STAGES).optional(),
  needsAppraisal: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListDossiersQuery = z.infer<typeof listDossiersQuery>;

export const dossierSummary = z.object({
  campaignUnitId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitCode: z.string(),
  unitKind: z.string(),
  isGrassroots: z.boolean(),
  stage: z.enum(UNIT_STAGES),
  stageLabel: z.string(),
  needsAppraisal: z.boolean(),
  appraisalRound: z.number().int(),
  submittedAt: z.string().nullable(),
  clearedAt: z.string().nullable(),
  version: z.number().int(),
});
export type DossierSummary = z.infer<typeof dossierSummary>;

export const listDossiersResponse = z.object({ items: z.array(dossierSummary), total: z.number().int() });

// ── The gate's words ───────────────────────────────────────────────────────────────────────────

/** The unit's path up to the conference (design §3), in the order the steps show it. */
export function dossierPath(needsAppraisal: boolean): UnitStage[] {
  return needsAppraisal
    ? ['drafting', 'submitted', 'under_appraisal', 'cleared', 'conference_scheduled']
    : ['drafting', 'submitted', 'conference_scheduled'];
}

const PAST_GATE: readonly UnitStage[] = [
  'conference_scheduled',
  'conference_held',
  'proposed',
  'decided',
  'published',
  'remediating',
  'closed',
];

export function isPastGate(stage: UnitStage): boolean {
  return PAST_GATE.includes(stage);
}

/**
 * Why the conference cannot be scheduled yet (regulations §3.1 bước 4; Hà Tĩnh 2017: the meeting is
 * held only when the dossier passes appraisal), or null when it can or already was.
 */
export function conferenceGateMessage(stage: UnitStage, needsAppraisal: boolean): string | null {
  if (stage === 'cleared' || isPastGate(stage)) return null;
  if (stage === 'submitted' && !needsAppraisal) return null;
  const where = `hồ sơ đang ở giai đoạn «${UNIT_STAGE_LABELS[stage]}»`;
  if (!needsAppraisal) {
    return `Chưa thể lên lịch hội nghị kiểm điểm: đơn vị cần nộp hồ sơ kiểm điểm trước (${where}).`;
  }
  return `Chưa thể lên lịch hội nghị kiểm điểm: hồ sơ của đơn vị chưa được Ban Tổ chức thẩm định đạt yêu cầu (${where}). Theo kế hoạch, đơn vị có gợi ý kiểm điểm chỉ được tổ chức hội nghị khi hồ sơ đã được thẩm định đạt.`;
}

/** "15/12/2024 08:00" or "15/12/2024" for a conference time as stored. */
export function formatConferenceTime(value: string): string {
  const date = formatVietnameseDate(value.slice(0, 10));
  const time = /T(\d{2}:\d{2})/.exec(value)?.[1];
  return time ? `${date} ${time}` : date;
}
