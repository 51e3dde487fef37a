// The steps every import shares: size and type checks of the upload, then reading the sheet's rows
// into typed rows, collecting every problem rather than stopping at the first.
import { AppError } from '../../../shared/errors.js';
import type { RowProblem } from '../../../shared/contracts/jobs.js';
import { inspectXlsx, type XlsxInspection } from '../../adapters/xlsx/zip-guard.js';
import { readTable, type CellValue } from '../../adapters/xlsx/read-sheet.js';
import type { AppContext } from '../context.js';
import { locateColumns, ProblemList, type Column, type ColumnIndex } from './cells.js';

/** More rows than a province has members: anything larger is split by the user. */
export const MAX_IMPORT_ROWS = 200_000;

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024).toLocaleString('vi-VN')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

export interface Upload {
  content: Buffer;
  fileName: string;
}

/** Size, type and zip checks; returns the number of data rows the largest sheet holds. */
export async function checkUpload(ctx: AppContext, upload: Upload): Promise<XlsxInspection & { dataRows: number }> {
  if (upload.content.length > ctx.config.maxUploadBytes) {
    throw new AppError(
      'import.too_large',
      `Tệp Excel quá lớn (${size(upload.content.length)}); tối đa ${size(ctx.config.maxUploadBytes)}.`,
    );
  }
  if (upload.content.length === 0) throw new AppError('import.invalid_file', 'Tệp tải lên rỗng.');
  const inspection = await inspectXlsx(upload.content);
  const dataRows = Math.max(0, inspection.worksheetRows - 1);
  if (dataRows > MAX_IMPORT_ROWS) {
    throw new AppError(
      'import.too_large',
      `Tệp có ${dataRows.toLocaleString('vi-VN')} dòng, vượt quá ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng mỗi lần nhập. Hãy chia nhỏ tệp.`,
    );
  }
  return { ...inspection, dataRows };
}

export interface SheetLayout<K extends string, R> {
  sheetName: string;
  columns: Column<K>[];
  readRow: (index: ColumnIndex<K>, row: number, cells: CellValue[], problems: ProblemList) => R | null;
}

export interface ReadRowsResult<R> {
  rows: R[];
  problems: ProblemList;
  /** Data rows read (blank rows not counted). */
  rowCount: number;
}

/**
 * Reads every data row of the sheet laid out as `layout`. Throws `import.wrong_headers` (listing the
 * expected headers) when no sheet starts with them, and `import.empty_file` when it has no rows.
 */
export async function readRows<K extends string, R>(
  content: Buffer,
  layout: SheetLayout<K, R>,
  onProgress?: (rowsRead: number, finished: boolean) => Promise<void>,
): Promise<ReadRowsResult<R>> {
  const problems = new ProblemList();
  const rows: R[] = [];
  let index: ColumnIndex<K> | null = null;
  let rowCount = 0;
  const result = await readTable(
    content,
    (header) => {
      const located = locateColumns(layout.columns, header);
      if (located.missing.length || located.duplicated.length) return false;
      index = located.index;
      return true;
    },
    async (row) => {
      rowCount += 1;
      const parsed = layout.readRow(index!, row.number, row.cells, problems);
      if (parsed) rows.push(parsed);
      if (onProgress && rowCount % 500 === 0) await onProgress(rowCount, false);
    },
  );
  if (!result.accepted) throw wrongHeaders(layout, result.firstRows);
  if (rowCount === 0) {
    throw new AppError('import.empty_file', `Trang "${layout.sheetName}" không có dòng dữ liệu nào dưới dòng tiêu đề.`);
  }
  if (onProgress) await onProgress(rowCount, true);
  return { rows, problems, rowCount };
}

function wrongHeaders<K extends string, R>(layout: SheetLayout<K, R>, firstRows: CellValue[][]): AppError {
  // Explain against the row that looks most like a header.
  let header: CellValue[] = firstRows[0] ?? [];
  let best = -1;
  for (const row of firstRows) {
    const located = locateColumns(layout.columns, row);
    const found = layout.columns.length - located.missing.length;
    if (found > best) {
      best = found;
      header = row;
    }
  }
  const located = locateColumns(layout.columns, header);
  const expected = layout.columns.map((c) => c.header);
  const parts = ['Tiêu đề cột không đúng mẫu.'];
  if (located.missing.length) parts.push(`Thiếu cột: ${located.missing.join(', ')}.`);
  if (located.duplicated.length) parts.push(`Cột bị lặp: ${[...new Set(located.duplicated)].join(', ')}.`);
  parts.push(`Dòng tiêu đề của trang "${layout.sheetName}" cần có các cột: ${expected.join(', ')}. Hãy tải mẫu nhập mới nhất.`);
  return new AppError('import.wrong_headers', parts.join(' '), {
    expected,
    missing: located.missing,
    duplicated: [...new Set(located.duplicated)],
    found: header.map((h) => (h === null ? '' : String(h))),
  });
}

export function invalidRows(problems: ProblemList): AppError {
  const listed: RowProblem[] = problems.sorted();
  const more = problems.count > listed.length ? ` (hiển thị ${listed.length} lỗi đầu tiên)` : '';
  return new AppError(
    'import.invalid_rows',
    `Tệp có ${problems.count.toLocaleString('vi-VN')} lỗi${more}; chưa có dữ liệu nào được ghi. Hãy sửa các dòng được chỉ ra rồi nhập lại.`,
    { problems: listed, problemCount: problems.count },
  );
}
