// A job's progress and outcome, for the browser's progress bar. Only the job's creator, or an
// administrator of the creator's account (design §2: admin RW accounts over the subtree of the
// grant), may follow it: its errors can name members and units of the creator's scope.
import { AppError } from '../../../shared/errors.js';
import type { JobView } from '../../../shared/contracts/jobs.js';
import { findJob, presentJob } from '../../adapters/jobs/jobs.repository.js';
import { coversWholeTree, seesAccount } from '../accounts/account-access.js';
import { scopePaths } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';

export async function getJob(ctx: AppContext, caller: Caller, id: string): Promise<JobView> {
  const job = await findJob(ctx.db, id);
  // Someone else's job answers as missing: its existence is not theirs to learn. An administrator
  // of another committee is someone else (issue 6, authorization matrix); a job started from the
  // command line (no creator) is the whole tree's administrator's.
  const administers = async (creator: string | null) =>
    creator === null ? coversWholeTree(scopePaths(caller, 'accounts', 'write')) : seesAccount(ctx.db, caller, creator);
  if (!job || (job.created_by !== caller.accountId && !(await administers(job.created_by)))) throw new AppError('job.not_found');
  return presentJob(job);
}
