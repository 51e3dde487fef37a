// Reads of campaigns shared by the campaign pages.
import type { QueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { CampaignDetail, CampaignSummary, CockpitResponse } from '../../../shared/contracts/campaigns.js';

export type { CampaignDetail, CampaignSummary, CockpitResponse };

export interface CockpitParams {
  level: 'grassroots' | 'all';
  stage?: string;
  sector?: string;
  directorId?: string;
  overdueOnly?: boolean;
  page: number;
  pageSize: number;
}

export const campaignKeys = {
  list: ['campaigns'] as const,
  detail: (id: string) => ['campaign', id] as const,
  cockpit: (id: string, p: CockpitParams) => ['campaign', id, 'cockpit', p] as const,
  population: (id: string, p: object) => ['campaign', id, 'population', p] as const,
};

export const fetchCampaigns = () => api.get<{ items: CampaignSummary[] }>('/api/campaigns');
export const fetchCampaign = (id: string) => api.get<CampaignDetail>(`/api/campaigns/${id}`);
export const fetchCockpit = (id: string, p: CockpitParams) =>
  api.get<CockpitResponse>(withQuery(`/api/campaigns/${id}/cockpit`, { ...p, overdueOnly: p.overdueOnly ? 'true' : undefined }));

export async function invalidateCampaign(qc: QueryClient, id: string): Promise<void> {
  await Promise.all([qc.invalidateQueries({ queryKey: ['campaign', id] }), qc.invalidateQueries({ queryKey: ['campaigns'] })]);
}
