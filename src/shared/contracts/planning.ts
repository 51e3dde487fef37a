// Plan, assignments and suggested points of a campaign (issue 3 items 3 and 4; design §3,
// Assignment and Suggestion; regulations §3.1 bước 1 and §4).
import { z } from 'zod';
import { ASSIGNMENT_DUTIES, PLAN_STATUSES, UNIT_STAGES } from '../campaign-vocabulary.js';
import { id, requiredText, text, version } from './common.js';

export const SUGGESTION_STATUSES = ['draft', 'issued'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = { draft: 'Dự thảo', issued: 'Đã ban hành' };

export const PLAN_STATUS_LABELS: Record<(typeof PLAN_STATUSES)[number], string> = { draft: 'Dự thảo', approved: 'Đã phê duyệt' };

export const assignmentDuty = z.enum(ASSIGNMENT_DUTIES);
const stage = z.enum(UNIT_STAGES);

// ---------------------------------------------------------------- attachments

export const attachmentView = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

// ---------------------------------------------------------------- plan

export const planView = z.object({
  campaignId: z.string(),
  /** campaigns.version: the plan is edited under the campaign's optimistic lock. */
  version: z.number().int(),
  text: z.string(),
  status: z.enum(PLAN_STATUSES),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  attachments: z.array(attachmentView),
  abilities: z.object({ edit: z.boolean(), approve: z.boolean() }),
});
export type PlanView = z.infer<typeof planView>;

export const updatePlanBody = z.object({ version, text: text(100_000) });
/** The version the approver read: approving a text someone changed meanwhile is a conflict. */
export const approvePlanBody = z.object({ version: version.optional() });

// ---------------------------------------------------------------- assignments

const bulkIds = (max: number, what: string) =>
  z
    .array(id)
    .min(1, `Chọn ít nhất một ${what}`)
    .max(max, `Tối đa ${max} ${what} mỗi lần`)
    .transform((ids) => [...new Set(ids)]);

/** Every combination unit × person × duty (many to many, issue 3 item 3). */
export const assignmentsBulkBody = z.object({
  unitIds: bulkIds(3000, 'đơn vị'),
  accountIds: bulkIds(100, 'người được phân công'),
  duties: z
    .array(assignmentDuty)
    .min(1, 'Chọn ít nhất một nhiệm vụ')
    .max(3)
    .transform((d) => [...new Set(d)]),
});
export type AssignmentsBulkBody = z.infer<typeof assignmentsBulkBody>;

export const assignmentsChangeResponse = z.object({ added: z.number().int(), removed: z.number().int(), unchanged: z.number().int() });

export const assignmentView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitCode: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  username: z.string(),
  duty: assignmentDuty,
  createdAt: z.string(),
});
export type AssignmentView = z.infer<typeof assignmentView>;

export const listAssignmentsQuery = z.object({ unitId: id.optional(), accountId: id.optional() });
export const listAssignmentsResponse = z.object({ items: z.array(assignmentView), canManage: z.boolean() });

/** A unit of the population, as the assignment form and the workload show it. */
export const campaignUnitView = z.object({
  unitId: z.string(),
  name: z.string(),
  code: z.string(),
  kind: z.string(),
  isGrassroots: z.boolean(),
  stage,
  needsAppraisal: z.boolean(),
  /** Depth below the campaign's owner (1 = directly under it), to indent the list. */
  depth: z.number().int(),
});
export type CampaignUnitView = z.infer<typeof campaignUnitView>;
export const listCampaignUnitsResponse = z.object({ items: z.array(campaignUnitView) });

/** Accounts that may be assigned: Standing Committee members and heads of boards (standing or organizer over the owner). */
export const assigneeView = z.object({ accountId: z.string(), displayName: z.string(), username: z.string(), roles: z.array(z.string()) });
export type AssigneeView = z.infer<typeof assigneeView>;
export const listAssigneesResponse = z.object({ items: z.array(assigneeView) });

export const assignedUnitView = z.object({
  unitId: z.string(),
  name: z.string(),
  code: z.string(),
  stage,
  needsAppraisal: z.boolean(),
  duties: z.array(assignmentDuty),
});
export type AssignedUnitView = z.infer<typeof assignedUnitView>;
export const myUnitsResponse = z.object({ items: z.array(assignedUnitView) });

export const workloadPerson = z.object({
  accountId: z.string(),
  displayName: z.string(),
  username: z.string(),
  unitCount: z.number().int(),
  byDuty: z.object({ direct: z.number().int(), appraise: z.number().int(), attend: z.number().int() }),
  byStage: z.record(z.string(), z.number().int()),
  units: z.array(assignedUnitView),
});
export type WorkloadPerson = z.infer<typeof workloadPerson>;
export const workloadResponse = z.object({ people: z.array(workloadPerson) });

// ---------------------------------------------------------------- suggestions

export const suggestionTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unitId: id }),
  z.object({ kind: z.literal('member'), memberId: id }),
]);
export type SuggestionTarget = z.infer<typeof suggestionTarget>;

const suggestionItems = z.array(requiredText(4000)).min(1, 'Cần ít nhất một vấn đề gợi ý').max(50, 'Tối đa 50 vấn đề trong một gợi ý');

export const createSuggestionBody = z.object({ target: suggestionTarget, title: text(300).optional(), items: suggestionItems });
export const updateSuggestionBody = z.object({ version, title: text(300).optional(), items: suggestionItems.optional() });
export const issueSuggestionBody = z.object({ version: version.optional() });

export const suggestionItemView = z.object({
  id: z.string(),
  position: z.number().int(),
  text: z.string(),
  /** Answered in the target's review (section IV, "Giải trình những vấn đề được gợi ý"). */
  answered: z.boolean(),
});

export const suggestionView = z.object({
  id: z.string(),
  campaignId: z.string(),
  version: z.number().int(),
  target: z.object({
    kind: z.enum(['unit', 'member']),
    unitId: z.string(),
    unitName: z.string(),
    memberId: z.string().nullable(),
    memberName: z.string().nullable(),
  }),
  title: z.string().nullable(),
  status: z.enum(SUGGESTION_STATUSES),
  issuedAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  items: z.array(suggestionItemView),
  abilities: z.object({ edit: z.boolean(), issue: z.boolean(), delete: z.boolean() }),
});
export type SuggestionView = z.infer<typeof suggestionView>;

export const listSuggestionsQuery = z.object({
  status: z.enum(SUGGESTION_STATUSES).optional(),
  targetKind: z.enum(['unit', 'member']).optional(),
  unitId: id.optional(),
  memberId: id.optional(),
});
export const listSuggestionsResponse = z.object({ items: z.array(suggestionView), canCreate: z.boolean() });
