// Reads and writes of the campaign's plan, assignments and suggested points (issue 3 items 3, 4).
import { api, apiRequest, withQuery } from '../../api/client';
import type {
  AssignedUnitView,
  AssigneeView,
  AssignmentView,
  AttachmentView,
  CampaignUnitView,
  PlanView,
  SuggestionTarget,
  SuggestionView,
  WorkloadPerson,
} from '../../../shared/contracts/planning.js';
import type { AssignmentDuty } from '../../../shared/campaign-vocabulary.js';

export type {
  AssignedUnitView,
  AssigneeView,
  AssignmentView,
  AttachmentView,
  CampaignUnitView,
  PlanView,
  SuggestionTarget,
  SuggestionView,
  WorkloadPerson,
};

/** Every planning query sits under the campaign's key, so invalidateCampaign refreshes them all. */
const planningKey =
  <P extends string>(part: P) =>
  (campaignId: string) =>
    ['campaign', campaignId, 'planning', part] as const;

export const planningKeys = {
  all: (campaignId: string) => ['campaign', campaignId, 'planning'] as const,
  plan: planningKey('plan'),
  assignments: planningKey('assignments'),
  units: planningKey('units'),
  assignees: planningKey('assignees'),
  workload: planningKey('workload'),
  myUnits: planningKey('my-units'),
  suggestions: planningKey('suggestions'),
};

const base = (campaignId: string) => `/api/campaigns/${campaignId}`;

export const fetchPlan = (campaignId: string) => api.get<PlanView>(`${base(campaignId)}/plan`);
export const savePlan = (campaignId: string, version: number, text: string) =>
  apiRequest<PlanView>('PUT', `${base(campaignId)}/plan`, { version, text });
export const approvePlan = (campaignId: string, version: number) => api.post<PlanView>(`${base(campaignId)}/plan/approve`, { version });
export function attachToPlan(campaignId: string, file: File): Promise<AttachmentView> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<AttachmentView>(`${base(campaignId)}/plan/attachments`, form);
}
export const deleteAttachment = (id: string) => api.delete<{ ok: true }>(`/api/attachments/${id}`);
export const attachmentUrl = (id: string) => `/api/attachments/${id}`;

export const fetchAssignments = (campaignId: string) =>
  api.get<{ items: AssignmentView[]; canManage: boolean }>(`${base(campaignId)}/assignments`);
export const fetchCampaignUnits = (campaignId: string) => api.get<{ items: CampaignUnitView[] }>(`${base(campaignId)}/assignments/units`);
export const fetchAssignees = (campaignId: string) => api.get<{ items: AssigneeView[] }>(`${base(campaignId)}/assignments/assignees`);
export const fetchWorkload = (campaignId: string) => api.get<{ people: WorkloadPerson[] }>(`${base(campaignId)}/workload`);
export const fetchMyUnits = (campaignId: string) => api.get<{ items: AssignedUnitView[] }>(`${base(campaignId)}/my-units`);

export interface AssignmentsChange {
  added: number;
  removed: number;
  unchanged: number;
}
export interface BulkAssignment {
  unitIds: string[];
  accountIds: string[];
  duties: AssignmentDuty[];
}
export const addAssignments = (campaignId: string, body: BulkAssignment) =>
  api.post<AssignmentsChange>(`${base(campaignId)}/assignments/bulk`, body);
export const removeAssignments = (campaignId: string, body: BulkAssignment) =>
  api.post<AssignmentsChange>(`${base(campaignId)}/assignments/remove`, body);

export const fetchSuggestions = (campaignId: string, query: { status?: string; targetKind?: string } = {}) =>
  api.get<{ items: SuggestionView[]; canCreate: boolean }>(withQuery(`${base(campaignId)}/suggestions`, query));
export const createSuggestion = (campaignId: string, body: { target: SuggestionTarget; title?: string; items: string[] }) =>
  api.post<SuggestionView>(`${base(campaignId)}/suggestions`, body);
export const updateSuggestion = (id: string, body: { version: number; title?: string; items?: string[] }) =>
  api.patch<SuggestionView>(`/api/suggestions/${id}`, body);
export const issueSuggestion = (id: string, version: number) => api.post<SuggestionView>(`/api/suggestions/${id}/issue`, { version });
export const deleteSuggestion = (id: string) => api.delete<{ ok: true }>(`/api/suggestions/${id}`);

/** After a change here, the campaign's page (its plan status, its cockpit's gates) may be stale too. */
export { invalidateCampaign } from '../campaigns/api';
