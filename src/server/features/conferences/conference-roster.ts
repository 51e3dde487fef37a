// Who is reviewed at a meeting and who is summoned to it. The members reviewed are the campaign's
// population (campaign_members, included) whose reviewing chi bộ is the meeting's unit, plus — for
// a đảng bộ whose members sit in the chi bộ below — its key leaders in the subtree (the đảng ủy's
// own review of its members). The same people are the meeting's roster: attendance and the quorum
// count them, and only the official members (đảng viên chính thức) among them count for the quorum
// and vote (Điều lệ Đảng: đảng viên dự bị không biểu quyết).
import { AppError } from '../../../shared/errors.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import type { AgendaState } from '../../domain/conference/agenda.js';
import { computeQuorum, type Quorum } from '../../domain/conference/quorum.js';
import type { Tx } from '../context.js';
import type { LoadedConference } from './conference-access.js';

export interface ReviewedMember {
  memberId: string;
  fullName: string;
  isHead: boolean;
  partyPosts: string | null;
  sortKey: string;
}

/** The members a starting meeting reviews (see the file comment). */
export async function membersReviewedAt(db: Tx, campaignId: string, unit: { id: string; path: string }): Promise<ReviewedMember[]> {
  const rows = await db
    .selectFrom('campaign_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .select(['cm.member_id', 'm.full_name', 'm.is_head', 'm.party_posts', 'm.sort_key'])
    .where('cm.campaign_id', '=', campaignId)
    .where('cm.included', '=', 1)
    .where((eb) =>
      eb.or([eb('cm.unit_id', '=', unit.id), eb.and([eb('cm.is_key_leader', '=', 1), withinPaths(eb, 'cm.unit_path', [unit.path])])]),
    )
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    fullName: r.full_name,
    isHead: r.is_head === 1,
    partyPosts: r.party_posts,
    sortKey: r.sort_key,
  }));
}

export interface AgendaRow extends AgendaState {
  memberId: string | null;
  doneAt: string | null;
}

export async function agendaOf(db: Tx, conferenceId: string): Promise<AgendaRow[]> {
  const rows = await db
    .selectFrom('conference_agenda')
    .select(['id', 'position', 'subject_kind', 'subject_key', 'member_id', 'label', 'status', 'done_at'])
    .where('conference_id', '=', conferenceId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    subjectKind: r.subject_kind,
    subjectKey: r.subject_key,
    memberId: r.member_id,
    label: r.label,
    status: r.status === 'done' ? 'done' : 'pending',
    doneAt: r.done_at,
  }));
}

export interface RosterMember {
  memberId: string;
  fullName: string;
  partyPosts: string | null;
  official: boolean;
  /** Reviewing chi bộ of the member in the campaign, and its path (where a concluded shortcoming belongs). */
  unitId: string;
  unitPath: string;
  classified: boolean;
}

/** The meeting's roster: the members on its agenda, in agenda order, with what the rules read. */
export async function rosterOf(db: Tx, lc: LoadedConference, agenda: readonly AgendaRow[]): Promise<RosterMember[]> {
  const ids = agenda.flatMap((a) => (a.subjectKind === 'member' ? [a.subjectKey] : []));
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('campaign_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .select(['cm.member_id', 'm.full_name', 'm.party_posts', 'm.official_date', 'cm.unit_id', 'cm.unit_path', 'cm.classified'])
    .where('cm.campaign_id', '=', lc.campaign.id)
    .where('cm.member_id', 'in', ids)
    .execute();
  const meetingDate = lc.conference.scheduled_for.slice(0, 10);
  const byId = new Map(rows.map((r) => [r.member_id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        memberId: id,
        fullName: r.full_name,
        partyPosts: r.party_posts,
        // Official (chính thức) on the day of the meeting; a probationary member attends but is not counted.
        official: r.official_date !== null && r.official_date <= meetingDate,
        unitId: r.unit_id,
        unitPath: r.unit_path,
        classified: r.classified === 1,
      },
    ];
  });
}

export interface AttendanceRow {
  id: string;
  memberId: string;
  present: boolean;
  absenceReason: string | null;
}

export async function attendanceOf(db: Tx, conferenceId: string): Promise<AttendanceRow[]> {
  const rows = await db
    .selectFrom('conference_attendance')
    .select(['id', 'member_id', 'present', 'absence_reason'])
    .where('conference_id', '=', conferenceId)
    .execute();
  return rows.map((r) => ({ id: r.id, memberId: r.member_id, present: r.present === 1, absenceReason: r.absence_reason }));
}

/** The quorum from the roster and the attendance marked so far (regulations §9b; campaign config). */
export function quorumOf(lc: LoadedConference, roster: readonly RosterMember[], attendance: readonly AttendanceRow[]): Quorum {
  const official = new Set(roster.filter((m) => m.official).map((m) => m.memberId));
  const present = attendance.filter((a) => a.present && official.has(a.memberId)).length;
  return computeQuorum({ summoned: official.size, present, pct: lc.quorumPct });
}

/** A member the chi bộ votes on here: its own member (reviewing chi bộ = the meeting's unit), classified this year (R7). */
export function isVotable(lc: LoadedConference, m: RosterMember | undefined): boolean {
  return m !== undefined && m.unitId === lc.conference.unit_id && m.classified;
}

/** The agenda item of a subject, or a refusal when the subject is not on this meeting's agenda. */
export function agendaItemOf(agenda: readonly AgendaRow[], subjectKind: string, subjectKey: string): AgendaRow {
  const item = agenda.find((a) => a.subjectKind === subjectKind && a.subjectKey === subjectKey);
  if (!item) throw new AppError('request.invalid', 'Đối tượng này không có trong chương trình hội nghị.');
  return item;
}
