// Writes .xlsx files: import templates (small, in memory) and exports (streamed row by row with
// ExcelJS's streaming writer, so 150,000 members never sit in memory at once).
//
// Text is always written as a string cell, never as a formula: a name such as "=SUM(A1)" or a post
// such as "+cmd" stays inert text in Excel (formula injection). Text columns are also formatted
// "@" so that what a user types there stays text (a card number keeps its leading zeros, a date
// typed as dd/mm/yyyy is not turned into a month-first date by an English Excel).
//
// Exports are laid out as offices print them (issue 5 item 2): optional title lines above the header
// (the committee, the campaign, "Ngày xuất: dd/mm/yyyy"), the rows through the header frozen, A4 fitted
// to the page width (landscape when the table is wide) with the header repeated on every printed page,
// number formats per column and a bold totals row.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  /** Width in characters. */
  width: number;
  /** Cells formatted as text ("@"). */
  text?: boolean;
  /** A drop-down of allowed values for the data rows (Excel data validation). */
  choices?: string[];
  /** Number format of the data cells of an export: "#,##0" for counts, "0.0%" for shares (fractions). */
  numFmt?: string;
  /** Long text wraps inside the column's width (shortcomings, actions). */
  wrap?: boolean;
  /** Horizontal alignment of the data cells of an export. */
  align?: 'left' | 'center' | 'right';
}

export type OutCell = string | number | null;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8EA9C1' } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Times New Roman';
const PLAIN: Partial<ExcelJS.Style> = Object.freeze({}) as Partial<ExcelJS.Style>;

function styleHeader(row: ExcelJS.Row): void {
  row.height = 32;
  row.eachCell((cell) => {
    cell.font = { name: FONT, bold: true, size: 12 };
    cell.fill = HEADER_FILL;
    cell.border = HEADER_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

/**
 * Column widths, and for forms to fill in, the column styles (font, text format) that cells typed
 * later inherit. Exports skip the styles: the streaming writer would serialize a style for every
 * cell, which is a third of the time of a 150,000-row export.
 */
function defineColumns(ws: ExcelJS.Worksheet, columns: SheetColumn[], withStyles: boolean): void {
  ws.columns = columns.map((c) => ({
    width: c.width,
    ...(withStyles ? { style: { font: { name: FONT, size: 12 }, ...(c.text ? { numFmt: '@' } : {}) } } : {}),
  }));
}

/** Excel data validation accepts a literal list of at most 255 characters. */
function listFormula(choices: string[]): string | null {
  const literal = `"${choices.join(',')}"`;
  return literal.length <= 255 && !choices.some((c) => c.includes(',') || c.includes('"')) ? literal : null;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface TemplateSpec {
  sheetName: string;
  columns: SheetColumn[];
  /** Rows of the data sheet under the header rows can be prepared for this many entries. */
  preparedRows: number;
  notesSheetName: string;
  notesTitle: string;
  /** One line per column: header, required or not, how to fill it. */
  notes: { header: string; required: string; howTo: string }[];
  /** Extra paragraphs after the column notes. */
  remarks: string[];
  /** An example, shown on the notes sheet (never on the data sheet, where it would be imported). */
  example: OutCell[];
}

/** A blank import form: header row styled and frozen, widths, text formats, drop-downs, notes. */
export async function buildTemplate(spec: TemplateSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tự soi';
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  defineColumns(ws, spec.columns, true);
  styleHeader(ws.addRow(spec.columns.map((c) => c.header)));
  const last = spec.preparedRows + 1;
  spec.columns.forEach((c, i) => {
    const formula = c.choices ? listFormula(c.choices) : null;
    if (!formula) return;
    const letter = columnLetter(i);
    // ExcelJS's typings lack the worksheet-level dataValidations collection it has at run time.
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${letter}2:${letter}${last}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Giá trị không có trong danh sách',
        error: `Chọn một trong các giá trị: ${c.choices!.join(', ')}`,
      },
    );
  });

  const notes = wb.addWorksheet(spec.notesSheetName);
  notes.columns = [{ width: 26 }, { width: 12 }, { width: 90 }];
  const title = notes.addRow([spec.notesTitle]);
  title.font = { name: FONT, bold: true, size: 14 };
  notes.addRow([]);
  styleHeader(notes.addRow(['Cột', 'Bắt buộc', 'Cách điền']));
  for (const n of spec.notes) {
    const row = notes.addRow([n.header, n.required, n.howTo]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.font = { name: FONT, size: 12 };
  }
  notes.addRow([]);
  for (const r of spec.remarks) {
    const row = notes.addRow([r]);
    notes.mergeCells(row.number, 1, row.number, 3);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.font = { name: FONT, size: 12 };
    row.height = Math.max(18, Math.ceil(r.length / 110) * 16);
  }
  notes.addRow([]);
  const exTitle = notes.addRow(['Ví dụ một dòng (điền ở trang đầu, không điền ở đây):']);
  exTitle.font = { name: FONT, italic: true, size: 12 };
  const exHeader = notes.addRow(spec.columns.map((c) => c.header));
  styleHeader(exHeader);
  const ex = notes.addRow(spec.example.map((v) => (v === null ? '' : v)));
  ex.font = { name: FONT, size: 12, italic: true, color: { argb: 'FF555555' } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A line above the header: the committee, the document's title, the campaign, the export date. */
export interface TitleLine {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (12 by default). */
  size?: number;
}

export interface StreamSheetSpec {
  sheetName: string;
  columns: SheetColumn[];
  /** Pages of rows; the next page is asked for only when the reader has taken the previous ones. */
  pages: AsyncIterable<OutCell[][]>;
  /** Lines above the header, each merged across the table's width. */
  titleLines?: (string | TitleLine)[];
  /** A row after the data, in bold, with the columns' number formats (asked for once every page is written). */
  totals?: () => OutCell[] | null | Promise<OutCell[] | null>;
  /** Thin borders and the body font on data cells, so the printed table has its lines. */
  borders?: boolean;
  /** Printed landscape; by default when the columns are wider than a portrait A4 page holds. */
  landscape?: boolean;
  /** Height of the header row in points, for long headers that wrap (32 by default). */
  headerHeight?: number;
}

export interface StreamTableSpec extends StreamSheetSpec {
  onError?: (error: unknown) => void;
}

/** Sum of the column widths (in characters) above which a table is printed landscape. */
const PORTRAIT_MAX_WIDTH = 100;
/** Page margins in inches (Excel's unit): about 1.5 cm at the binding side, 1 cm elsewhere. */
const MARGINS = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const A4 = 9;

function titleLine(line: string | TitleLine): TitleLine {
  return typeof line === 'string' ? { text: line } : line;
}

/** Row number of the header: after the title lines and one blank line, or the first row. */
export function headerRowNumber(titleLines: readonly unknown[] | undefined): number {
  return titleLines && titleLines.length > 0 ? titleLines.length + 2 : 1;
}

/**
 * One shared style object per column (data and totals): ExcelJS caches a style by object, so a style
 * is worked out once per column, not once per cell.
 */
function columnStyles(columns: SheetColumn[], borders: boolean, bold: boolean): Partial<ExcelJS.Style>[] {
  return columns.map((c) => {
    if (!borders && !bold && !c.numFmt && !c.wrap && !c.align) return PLAIN;
    const style: Partial<ExcelJS.Style> = {};
    if (c.numFmt) style.numFmt = c.numFmt;
    if (borders || bold) style.font = { name: FONT, size: 12, ...(bold ? { bold: true } : {}) };
    if (borders) style.border = HEADER_BORDER;
    if (c.wrap || c.align)
      style.alignment = { vertical: 'top', ...(c.wrap ? { wrapText: true } : {}), ...(c.align ? { horizontal: c.align } : {}) };
    return Object.freeze(style) as Partial<ExcelJS.Style>;
  });
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, out: PassThrough, spec: StreamSheetSpec): Promise<boolean> {
  const titles = (spec.titleLines ?? []).map(titleLine);
  const headerRow = headerRowNumber(titles);
  const width = spec.columns.reduce((sum, c) => sum + c.width, 0);
  const landscape = spec.landscape ?? width > PORTRAIT_MAX_WIDTH;
  const ws = wb.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: A4,
      orientation: landscape ? 'landscape' : 'portrait',
      // Fit to the page width, as many pages tall as the rows need.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: MARGINS,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
  });
  defineColumns(ws, spec.columns, false);
  const n = spec.columns.length;
  for (const line of titles) {
    const row = ws.addRow([line.text]);
    row.getCell(1).style = {
      font: { name: FONT, size: line.size ?? 12, bold: line.bold ?? false, italic: line.italic ?? false },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
    if (n > 1) ws.mergeCells(row.number, 1, row.number, n);
    row.commit();
  }
  if (titles.length > 0) ws.addRow([]).commit();
  const header = ws.addRow(spec.columns.map((c) => c.header));
  styleHeader(header);
  if (spec.headerHeight) header.height = spec.headerHeight;
  header.commit();

  const dataStyles = columnStyles(spec.columns, spec.borders ?? false, false);
  for await (const page of spec.pages) {
    if (out.destroyed) return false;
    for (const cells of page) {
      // Strings go in as strings: ExcelJS never turns a string value into a formula.
      const row = ws.addRow(cells);
      for (let i = 1; i <= cells.length; i++) row.getCell(i).style = dataStyles[i - 1] ?? PLAIN;
      row.commit();
    }
    while (out.readableLength >= out.readableHighWaterMark && !out.destroyed) {
      await Promise.race([once(out, 'drain'), once(out, 'close'), new Promise((r) => setTimeout(r, 50))]);
    }
  }
  const totals = spec.totals ? await spec.totals() : null;
  if (totals) {
    const boldStyles = columnStyles(spec.columns, true, true);
    const row = ws.addRow(totals);
    for (let i = 1; i <= n; i++) row.getCell(i).style = boldStyles[i - 1];
    row.commit();
  }
  ws.commit();
  return true;
}

/**
 * A readable .xlsx of one or more sheets produced row by row. The producer waits for the consumer
 * (a slow download does not make rows pile up in memory), and stops when the consumer goes away.
 */
export function streamWorkbook(spec: { sheets: StreamSheetSpec[]; onError?: (error: unknown) => void }): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const produce = async () => {
    // Shared strings would keep every distinct text of the export in memory until the end.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = 'Tự soi';
    for (const sheet of spec.sheets) {
      if (!(await writeSheet(wb, out, sheet))) return;
    }
    await wb.commit();
  };
  produce().catch((e) => {
    spec.onError?.(e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return out;
}

/** A readable .xlsx of one sheet produced row by row (see streamWorkbook). */
export function streamTable(spec: StreamTableSpec): Readable {
  const { onError, ...sheet } = spec;
  return streamWorkbook({ sheets: [sheet], onError });
}
