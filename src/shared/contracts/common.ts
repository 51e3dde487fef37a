import { z } from 'zod';
import { isValidIsoDate } from '../dates.js';
import { nfc } from '../text.js';

/** Free text from a user: NFC (design §4), trimmed, bounded. */
export const text = (max = 500) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => nfc(s).trim())
    .pipe(z.string().max(max));
export const requiredText = (max = 500) => text(max).pipe(z.string().min(1, 'Không được để trống'));
export const isoDate = z.string().refine(isValidIsoDate, 'Ngày không hợp lệ (YYYY-MM-DD)');
export const id = z.string().regex(/^[0-9a-z]{6,40}$/, 'Mã định danh không hợp lệ');
export const version = z.number().int().positive();

export const paging = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const okBody = z.object({ ok: z.literal(true) });
