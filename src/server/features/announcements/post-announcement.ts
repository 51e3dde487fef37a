// Posts an announcement (announcements.post; issue 5 item 5): the office of a committee or grassroots
// unit posts a dated news item for its unit. Who may post for which unit is design §2
// (domain/announcement-policy.ts); the date defaults to the committee's business date (design §3,
// Setting). One transaction with the audit event.
import { postAnnouncementBody, type AnnouncementView } from '../../../shared/contracts/announcements.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { findUnit } from '../../adapters/db/org-units.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { announcementPostScope, canPostAnnouncement } from '../../domain/announcement-policy.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { checkInput, insertAnnouncement, presentAnnouncement } from './announcement-access.js';

export async function postAnnouncement(ctx: AppContext, principal: Principal, draft: unknown): Promise<AnnouncementView> {
  // Read-only roles are refused before their input is looked at.
  if (announcementPostScope(principal).length === 0) throw new AppError('auth.forbidden');
  const input = checkInput(postAnnouncementBody, draft);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    if (!unit) throw new AppError('org_unit.not_found');
    if (!canPostAnnouncement(principal, unit.path)) {
      throw new AppError('auth.forbidden', `Bạn không được đăng tin thay cho ${unit.name}.`);
    }
    if (unit.valid_to)
      throw new AppError('org_unit.inactive', `${unit.name} đã giải thể hoặc hợp nhất; không thể đăng tin cho đơn vị này.`);
    const row = {
      id: newId(),
      unit_id: unit.id,
      unit_path: unit.path,
      title: input.title,
      body: input.body,
      published_on: input.publishedOn ?? (await businessDate(tx, now)).date,
      withdrawn_at: null,
      created_by: principal.accountId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await insertAnnouncement(tx, row, principal.accountId);
    return presentAnnouncement(principal, { ...row, current_path: unit.path, unit_name: unit.name });
  });
}
