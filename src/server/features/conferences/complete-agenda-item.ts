// Finishing one subject's turn at the meeting (issue 4 item 1: the agenda order is enforced). An
// item is done only after every earlier one (QĐ 366 Đ7 k3; regulations §9b): otherwise 409
// `conference.agenda_order`, saying which subject comes first. Marking a done item again is a no-op.
import type { CompleteAgendaItemBody, ConferenceView } from '../../../shared/contracts/conferences.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { checkComplete, outOfOrderMessage } from '../../domain/conference/agenda.js';
import type { AppContext, Caller } from '../context.js';
import { assertInSession, assertWriter, loadConference } from './conference-access.js';
import { agendaOf } from './conference-roster.js';
import { getConference } from './get-conference.js';

export async function completeAgendaItem(
  ctx: AppContext,
  caller: Caller,
  conferenceId: string,
  body: CompleteAgendaItemBody,
): Promise<ConferenceView> {
  const lc = await loadConference(ctx.db, caller, conferenceId);
  assertWriter(lc);
  assertInSession(lc);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const agenda = await agendaOf(tx, lc.conference.id);
    const item = agenda.find((a) => a.id === body.itemId);
    if (!item) throw new AppError('request.invalid', 'Không có phần này trong chương trình hội nghị.');
    const outcome = checkComplete(agenda, item);
    if (!outcome.ok) throw new AppError('conference.agenda_order', outOfOrderMessage(item, outcome.blocking));
    if (outcome.already) return;
    const updated = await tx
      .updateTable('conference_agenda')
      .set({ status: 'done', done_at: now })
      .where('id', '=', item.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return; // done by someone else meanwhile: the same outcome
    await recordAudit(tx, {
      entityType: 'conference',
      entityId: lc.conference.id,
      action: 'conference.agenda_done',
      actorId: caller.accountId,
      scopePath: lc.conference.scope_path,
      at: now,
      after: { itemId: item.id, position: item.position, label: item.label },
    });
  });
  return getConference(ctx, caller, conferenceId);
}
