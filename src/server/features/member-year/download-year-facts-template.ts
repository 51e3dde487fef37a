// The blank .xlsx form for importing the facts of the year (issue 3 item 5), with the notes a unit
// committee needs to fill it in. Only those who record facts get it: it is the first step of an import.
import { AppError } from '../../../shared/errors.js';
import { buildTemplate } from '../../adapters/xlsx/write-sheet.js';
import type { AppContext, Caller } from '../context.js';
import { sheetColumns } from '../imports/download-template.js';
import { yearFactsWritePaths } from './member-year-access.js';
import { FACTS_COLUMNS, FACTS_EXAMPLE, FACTS_SHEET_NAME, FACTS_TEMPLATE_REMARKS } from './year-facts-sheet.js';

export async function downloadYearFactsTemplate(_ctx: AppContext, caller: Caller): Promise<{ fileName: string; content: Buffer }> {
  if (yearFactsWritePaths(caller).length === 0) {
    throw new AppError('auth.forbidden', 'Chỉ cấp ủy cơ sở nhập thông tin trong năm của đảng viên.');
  }
  const content = await buildTemplate({
    sheetName: FACTS_SHEET_NAME,
    columns: sheetColumns(FACTS_COLUMNS),
    preparedRows: 2000,
    notesSheetName: 'Hướng dẫn',
    notesTitle: 'Hướng dẫn điền mẫu nhập thông tin trong năm của đảng viên',
    notes: FACTS_COLUMNS.map((c) => ({ header: c.header, required: c.required, howTo: c.howTo })),
    remarks: FACTS_TEMPLATE_REMARKS,
    example: FACTS_EXAMPLE,
  });
  return { fileName: 'Mẫu nhập thông tin trong năm.xlsx', content };
}
