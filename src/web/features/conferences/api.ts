// The conference's reads and steps (issue 4 items 1–2). Every step but the minutes entries answers
// with the whole conference, which replaces the cached one; entries go through the offline queue
// (entry-queue.ts) and answer with the one entry stored.
import type { QueryClient } from '@tanstack/react-query';
import { ApiError, api, apiRequest, withQuery } from '../../api/client';
import type {
  ConferenceSummary,
  ConferenceView,
  EntryView,
  MinutesHeader,
  SaveAttendanceBody,
  SaveTallyBody,
} from '../../../shared/contracts/conferences.js';
import type { EntryDraft, SendOutcome } from './entry-queue';

export type { ConferenceSummary, ConferenceView, EntryView, MinutesHeader };

export const conferenceKeys = {
  detail: (id: string) => ['conference', id] as const,
  list: (campaignId: string, unitId?: string, page = 1) => ['conferences', campaignId, unitId ?? null, page] as const,
};

const base = (id: string) => `/api/conferences/${id}`;

export const fetchConference = (id: string) => api.get<ConferenceView>(base(id));

export const fetchConferences = (campaignId: string, opts: { unitId?: string; page?: number; pageSize?: number } = {}) =>
  api.get<{ items: ConferenceSummary[]; total: number }>(withQuery(`/api/campaigns/${campaignId}/conferences`, opts));

export const startConference = (c: ConferenceView) => api.post<ConferenceView>(`${base(c.id)}/start`, { version: c.version });
export const closeConference = (c: ConferenceView) => api.post<ConferenceView>(`${base(c.id)}/close`, { version: c.version });
export const completeAgendaItem = (c: ConferenceView, itemId: string) =>
  api.post<ConferenceView>(`${base(c.id)}/agenda/complete`, { itemId });
export const saveMinutes = (c: ConferenceView, minutes: MinutesHeader) =>
  apiRequest<ConferenceView>('PUT', `${base(c.id)}/minutes`, { version: c.version, minutes });
export const saveAttendance = (c: ConferenceView, items: SaveAttendanceBody['items']) =>
  apiRequest<ConferenceView>('PUT', `${base(c.id)}/attendance`, { items });
export const saveGuests = (
  c: ConferenceView,
  body: { directors: { accountId: string; attended: boolean }[]; upper?: { name: string; title: string; attended: boolean }[] },
) => apiRequest<ConferenceView>('PUT', `${base(c.id)}/guests`, body);
export const saveTally = (c: ConferenceView, body: SaveTallyBody) => apiRequest<ConferenceView>('PUT', `${base(c.id)}/tallies`, body);

/** Statuses that say "try again later" rather than "no": no network, an ended session, a server or proxy down. */
function isTransient(e: ApiError): boolean {
  return e.status === 0 || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500;
}

/** One send of the offline queue: the outcome the queue needs, never a throw. */
export async function sendEntry(conferenceId: string, draft: EntryDraft, version: number | null): Promise<SendOutcome> {
  try {
    const entry = await api.post<EntryView>(`${base(conferenceId)}/entries`, { ...draft, version });
    return { kind: 'sent', entry };
  } catch (e) {
    if (e instanceof ApiError && !isTransient(e)) return { kind: 'refused', code: e.code, message: e.message };
    return { kind: 'unreachable' };
  }
}

/** After a step answered with the conference: it replaces the cached one; the lists show its status. */
export async function afterConferenceStep(qc: QueryClient, c: ConferenceView): Promise<void> {
  qc.setQueryData(conferenceKeys.detail(c.id), c);
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['conferences', c.campaignId] }),
    qc.invalidateQueries({ queryKey: ['dossier', c.campaignId, c.unitId] }),
  ]);
}

/** An entry the server stored: into the cached minutes (or out of them when withdrawn). */
export function mergeSentEntry(qc: QueryClient, conferenceId: string, entry: EntryView): void {
  qc.setQueryData<ConferenceView>(conferenceKeys.detail(conferenceId), (c) => {
    if (!c) return c;
    const others = c.entries.filter((e) => e.clientKey !== entry.clientKey);
    const at = c.entries.findIndex((e) => e.clientKey === entry.clientKey);
    if (entry.deleted) return { ...c, entries: others };
    const entries = [...c.entries];
    if (at >= 0) entries[at] = entry;
    else entries.push(entry);
    return { ...c, entries };
  });
}
