// The announcements a caller reads, newest first (announcements.list; issue 5 item 5, design §4
// "Trang chủ": the home card asks for the newest few with `limit`). Scoped in SQL (design §4) by
// the rule of domain/announcement-policy.ts: items of the units above the caller (their own chi bộ
// and grant units included) and of the units inside their grants. Withdrawn items are left out.
import type { ListAnnouncementsQuery, ListAnnouncementsResponse } from '../../../shared/contracts/announcements.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { announcementPostScope, announcementReadPaths } from '../../domain/announcement-policy.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { presentAnnouncement, selectWithUnit } from './announcement-access.js';

export async function listAnnouncements(
  ctx: AppContext,
  principal: Principal,
  query: ListAnnouncementsQuery,
): Promise<ListAnnouncementsResponse> {
  const { ancestors, subtrees } = announcementReadPaths(principal);
  const visible = selectWithUnit(ctx.db)
    .where('a.withdrawn_at', 'is', null)
    .where((eb) => eb.or([ancestors.length > 0 ? eb('u.path', 'in', ancestors) : eb.lit(false), withinPaths(eb, 'u.path', subtrees)]));
  const take = query.limit ?? query.pageSize;
  const skip = query.limit ? 0 : (query.page - 1) * query.pageSize;
  const postScope = announcementPostScope(principal);
  const [rows, total, postingUnits, bd] = await Promise.all([
    visible.orderBy('a.published_on', 'desc').orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(take).offset(skip).execute(),
    visible
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    postScope.length
      ? ctx.db
          .selectFrom('org_units')
          .select(['id', 'name', 'kind', 'path'])
          .where('path', 'in', postScope)
          .where('valid_to', 'is', null)
          .orderBy('path')
          .execute()
      : Promise.resolve([]),
    businessDate(ctx.db, ctx.clock.now()),
  ]);
  return {
    items: rows.map((r) => presentAnnouncement(principal, r)),
    total: Number(total.n),
    postingUnits: postingUnits.sort((a, b) => a.path.length - b.path.length).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    businessDate: bd.date,
  };
}
