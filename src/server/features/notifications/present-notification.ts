// A notification row as the browser sees it.
import type { NotificationKind } from '../../../shared/campaign-vocabulary.js';
import type { NotificationView } from '../../../shared/contracts/notifications.js';
import type { NotificationTable } from '../../adapters/db/schema.js';

export function presentNotification(row: NotificationTable): NotificationView {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    campaignId: row.campaign_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
