// Imports members from an .xlsx (issue 2 item 5): small files at once, large ones (more rows than
// config.importJobThreshold) as a job whose upload is kept in the database.
import type { z } from 'zod';
import type { importResponse } from '../../../shared/contracts/jobs.js';
import type { OrgUnitRow } from '../../adapters/db/schema.js';
import { queueImportJob } from './queue-import-job.js';
import type { AppContext, Caller } from '../context.js';
import { applyMemberRows, type ImportSummary, type WriteHooks } from './apply-member-rows.js';
import { MEMBER_COLUMNS, MEMBER_SHEET_NAME, readMemberRow } from './member-sheet.js';
import { checkUpload, readRows, type Upload } from './read-upload.js';
import { assertMayImport, writableUnit } from './target-unit.js';

export type ImportResponse = z.infer<typeof importResponse>;

export const MEMBERS_IMPORT_JOB = 'members.import';
export { XLSX_MIME } from './queue-import-job.js';

export const memberLayout = { sheetName: MEMBER_SHEET_NAME, columns: MEMBER_COLUMNS, readRow: readMemberRow };

/** Reads, checks and writes a members sheet that has already passed checkUpload. */
export async function runMembersImport(
  ctx: AppContext,
  caller: Caller,
  content: Buffer,
  restrictTo: OrgUnitRow | null,
  hooks: WriteHooks & { onProgress?: (rowsRead: number, finished: boolean) => Promise<void> } = {},
): Promise<ImportSummary> {
  const parsed = await readRows(content, memberLayout, hooks.onProgress);
  return applyMemberRows(ctx, caller, parsed.rows, parsed.problems, restrictTo, hooks);
}

export async function importMembers(
  ctx: AppContext,
  caller: Caller,
  input: { upload: Upload; unitId?: string | null },
): Promise<ImportResponse> {
  assertMayImport(caller);
  const restrictTo = await writableUnit(ctx.db, caller, input.unitId);
  const { dataRows } = await checkUpload(ctx, input.upload);
  if (dataRows > ctx.config.importJobThreshold) {
    const job = await queueImportJob(ctx, caller, {
      kind: MEMBERS_IMPORT_JOB,
      upload: input.upload,
      rows: dataRows,
      params: { unitId: restrictTo?.id ?? null },
      scopePath: restrictTo?.path ?? null,
    });
    return { mode: 'job', job };
  }
  const summary = await runMembersImport(ctx, caller, input.upload.content, restrictTo);
  return { mode: 'done', summary };
}
