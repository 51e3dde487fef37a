// Runs a queued import for the worker (adapters/jobs/worker.ts). The job acts with its creator's
// rights as they are when it runs (a grant revoked meanwhile is not used), reads the upload kept in
// the database, and marks itself succeeded in the transaction that writes the rows.
import { AppError } from '../../../shared/errors.js';
import { loadPrincipal } from '../../adapters/auth/principal.repository.js';
import { readFileContent } from '../../adapters/jobs/jobs.repository.js';
import type { JobHandler, JobRun } from '../../adapters/jobs/worker.js';
import { inspectXlsx } from '../../adapters/xlsx/zip-guard.js';
import type { AppContext, Caller, Tx } from '../context.js';
import type { WriteHooks } from './apply-member-rows.js';
import { MEMBERS_IMPORT_JOB, runMembersImport } from './import-members.js';
import { ORG_UNITS_IMPORT_JOB, runOrgUnitsImport } from './import-org-units.js';
import { assertMayImport, writableUnit } from './target-unit.js';

async function prepare(ctx: AppContext, run: JobRun): Promise<{ caller: Caller; content: Buffer; params: Record<string, string | null> }> {
  const { job } = run;
  const account = job.created_by
    ? await ctx.db.selectFrom('accounts').select(['id', 'member_id', 'disabled']).where('id', '=', job.created_by).executeTakeFirst()
    : undefined;
  if (!account || account.disabled) throw new AppError('auth.forbidden', 'Tài khoản tạo tác vụ không còn hoạt động.');
  const caller = await loadPrincipal(ctx.db, account.id);
  assertMayImport(caller);
  const file = job.file_id ? await readFileContent(ctx.db, job.file_id) : null;
  if (!file) throw new AppError('import.invalid_file', 'Không còn tệp đã tải lên của tác vụ này.');
  // The reader only ever sees a zip whose sizes were checked, here as well as at upload.
  await inspectXlsx(file.content);
  const params = (job.params_json ? JSON.parse(job.params_json) : {}) as Record<string, string | null>;
  return { caller, content: file.content, params };
}

/**
 * Progress counts rows read and checked; the total, first the sheet's row count seen at upload,
 * becomes the rows actually read once reading ends (blank rows drop out). Writing follows in one
 * transaction whose commit also marks the job succeeded.
 */
function jobHooks(run: JobRun): WriteHooks & { onProgress: (rowsRead: number, finished: boolean) => Promise<void> } {
  return {
    onProgress: (rowsRead, finished) => run.progress(rowsRead, finished ? rowsRead : Math.max(run.job.total, rowsRead)),
    beforeCommit: (tx: Tx, summary) => run.succeed(tx, summary),
  };
}

const importMembersJob: JobHandler = async (ctx, run) => {
  const { caller, content, params } = await prepare(ctx, run);
  const restrictTo = await writableUnit(ctx.db, caller, params.unitId);
  await runMembersImport(ctx, caller, content, restrictTo, jobHooks(run));
};

const importOrgUnitsJob: JobHandler = async (ctx, run) => {
  const { caller, content, params } = await prepare(ctx, run);
  const parent = await writableUnit(ctx.db, caller, params.parentId);
  await runOrgUnitsImport(ctx, caller, content, parent, jobHooks(run));
};

export const importJobHandlers: Record<string, JobHandler> = {
  [MEMBERS_IMPORT_JOB]: importMembersJob,
  [ORG_UNITS_IMPORT_JOB]: importOrgUnitsJob,
};
