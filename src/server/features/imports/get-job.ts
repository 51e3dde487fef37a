// A job's progress and outcome, for the browser's progress bar. Only the job's creator (or an
// administrator) may follow it: its errors can name members and units of the creator's scope.
import { AppError } from '../../../shared/errors.js';
import type { JobView } from '../../../shared/contracts/jobs.js';
import { findJob, presentJob } from '../../adapters/jobs/jobs.repository.js';
import type { AppContext, Caller } from '../context.js';

export async function getJob(ctx: AppContext, caller: Caller, id: string): Promise<JobView> {
  const job = await findJob(ctx.db, id);
  const isAdmin = caller.grants.some((g) => g.role === 'admin');
  // Someone else's job answers as missing: its existence is not theirs to learn.
  if (!job || (job.created_by !== caller.accountId && !isAdmin)) throw new AppError('job.not_found');
  return presentJob(job);
}
