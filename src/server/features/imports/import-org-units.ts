// Imports a tree of org units from an .xlsx (issue 2 item 5: "a committee's tree from .xlsx: code,
// name, kind, sector, parent code"), so that a real committee starts from its existing lists.
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { OrgUnitRow } from '../../adapters/db/schema.js';
import { notifyJobQueued } from '../../adapters/jobs/job-signal.js';
import { createJob, presentJob, storeFile } from '../../adapters/jobs/jobs.repository.js';
import type { AppContext, Caller } from '../context.js';
import type { ImportSummary, WriteHooks } from './apply-member-rows.js';
import { applyOrgUnitRows } from './apply-org-unit-rows.js';
import { XLSX_MIME, type ImportResponse } from './import-members.js';
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
        kind: ORG_UNITS_IMPORT_JOB,
        fileId,
        params: { parentId: parent?.id ?? null, fileName: input.upload.fileName },
        total: dataRows,
        createdBy: caller.accountId,
        now,
      });
      await recordAudit(tx, {
        entityType: 'job',
        entityId: row.id,
        action: 'job.create',
        actorId: caller.accountId,
        scopePath: parent?.path ?? null,
        at: now,
        after: { kind: row.kind, fileName: input.upload.fileName, rows: dataRows },
        isNew: true,
      });
      return row;
    });
    notifyJobQueued();
    return { mode: 'job', job: presentJob(job) };
  }
  const summary = await runOrgUnitsImport(ctx, caller, input.upload.content, parent);
  return { mode: 'done', summary };
}
