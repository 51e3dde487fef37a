// Notifications and "việc cần làm" (issue 3 items 8 and 9; design §4 "Trang chủ"): the caller's own
// in-app notices, their digest and e-mail preferences, and what waits on them now.
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../campaign-vocabulary.js';
import { id } from './common.js';

export const notificationView = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string().nullable(),
  /** Path inside the browser app. */
  link: z.string().nullable(),
  campaignId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

/** "1"/"true" or "0"/"false" in a query string. */
const flag = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const listNotificationsQuery = z.object({
  unread: flag.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const listNotificationsResponse = z.object({
  items: z.array(notificationView),
  total: z.number().int(),
  /** Unread notices of the caller, whatever the filter. */
  unread: z.number().int(),
});
export type ListNotificationsResponse = z.infer<typeof listNotificationsResponse>;

export const unreadCountResponse = z.object({ count: z.number().int() });
export const readAllResponse = z.object({ updated: z.number().int() });

export const notificationIdParams = z.object({ id });

export const notificationPreferences = z.object({
  dailyDigest: z.boolean(),
  email: z.string().nullable(),
  /** Whether this server can send e-mail at all (TUSOI_SMTP_URL); the app works without it. */
  emailAvailable: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const saveNotificationPreferencesBody = z.object({
  dailyDigest: z.boolean(),
  /** Empty or null: no e-mail. */
  email: z
    .string()
    .trim()
    .max(254, 'Địa chỉ thư điện tử quá dài')
    .transform((s) => (s === '' ? null : s.toLowerCase()))
    .pipe(z.email('Địa chỉ thư điện tử không hợp lệ').nullable())
    .nullable()
    .default(null),
});
export type SaveNotificationPreferencesBody = z.infer<typeof saveNotificationPreferencesBody>;

/** What waits on the caller now ("việc cần làm"), one kind per kind of work. */
export const INBOX_KINDS = [
  'own_review',
  'own_review_returned',
  'commitment',
  'reviews_to_finalize',
  'reviews_not_submitted',
  'dossier_to_prepare',
  'dossier_returned',
  'conference_to_schedule',
  'dossiers_submitted',
  'dossiers_under_appraisal',
  'suggestions_draft',
  'plan_to_write',
  'plan_to_approve',
  'assigned_dossiers',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const inboxItem = z.object({
  kind: z.enum(INBOX_KINDS),
  /** What to do, in Vietnamese ("Hoàn thành bản kiểm điểm"). */
  title: z.string(),
  /** Where: the campaign, the unit. */
  detail: z.string().nullable(),
  count: z.number().int(),
  link: z.string(),
  campaignId: z.string().nullable(),
  /** The milestone the work belongs to, by the business date (design §3, Setting). */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItem>;

export const inboxResponse = z.object({ businessDate: z.string(), items: z.array(inboxItem) });
export type InboxResponse = z.infer<typeof inboxResponse>;
