// Fixtures of the member-year tests: the small committee with a business date in 2026, the extra
// accounts these tests need, spreadsheets built in memory and uploads.
import ExcelJS from 'exceljs';
import { newId } from '../../src/server/adapters/clock.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import type { DialectName } from '../../src/server/adapters/db/dialect.js';
import type { AppConfig, AppContext } from '../../src/server/features/context.js';
import { FACTS_COLUMNS } from '../../src/server/features/member-year/year-facts-sheet.js';
import { contextFor } from '../../src/server/main.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { makeAccount, makeSmallCommittee, TEST_PASSWORD, type UnitRef } from '../support/factories.js';
import { TestClient, type ApiResponse } from '../support/http.js';

export const YEAR = 2026;

export interface Fixture {
  db: TestDatabase;
  ctx: AppContext;
  tree: Awaited<ReturnType<typeof makeSmallCommittee>>;
  login(username: string): Promise<TestClient>;
}

/**
 * The small committee, its business date set to 10/03/2026, plus a second member's account
 * (Đặng Văn Hùng, same chi bộ as Thúy) and the school's unit committee.
 */
export async function fixture(dialect: DialectName, overrides: Partial<AppConfig> = {}): Promise<Fixture> {
  const db = await migratedDatabase(dialect);
  const ctx = contextFor(db.handle, overrides);
  const tree = await makeSmallCommittee(ctx.db);
  await setSetting(ctx.db, BUSINESS_DATE, `${YEAR}-03-10`, ctx.clock.now());
  await makeAccount(ctx.db, { username: 'dangvien.dang', memberId: tree.members.dang.id, grants: [{ role: 'member', unit: tree.cellA }] });
  await makeAccount(ctx.db, { username: 'capuy.s01', grants: [{ role: 'unit_committee', unit: tree.school }] });
  return { db, ctx, tree, login: (username) => TestClient.loggedIn(ctx, username, TEST_PASSWORD) };
}

export function put(client: TestClient, path: string, body: unknown): Promise<ApiResponse> {
  return client.request('PUT', path, body);
}

export type Cell = string | number | boolean | Date | null;

export const FACTS_HEADERS = FACTS_COLUMNS.map((c) => c.header);

/** A facts row in template order, from values keyed by header. */
export function factsRow(values: Partial<Record<string, Cell>>): Cell[] {
  return FACTS_HEADERS.map((h) => values[h] ?? null);
}

/** An .xlsx with one sheet: a header row and data rows, as a user's Excel would save it. */
export async function xlsx(headers: Cell[], rows: Cell[][], sheetName = 'Thông tin trong năm'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function upload(
  client: TestClient,
  content: Buffer,
  fields: Record<string, string>,
  name = 'thong-tin.xlsx',
): Promise<ApiResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return client.request('POST', '/api/year-facts/import', form);
}

export async function count(ctx: AppContext, table: 'member_year_facts' | 'audit_events' | 'commitments'): Promise<number> {
  const r = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A campaign row of `year` over `owner`, closed: enough for the "results are final" guard. */
export async function closedCampaign(ctx: AppContext, owner: UnitRef, year: number): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('campaigns')
    .values({
      id: newId(),
      owner_unit_id: owner.id,
      owner_path: owner.path,
      review_year: year,
      rule_set_id: 'test',
      title: `Kiểm điểm năm ${year}`,
      status: 'closed',
      config_json: '{}',
      milestones_json: '[]',
      plan_text: null,
      plan_status: 'approved',
      plan_approved_by: null,
      plan_approved_at: null,
      snapshot_at: null,
      cutoff_date: `${year}-12-31`,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}
