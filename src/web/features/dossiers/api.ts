// The dossier's reads and steps (issue 3 item 7). Every step answers with the whole dossier, which
// replaces the cached one: the page always shows the version the next step must send.
import type { QueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client';
import type { UnitAction } from '../../../shared/campaign-vocabulary.js';
import type { DossierView, Finding } from '../../../shared/contracts/dossiers.js';

export type { DossierView, Finding };

export const dossierKeys = {
  detail: (campaignId: string, unitId: string) => ['dossier', campaignId, unitId] as const,
};

const base = (campaignId: string, unitId: string) => `/api/campaigns/${campaignId}/units/${unitId}`;

export const fetchDossier = (campaignId: string, unitId: string) => api.get<DossierView>(`${base(campaignId, unitId)}/dossier`);

/** Steps taken elsewhere: scheduling has its dialog; the steps after the gate belong to the conference, classification and remediation pages. */
export type StepElsewhere = 'schedule_conference' | 'hold_conference' | 'propose' | 'decide' | 'publish' | 'begin_remediation' | 'close';
export type DossierStep = Exclude<UnitAction, StepElsewhere>;

/** The URL segment of each step of design §3 (operationId dossiers.<segment>). */
const STEP_PATHS: Record<Exclude<UnitAction, StepElsewhere>, string> = {
  start: 'start',
  submit: 'submit',
  resume: 'resume',
  begin_appraisal: 'begin-appraisal',
  clear: 'clear',
  return: 'return',
  reopen: 'reopen',
};

export function takeStep(
  d: DossierView,
  action: Exclude<UnitAction, StepElsewhere>,
  extra: { reason?: string; findings?: Finding[] } = {},
): Promise<DossierView> {
  return api.post<DossierView>(`${base(d.campaignId, d.unitId)}/dossier/${STEP_PATHS[action]}`, { version: d.version, ...extra });
}

export const saveFindings = (d: DossierView, findings: Finding[]) =>
  apiRequest<DossierView>('PUT', `${base(d.campaignId, d.unitId)}/appraisal`, { version: d.version, findings });

export const scheduleConference = (d: DossierView, scheduledFor: string, place: string) =>
  api.post<DossierView>(`${base(d.campaignId, d.unitId)}/conference`, { version: d.version, scheduledFor, place });

export const commentDossier = (d: DossierView, text: string, section?: string) =>
  api.post<DossierView>(`${base(d.campaignId, d.unitId)}/dossier/comments`, { text, section });

export function attachToDossier(d: DossierView, file: File): Promise<DossierView> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<DossierView>(`${base(d.campaignId, d.unitId)}/dossier/attachments`, form);
}

export const detachFromDossier = (d: DossierView, attachmentId: string) =>
  api.delete<DossierView>(`${base(d.campaignId, d.unitId)}/dossier/attachments/${attachmentId}`);

export const attachmentUrl = (id: string) => `/api/attachments/${id}`;

/** After a step: this dossier from the answer, and the lists that show its stage. */
export async function afterStep(qc: QueryClient, d: DossierView): Promise<void> {
  qc.setQueryData(dossierKeys.detail(d.campaignId, d.unitId), d);
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['campaign', d.campaignId] }),
    qc.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
}
