// Announcements, "tin mới cập nhật" (issue 5 item 5; design §3, Announcement; design §4 "Trang
// chủ"): short dated news items the office posts, e.g. "Đảng ủy phường Nam Hà triển khai nghị quyết …
// (20/08)". Shared by the server and the browser.
import { z } from 'zod';
import { nfc } from '../text.js';
import { isValidIsoDate } from '../dates.js';
import { id, version } from './common.js';

export const ANNOUNCEMENT_TITLE_MAX = 300;
export const ANNOUNCEMENT_BODY_MAX = 5000;

const title = z
  .string({ error: 'Cần nhập tiêu đề tin' })
  .transform((s) => nfc(s).trim())
  .pipe(
    z.string().min(1, 'Cần nhập tiêu đề tin').max(ANNOUNCEMENT_TITLE_MAX, `Tiêu đề tin không được dài quá ${ANNOUNCEMENT_TITLE_MAX} ký tự`),
  );
/** Empty text is no body: the item is its title alone. */
const body = z
  .string()
  .nullable()
  .optional()
  .transform((s) => (s == null ? null : nfc(s).trim()))
  .pipe(
    z
      .string()
      .max(ANNOUNCEMENT_BODY_MAX, `Nội dung tin không được dài quá ${ANNOUNCEMENT_BODY_MAX} ký tự`)
      .nullable()
      .transform((s) => (s ? s : null)),
  );
const publishedOn = z
  .string()
  .refine(isValidIsoDate, 'Ngày đăng không hợp lệ (dd/mm/yyyy)')
  .nullable()
  .optional()
  .transform((s) => s ?? null);

/**
 * What a valid new item is. `publishedOn` absent: the committee's business date (design §3,
 * Setting). Checked by the server, which answers 422 `announcement.invalid` naming each field, so
 * a half-filled form gets one clear answer and nothing is written.
 */
export const postAnnouncementBody = z.object({
  /** The posting unit: the committee or grassroots unit whose office posts the item. */
  unitId: z
    .string({ error: 'Cần chọn đơn vị đăng tin' })
    .min(1, 'Cần chọn đơn vị đăng tin')
    .pipe(z.string().regex(/^[0-9a-z]{6,40}$/, 'Đơn vị đăng tin không hợp lệ')),
  title,
  body,
  publishedOn,
});
export type PostAnnouncementBody = z.output<typeof postAnnouncementBody>;

/** A change of an item; the posting unit stays. `publishedOn` absent: unchanged. */
export const updateAnnouncementBody = z.object({ version, title, body, publishedOn });
export type UpdateAnnouncementBody = z.output<typeof updateAnnouncementBody>;

/**
 * The shape the routes accept: loose on purpose (any strings, bounded), so that a bad title or
 * date is answered by the checks above with Vietnamese messages per field and status 422.
 */
const looseText = (max: number) => z.string().max(max).nullable().optional();
export const postAnnouncementDraft = z.object({
  unitId: looseText(64),
  title: looseText(ANNOUNCEMENT_TITLE_MAX * 8),
  body: looseText(ANNOUNCEMENT_BODY_MAX * 8),
  publishedOn: looseText(40),
});
export const updateAnnouncementDraft = postAnnouncementDraft.omit({ unitId: true }).extend({ version });
export const withdrawAnnouncementBody = z.object({ version });
export type WithdrawAnnouncementBody = z.infer<typeof withdrawAnnouncementBody>;

export const announcementIdParams = z.object({ id });

export const listAnnouncementsQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** The home card's newest few: the first `limit` items, whatever the page. */
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
export type ListAnnouncementsQuery = z.output<typeof listAnnouncementsQuery>;

export const announcementView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** ISO date, shown "(dd/mm)" on the home card and dd/mm/yyyy in the list. */
  publishedOn: z.string(),
  withdrawnAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type AnnouncementView = z.infer<typeof announcementView>;

export const postingUnit = z.object({ id: z.string(), name: z.string(), kind: z.string() });
export type PostingUnit = z.infer<typeof postingUnit>;

export const listAnnouncementsResponse = z.object({
  items: z.array(announcementView),
  total: z.number().int(),
  /** The units the caller may post for (the roots of their writing grants), for the form's chooser. */
  postingUnits: z.array(postingUnit),
  /** The date a new item gets when none is given. */
  businessDate: z.string(),
});
export type ListAnnouncementsResponse = z.infer<typeof listAnnouncementsResponse>;

/** "2017-08-20" → "20/08": the short date of the home card. */
export function shortDate(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[2]}/${m[1]}` : iso;
}
