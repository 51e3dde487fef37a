// What the announcement use cases share: the input checks (422 with a message per field), the row
// as read with its unit, the item as the browser gets it, and the insert with its audit event.
import type { ZodType } from 'zod';
import type { AnnouncementView } from '../../../shared/contracts/announcements.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AnnouncementTable } from '../../adapters/db/schema.js';
import { canPostAnnouncement, canReadAnnouncement } from '../../domain/announcement-policy.js';
import type { Principal } from '../../domain/policy.js';
import type { Tx } from '../context.js';

export const ENTITY = 'announcement';

/** The loose body the route accepted, checked against the contract's rules: all problems at once, nothing written. */
export function checkInput<T>(schema: ZodType<T>, draft: unknown): T {
  const r = schema.safeParse(draft);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  throw new AppError('announcement.invalid', `Tin chưa hợp lệ: ${problems.map((p) => p.message).join('; ')}.`, { problems });
}

/** An announcement with its unit's current path and name (a unit moved in the tree takes its items along). */
export interface AnnouncementWithUnit extends AnnouncementTable {
  current_path: string;
  unit_name: string;
}

export function selectWithUnit(db: Tx) {
  return db
    .selectFrom('announcements as a')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select(['u.path as current_path', 'u.name as unit_name']);
}

/**
 * The item a mutation acts on. One the caller does not read answers 404 like one that does not
 * exist (design §2: nothing outside the caller's scope shows, not even its existence); one they
 * read but may not change, 403; a withdrawn one, 409.
 */
export async function itemToChange(tx: Tx, principal: Principal, id: string): Promise<AnnouncementWithUnit> {
  const row = await selectWithUnit(tx).where('a.id', '=', id).executeTakeFirst();
  if (!row || !canReadAnnouncement(principal, row.current_path)) throw new AppError('announcement.not_found');
  if (!canPostAnnouncement(principal, row.current_path)) throw new AppError('auth.forbidden');
  if (row.withdrawn_at) throw new AppError('announcement.withdrawn');
  return row;
}

export function presentAnnouncement(principal: Principal, row: AnnouncementWithUnit): AnnouncementView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    title: row.title,
    body: row.body,
    publishedOn: row.published_on,
    withdrawnAt: row.withdrawn_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: { canEdit: !row.withdrawn_at && canPostAnnouncement(principal, row.current_path) },
  };
}

export function announcementSnapshot(row: Pick<AnnouncementTable, 'unit_id' | 'title' | 'body' | 'published_on' | 'withdrawn_at'>) {
  return { unitId: row.unit_id, title: row.title, body: row.body, publishedOn: row.published_on, withdrawnAt: row.withdrawn_at };
}

/** Inserts a new item and starts its audit chain, in the caller's transaction (also used by the demo). */
export async function insertAnnouncement(tx: Tx, row: AnnouncementTable, actorId: string | null): Promise<void> {
  await tx.insertInto('announcements').values(row).execute();
  await recordAudit(tx, {
    entityType: ENTITY,
    entityId: row.id,
    action: 'announcement.post',
    actorId,
    scopePath: row.unit_path,
    at: row.created_at,
    after: announcementSnapshot(row),
    isNew: true,
  });
}
