// Literal unions of the review campaign (design §3: Campaign, Assignment, Suggestion, Review,
// Dossier, Shortcoming) with their Vietnamese labels for the UI and documents.

/** The unit's path through a campaign (design §3, "The unit's path through a campaign"). */
export const UNIT_STAGES = [
  'planned',
  'drafting',
  'submitted',
  'under_appraisal',
  'returned',
  'cleared',
  'conference_scheduled',
  'conference_held',
  'proposed',
  'decided',
  'published',
  'remediating',
  'closed',
] as const;
export type UnitStage = (typeof UNIT_STAGES)[number];
export const UNIT_STAGE_LABELS: Record<UnitStage, string> = {
  planned: 'Chưa bắt đầu',
  drafting: 'Đang chuẩn bị',
  submitted: 'Đã nộp hồ sơ',
  under_appraisal: 'Đang thẩm định',
  returned: 'Trả lại để bổ sung',
  cleared: 'Đã thẩm định đạt',
  conference_scheduled: 'Đã lên lịch hội nghị',
  conference_held: 'Đã họp kiểm điểm',
  proposed: 'Đã đề xuất xếp loại',
  decided: 'Đã quyết định xếp loại',
  published: 'Đã công bố kết quả',
  remediating: 'Đang khắc phục',
  closed: 'Hoàn thành',
};

export const UNIT_ACTIONS = [
  'start',
  'submit',
  'begin_appraisal',
  'clear',
  'return',
  'resume',
  'schedule_conference',
  'reopen',
  // Issue 4: after the gate (design §3, "The unit's path through a campaign").
  'hold_conference',
  'propose',
  'decide',
  'publish',
  'begin_remediation',
  'close',
] as const;
export type UnitAction = (typeof UNIT_ACTIONS)[number];

export const REVIEW_STATUSES = ['draft', 'submitted', 'returned', 'finalized'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã nộp',
  returned: 'Trả lại để sửa',
  finalized: 'Đã hoàn thiện',
};

export const REVIEW_ACTIONS = ['save', 'submit', 'return', 'finalize', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Who a review is about: the collective of a unit, its leadership collective, or one member. */
export const REVIEW_SUBJECTS = ['collective', 'leadership', 'member'] as const;
export type ReviewSubject = (typeof REVIEW_SUBJECTS)[number];
export const REVIEW_SUBJECT_LABELS: Record<ReviewSubject, string> = {
  collective: 'Tập thể cấp ủy, tổ chức đảng',
  leadership: 'Tập thể lãnh đạo, quản lý',
  member: 'Cá nhân đảng viên',
};

/**
 * Form templates keyed by meaning, not by letter (regulations §11.6: HD 25's 02A is "no post",
 * HD 43's 2A is "leader").
 */
export const FORM_MEANINGS = ['collective', 'leadership_collective', 'member_leader', 'member_no_post', 'member_outside'] as const;
export type FormMeaning = (typeof FORM_MEANINGS)[number];

export const ASSIGNMENT_DUTIES = ['direct', 'appraise', 'attend'] as const;
export type AssignmentDuty = (typeof ASSIGNMENT_DUTIES)[number];
export const ASSIGNMENT_DUTY_LABELS: Record<AssignmentDuty, string> = {
  direct: 'Chỉ đạo, hướng dẫn',
  appraise: 'Thẩm định nội dung',
  attend: 'Dự hội nghị',
};

export const MILESTONE_KINDS = ['plan', 'reviews_due', 'appraisal', 'conferences', 'decisions', 'report'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  plan: 'Ban hành kế hoạch',
  reviews_due: 'Hoàn thành bản kiểm điểm',
  appraisal: 'Thẩm định hồ sơ',
  conferences: 'Tổ chức hội nghị kiểm điểm',
  decisions: 'Quyết định xếp loại',
  report: 'Báo cáo kết quả',
};

export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { open: 'Đang thực hiện', closed: 'Đã kết thúc' };

export const PLAN_STATUSES = ['draft', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Why a member of the tree is left out of a campaign's population, or not classified. */
export const POPULATION_REASONS = ['exempt', 'suspended', 'newly_admitted', 'transferred_out', 'deceased', 'manual'] as const;
export type PopulationReason = (typeof POPULATION_REASONS)[number];
export const POPULATION_REASON_LABELS: Record<PopulationReason, string> = {
  exempt: 'Miễn công tác và sinh hoạt đảng',
  suspended: 'Đình chỉ sinh hoạt đảng',
  newly_admitted: 'Mới kết nạp chưa đủ 6 tháng',
  transferred_out: 'Đã chuyển sinh hoạt đi nơi khác',
  deceased: 'Đã từ trần',
  manual: 'Điều chỉnh theo quyết định của cấp ủy',
};

export const SHORTCOMING_STATUSES = ['fixed', 'being_fixed', 'not_fixed'] as const;
export type ShortcomingStatus = (typeof SHORTCOMING_STATUSES)[number];
export const SHORTCOMING_STATUS_LABELS: Record<ShortcomingStatus, string> = {
  fixed: 'Đã khắc phục',
  being_fixed: 'Đang khắc phục',
  not_fixed: 'Chưa khắc phục',
};

export const CAUSE_KINDS = ['subjective', 'objective'] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];
export const CAUSE_KIND_LABELS: Record<CauseKind, string> = { subjective: 'Chủ quan', objective: 'Khách quan' };

export const SHORTCOMING_SOURCES = ['declared', 'concluded_conference', 'concluded_decision'] as const;
export type ShortcomingSource = (typeof SHORTCOMING_SOURCES)[number];
export const SHORTCOMING_SOURCE_LABELS: Record<ShortcomingSource, string> = {
  declared: 'Tự nhận trong bản kiểm điểm',
  concluded_conference: 'Hội nghị kiểm điểm chỉ ra',
  concluded_decision: 'Cấp có thẩm quyền kết luận',
};

/** The four levels, by rank; their names depend on the rule set (regulations §1.2). */
export const LEVELS = ['excellent', 'good', 'satisfactory', 'unsatisfactory'] as const;
export type Level = (typeof LEVELS)[number];

export const DISCIPLINE_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion'] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];
export const DISCIPLINE_FORM_LABELS: Record<DisciplineForm, string> = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  dismissal: 'Cách chức',
  expulsion: 'Khai trừ',
};

/** Where a written comment attached to a member's review comes from (regulations §2.1, §9b). */
export const COMMENT_SOURCES = ['residence', 'former_cell', 'temporary_cell', 'other_post'] as const;
export type CommentSource = (typeof COMMENT_SOURCES)[number];
export const COMMENT_SOURCE_LABELS: Record<CommentSource, string> = {
  residence: 'Chi ủy nơi cư trú',
  former_cell: 'Chi bộ nơi sinh hoạt trước',
  temporary_cell: 'Chi bộ sinh hoạt tạm thời',
  other_post: 'Nơi công tác khác',
};

export const NOTIFICATION_KINDS = [
  'assignment',
  'returned',
  'cleared',
  'deadline',
  'submitted',
  'suggestion',
  'digest',
  'published',
  'remediation_due',
  'complaint',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

// ── Issue 4: conference, votes, classification, decisions, remediation ───────────────────────

export const CONFERENCE_STATUSES = ['scheduled', 'in_progress', 'closed'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];
export const CONFERENCE_STATUS_LABELS: Record<ConferenceStatus, string> = {
  scheduled: 'Đã lên lịch',
  in_progress: 'Đang họp',
  closed: 'Đã kết thúc',
};

/** What a line of the minutes records (design §3, Conference: Criticism; issue 4 item 1). */
export const CONFERENCE_ENTRY_KINDS = ['criticism', 'suggestion_answer', 'conclusion', 'note'] as const;
export type ConferenceEntryKind = (typeof CONFERENCE_ENTRY_KINDS)[number];
export const CONFERENCE_ENTRY_KIND_LABELS: Record<ConferenceEntryKind, string> = {
  criticism: 'Ý kiến góp ý, phê bình',
  suggestion_answer: 'Giải trình vấn đề được gợi ý',
  conclusion: 'Kết luận hạn chế, khuyết điểm',
  note: 'Ghi chép khác',
};

export const AGENDA_STATUSES = ['pending', 'done'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

/** Design §3, Classification: self_assessed → proposed → decided → published (→ annulled on re-rating). */
export const CLASSIFICATION_STATUSES = ['self_assessed', 'proposed', 'decided', 'published', 'annulled'] as const;
export type ClassificationStatus = (typeof CLASSIFICATION_STATUSES)[number];
export const CLASSIFICATION_STATUS_LABELS: Record<ClassificationStatus, string> = {
  self_assessed: 'Đã tự nhận mức',
  proposed: 'Đã đề xuất',
  decided: 'Đã quyết định',
  published: 'Đã công bố',
  annulled: 'Đã hủy để xếp loại lại',
};

/** Who a classification is about (the subject kinds of the shortcomings table). */
export const CLASSIFICATION_SUBJECTS = ['unit', 'leadership', 'member'] as const;
export type ClassificationSubject = (typeof CLASSIFICATION_SUBJECTS)[number];

export const DECISION_KINDS = ['members', 'units', 'rerating'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  members: 'Xếp loại đảng viên',
  units: 'Xếp loại tổ chức đảng',
  rerating: 'Hủy bỏ và xếp loại lại',
};

export const DECISION_STATUSES = ['issued', 'published'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const COMPLAINT_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  open: 'Đang xem xét',
  upheld: 'Chấp nhận, đã xếp loại lại',
  dismissed: 'Không chấp nhận',
};

export const REMEDIATION_PLAN_STATUSES = ['draft', 'filed'] as const;
export type RemediationPlanStatus = (typeof REMEDIATION_PLAN_STATUSES)[number];
export const REMEDIATION_PLAN_STATUS_LABELS: Record<RemediationPlanStatus, string> = {
  draft: 'Đang xây dựng',
  filed: 'Đã ban hành',
};

export const REMEDIATION_ITEM_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type RemediationItemStatus = (typeof REMEDIATION_ITEM_STATUSES)[number];
export const REMEDIATION_ITEM_STATUS_LABELS: Record<RemediationItemStatus, string> = {
  planned: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
};
