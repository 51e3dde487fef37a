// Rows of the organization tree and the queries that keep materialized paths in step.
import { sql } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { AppContext, Tx } from '../../features/context.js';
import { subtreeRange } from './dialect.js';
import type { NewOrgUnitRow, OrgUnitRow } from './schema.js';
import { depthOf } from '../../domain/org-tree.js';
import { foldForSearch } from '../../../shared/text.js';

export interface OrgUnitInput {
  id: string;
  parentId: string | null;
  /** Its materialized path: childPath(parent path, id). */
  path: string;
  kind: string;
  sector: string | null;
  code: string;
  name: string;
  validFrom?: string | null;
  note?: string | null;
  splitFromId?: string | null;
}

/** A new unit's row with its derived columns (depth, folded name): every writer of units uses it. */
export function newOrgUnitRow(u: OrgUnitInput, now: string): NewOrgUnitRow & OrgUnitRow {
  return {
    id: u.id,
    parent_id: u.parentId,
    path: u.path,
    depth: depthOf(u.path),
    kind: u.kind,
    sector: u.sector,
    code: u.code,
    name: u.name,
    name_search: foldForSearch(u.name),
    valid_from: u.validFrom ?? null,
    valid_to: null,
    merged_into_id: null,
    split_from_id: u.splitFromId ?? null,
    note: u.note ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export async function findUnit(db: Tx, id: string): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A unit for a read path, remembered for a second (short-lived-cache.ts): a busy list page asks for
 * the same unit many times a second. Writes read the database itself.
 */
export async function findUnitCached(ctx: AppContext, id: string): Promise<OrgUnitRow | undefined> {
  const nowMs = ctx.clock.nowMs();
  const cached = ctx.caches.units.get(id, nowMs);
  if (cached) return cached;
  const unit = await findUnit(ctx.db, id);
  if (unit) ctx.caches.units.set(id, unit, nowMs);
  return unit;
}

export async function requireUnit(db: Tx, id: string): Promise<OrgUnitRow> {
  const unit = await findUnit(db, id);
  if (!unit) throw new AppError('org_unit.not_found');
  return unit;
}

/** Units by id, in path order (root first): the breadcrumb of a path. */
export async function unitsByIds(db: Tx, ids: string[]): Promise<Pick<OrgUnitRow, 'id' | 'name' | 'kind' | 'path'>[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('org_units').select(['id', 'name', 'kind', 'path']).where('id', 'in', ids).execute();
  return rows.sort((a, b) => a.path.length - b.path.length);
}

/**
 * Moves a subtree from one path prefix to another, in units and in the copies of the path (members
 * and their name words), with one statement each (|| and substr/length mean the same on both
 * databases).
 */
export async function rebaseSubtree(db: Tx, oldPrefix: string, newPrefix: string, depthDelta: number, now: string): Promise<void> {
  const r = subtreeRange(oldPrefix);
  const cut = oldPrefix.length + 1;
  await db
    .updateTable('org_units')
    .set({
      path: sql<string>`${newPrefix} || substr(path, ${cut})`,
      depth: sql<number>`depth + ${depthDelta}`,
      updated_at: now,
    })
    .where('path', '>=', r.from)
    .where('path', '<', r.to)
    .execute();
  for (const table of ['members', 'member_name_words'] as const) {
    await db
      .updateTable(table)
      .set({ unit_path: sql<string>`${newPrefix} || substr(unit_path, ${cut})` })
      .where('unit_path', '>=', r.from)
      .where('unit_path', '<', r.to)
      .execute();
  }
}

/** Optimistic lock (design §3): the update applies only to the version the caller read. */
export function assertUpdated(result: { numUpdatedRows: bigint }): void {
  if (result.numUpdatedRows === 0n) throw new AppError('conflict.version');
}

export function unitSnapshot(u: OrgUnitRow) {
  return {
    parentId: u.parent_id,
    kind: u.kind,
    sector: u.sector,
    code: u.code,
    name: u.name,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    mergedIntoId: u.merged_into_id,
    splitFromId: u.split_from_id,
    note: u.note,
  };
}
