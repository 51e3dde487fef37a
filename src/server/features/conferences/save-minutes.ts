// The minutes' header (biên bản: chair, secretary, opening, general record, closing), kept on the
// conference row with its version (optimistic locking). It may be prepared before the meeting and
// corrected during it; a closed meeting's minutes are the record and stay as they are.
import type { ConferenceView, SaveMinutesBody } from '../../../shared/contracts/conferences.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext, Caller } from '../context.js';
import { assertWriter, loadConference } from './conference-access.js';
import { getConference, parseMinutes } from './get-conference.js';

export async function saveMinutes(ctx: AppContext, caller: Caller, conferenceId: string, body: SaveMinutesBody): Promise<ConferenceView> {
  const lc = await loadConference(ctx.db, caller, conferenceId);
  assertWriter(lc);
  const c = lc.conference;
  if (c.status === 'closed') {
    throw new AppError('conference.invalid_state', 'Hội nghị đã kết thúc; biên bản không sửa được nữa.');
  }
  if (body.version !== c.version) throw new AppError('conflict.version');
  const before = parseMinutes(c.minutes_json);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('conferences')
      .set({ minutes_json: JSON.stringify(body.minutes), version: c.version + 1, updated_at: now })
      .where('id', '=', c.id)
      .where('version', '=', c.version)
      .where('status', '!=', 'closed')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    await recordAudit(tx, {
      entityType: 'conference',
      entityId: c.id,
      action: 'conference.minutes',
      actorId: caller.accountId,
      scopePath: c.scope_path,
      at: now,
      before: { minutes: before, version: c.version },
      after: { minutes: body.minutes, version: c.version + 1 },
    });
  });
  return getConference(ctx, caller, conferenceId);
}
