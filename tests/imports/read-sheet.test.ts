// The two ways of reading an .xlsx (read-sheet.ts: whole for small files, streamed for large ones)
// give the same rows: texts with Vietnamese, numbers, dates, blanks skipped, a title above the header.
import { describe, expect, it } from 'vitest';
import { readTable, type SheetRow } from '../../src/server/adapters/xlsx/read-sheet.js';
import { xlsx } from './support.js';

async function read(buffer: Buffer, streamAboveBytes: number) {
  const rows: SheetRow[] = [];
  const r = await readTable(
    buffer,
    (h) => h[0] === 'STT',
    (row) => void rows.push(row),
    { streamAboveBytes },
  );
  return { ...r, rows };
}

describe('reading an .xlsx', () => {
  it('whole and streamed give the same header and rows', async () => {
    const buffer = await xlsx(
      ['STT', 'Họ và tên', 'Ngày sinh', 'Ghi chú'],
      [
        [1, 'Nguyễn Thị Thúy', new Date(Date.UTC(1980, 4, 1)), '=1+1'],
        [null, null, null, null],
        [2, 'Đặng Văn Hùng', new Date(Date.UTC(1975, 11, 31)), 'Bí thư chi bộ'],
      ],
    );
    const whole = await read(buffer, Number.MAX_SAFE_INTEGER);
    const streamed = await read(buffer, 0);
    expect(whole.accepted).toBe(true);
    expect(whole.rows.map((r) => r.cells[1])).toEqual(['Nguyễn Thị Thúy', 'Đặng Văn Hùng']);
    expect(whole.rows[0].cells[2]).toEqual(new Date(Date.UTC(1980, 4, 1)));
    expect(whole.rows[0].cells[3]).toBe('=1+1');
    expect(streamed).toEqual(whole);
  });
});
