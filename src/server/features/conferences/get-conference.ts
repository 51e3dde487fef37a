// Everything the conference page shows (issue 4 items 1–2): the agenda with the subject under
// review, attendance and the quorum's arithmetic, guests, the minutes (header and entries), the
// suggested points the subjects must answer, the tallies and their proposed levels, what still
// stops the close, and the caller's abilities (design §4). A member of the chi bộ reads the minutes
// only (design §2): the tallies are left out for them.
import {
  CONFERENCE_STATUS_LABELS,
  UNIT_STAGE_LABELS,
  type ConferenceEntryKind,
  type ConferenceStatus,
  type Level,
} from '../../../shared/campaign-vocabulary.js';
import {
  minutesHeader,
  minutesHeaderWritten,
  type ConferenceSubjectKind,
  type ConferenceView,
  type EntryView,
  type MinutesHeader,
} from '../../../shared/contracts/conferences.js';
import type { Selectable } from 'kysely';
import type { ConferenceEntryTable } from '../../adapters/db/schema.js';
import { AGENDA_ORDER_SOURCE, currentItem, isReached } from '../../domain/conference/agenda.js';
import { closeProblems } from '../../domain/conference/closing.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { accountNames } from '../dossiers/get-dossier.js';
import { loadConference, type LoadedConference } from './conference-access.js';
import { agendaOf, attendanceOf, isVotable, quorumOf, rosterOf } from './conference-roster.js';

export function parseMinutes(json: string | null): MinutesHeader {
  if (!json) return minutesHeader.parse({});
  try {
    return minutesHeader.parse(JSON.parse(json));
  } catch {
    return minutesHeader.parse({});
  }
}

export function presentEntry(r: Selectable<ConferenceEntryTable>, names: Map<string, string>): EntryView {
  return {
    id: r.id,
    clientKey: r.client_key,
    kind: r.kind as ConferenceEntryKind,
    subjectKind: (r.subject_kind as ConferenceSubjectKind | null) ?? null,
    subjectKey: r.subject_key,
    speaker: r.speaker,
    text: r.text,
    reply: r.reply,
    suggestionItemId: r.suggestion_item_id,
    version: r.version,
    deleted: r.deleted_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdByName: r.created_by ? (names.get(r.created_by) ?? null) : null,
  };
}

/**
 * Issued suggested points addressed to the meeting's subjects: the unit (also for its leadership) or a
 * member. `membersOnly`: the points of those members alone, for a member reading the minutes.
 */
async function suggestionItemsFor(db: Tx, lc: LoadedConference, memberIds: readonly string[], membersOnly = false) {
  if (membersOnly && memberIds.length === 0) return [];
  const rows = await db
    .selectFrom('suggestion_items as i')
    .innerJoin('suggestions as s', 's.id', 'i.suggestion_id')
    .select(['i.id', 'i.position', 'i.text', 's.target_kind', 's.unit_id', 's.member_id', 's.issued_at'])
    .where('s.campaign_id', '=', lc.campaign.id)
    .where('s.status', '=', 'issued')
    .where((eb) => {
      const unit = eb.and([eb('s.target_kind', '=', 'unit'), eb('s.unit_id', '=', lc.unit.id)]);
      if (memberIds.length === 0) return unit;
      const members = eb.and([eb('s.target_kind', '=', 'member'), eb('s.member_id', 'in', [...memberIds])]);
      return membersOnly ? members : eb.or([unit, members]);
    })
    .orderBy('s.issued_at')
    .orderBy('s.id')
    .orderBy('i.position')
    .execute();
  return rows.map((r, i) => ({
    id: r.id,
    subjectKind: (r.target_kind === 'member' ? 'member' : 'unit') as ConferenceSubjectKind,
    subjectKey: r.target_kind === 'member' ? (r.member_id ?? '') : r.unit_id,
    position: i + 1,
    text: r.text,
  }));
}

/** What a use case read of the meeting before its write and left unchanged by it. */
export interface ReadConference {
  lc: LoadedConference;
  agenda: Awaited<ReturnType<typeof agendaOf>>;
  roster: Awaited<ReturnType<typeof rosterOf>>;
  attendance: Awaited<ReturnType<typeof attendanceOf>>;
}

/**
 * `unchanged`: the parts a write just read and did not change (a tally changes none of them), so
 * that its answer does not read them again: a tally's save made about 25 statements, six of them twice.
 */
export async function getConference(
  ctx: AppContext,
  caller: Caller,
  conferenceId: string,
  unchanged?: ReadConference,
): Promise<ConferenceView> {
  const db = ctx.db;
  const lc = unchanged?.lc ?? (await loadConference(db, caller, conferenceId, ctx));
  const c = lc.conference;
  const agenda = unchanged?.agenda ?? (await agendaOf(db, c.id));
  const [roster, attendance, guests, entries, tallies] = await Promise.all([
    unchanged?.roster ?? rosterOf(db, lc, agenda),
    unchanged?.attendance ?? attendanceOf(db, c.id),
    db
      .selectFrom('conference_guests')
      .select(['id', 'kind', 'account_id', 'name', 'title', 'attended'])
      .where('conference_id', '=', c.id)
      .orderBy('kind')
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('conference_entries')
      .selectAll()
      .where('conference_id', '=', c.id)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    lc.access.minutesOnly
      ? Promise.resolve([])
      : db.selectFrom('vote_tallies').selectAll().where('conference_id', '=', c.id).orderBy('created_at').execute(),
  ]);
  const rosterById = new Map(roster.map((m) => [m.memberId, m]));
  const names = await accountNames(
    db,
    entries.map((e) => e.created_by),
  );
  // A member reading the minutes sees only the points suggested to them (design §2: "R own
  // suggestions"); those who run or oversee the meeting see every point on its agenda.
  const suggestionItems = lc.access.minutesOnly
    ? await suggestionItemsFor(db, lc, caller.memberId ? [caller.memberId] : [], true)
    : await suggestionItemsFor(
        db,
        lc,
        roster.map((m) => m.memberId),
      );
  const present = new Map(attendance.map((a) => [a.memberId, a]));
  const quorum = quorumOf(lc, roster, attendance);
  const minutes = parseMinutes(c.minutes_json);
  const current = currentItem(agenda);
  const status = c.status as ConferenceStatus;
  const open = lc.campaign.status === 'open';
  const inSession = status === 'in_progress';
  const problems = inSession
    ? closeProblems({
        headerWritten: minutesHeaderWritten(minutes),
        entries: entries.length,
        pending: agenda.filter((a) => a.status !== 'done'),
        quorum,
      })
    : [];

  return {
    id: c.id,
    campaignId: lc.campaign.id,
    campaignTitle: lc.campaign.title,
    reviewYear: lc.campaign.review_year,
    unitId: lc.unit.id,
    unitName: lc.unit.name,
    unitKind: lc.unit.kind,
    stage: lc.dossier.stage,
    stageLabel: UNIT_STAGE_LABELS[lc.dossier.stage],
    scheduledFor: c.scheduled_for,
    place: c.place,
    status,
    statusLabel: CONFERENCE_STATUS_LABELS[status],
    startedAt: c.started_at,
    closedAt: c.closed_at,
    version: c.version,
    minutes,
    agenda: agenda.map((a) => ({
      id: a.id,
      position: a.position,
      subjectKind: a.subjectKind as ConferenceSubjectKind,
      subjectKey: a.subjectKey,
      memberId: a.memberId,
      label: a.label,
      status: a.status,
      doneAt: a.doneAt,
      current: inSession && current?.id === a.id,
      reached: isReached(agenda, a),
      votable: a.subjectKind === 'member' && isVotable(lc, rosterById.get(a.subjectKey)),
    })),
    agendaRule: AGENDA_ORDER_SOURCE,
    attendance: roster.map((m) => ({
      memberId: m.memberId,
      fullName: m.fullName,
      partyPosts: m.partyPosts,
      official: m.official,
      present: present.get(m.memberId)?.present ?? null,
      absenceReason: present.get(m.memberId)?.absenceReason ?? null,
    })),
    quorum: {
      summoned: quorum.summoned,
      present: quorum.present,
      absent: attendance.filter((a) => !a.present && rosterById.get(a.memberId)?.official).length,
      unmarked: roster.filter((m) => m.official && !present.has(m.memberId)).length,
      required: quorum.required,
      pct: quorum.pct,
      isDefault: quorum.isDefault,
      met: quorum.met,
      explanation: quorum.explanation,
      rule: quorum.rule,
    },
    guests: guests.map((g) => ({
      id: g.id,
      kind: g.kind === 'director' ? 'director' : 'upper',
      accountId: g.account_id,
      name: g.name,
      title: g.title,
      attended: g.attended === 1,
    })),
    entries: entries.map((e) => presentEntry(e, names)),
    suggestionItems,
    tallies: tallies.map((t) => ({
      memberId: t.member_id ?? t.subject_key,
      version: t.version,
      present: t.present,
      valid: t.valid,
      invalid: t.invalid,
      votes: {
        excellent: t.votes_excellent,
        good: t.votes_good,
        satisfactory: t.votes_satisfactory,
        unsatisfactory: t.votes_unsatisfactory,
      },
      proposedLevel: (t.proposed_level as Level | null) ?? null,
      updatedAt: t.updated_at,
    })),
    levels: lc.ruleSet.memberLevels.map((l) => ({ level: l.level, label: l.label, short: l.short })),
    closeProblems: problems,
    abilities: {
      start: lc.access.write && open && status === 'scheduled' && lc.dossier.stage === 'conference_scheduled',
      write: lc.access.write && open && inSession,
      editHeader: lc.access.write && open && status !== 'closed',
      recordGuests: lc.access.recordGuests && open && inSession,
      close: lc.access.write && open && inSession && lc.dossier.stage === 'conference_scheduled',
      readTallies: !lc.access.minutesOnly,
    },
  };
}
