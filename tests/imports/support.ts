// Helpers of the import tests: spreadsheets built in memory, hand-made zips, uploads, row counts.
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { contextFor } from '../../src/server/main.js';
import type { AppConfig, AppContext } from '../../src/server/features/context.js';
import { MEMBER_COLUMNS } from '../../src/server/features/imports/member-sheet.js';
import { ORG_UNIT_COLUMNS } from '../../src/server/features/imports/org-unit-sheet.js';
import type { DialectName } from '../../src/server/adapters/db/dialect.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { makeSmallCommittee } from '../support/factories.js';
import { TestClient, type ApiResponse } from '../support/http.js';

export const MEMBER_HEADERS = MEMBER_COLUMNS.map((c) => c.header);
export const ORG_UNIT_HEADERS = ORG_UNIT_COLUMNS.map((c) => c.header);

export type Cell = string | number | boolean | Date | null;

/** An .xlsx with one sheet: a header row and data rows, as a user's Excel would save it. */
export async function xlsx(headers: Cell[], rows: Cell[][], sheetName = 'Đảng viên'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A member row in template order, from a partial record keyed by header. */
export function memberRow(values: Partial<Record<string, Cell>>): Cell[] {
  return MEMBER_HEADERS.map((h) => values[h] ?? null);
}

export function orgUnitRow(values: Partial<Record<string, Cell>>): Cell[] {
  return ORG_UNIT_HEADERS.map((h) => values[h] ?? null);
}

export async function upload(
  client: TestClient,
  path: string,
  content: Buffer,
  fields: Record<string, string> = {},
  name = 'danh-sach.xlsx',
): Promise<ApiResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return client.request('POST', path, form);
}

export async function counts(ctx: AppContext) {
  const count = async (
    table: 'members' | 'audit_events' | 'org_units' | 'member_status_history' | 'member_unit_history' | 'jobs' | 'files',
  ) =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    members: await count('members'),
    audit: await count('audit_events'),
    units: await count('org_units'),
    statusHistory: await count('member_status_history'),
    unitHistory: await count('member_unit_history'),
    jobs: await count('jobs'),
    files: await count('files'),
  };
}

/** Reads the first sheet of an .xlsx back: rows of cell values (1-based columns dropped to 0-based). */
export async function readBack(
  content: Buffer | ArrayBuffer,
): Promise<{ sheets: string[]; rows: ExcelJS.CellValue[][]; ws: ExcelJS.Worksheet; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content instanceof ArrayBuffer ? content : new Uint8Array(content).buffer);
  const ws = wb.worksheets[0];
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return { sheets: wb.worksheets.map((w) => w.name), rows, ws, wb };
}

/** The text of one zip entry (the raw XML of a sheet, to see there is no formula in it). */
export async function zipEntryText(content: Buffer, name: string): Promise<string> {
  const zip = await yauzl.fromBufferPromise(content, { lazyEntries: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
  } finally {
    zip.close();
  }
  throw new Error(`no entry ${name}`);
}

interface ZipEntrySpec {
  name: string;
  /** Bytes as stored (deflated when method 8). */
  data: Buffer;
  method: 0 | 8;
  /** Declared sizes; default the real ones. */
  uncompressedSize: number;
}

/** A zip written by hand, so that tests can declare any size they like. */
export function handZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0, 14); // crc (yauzl does not check it)
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.uncompressedSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.uncompressedSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

export function stored(name: string, text: string): ZipEntrySpec {
  const data = Buffer.from(text, 'utf8');
  return { name, data, method: 0, uncompressedSize: data.length };
}

/** `bytes` zeros deflated, produced in 1 MB steps so the test never holds them in memory. */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => deflate.on('end', r));
  const block = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** The entries an .xlsx must have, so that only the bomb makes the file bad. */
export function xlsxSkeleton(): ZipEntrySpec[] {
  return [
    stored('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    stored('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
  ];
}

export interface ImportFixture {
  db: TestDatabase;
  ctx: AppContext;
  tree: Awaited<ReturnType<typeof makeSmallCommittee>>;
  login(username: string): Promise<TestClient>;
}

export async function importFixture(dialect: DialectName, overrides: Partial<AppConfig> = {}): Promise<ImportFixture> {
  const db = await migratedDatabase(dialect);
  const ctx = contextFor(db.handle, overrides);
  const tree = await makeSmallCommittee(ctx.db);
  return { db, ctx, tree, login: (username) => TestClient.loggedIn(ctx, username, 'matkhau123') };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Đức'];
const GIVEN = ['Thúy', 'Hùng', 'Lan', 'An', 'Bình', 'Châu', 'Dũng', 'Hà', 'Khoa', 'Mai', 'Nam', 'Oanh'];

/** A members file of `n` generated rows spread over `cells` (streamed, as a big export would be). */
export async function memberFile(n: number, cells: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(MEMBER_HEADERS).commit();
  for (let i = 0; i < n; i++) {
    const name = `${FAMILY[i % 10]} ${MIDDLE[i % 6]} ${GIVEN[i % 12]}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    ws.addRow([
      i + 1,
      name,
      `${day}/0${(i % 9) + 1}/19${60 + (i % 35)}`,
      i % 2 ? 'Nam' : 'Nữ',
      String(1_000_000 + i),
      `${day}/05/2005`,
      `${day}/05/2006`,
      cells[i % cells.length],
      i % 50 === 0 ? 'Bí thư chi bộ' : '',
      '',
      i % 7 === 0 ? 'x' : '',
      '',
      i % 3 === 0 ? 'x' : '',
      'Đang sinh hoạt',
    ]).commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}
