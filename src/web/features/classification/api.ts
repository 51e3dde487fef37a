// The classification's reads and steps (issue 4 items 4–5): the board and its what-if, proposals,
// decisions and their publication, the member's own result, complaints, commendation lists.
import type { QueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { Level } from '../../../shared/campaign-vocabulary.js';
import type {
  BoardRow,
  BoardView,
  CommendationsView,
  ComplaintView,
  DecideBody,
  DecisionView,
  ListComplaintsResponse,
  ListDecisionsResponse,
  MyResultsResponse,
  OverrideProblem,
  ProposeBody,
  ProposeResponse,
  QuotaView,
  ResolveComplaintBody,
  SubjectKind,
} from '../../../shared/contracts/classification.js';

export type { BoardRow, BoardView, CommendationsView, ComplaintView, DecisionView, OverrideProblem, QuotaView, SubjectKind };

export const classificationKeys = {
  all: ['classification'] as const,
  board: (campaignId: string, unitId: string) => ['classification', campaignId, 'board', unitId] as const,
  whatIf: (campaignId: string, unitId: string, levels: object) => ['classification', campaignId, 'what-if', unitId, levels] as const,
  decisions: (campaignId: string, unitId?: string) => ['classification', campaignId, 'decisions', unitId ?? ''] as const,
  complaints: (campaignId: string, status?: string) => ['classification', campaignId, 'complaints', status ?? ''] as const,
  commendations: (campaignId: string, unitId?: string) => ['classification', campaignId, 'commendations', unitId ?? ''] as const,
  mine: ['classification', 'mine'] as const,
};

const base = (campaignId: string) => `/api/campaigns/${campaignId}`;

export const fetchBoard = (campaignId: string, unitId: string) =>
  api.get<BoardView>(withQuery(`${base(campaignId)}/classification/board`, { unitId }));

export interface TrialLevel {
  subjectKind: SubjectKind;
  subjectKey: string;
  level: Level | null;
}

export const fetchWhatIf = (campaignId: string, unitId: string, levels: TrialLevel[]) =>
  api.post<BoardView>(withQuery(`${base(campaignId)}/classification/what-if`, { unitId }), { levels });

export const proposeLevels = (campaignId: string, body: ProposeBody) =>
  api.post<ProposeResponse>(`${base(campaignId)}/classification/proposals`, body);

export const decideBatch = (campaignId: string, body: DecideBody) => api.post<DecisionView>(`${base(campaignId)}/decisions`, body);

export const fetchDecisions = (campaignId: string, unitId?: string) =>
  api.get<ListDecisionsResponse>(withQuery(`${base(campaignId)}/decisions`, { unitId }));

export const publishDecision = (d: DecisionView) =>
  api.post<DecisionView>(`${base(d.campaignId)}/decisions/${d.id}/publish`, { version: d.version });

export const fetchMyResults = () => api.get<MyResultsResponse>('/api/my-classifications');

export const acknowledgeResult = (campaignId: string, version: number) =>
  api.post<MyResultsResponse>(`${base(campaignId)}/my-classification/acknowledge`, { version });

export const fileComplaint = (campaignId: string, body: { subjectKind: SubjectKind; subjectKey: string; text: string }) =>
  api.post<ComplaintView>(`${base(campaignId)}/complaints`, body);

export const fetchComplaints = (campaignId: string, status?: string) =>
  api.get<ListComplaintsResponse>(withQuery(`${base(campaignId)}/complaints`, { status }));

export const resolveComplaint = (c: ComplaintView, body: Omit<ResolveComplaintBody, 'version'>) =>
  api.post<ComplaintView>(`${base(c.campaignId)}/complaints/${c.id}/resolve`, { ...body, version: c.version });

export const fetchCommendations = (campaignId: string, unitId?: string) =>
  api.get<CommendationsView>(withQuery(`${base(campaignId)}/commendations`, { unitId }));

/** After any write: every classification read of the campaign is stale (boards, decisions, lists). */
export async function afterWrite(qc: QueryClient, campaignId: string): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['classification', campaignId] }),
    qc.invalidateQueries({ queryKey: ['campaign', campaignId] }),
    qc.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
}

export const rowKey = (r: Pick<BoardRow, 'subjectKind' | 'subjectKey'>) => `${r.subjectKind}:${r.subjectKey}`;
