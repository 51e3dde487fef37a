// Attachments of every kind of owner (a campaign's plan, a review, a dossier, a review comment):
// the bytes live in `files` (design §3, File: in the database, so any app server can serve them),
// the link to the owner in `attachments`. Who may download depends on the owner, so each owner
// kind registers how to decide (registerAttachmentOwner), and the one download route asks it.
import { AppError, type ErrorCode } from '../../../shared/errors.js';
import { cleanText } from '../../../shared/text.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext, Tx } from '../../features/context.js';
import { newId } from '../clock.js';

export const ATTACHMENT_OWNER_KINDS = ['campaign_plan', 'review', 'dossier', 'review_comment', 'remediation_update'] as const;
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];

export interface StoreAttachmentInput {
  ownerKind: AttachmentOwnerKind;
  ownerId: string;
  name: string;
  mime: string;
  content: Buffer;
  createdBy: string | null;
  at: string;
  /** ctx.config.maxUploadBytes (design §3, File: 20 MB each by default). */
  maxBytes: number;
}

export interface StoredAttachment {
  id: string;
  fileId: string;
  name: string;
  mime: string;
  size: number;
}

export interface AttachmentListItem {
  id: string;
  ownerKind: string;
  ownerId: string;
  name: string;
  mime: string;
  size: number;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface AttachmentContent extends AttachmentListItem {
  fileId: string;
  content: Buffer;
}

/** "1,5 MB", "320 KB": sizes in messages, Vietnamese style. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString('vi-VN')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/**
 * A file name fit to store and to send back: no folders (a browser may send "C:\…\tệp.pdf"), no
 * control characters, NFC, at most 200 characters with the extension kept.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = cleanText(base.replace(/[\u0000-\u001f\u007f"<>|?*:]+/g, ' ')).replace(/^\.+/, '');
  if (clean.length > 200) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, 200 - ext.length) + ext;
  }
  return clean || 'tep-dinh-kem';
}

/** A declared media type we keep as given; anything odd is stored as opaque bytes. */
export function safeMime(mime: string | null | undefined): string {
  const m = (mime ?? '').trim().toLowerCase();
  return /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/.test(m) && m.length <= 100 ? m : 'application/octet-stream';
}

/** Names that Windows or a shell would run on a double click; no review or dossier needs one. */
const EXECUTABLE_NAME = /\.(exe|dll|com|scr|pif|cpl|msi|msp|bat|cmd|ps1|psm1|vbs|vbe|js|jse|wsf|wsh|hta|jar|lnk|reg|sh|apk|app|elf)$/i;

/**
 * A program rather than a document (issue 6: uploads of the wrong type are refused): by its name,
 * or by its first bytes whatever it is called — a Windows PE, ELF or Mach-O program.
 */
export function isExecutable(name: string, content: Buffer): boolean {
  if (EXECUTABLE_NAME.test(name.trim())) return true;
  if (content.length >= 64 && content[0] === 0x4d && content[1] === 0x5a) {
    // "MZ" alone could begin a text file: a PE program also has "PE\0\0" where its header says.
    const pe = content.readUInt32LE(0x3c);
    if (pe + 4 <= content.length && content.readUInt32BE(pe) === 0x50450000) return true;
  }
  if (content.length >= 4) {
    const magic = content.readUInt32BE(0);
    if (magic === 0x7f454c46 || magic === 0xfeedface || magic === 0xfeedfacf || magic === 0xcefaedfe || magic === 0xcffaedfe) {
      return true;
    }
  }
  return false;
}

/** Stores the bytes and links them to their owner; refuses a file over the limit or a program (nothing written). */
export async function storeAttachment(tx: Tx, input: StoreAttachmentInput): Promise<StoredAttachment> {
  const size = input.content.length;
  const name = safeFileName(input.name);
  if (size > input.maxBytes) {
    throw new AppError(
      'attachment.too_large',
      `Tệp "${name}" có dung lượng ${formatBytes(size)}, vượt quá giới hạn ${formatBytes(input.maxBytes)} cho mỗi tệp đính kèm.`,
    );
  }
  if (size === 0) throw new AppError('request.invalid', `Tệp "${name}" rỗng, không có nội dung.`);
  if (isExecutable(name, input.content)) {
    throw new AppError(
      'request.invalid',
      `Tệp "${name}" là chương trình chạy được, không nhận làm tệp đính kèm. Hãy đính kèm tài liệu (PDF, Word, Excel, ảnh).`,
    );
  }
  const mime = safeMime(input.mime);
  const fileId = newId();
  const id = newId();
  await tx
    .insertInto('files')
    .values({ id: fileId, name, mime, size, content: input.content, created_by: input.createdBy, created_at: input.at })
    .execute();
  await tx
    .insertInto('attachments')
    .values({
      id,
      owner_kind: input.ownerKind,
      owner_id: input.ownerId,
      file_id: fileId,
      name,
      size,
      created_by: input.createdBy,
      created_at: input.at,
    })
    .execute();
  return { id, fileId, name, mime, size };
}

/** Attachments joined with their file's media type and their uploader's name; never the bytes. */
function selectAttachments(db: Tx) {
  return db
    .selectFrom('attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .leftJoin('accounts as acc', 'acc.id', 'a.created_by')
    .select([
      'a.id',
      'a.owner_kind',
      'a.owner_id',
      'a.name',
      'a.size',
      'a.created_by',
      'a.created_at',
      'f.mime',
      'acc.display_name as created_by_name',
    ]);
}

type AttachmentRow = Awaited<ReturnType<ReturnType<typeof selectAttachments>['executeTakeFirstOrThrow']>>;

function toListItem(r: AttachmentRow): AttachmentListItem {
  return {
    id: r.id,
    ownerKind: r.owner_kind,
    ownerId: r.owner_id,
    name: r.name,
    mime: r.mime,
    size: r.size,
    createdBy: r.created_by,
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
  };
}

/** The attachments of some owners of one kind, oldest first; never the bytes. */
export async function listAttachments(db: Tx, ownerKind: AttachmentOwnerKind, ownerIds: readonly string[]): Promise<AttachmentListItem[]> {
  if (ownerIds.length === 0) return [];
  const rows = await selectAttachments(db)
    .where('a.owner_kind', '=', ownerKind)
    .where('a.owner_id', 'in', [...new Set(ownerIds)])
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(toListItem);
}

/** One attachment with its bytes, or undefined. */
export async function readAttachment(db: Tx, id: string): Promise<AttachmentContent | undefined> {
  const r = await selectAttachments(db).select(['a.file_id', 'f.content']).where('a.id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return {
    ...toListItem(r),
    fileId: r.file_id,
    content: Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content as Uint8Array),
  };
}

/** The attachment's row without its bytes (for checks before a change). */
export async function findAttachment(db: Tx, id: string): Promise<AttachmentListItem | undefined> {
  const r = await selectAttachments(db).where('a.id', '=', id).executeTakeFirst();
  return r && toListItem(r);
}

/** Removes the link and, when nothing else points at them, the bytes. Returns false if it was already gone. */
export async function deleteAttachment(tx: Tx, id: string): Promise<boolean> {
  const row = await tx.selectFrom('attachments').select(['id', 'file_id']).where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  const deleted = await tx.deleteFrom('attachments').where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) return false;
  const stillLinked = await tx.selectFrom('attachments').select('id').where('file_id', '=', row.file_id).limit(1).executeTakeFirst();
  const inComment = await tx.selectFrom('review_comments').select('id').where('file_id', '=', row.file_id).limit(1).executeTakeFirst();
  if (!stillLinked && !inComment) await tx.deleteFrom('files').where('id', '=', row.file_id).execute();
  return true;
}

// ---------------------------------------------------------------- who may touch an owner's files

/** What the caller may do with the attachments of one owner. */
export interface AttachmentOwnerAccess {
  canRead: boolean;
  /** The owner is still editable by the caller (a draft plan, a review being written). */
  canDelete?: boolean;
  /** The refusal to give when canDelete is false (auth.forbidden unless said). */
  deleteRefusal?: ErrorCode;
  /** Scope of the audit events about these attachments (the owner's unit path). */
  scopePath?: string | null;
}

/**
 * Decides for one owner; `false` (or `canRead: false`) when the caller may not see it, including
 * when the owner does not exist. A plain boolean answers "may read" only.
 */
export type AttachmentOwnerResolver = (ctx: AppContext, principal: Principal, ownerId: string) => Promise<boolean | AttachmentOwnerAccess>;

const owners = new Map<string, AttachmentOwnerResolver>();

/** Each feature registers the owner kinds it attaches files to (at module load of its routes). */
export function registerAttachmentOwner(kind: AttachmentOwnerKind, resolve: AttachmentOwnerResolver): void {
  owners.set(kind, resolve);
}

/** The caller's access to an owner's attachments; no access when no feature registered the kind. */
export async function attachmentOwnerAccess(
  ctx: AppContext,
  principal: Principal,
  ownerKind: string,
  ownerId: string,
): Promise<AttachmentOwnerAccess> {
  const resolve = owners.get(ownerKind);
  if (!resolve) return { canRead: false };
  const answer = await resolve(ctx, principal, ownerId);
  return typeof answer === 'boolean' ? { canRead: answer } : answer;
}
