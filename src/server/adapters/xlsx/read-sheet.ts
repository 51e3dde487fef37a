// Reads rows of an .xlsx. Large files go through ExcelJS's streaming reader: memory stays flat
// however long the sheet (150,000 rows ≈ 220 MB RSS against 1.2 GB for the in-memory reader); small
// ones are loaded whole (see sheetsOf). Call inspectXlsx first: the reader must only ever see a zip
// whose sizes were checked (zip-guard.ts).
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A cell as the importer sees it: text, number, boolean, date (UTC midnight for date cells) or empty. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** Excel row number (1 = first row), as the user sees it. */
  number: number;
  /** Cells by column, 0-based (column A = 0). */
  cells: CellValue[];
}

function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    // Rich text: the runs' text joined; formulas: their cached result only (never evaluated);
    // hyperlinks: their text; errors (#N/A …): empty.
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return plain(v.result);
    if ('text' in v) return plain(v.text);
    if ('error' in v) return null;
  }
  return null;
}

export function isBlankRow(cells: CellValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Offices often put a title ("DANH SÁCH ĐẢNG VIÊN …") above the header: it is looked for this far down. */
export const HEADER_SEARCH_ROWS = 10;

export interface TableRead {
  accepted: boolean;
  /** Excel row number of the accepted header. */
  headerRow: number;
  /** The first rows of the first sheet, to explain a header that was not found. */
  firstRows: CellValue[][];
}

/**
 * Walks the worksheets in order and feeds the rows under the first row that `acceptHeader` accepts
 * (searched in the first HEADER_SEARCH_ROWS rows of each sheet) to `onRow`, blank rows skipped.
 */
export async function readTable(
  buffer: Buffer,
  acceptHeader: (header: CellValue[]) => boolean,
  onRow: (row: SheetRow) => void | Promise<void>,
  opts: { streamAboveBytes?: number } = {},
): Promise<TableRead> {
  const firstRows: CellValue[][] = [];
  let firstSheet = true;
  let accepted = false;
  let headerRow = 0;
  for await (const sheet of sheetsOf(buffer, opts.streamAboveBytes ?? STREAM_ABOVE_BYTES)) {
    let state: 'header' | 'rows' | 'skip' = accepted ? 'skip' : 'header';
    for await (const row of sheet) {
      // The rest of a refused or unneeded sheet is still read to its end: the zip is one stream.
      if (state === 'skip') continue;
      const cells: CellValue[] = [];
      for (let i = 1; i < row.values.length; i++) cells.push(plain(row.values[i]));
      if (state === 'rows') {
        await visit(onRow, row.number, cells);
        continue;
      }
      if (row.number > HEADER_SEARCH_ROWS) {
        state = 'skip';
        continue;
      }
      if (firstSheet) firstRows.push(cells);
      if (acceptHeader(cells)) {
        accepted = true;
        headerRow = row.number;
        state = 'rows';
      }
    }
    firstSheet = false;
  }
  return { accepted, headerRow, firstRows };
}

/** Files up to this size are read whole: ExcelJS's whole-file reader, with no streaming pitfalls. */
export const STREAM_ABOVE_BYTES = 4 * 1024 * 1024;

type RowLike = { number: number; values: unknown[] };

/**
 * The worksheets of the file, each an async sequence of rows. Small files (the usual office list)
 * are loaded whole. ExcelJS's streaming reader parks sheets that come before sharedStrings.xml in
 * temporary files and, on rare runs under load, gave them back with every shared string empty
 * (a header of blanks); so it serves only files too large to load whole, where its flat memory matters.
 */
async function* sheetsOf(buffer: Buffer, streamAboveBytes: number): AsyncGenerator<AsyncIterable<RowLike>> {
  if (buffer.length <= streamAboveBytes) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(buffer).buffer as ArrayBuffer);
    for (const ws of wb.worksheets) {
      const rows: RowLike[] = [];
      ws.eachRow({ includeEmpty: false }, (row, number) => rows.push({ number, values: row.values as unknown[] }));
      yield (async function* () {
        yield* rows;
      })();
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // ExcelJS reads `model.sheets` when a sheet arrives, but sets `model` only once workbook.xml is
  // parsed; a sheet met first crashed the import now and then (exceljs issue #962, PR #2937). Sheet
  // names are not used here, so an empty list until then is enough.
  (reader as unknown as { model?: { sheets: unknown[] } }).model = { sheets: [] };
  for await (const sheet of reader) {
    yield (async function* () {
      for await (const row of sheet) yield { number: row.number, values: row.values as unknown[] };
    })();
  }
}

async function visit(onRow: (row: SheetRow) => void | Promise<void>, number: number, cells: CellValue[]) {
  if (!isBlankRow(cells)) await onRow({ number, cells });
}
