// Commitments and the facts of the year, member by member (issue 3 item 5; design §3, Commitment and
// MemberYearFacts). The reviews (commitment check) and the classification rules (regulations §2.4,
// §11.4) read them through loadCommitment and loadYearFacts.
import { z } from 'zod';
import {
  discipline,
  type CommitmentItem,
  type Discipline,
  type YearFacts,
  type YearFactsInput,
} from '../../../shared/contracts/member-year.js';
import { AppError } from '../../../shared/errors.js';
import type { Level } from '../../../shared/campaign-vocabulary.js';
import type { Tx } from '../../features/context.js';
import { businessDate } from './settings.repository.js';
import type { Database, MemberYearFactsTable } from './schema.js';
import type { Selectable } from 'kysely';

export type { YearFacts } from '../../../shared/contracts/member-year.js';

type CommitmentRow = Selectable<Database['commitments']>;
type FactsRow = Selectable<Database['member_year_facts']>;

/** Many ids in one IN list stay far below both databases' parameter limits. */
const CHUNK = 500;

/** The year of the committee's business date (design §3, Setting): "the current year". */
export async function businessYear(db: Tx, realNow: string): Promise<number> {
  const { date } = await businessDate(db, realNow);
  return Number(date.slice(0, 4));
}

// ── Members ───────────────────────────────────────────────────────────────────────────────────

export interface MemberPlace {
  id: string;
  fullName: string;
  unitId: string;
  unitName: string;
  unitPath: string;
}

export async function findMemberPlace(db: Tx, memberId: string): Promise<MemberPlace | undefined> {
  const r = await db
    .selectFrom('members as m')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.full_name', 'm.unit_id', 'm.unit_path', 'u.name as unit_name'])
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  return r && { id: r.id, fullName: r.full_name, unitId: r.unit_id, unitName: r.unit_name, unitPath: r.unit_path };
}

// ── Commitments ───────────────────────────────────────────────────────────────────────────────

const storedItems = z.array(z.object({ id: z.string(), text: z.string() }));

export function commitmentItemsOf(row: Pick<CommitmentRow, 'items_json'>): CommitmentItem[] {
  return storedItems.parse(JSON.parse(row.items_json));
}

export interface StoredCommitment {
  id: string;
  memberId: string;
  year: number;
  items: CommitmentItem[];
  version: number;
  updatedAt: string;
}

function commitmentOf(row: CommitmentRow): StoredCommitment {
  return {
    id: row.id,
    memberId: row.member_id,
    year: row.year,
    items: commitmentItemsOf(row),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function findCommitmentRow(db: Tx, memberId: string, year: number): Promise<CommitmentRow | undefined> {
  return db.selectFrom('commitments').selectAll().where('member_id', '=', memberId).where('year', '=', year).executeTakeFirst();
}

/** A member's commitment of one year, for the review's commitment check (item ids are stable). */
export async function loadCommitment(
  db: Tx,
  memberId: string,
  year: number,
): Promise<{ id: string; year: number; items: CommitmentItem[]; version: number } | null> {
  const row = await findCommitmentRow(db, memberId, year);
  if (!row) return null;
  const c = commitmentOf(row);
  return { id: c.id, year: c.year, items: c.items, version: c.version };
}

/** Every year's commitment of a member, newest first. */
export async function listCommitments(db: Tx, memberId: string): Promise<StoredCommitment[]> {
  const rows = await db.selectFrom('commitments').selectAll().where('member_id', '=', memberId).orderBy('year', 'desc').execute();
  return rows.map(commitmentOf);
}

export async function insertCommitment(
  db: Tx,
  c: { id: string; memberId: string; year: number; items: CommitmentItem[]; actorId: string; now: string },
): Promise<void> {
  await db
    .insertInto('commitments')
    .values({
      id: c.id,
      member_id: c.memberId,
      year: c.year,
      items_json: JSON.stringify(c.items),
      updated_by: c.actorId,
      version: 1,
      created_at: c.now,
      updated_at: c.now,
    })
    .execute();
}

/** Optimistic locking: `conflict.version` when someone saved in between. */
export async function updateCommitmentAtVersion(
  db: Tx,
  c: { id: string; version: number; items: CommitmentItem[]; actorId: string; now: string },
): Promise<void> {
  const r = await db
    .updateTable('commitments')
    .set((eb) => ({
      items_json: JSON.stringify(c.items),
      updated_by: c.actorId,
      updated_at: c.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', c.id)
    .where('version', '=', c.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict.version');
}

// ── Facts of the year ─────────────────────────────────────────────────────────────────────────

const storedDisciplines = z.array(discipline);

/** A stored row as the typed object the rules read (the JSON of the disciplines parsed). */
export function yearFactsOf(row: FactsRow): YearFacts {
  return {
    id: row.id,
    memberId: row.member_id,
    year: row.year,
    disciplines: storedDisciplines.parse(JSON.parse(row.disciplines_json)) as Discipline[],
    civilServiceRating: row.civil_service_rating as Level | null,
    targetsCompletedPct: row.targets_completed_pct,
    sickLeaveDays: row.sick_leave_days,
    maternityLeaveDays: row.maternity_leave_days,
    degradationConcluded: row.degradation_concluded === 1,
    degradationNote: row.degradation_note,
    confidenceLowPct: row.confidence_low_pct,
    note: row.note,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** The facts of the year of many members at once (reviews, classification checks); absent = none recorded. */
export async function loadYearFacts(db: Tx, memberIds: string[], year: number): Promise<Map<string, YearFacts>> {
  const out = new Map<string, YearFacts>();
  const ids = [...new Set(memberIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('member_year_facts')
      .selectAll()
      .where('year', '=', year)
      .where('member_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.member_id, yearFactsOf(r));
  }
  return out;
}

export async function findFactsRow(db: Tx, memberId: string, year: number): Promise<FactsRow | undefined> {
  return db.selectFrom('member_year_facts').selectAll().where('member_id', '=', memberId).where('year', '=', year).executeTakeFirst();
}

/** Every year with facts recorded for a member, newest first. */
export async function listMemberYearFacts(db: Tx, memberId: string): Promise<YearFacts[]> {
  const rows = await db.selectFrom('member_year_facts').selectAll().where('member_id', '=', memberId).orderBy('year', 'desc').execute();
  return rows.map(yearFactsOf);
}

/** The columns of member_year_facts that hold the facts themselves (not the keys or the stamps). */
export type YearFactsColumns = Pick<
  MemberYearFactsTable,
  | 'disciplines_json'
  | 'civil_service_rating'
  | 'targets_completed_pct'
  | 'sick_leave_days'
  | 'maternity_leave_days'
  | 'degradation_concluded'
  | 'degradation_note'
  | 'confidence_low_pct'
  | 'note'
>;

/** The input as column values: booleans 0/1, JSON as text, empty texts as null. */
export function yearFactsColumns(input: YearFactsInput): YearFactsColumns {
  const orNull = (s: string | null) => (s === null || s.trim() === '' ? null : s);
  return {
    disciplines_json: JSON.stringify(input.disciplines.map((d) => ({ ...d, reason: orNull(d.reason) }))),
    civil_service_rating: input.civilServiceRating,
    targets_completed_pct: input.targetsCompletedPct,
    sick_leave_days: input.sickLeaveDays,
    maternity_leave_days: input.maternityLeaveDays,
    degradation_concluded: input.degradationConcluded ? 1 : 0,
    degradation_note: orNull(input.degradationNote),
    confidence_low_pct: input.confidenceLowPct,
    note: orNull(input.note),
  };
}

/** What the audit keeps of a member's facts: the fields as the rules read them. */
export function yearFactsSnapshot(memberId: string, year: number, c: YearFactsColumns) {
  return {
    memberId,
    year,
    disciplines: JSON.parse(c.disciplines_json) as unknown,
    civilServiceRating: c.civil_service_rating,
    targetsCompletedPct: c.targets_completed_pct,
    sickLeaveDays: c.sick_leave_days,
    maternityLeaveDays: c.maternity_leave_days,
    degradationConcluded: c.degradation_concluded === 1,
    degradationNote: c.degradation_note,
    confidenceLowPct: c.confidence_low_pct,
    note: c.note,
  };
}

export function columnsOfRow(row: FactsRow): YearFactsColumns {
  return {
    disciplines_json: row.disciplines_json,
    civil_service_rating: row.civil_service_rating,
    targets_completed_pct: row.targets_completed_pct,
    sick_leave_days: row.sick_leave_days,
    maternity_leave_days: row.maternity_leave_days,
    degradation_concluded: row.degradation_concluded,
    degradation_note: row.degradation_note,
    confidence_low_pct: row.confidence_low_pct,
    note: row.note,
  };
}

/** Whether two sets of columns say the same (the disciplines compared as parsed JSON). */
export function sameFacts(a: YearFactsColumns, b: YearFactsColumns): boolean {
  const norm = (c: YearFactsColumns) => JSON.stringify({ ...c, disciplines_json: JSON.parse(c.disciplines_json) as unknown });
  return norm(a) === norm(b);
}

export async function insertYearFacts(
  db: Tx,
  rows: { id: string; memberId: string; year: number; columns: YearFactsColumns; actorId: string; now: string }[],
): Promise<void> {
  const values = rows.map((r) => ({
    id: r.id,
    member_id: r.memberId,
    year: r.year,
    ...r.columns,
    updated_by: r.actorId,
    version: 1,
    created_at: r.now,
    updated_at: r.now,
  }));
  // Fourteen columns a row: 200 rows keep well inside the parameter limits of both databases.
  for (let i = 0; i < values.length; i += 200) {
    await db
      .insertInto('member_year_facts')
      .values(values.slice(i, i + 200))
      .execute();
  }
}

/** Optimistic locking: `conflict.version` when someone saved in between. */
export async function updateYearFactsAtVersion(
  db: Tx,
  f: { id: string; version: number; columns: YearFactsColumns; actorId: string; now: string },
): Promise<void> {
  const r = await db
    .updateTable('member_year_facts')
    .set((eb) => ({ ...f.columns, updated_by: f.actorId, updated_at: f.now, version: eb('version', '+', 1) }))
    .where('id', '=', f.id)
    .where('version', '=', f.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict.version');
}

/**
 * Owner paths of the campaigns of `year` that are closed: their results are the record of that
 * year, so the facts they were decided on are no longer changed.
 */
export async function closedCampaignPaths(db: Tx, year: number): Promise<string[]> {
  const rows = await db
    .selectFrom('campaigns')
    .select('owner_path')
    .where('review_year', '=', year)
    .where('status', '=', 'closed')
    .execute();
  return rows.map((r) => r.owner_path);
}
