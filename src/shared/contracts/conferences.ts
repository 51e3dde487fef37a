// The review meeting (hội nghị kiểm điểm) and its votes (issue 4 items 1–2; design §3, Conference,
// Criticism, VoteTally): the agenda in the order of QĐ 366 Đ7 k3 / regulations §9b, attendance
// and quorum, the minutes (header and entries, each entry keyed by a browser-made client key so a
// re-sent entry is stored once), the tallies typed in from the paper count, and the close that
// writes the conclusions as shortcomings and moves the unit to "conference held".
import { z } from 'zod';
import {
  AGENDA_STATUSES,
  CLASSIFICATION_SUBJECTS,
  CONFERENCE_ENTRY_KINDS,
  CONFERENCE_STATUSES,
  LEVELS,
  UNIT_STAGES,
  type ConferenceEntryKind,
} from '../campaign-vocabulary.js';
import { id, requiredText, text, version } from './common.js';

export const conferenceParams = z.object({ conferenceId: id });

/** A UUID made by the browser for each minutes entry (any version; lower case on the way in). */
export const clientKey = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'Mã bản ghi không hợp lệ (UUID)')
  .transform((s) => s.toLowerCase());

export const conferenceSubjectKind = z.enum(CLASSIFICATION_SUBJECTS);
export type ConferenceSubjectKind = z.infer<typeof conferenceSubjectKind>;

/** Steps that only need the version the caller read (start, close). */
export const conferenceVersionBody = z.object({ version });
export type ConferenceVersionBody = z.infer<typeof conferenceVersionBody>;

// ── Minutes header ─────────────────────────────────────────────────────────────────────────────

/** The minutes' header (biên bản): who chaired and who kept the minutes, opening and closing, general record. */
export const minutesHeader = z.object({
  chair: text(200).default(''),
  secretary: text(200).default(''),
  opening: text(4000).default(''),
  general: text(20000).default(''),
  closing: text(4000).default(''),
});
export type MinutesHeader = z.infer<typeof minutesHeader>;

export const saveMinutesBody = z.object({ version, minutes: minutesHeader });
export type SaveMinutesBody = z.infer<typeof saveMinutesBody>;

/** The header counts as written once the chair and the secretary of the meeting are named. */
export function minutesHeaderWritten(m: MinutesHeader | null | undefined): boolean {
  return !!m && m.chair.trim() !== '' && m.secretary.trim() !== '';
}

// ── Agenda ─────────────────────────────────────────────────────────────────────────────────────

export const completeAgendaItemBody = z.object({ itemId: id });
export type CompleteAgendaItemBody = z.infer<typeof completeAgendaItemBody>;

// ── Attendance and guests ──────────────────────────────────────────────────────────────────────

/** One member's attendance: present, absent with a reason, or `null` = not marked yet. */
export const attendanceItem = z
  .object({
    memberId: id,
    present: z.boolean().nullable(),
    absenceReason: text(500).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.present === false && !(v.absenceReason ?? '').trim()) {
      ctx.addIssue({ code: 'custom', path: ['absenceReason'], message: 'Đảng viên vắng mặt cần ghi rõ lý do vắng.' });
    }
  });
export const saveAttendanceBody = z.object({ items: z.array(attendanceItem).min(1).max(1000) });
export type SaveAttendanceBody = z.infer<typeof saveAttendanceBody>;

export const upperGuest = z.object({ name: requiredText(200), title: text(300).default(''), attended: z.boolean().default(true) });
export const saveGuestsBody = z.object({
  /** Which assigned directors came (the guest rows made when the conference started). */
  directors: z
    .array(z.object({ accountId: id, attended: z.boolean() }))
    .max(100)
    .default([]),
  /** Other upper-level attendees (name, title): replaces the earlier list; absent = left as it is. */
  upper: z.array(upperGuest).max(100).optional(),
});
export type SaveGuestsBody = z.infer<typeof saveGuestsBody>;

// ── Minutes entries ────────────────────────────────────────────────────────────────────────────

/** Kinds of entry that are about one subject of the agenda (a note may stand on its own). */
export const ENTRY_KINDS_WITH_SUBJECT: readonly ConferenceEntryKind[] = ['criticism', 'suggestion_answer', 'conclusion'];

/**
 * One minutes entry, created or edited (upsert by client key). `version` is the version the
 * browser last saw; absent for a new entry (a re-sent new entry is recognised by its client key).
 * `deleted: true` withdraws it.
 */
export const saveEntryBody = z
  .object({
    clientKey,
    version: z.number().int().positive().nullable().optional(),
    kind: z.enum(CONFERENCE_ENTRY_KINDS),
    subjectKind: conferenceSubjectKind.nullable().default(null),
    subjectKey: id.nullable().default(null),
    speaker: text(200).nullable().default(null),
    text: requiredText(8000),
    reply: text(8000).nullable().default(null),
    suggestionItemId: id.nullable().default(null),
    deleted: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if ((v.subjectKind === null) !== (v.subjectKey === null)) {
      ctx.addIssue({ code: 'custom', path: ['subjectKey'], message: 'Cần chọn đối tượng được kiểm điểm.' });
    }
    if (ENTRY_KINDS_WITH_SUBJECT.includes(v.kind) && v.subjectKind === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['subjectKind'],
        message: 'Ý kiến, giải trình và kết luận phải gắn với một đối tượng được kiểm điểm.',
      });
    }
    if (v.kind === 'criticism' && !(v.speaker ?? '').trim()) {
      ctx.addIssue({ code: 'custom', path: ['speaker'], message: 'Cần ghi người phát biểu ý kiến.' });
    }
    if (v.suggestionItemId !== null && v.kind !== 'suggestion_answer') {
      ctx.addIssue({ code: 'custom', path: ['suggestionItemId'], message: 'Chỉ phần giải trình mới gắn với vấn đề được gợi ý.' });
    }
  });
export type SaveEntryBody = z.infer<typeof saveEntryBody>;
export type SaveEntryInput = z.input<typeof saveEntryBody>;

export const entryView = z.object({
  id: z.string(),
  clientKey: z.string(),
  kind: z.enum(CONFERENCE_ENTRY_KINDS),
  subjectKind: conferenceSubjectKind.nullable(),
  subjectKey: z.string().nullable(),
  speaker: z.string().nullable(),
  text: z.string(),
  reply: z.string().nullable(),
  suggestionItemId: z.string().nullable(),
  version: z.number().int(),
  deleted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdByName: z.string().nullable(),
});
export type EntryView = z.infer<typeof entryView>;

// ── Votes ──────────────────────────────────────────────────────────────────────────────────────

const count = z.number().int('Số phiếu phải là số nguyên').min(-1_000_000).max(1_000_000);
export const tallyVotes = z.object({ excellent: count, good: count, satisfactory: count, unsatisfactory: count });

/**
 * The paper count for one member (kiểm phiếu): present, valid and invalid ballots and the ballots
 * per level. Whether they add up is checked by the server (domain/classification/tally.ts) and
 * answered with `vote.invalid_tally`, so the message carries the numbers.
 */
export const saveTallyBody = z.object({
  memberId: id,
  /** The tally's version when it was read; null for the first count. */
  version: z.number().int().positive().nullable().default(null),
  present: count,
  valid: count,
  invalid: count,
  votes: tallyVotes,
});
export type SaveTallyBody = z.infer<typeof saveTallyBody>;

export const tallyView = z.object({
  memberId: z.string(),
  version: z.number().int(),
  present: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  votes: tallyVotes,
  proposedLevel: z.enum(LEVELS).nullable(),
  updatedAt: z.string(),
});
export type TallyView = z.infer<typeof tallyView>;

// ── The conference as its page sees it ─────────────────────────────────────────────────────────

export const agendaItemView = z.object({
  id: z.string(),
  position: z.number().int(),
  subjectKind: conferenceSubjectKind,
  subjectKey: z.string(),
  memberId: z.string().nullable(),
  label: z.string(),
  status: z.enum(AGENDA_STATUSES),
  doneAt: z.string().nullable(),
  /** The first item not done: the subject under review now. */
  current: z.boolean(),
  /** Done or current: entries and tallies about it may be recorded. */
  reached: z.boolean(),
  /** A member whose level the chi bộ votes here (its own member, classified this year). */
  votable: z.boolean(),
});
export type AgendaItemView = z.infer<typeof agendaItemView>;

export const attendanceView = z.object({
  memberId: z.string(),
  fullName: z.string(),
  partyPosts: z.string().nullable(),
  /** Official member (đảng viên chính thức) at the meeting's date: counted for the quorum. */
  official: z.boolean(),
  present: z.boolean().nullable(),
  absenceReason: z.string().nullable(),
});

export const quorumView = z.object({
  summoned: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
  unmarked: z.number().int(),
  /** Fewest official members present for a valid meeting (strictly more than `pct` % of the summoned). */
  required: z.number().int(),
  pct: z.number(),
  isDefault: z.boolean(),
  met: z.boolean(),
  /** "Có mặt 12/20 đảng viên chính thức được triệu tập (cần trên 10) …" */
  explanation: z.string(),
  /** The rule in words, with its source. */
  rule: z.string(),
});
export type QuorumView = z.infer<typeof quorumView>;

export const guestView = z.object({
  id: z.string(),
  kind: z.enum(['director', 'upper']),
  accountId: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  attended: z.boolean(),
});

export const suggestionItemRef = z.object({
  id: z.string(),
  subjectKind: conferenceSubjectKind,
  subjectKey: z.string(),
  position: z.number().int(),
  text: z.string(),
});

export const levelOption = z.object({ level: z.enum(LEVELS), label: z.string(), short: z.string() });

export const conferenceAbilities = z.object({
  /** Begin the meeting (the agenda and the guest list are made then). */
  start: z.boolean(),
  /** Record entries, attendance, tallies and finish agenda items (unit committee, chi bộ secretary). */
  write: z.boolean(),
  /** Edit the minutes' header (before and during the meeting). */
  editHeader: z.boolean(),
  /** Record which directors and upper-level guests came (also the assigned directors). */
  recordGuests: z.boolean(),
  close: z.boolean(),
  /** Tallies are the meeting's business; a member reads the minutes only (design §2). */
  readTallies: z.boolean(),
});

export const conferenceView = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  reviewYear: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  stage: z.enum(UNIT_STAGES),
  stageLabel: z.string(),
  scheduledFor: z.string(),
  place: z.string().nullable(),
  status: z.enum(CONFERENCE_STATUSES),
  statusLabel: z.string(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  minutes: minutesHeader,
  agenda: z.array(agendaItemView),
  /** The order rule of the agenda, with its source, for the page. */
  agendaRule: z.string(),
  attendance: z.array(attendanceView),
  quorum: quorumView,
  guests: z.array(guestView),
  entries: z.array(entryView),
  suggestionItems: z.array(suggestionItemRef),
  tallies: z.array(tallyView),
  /** The member levels of the review year (names change with the rule set). */
  levels: z.array(levelOption),
  /** Why the conference cannot be closed yet, in Vietnamese; empty when it can. */
  closeProblems: z.array(z.string()),
  abilities: conferenceAbilities,
});
export type ConferenceView = z.infer<typeof conferenceView>;

export const conferenceSummary = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  scheduledFor: z.string(),
  place: z.string().nullable(),
  status: z.enum(CONFERENCE_STATUSES),
  statusLabel: z.string(),
  stage: z.enum(UNIT_STAGES),
  stageLabel: z.string(),
});
export type ConferenceSummary = z.infer<typeof conferenceSummary>;

export const listConferencesQuery = z.object({
  unitId: id.optional(),
  status: z.enum(CONFERENCE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListConferencesQuery = z.infer<typeof listConferencesQuery>;

export const listConferencesResponse = z.object({ items: z.array(conferenceSummary), total: z.number().int() });
