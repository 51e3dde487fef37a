// Reads and writes of remediation (issue 4 item 6): a plan, its items, progress updates with
// evidence, the unit's report, the tracking list of a campaign and a shortcoming's history.
import { api, apiRequest, withQuery } from '../../api/client';
import type {
  ListRemediationResponse,
  MyRemediationResponse,
  RemediationItemDraft,
  RemediationPlanView,
  ShortcomingHistoryView,
} from '../../../shared/contracts/remediation.js';
import type { RemediationItemStatus } from '../../../shared/campaign-vocabulary.js';

export type { ListRemediationResponse, MyRemediationResponse, RemediationItemDraft, RemediationPlanView, ShortcomingHistoryView };

export interface PlanRef {
  campaignId: string;
  subjectKind: string;
  subjectKey: string;
}

export interface TrackingFilters {
  status?: 'draft' | 'filed' | 'reported';
  overdue?: boolean;
  unitId?: string;
  subjectKind?: 'member' | 'unit' | 'leadership';
  page?: number;
  pageSize?: number;
}

export const remediationKeys = {
  plan: (r: PlanRef) => ['remediation', r.campaignId, r.subjectKind, r.subjectKey] as const,
  list: (campaignId: string, f: TrackingFilters) => ['remediation', campaignId, 'list', f] as const,
  mine: ['remediation', 'mine'] as const,
  history: (id: string) => ['shortcoming-history', id] as const,
};

const base = (r: PlanRef) => `/api/campaigns/${r.campaignId}/remediation/${r.subjectKind}/${r.subjectKey}`;

export const fetchPlan = (r: PlanRef) => api.get<RemediationPlanView>(base(r));
export const savePlan = (r: PlanRef, version: number, items: RemediationItemDraft[]) =>
  apiRequest<RemediationPlanView>('PUT', base(r), { version, items });
export const filePlan = (r: PlanRef, version: number) => api.post<RemediationPlanView>(`${base(r)}/file`, { version });
export const reportPlan = (campaignId: string, unitId: string, version: number, note: string) =>
  api.post<RemediationPlanView>(`/api/campaigns/${campaignId}/units/${unitId}/remediation/report`, { version, note });

export function addUpdate(
  campaignId: string,
  itemId: string,
  input: { version: number; note: string; progressPct: number; status: RemediationItemStatus; file?: File | null },
): Promise<RemediationPlanView> {
  const form = new FormData();
  form.append('version', String(input.version));
  form.append('note', input.note);
  form.append('progressPct', String(input.progressPct));
  form.append('status', input.status);
  if (input.file) form.append('file', input.file);
  return api.upload<RemediationPlanView>(`/api/campaigns/${campaignId}/remediation-items/${itemId}/updates`, form);
}

export const fetchTracking = (campaignId: string, f: TrackingFilters) =>
  api.get<ListRemediationResponse>(
    withQuery(`/api/campaigns/${campaignId}/remediation`, {
      status: f.status,
      overdue: f.overdue === undefined ? undefined : String(f.overdue),
      unitId: f.unitId,
      subjectKind: f.subjectKind,
      page: f.page,
      pageSize: f.pageSize,
    }),
  );
export const fetchMyRemediation = () => api.get<MyRemediationResponse>('/api/remediation/mine');
export const fetchHistory = (id: string) => api.get<ShortcomingHistoryView>(`/api/shortcomings/${id}/history`);
export const evidenceUrl = (attachmentId: string) => `/api/attachments/${attachmentId}`;
