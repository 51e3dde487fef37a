// One entry of the minutes (issue 4 item 1: criticism — who, to whom, what, the reply —, answers to
// suggested points, conclusions, notes), written from the conference-mode screen that keeps what
// was typed while the network is down and sends it when it returns. Every entry carries a client
// key made by the browser, and the write is an upsert by that key, so "nothing sent twice":
//   - a new entry (no version) whose key is already stored is a re-send: the same content is
//     answered with the stored entry and nothing is written; other content replaces it only while
//     nobody has edited the stored entry since (version 1, same author) — the browser never learned
//     that version, and its latest text is what the secretary means;
//   - an edit carries the version the browser read (optimistic locking, `conflict.version`);
//   - `deleted: true` withdraws the entry (kept, marked deleted).
// Entries about a subject are recorded once its turn has come (agenda.ts isReached).
import type { EntryView, SaveEntryBody } from '../../../shared/contracts/conferences.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { currentItem, isReached, notReachedMessage } from '../../domain/conference/agenda.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { accountNames } from '../dossiers/get-dossier.js';
import { assertInSession, assertWriter, loadConference, lockInSession, type LoadedConference } from './conference-access.js';
import { agendaItemOf, agendaOf } from './conference-roster.js';
import { presentEntry } from './get-conference.js';

type EntryRow = NonNullable<Awaited<ReturnType<typeof findEntry>>>;

function findEntry(db: Tx, clientKey: string) {
  return db.selectFrom('conference_entries').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
}

/** The stored fields the body sets, in the row's terms. */
function columnsOf(body: SaveEntryBody) {
  return {
    kind: body.kind,
    subject_kind: body.subjectKind,
    subject_key: body.subjectKey,
    speaker: body.speaker?.trim() ? body.speaker.trim() : null,
    text: body.text,
    reply: body.reply?.trim() ? body.reply.trim() : null,
    suggestion_item_id: body.suggestionItemId,
  };
}

function sameContent(row: EntryRow, body: SaveEntryBody): boolean {
  const cols = columnsOf(body);
  return (
    row.kind === cols.kind &&
    row.subject_kind === cols.subject_kind &&
    row.subject_key === cols.subject_key &&
    row.speaker === cols.speaker &&
    row.text === cols.text &&
    row.reply === cols.reply &&
    row.suggestion_item_id === cols.suggestion_item_id &&
    (row.deleted_at !== null) === body.deleted
  );
}

function snapshot(row: Pick<EntryRow, 'kind' | 'subject_kind' | 'subject_key' | 'speaker' | 'text' | 'reply' | 'suggestion_item_id'>) {
  return {
    kind: row.kind,
    subjectKind: row.subject_kind,
    subjectKey: row.subject_key,
    speaker: row.speaker,
    text: row.text,
    reply: row.reply,
    suggestionItemId: row.suggestion_item_id,
  };
}

/** The subject is on the agenda and its turn has come; a linked suggested point is addressed to it. */
async function checkSubject(db: Tx, lc: LoadedConference, body: SaveEntryBody): Promise<void> {
  if (body.subjectKind === null || body.subjectKey === null) return;
  const agenda = await agendaOf(db, lc.conference.id);
  const item = agendaItemOf(agenda, body.subjectKind, body.subjectKey);
  if (!isReached(agenda, item)) throw new AppError('conference.agenda_order', notReachedMessage(item, currentItem(agenda)));
  if (body.suggestionItemId === null) return;
  // A unit's points are answered by its collective (and its leadership collective); a member's by the member.
  const target =
    body.subjectKind === 'member' ? { kind: 'member', col: 's.member_id' as const } : { kind: 'unit', col: 's.unit_id' as const };
  const found = await db
    .selectFrom('suggestion_items as i')
    .innerJoin('suggestions as s', 's.id', 'i.suggestion_id')
    .select('i.id')
    .where('i.id', '=', body.suggestionItemId)
    .where('s.campaign_id', '=', lc.campaign.id)
    .where('s.status', '=', 'issued')
    .where('s.target_kind', '=', target.kind)
    .where(target.col, '=', body.subjectKey)
    .executeTakeFirst();
  if (!found) throw new AppError('request.invalid', 'Vấn đề được gợi ý này không gửi tới đối tượng đang được kiểm điểm.');
}

async function present(db: Tx, row: EntryRow): Promise<EntryView> {
  return presentEntry(row, await accountNames(db, [row.created_by]));
}

export async function saveEntry(ctx: AppContext, caller: Caller, conferenceId: string, body: SaveEntryBody): Promise<EntryView> {
  const lc = await loadConference(ctx.db, caller, conferenceId);
  if (!lc.access.write) throw new AppError('auth.forbidden');
  const c = lc.conference;
  const existing = await findEntry(ctx.db, body.clientKey);
  if (existing && existing.conference_id !== c.id) {
    throw new AppError('conflict.duplicate', 'Mã bản ghi này đã được dùng cho nội dung của một hội nghị khác.');
  }
  // A re-send of what is stored already: answered as it is, even after the meeting closed, so a
  // queue that outlived the meeting drains without loss and without a second row.
  if (existing && sameContent(existing, body)) return present(ctx.db, existing);
  assertWriter(lc);
  assertInSession(lc);
  await checkSubject(ctx.db, lc, body);
  const now = ctx.clock.now();
  const cols = columnsOf(body);

  const row = await ctx.db.transaction().execute(async (tx) => {
    // Read again in the transaction: a send of the same entry may have been stored meanwhile.
    let stored = await findEntry(tx, body.clientKey);
    if (stored && stored.conference_id !== c.id) throw new AppError('conflict.duplicate');
    if (stored && sameContent(stored, body)) return stored;
    await lockInSession(tx, lc, now);
    if (!stored) {
      if (body.deleted || body.version) throw new AppError('conference.entry_not_found');
      const id = newId();
      const inserted = await tx
        .insertInto('conference_entries')
        .values({
          id,
          conference_id: c.id,
          client_key: body.clientKey,
          ...cols,
          created_by: caller.accountId,
          deleted_at: null,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('client_key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
        await recordAudit(tx, {
          entityType: 'conference_entry',
          entityId: id,
          action: 'conference.entry_add',
          actorId: caller.accountId,
          scopePath: c.scope_path,
          at: now,
          after: { conferenceId: c.id, clientKey: body.clientKey, ...snapshot(cols) },
          isNew: true,
        });
        return (await findEntry(tx, body.clientKey))!;
      }
      // Two sends of the same new entry raced: the other one stored it; carry on as a re-send.
      stored = await findEntry(tx, body.clientKey);
      if (!stored || stored.conference_id !== c.id) throw new AppError('conflict.duplicate');
      if (sameContent(stored, body)) return stored;
    }
    const expected = body.version ?? (stored.version === 1 && stored.created_by === caller.accountId ? 1 : null);
    if (expected === null || expected !== stored.version) throw new AppError('conflict.version');
    const deletedAt = body.deleted ? (stored.deleted_at ?? now) : null;
    const updated = await tx
      .updateTable('conference_entries')
      .set({ ...cols, deleted_at: deletedAt, version: stored.version + 1, updated_at: now })
      .where('id', '=', stored.id)
      .where('version', '=', stored.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    await recordAudit(tx, {
      entityType: 'conference_entry',
      entityId: stored.id,
      action: body.deleted ? 'conference.entry_delete' : 'conference.entry_update',
      actorId: caller.accountId,
      scopePath: c.scope_path,
      at: now,
      before: { ...snapshot(stored), deleted: stored.deleted_at !== null, version: stored.version },
      after: { ...snapshot(cols), deleted: body.deleted, version: stored.version + 1 },
    });
    return (await findEntry(tx, body.clientKey))!;
  });
  return present(ctx.db, row);
}
