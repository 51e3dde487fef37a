// A large upload is kept in the database and imported by the job worker (design §3, Job), so the
// request answers at once and the browser follows the progress.
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { notifyJobQueued } from '../../adapters/jobs/job-signal.js';
import { createJob, presentJob, storeFile } from '../../adapters/jobs/jobs.repository.js';
import type { JobView } from '../../../shared/contracts/jobs.js';
import type { AppContext, Caller } from '../context.js';
import type { Upload } from './read-upload.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function queueImportJob(
  ctx: AppContext,
  caller: Caller,
  input: { kind: string; upload: Upload; rows: number; params: Record<string, string | null>; scopePath: string | null },
): Promise<JobView> {
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
      kind: input.kind,
      fileId,
      params: { ...input.params, fileName: input.upload.fileName },
      total: input.rows,
      createdBy: caller.accountId,
      now,
    });
    await recordAudit(tx, {
      entityType: 'job',
      entityId: row.id,
      action: 'job.create',
      actorId: caller.accountId,
      scopePath: input.scopePath,
      at: now,
      after: { kind: row.kind, fileName: input.upload.fileName, rows: input.rows },
      isNew: true,
    });
    return row;
  });
  notifyJobQueued();
  return presentJob(job);
}
