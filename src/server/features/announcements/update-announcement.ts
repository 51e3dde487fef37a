// Changes an announcement's title, text or date (announcements.update) with optimistic locking: a
// change made meanwhile by someone else answers 409 conflict.version (design §3). Whoever may post
// for the item's unit may change it (design §2: organizer, office RW; unit_committee RW own unit).
import { updateAnnouncementBody, type AnnouncementView } from '../../../shared/contracts/announcements.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { announcementSnapshot, checkInput, ENTITY, itemToChange, presentAnnouncement } from './announcement-access.js';

export async function updateAnnouncement(ctx: AppContext, principal: Principal, id: string, draft: unknown): Promise<AnnouncementView> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const row = await itemToChange(tx, principal, id);
    const input = checkInput(updateAnnouncementBody, draft);
    if (input.version !== row.version) throw new AppError('conflict.version');
    const next = {
      ...row,
      title: input.title,
      body: input.body,
      published_on: input.publishedOn ?? row.published_on,
      version: row.version + 1,
      updated_at: now,
    };
    const result = await tx
      .updateTable('announcements')
      .set({ title: next.title, body: next.body, published_on: next.published_on, version: next.version, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    await recordAudit(tx, {
      entityType: ENTITY,
      entityId: id,
      action: 'announcement.update',
      actorId: principal.accountId,
      scopePath: row.current_path,
      at: now,
      before: announcementSnapshot(row),
      after: announcementSnapshot(next),
    });
    return presentAnnouncement(principal, next);
  });
}
