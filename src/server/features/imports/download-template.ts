// The blank .xlsx forms for importing members and org units (issue 2 item 5), with the notes a
// party office needs to fill them in: allowed values, date format, what an empty cell means.
import { buildTemplate, type SheetColumn } from '../../adapters/xlsx/write-sheet.js';
import type { AppContext, Caller } from '../context.js';
import type { Column } from './cells.js';
import { MEMBER_COLUMNS, MEMBER_EXAMPLE, MEMBER_SHEET_NAME, MEMBER_TEMPLATE_REMARKS } from './member-sheet.js';
import { ORG_UNIT_COLUMNS, ORG_UNIT_EXAMPLE, ORG_UNIT_SHEET_NAME, ORG_UNIT_TEMPLATE_REMARKS } from './org-unit-sheet.js';
import { assertMayImport } from './target-unit.js';

export type TemplateKind = 'members' | 'org-units';

export function sheetColumns(columns: Column[]): SheetColumn[] {
  return columns.map((c) => ({ header: c.header, width: c.width, text: c.text, choices: c.choices }));
}

export async function downloadTemplate(
  _ctx: AppContext,
  caller: Caller,
  kind: TemplateKind,
): Promise<{ fileName: string; content: Buffer }> {
  // Only those who may import get the form: it is the first step of an import.
  assertMayImport(caller);
  const isMembers = kind === 'members';
  const columns: Column[] = isMembers ? MEMBER_COLUMNS : ORG_UNIT_COLUMNS;
  const content = await buildTemplate({
    sheetName: isMembers ? MEMBER_SHEET_NAME : ORG_UNIT_SHEET_NAME,
    columns: sheetColumns(columns),
    preparedRows: isMembers ? 5000 : 2000,
    notesSheetName: 'Hướng dẫn',
    notesTitle: isMembers ? 'Hướng dẫn điền mẫu nhập đảng viên' : 'Hướng dẫn điền mẫu nhập tổ chức đảng',
    notes: columns.map((c) => ({ header: c.header, required: c.required, howTo: c.howTo })),
    remarks: isMembers ? MEMBER_TEMPLATE_REMARKS : ORG_UNIT_TEMPLATE_REMARKS,
    example: isMembers ? MEMBER_EXAMPLE : ORG_UNIT_EXAMPLE,
  });
  return { fileName: isMembers ? 'Mẫu nhập đảng viên.xlsx' : 'Mẫu nhập tổ chức đảng.xlsx', content };
}
