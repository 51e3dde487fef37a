// Closing the review meeting (issue 4 item 1). Refused without minutes (the chair and the secretary
// named, at least one entry, every agenda item done: 422 `conference.minutes_incomplete`) and
// without a quorum (409 `conference.no_quorum`, with the arithmetic). On close, in one transaction:
// the conference is closed; its conclusions become shortcomings (source `concluded_conference`,
// found in the campaign's review year) that next year's review carries over beside the declared
// ones (issue 4 item 1; regulations §3.1 bước 8); and the unit moves conference_scheduled →
// conference_held through the dossier step machinery (workflow.ts `hold_conference`), audited.
import { minutesHeaderWritten, type ConferenceVersionBody, type ConferenceView } from '../../../shared/contracts/conferences.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { minutesProblems } from '../../domain/conference/closing.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { applyDossierStep } from '../dossiers/apply-dossier-step.js';
import { assertInSession, assertWriter, loadConference, type LoadedConference } from './conference-access.js';
import { agendaOf, attendanceOf, quorumOf, rosterOf } from './conference-roster.js';
import { getConference, parseMinutes } from './get-conference.js';

/** Reads the meeting inside the closing transaction and refuses when it may not close. */
function entriesOf(tx: Tx, conferenceId: string) {
  return tx
    .selectFrom('conference_entries')
    .select(['id', 'kind', 'subject_kind', 'subject_key', 'text'])
    .where('conference_id', '=', conferenceId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

async function checkClosable(tx: Tx, lc: LoadedConference) {
  const c = lc.conference;
  const agenda = await agendaOf(tx, c.id);
  const [roster, attendance, entries] = await Promise.all([rosterOf(tx, lc, agenda), attendanceOf(tx, c.id), entriesOf(tx, c.id)]);
  const problems = minutesProblems({
    headerWritten: minutesHeaderWritten(parseMinutes(c.minutes_json)),
    entries: entries.length,
    pending: agenda.filter((a) => a.status !== 'done'),
  });
  if (problems.length > 0) {
    throw new AppError('conference.minutes_incomplete', `Chưa thể kết thúc hội nghị: ${problems.join(' ')}`, { problems });
  }
  const quorum = quorumOf(lc, roster, attendance);
  if (!quorum.met) throw new AppError('conference.no_quorum', `Chưa thể kết thúc hội nghị: ${quorum.explanation}`, { quorum });
  return { roster, entries, quorum };
}

export async function closeConference(
  ctx: AppContext,
  caller: Caller,
  conferenceId: string,
  body: ConferenceVersionBody,
): Promise<ConferenceView> {
  const lc = await loadConference(ctx.db, caller, conferenceId);
  assertWriter(lc);
  assertInSession(lc);
  const c = lc.conference;
  if (body.version !== c.version) throw new AppError('conflict.version');
  let checked: Awaited<ReturnType<typeof checkClosable>> | undefined;

  await applyDossierStep(ctx, caller, lc.campaign.id, lc.unit.id, {
    action: 'hold_conference',
    version: lc.dossier.version,
    async prepare(tx) {
      checked = await checkClosable(tx, lc);
    },
    async after(tx, _d, now) {
      const { roster, quorum } = checked!;
      const updated = await tx
        .updateTable('conferences')
        .set({ status: 'closed', closed_at: now, version: c.version + 1, updated_at: now })
        .where('id', '=', c.id)
        .where('status', '=', 'in_progress')
        .where('version', '=', c.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict.version');
      // Read the entries again now that the meeting row is taken: an entry written between the
      // checks and this update (the offline queue draining) is among them, and none can follow.
      const entries = await entriesOf(tx, c.id);

      // The conclusions, one shortcoming each, named as the shortcomings table names subjects.
      const rosterById = new Map(roster.map((m) => [m.memberId, m]));
      const shortcomings = entries.flatMap((e) => {
        if (e.kind !== 'conclusion' || e.subject_kind === null || e.subject_key === null) return [];
        const member = e.subject_kind === 'member' ? rosterById.get(e.subject_key) : undefined;
        if (e.subject_kind === 'member' && !member) return [];
        return [
          {
            id: newId(),
            subject_kind: e.subject_kind,
            subject_key: e.subject_key,
            unit_id: member ? member.unitId : lc.unit.id,
            member_id: member ? member.memberId : null,
            scope_path: member ? member.unitPath : lc.unit.path,
            campaign_id: lc.campaign.id,
            year_found: lc.campaign.review_year,
            text: e.text,
            cause_kind: null,
            cause: null,
            source: 'concluded_conference',
            resolved_year: null,
            version: 1,
            created_at: now,
            updated_at: now,
          },
        ];
      });
      for (let i = 0; i < shortcomings.length; i += 100) {
        await tx
          .insertInto('shortcomings')
          .values(shortcomings.slice(i, i + 100))
          .execute();
      }
      await recordAudit(tx, {
        entityType: 'conference',
        entityId: c.id,
        action: 'conference.close',
        actorId: caller.accountId,
        scopePath: c.scope_path,
        at: now,
        before: { status: 'in_progress', version: c.version },
        after: {
          status: 'closed',
          version: c.version + 1,
          quorum: quorum.explanation,
          entries: entries.length,
          shortcomings: shortcomings.map((s) => ({ id: s.id, subjectKind: s.subject_kind, subjectKey: s.subject_key, text: s.text })),
        },
      });
      return { conferenceId: c.id, concludedShortcomings: shortcomings.length };
    },
  });
  return getConference(ctx, caller, conferenceId);
}
