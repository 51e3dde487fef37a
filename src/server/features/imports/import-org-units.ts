// Imports a tree of org units from an .xlsx (issue 2 item 5: "a committee's tree from .xlsx: code,
// name, kind, sector, parent code"), so that a real committee starts from its existing lists.
import type { OrgUnitRow } from '../../adapters/db/schema.js';
import { queueImportJob } from './queue-import-job.js';
import type { AppContext, Caller } from '../context.js';
import type { ImportSummary, WriteHooks } from './apply-member-rows.js';
import { applyOrgUnitRows } from './apply-org-unit-rows.js';
import type { ImportResponse } from './import-members.js';
import { ORG_UNIT_COLUMNS, ORG_UNIT_SHEET_NAME, readOrgUnitRow } from './org-unit-sheet.js';
import { checkUpload, readRows, type Upload } from './read-upload.js';
import { assertMayImport, writableUnit } from './target-unit.js';

export const ORG_UNITS_IMPORT_JOB = 'org-units.import';

export const orgUnitLayout = { sheetName: ORG_UNIT_SHEET_NAME, columns: ORG_UNIT_COLUMNS, readRow: readOrgUnitRow };

export async function runOrgUnitsImport(
  ctx: AppContext,
  caller: Caller,
  content: Buffer,
  defaultParent: OrgUnitRow | null,
  hooks: WriteHooks & { onProgress?: (rowsRead: number, finished: boolean) => Promise<void> } = {},
): Promise<ImportSummary> {
  const parsed = await readRows(content, orgUnitLayout, hooks.onProgress);
  return applyOrgUnitRows(ctx, caller, parsed.rows, parsed.problems, defaultParent, hooks);
}

export async function importOrgUnits(
  ctx: AppContext,
  caller: Caller,
  input: { upload: Upload; parentId?: string | null },
): Promise<ImportResponse> {
  assertMayImport(caller);
  const parent = await writableUnit(ctx.db, caller, input.parentId);
  const { dataRows } = await checkUpload(ctx, input.upload);
  if (dataRows > ctx.config.importJobThreshold) {
    const job = await queueImportJob(ctx, caller, {
      kind: ORG_UNITS_IMPORT_JOB,
      upload: input.upload,
      rows: dataRows,
      params: { parentId: parent?.id ?? null },
      scopePath: parent?.path ?? null,
    });
    return { mode: 'job', job };
  }
  const summary = await runOrgUnitsImport(ctx, caller, input.upload.content, parent);
  return { mode: 'done', summary };
}
