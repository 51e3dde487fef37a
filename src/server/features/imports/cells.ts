// Reading one cell of an import sheet into a value, or a Vietnamese problem for that row and column.
import type { RowProblem } from '../../../shared/contracts/jobs.js';
import { cardNumber as cardNumberSchema } from '../../../shared/contracts/members.js';
import { formatVietnameseDate, parseVietnameseDate } from '../../../shared/dates.js';
import { cleanText, foldForSearch } from '../../../shared/text.js';
import type { CellValue } from '../../adapters/xlsx/read-sheet.js';

/** How many problems an answer lists; the count of all of them is given beside. */
export const MAX_LISTED_PROBLEMS = 1000;

export class ProblemList {
  readonly items: RowProblem[] = [];
  count = 0;
  add(row: number, column: string, message: string): void {
    this.count += 1;
    if (this.items.length < MAX_LISTED_PROBLEMS) this.items.push({ row, column, message });
  }
  get empty(): boolean {
    return this.count === 0;
  }
  sorted(): RowProblem[] {
    return [...this.items].sort((a, b) => a.row - b.row);
  }
}

export interface Column<K extends string = string> {
  key: K;
  header: string;
  width: number;
  /** The column must be present in the header row. */
  requiredHeader: boolean;
  text?: boolean;
  choices?: string[];
  /** For the notes sheet. */
  required: string;
  howTo: string;
}

/** Where each column is in the sheet, found by header text (order free, case and accents ignored). */
export type ColumnIndex<K extends string> = Record<K, number | undefined>;

export function headerKey(value: CellValue): string {
  return value === null ? '' : foldForSearch(String(value));
}

export function locateColumns<K extends string>(
  columns: Column<K>[],
  header: CellValue[],
): { index: ColumnIndex<K>; missing: string[]; duplicated: string[] } {
  const byKey = new Map(columns.map((c) => [headerKey(c.header), c]));
  const index = {} as ColumnIndex<K>;
  const duplicated: string[] = [];
  header.forEach((cell, i) => {
    const column = byKey.get(headerKey(cell));
    if (!column) return;
    if (index[column.key] !== undefined) duplicated.push(column.header);
    else index[column.key] = i;
  });
  const missing = columns.filter((c) => c.requiredHeader && index[c.key] === undefined).map((c) => c.header);
  return { index, missing, duplicated };
}

/** Reads cells of one row by column key, reporting problems against the row number. */
export class RowReader<K extends string> {
  constructor(
    private readonly columns: Record<K, Column<K>>,
    private readonly index: ColumnIndex<K>,
    readonly row: number,
    private readonly cells: CellValue[],
    private readonly problems: ProblemList,
  ) {}

  header(key: K): string {
    return this.columns[key].header;
  }

  problem(key: K, message: string): void {
    this.problems.add(this.row, this.header(key), message);
  }

  raw(key: K): CellValue {
    const i = this.index[key];
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  /** Cleaned text (NFC, single spaces), or '' when empty. Dates in a text column read as dd/mm/yyyy. */
  text(key: K, max: number): string {
    const v = this.raw(key);
    if (v === null) return '';
    const s = cleanText(v instanceof Date ? formatVietnameseDate(isoOfDateCell(v)) : String(v));
    if (s.length > max) {
      this.problem(key, `Dài quá ${max} ký tự.`);
      return s.slice(0, max);
    }
    return s;
  }

  /** ISO date, null when empty, undefined (with a problem) when not a real dd/mm/yyyy date. */
  date(key: K): string | null | undefined {
    const v = this.raw(key);
    if (v === null) return null;
    if (v instanceof Date) return isoOfDateCell(v);
    const s = String(v).trim();
    if (s === '') return null;
    const iso = typeof v === 'string' ? parseVietnameseDate(s) : null;
    if (!iso) {
      this.problem(key, `Ngày "${s}" không hợp lệ: cần ghi theo dạng dd/mm/yyyy và là ngày có thật (ví dụ 05/12/1980).`);
      return undefined;
    }
    if (iso < '1900-01-01' || iso > '2100-12-31') {
      this.problem(key, `Ngày "${s}" nằm ngoài khoảng hợp lý.`);
      return undefined;
    }
    return iso;
  }

  /** x / có → true; empty / không → false. */
  flag(key: K): boolean {
    const v = this.raw(key);
    if (v === null || v === false) return false;
    if (v === true) return true;
    const f = foldForSearch(String(v));
    if (f === '' || f === 'khong' || f === '0') return false;
    if (f === 'x' || f === 'co' || f === '1') return true;
    this.problem(key, `Giá trị "${String(v)}" không hợp lệ: ghi "x" (hoặc "có") nếu đúng, để trống nếu không.`);
    return false;
  }

  /** One of `labels` (by Vietnamese label or code, accents and case ignored); null when empty. */
  choice<T extends string>(key: K, labels: Record<T, string>, what: string): T | null | undefined {
    const s = this.text(key, 200);
    if (s === '') return null;
    const f = foldForSearch(s);
    for (const [code, label] of Object.entries(labels) as [T, string][]) {
      if (foldForSearch(label) === f || code === s) return code;
    }
    this.problem(key, `${what} "${s}" không có trong danh sách: ${Object.values(labels).join('; ')}.`);
    return undefined;
  }
}

/** Date cells arrive as UTC midnight (ExcelJS); float noise of a few ms is absorbed, times dropped. */
/** A party card number: null when empty, undefined (with a problem) when not a valid number. */
export function readCardNumber<K extends string>(r: RowReader<K>, key: K): string | null | undefined {
  const text = r.text(key, 40);
  if (text === '') return null;
  const parsed = cardNumberSchema.safeParse(text);
  if (parsed.success) return parsed.data;
  r.problem(key, `Số thẻ "${text}" không hợp lệ: 4–20 chữ số, chữ cái không dấu, dấu chấm hoặc gạch.`);
  return undefined;
}

export function isoOfDateCell(d: Date): string {
  const day = new Date(Math.floor((d.getTime() + 1000) / 86_400_000) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

export function columnsByKey<K extends string>(columns: Column<K>[]): Record<K, Column<K>> {
  return Object.fromEntries(columns.map((c) => [c.key, c])) as Record<K, Column<K>>;
}
