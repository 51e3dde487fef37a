// Guests of the meeting (issue 4 item 1: "upper-level attendees and which assigned directors came"):
// the directors listed when the meeting started are marked as come or not, and the other upper-level
// attendees (name, title) are written as a list that replaces the earlier one. The meeting's writers
// and the assigned directors may record them (design §2: director "R, attendance").
import type { ConferenceView, SaveGuestsBody } from '../../../shared/contracts/conferences.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import type { AppContext, Caller } from '../context.js';
import { assertInSession, loadConference } from './conference-access.js';
import { getConference } from './get-conference.js';

export async function saveGuests(ctx: AppContext, caller: Caller, conferenceId: string, body: SaveGuestsBody): Promise<ConferenceView> {
  const lc = await loadConference(ctx.db, caller, conferenceId);
  if (!lc.access.recordGuests) throw new AppError('auth.forbidden');
  assertCampaignOpen(lc.campaign);
  assertInSession(lc);
  const c = lc.conference;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('conference_guests')
      .select(['id', 'kind', 'account_id', 'name', 'title', 'attended'])
      .where('conference_id', '=', c.id)
      .orderBy('kind')
      .orderBy('name')
      .execute();
    const directors = new Map(rows.filter((r) => r.kind === 'director' && r.account_id).map((r) => [r.account_id as string, r]));
    for (const d of body.directors) {
      if (!directors.has(d.accountId)) {
        throw new AppError('request.invalid', 'Đồng chí này không có trong danh sách phụ trách, chỉ đạo của đơn vị.');
      }
    }
    for (const d of body.directors) {
      const row = directors.get(d.accountId)!;
      if ((row.attended === 1) === d.attended) continue;
      await tx
        .updateTable('conference_guests')
        .set({ attended: d.attended ? 1 : 0, updated_at: now })
        .where('id', '=', row.id)
        .execute();
    }
    const upper =
      body.upper ?? rows.filter((r) => r.kind === 'upper').map((r) => ({ name: r.name, title: r.title ?? '', attended: r.attended === 1 }));
    if (body.upper) await tx.deleteFrom('conference_guests').where('conference_id', '=', c.id).where('kind', '=', 'upper').execute();
    if (body.upper && body.upper.length > 0) {
      await tx
        .insertInto('conference_guests')
        .values(
          body.upper.map((u) => ({
            id: newId(),
            conference_id: c.id,
            kind: 'upper',
            account_id: null,
            name: u.name,
            title: u.title || null,
            attended: u.attended ? 1 : 0,
            updated_at: now,
          })),
        )
        .execute();
    }
    const view = (list: { name: string; title: string | null; attended: boolean; kind: string }[]) =>
      list.map((g) => ({ kind: g.kind, name: g.name, title: g.title, attended: g.attended }));
    // A chain of its own: a director may record guests while the secretary moves the agenda on.
    await recordAudit(tx, {
      entityType: 'conference_guests',
      entityId: c.id,
      action: 'conference.guests',
      actorId: caller.accountId,
      scopePath: c.scope_path,
      at: now,
      before: view(rows.map((r) => ({ ...r, attended: r.attended === 1 }))),
      after: view([
        ...rows
          .filter((r) => r.kind === 'director')
          .map((r) => ({
            ...r,
            attended: body.directors.find((d) => d.accountId === r.account_id)?.attended ?? r.attended === 1,
          })),
        ...upper.map((u) => ({ kind: 'upper', name: u.name, title: u.title || null, attended: u.attended })),
      ]),
    });
  });
  return getConference(ctx, caller, conferenceId);
}
