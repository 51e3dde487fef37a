// Imports members from an .xlsx (issue 2 item 5): small files at once, large ones (more rows than
// config.importJobThreshold) as a job whose upload is kept in the database.
import type { z } from 'zod';
import type { importResponse } from '../../../shared/contracts/jobs.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { OrgUnitRow } from '../../adapters/db/schema.js';
import { notifyJobQueued } from '../../adapters/jobs/job-signal.js';
import { createJob, presentJob, storeFile } from '../../adapters/jobs/jobs.repository.js';
import type { AppContext, Caller } from '../context.js';
import { applyMemberRows, type ImportSummary, type WriteHooks } from './apply-member-rows.js';
import { MEMBER_COLUMNS, MEMBER_SHEET_NAME, readMemberRow } from './member-sheet.js';
import { checkUpload, readRows, type Upload } from './read-upload.js';
import { assertMayImport, writableUnit } from './target-unit.js';

export type ImportResponse = z.infer<typeof importResponse>;

export const MEMBERS_IMPORT_JOB = 'members.import';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
    const job = await ctx.db.transaction().execute(async (tx) => {
      const now = ctx.clock.now();
      const fileId = await storeFile(tx, {
        name: input.upload.fileName,
        mime: XLSX_MIME,
        content: input.upload.content,
        createdBy: caller.accountId,
        now,
      });
      const row = await createJob(tx, {
        kind: MEMBERS_IMPORT_JOB,
        fileId,
        params: { unitId: restrictTo?.id ?? null, fileName: input.upload.fileName },
        total: dataRows,
        createdBy: caller.accountId,
        now,
      });
      await recordAudit(tx, {
        entityType: 'job',
        entityId: row.id,
        action: 'job.create',
        actorId: caller.accountId,
        scopePath: restrictTo?.path ?? null,
        at: now,
        after: { kind: row.kind, fileName: input.upload.fileName, rows: dataRows },
        isNew: true,
      });
      return row;
    });
    notifyJobQueued();
    return { mode: 'job', job: presentJob(job) };
  }
  const summary = await runMembersImport(ctx, caller, input.upload.content, restrictTo);
  return { mode: 'done', summary };
}
