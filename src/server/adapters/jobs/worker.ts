// The job worker (design §3 Job, §5): polls the jobs table, claims one job at a time with a
// compare-and-set update, so that any number of app servers can run workers and a job still runs
// once, and records progress, result or error where the browser can poll them.
import { AppError } from '../../../shared/errors.js';
import { newId } from '../clock.js';
import type { AppContext, Tx } from '../../features/context.js';
import type { JobRow } from '../db/schema.js';
import { importJobHandlers } from '../../features/imports/run-import-job.js';
import { onJobQueued } from './job-signal.js';
import { claimNextJob, failStaleJobs, finishJob, setJobProgress, touchJob, type JobError } from './jobs.repository.js';

export interface JobRun {
  job: JobRow;
  workerId: string;
  /** Records progress (throttled); the browser polls it. */
  progress(done: number, total: number): Promise<void>;
  /**
   * Marks the job succeeded inside the handler's own transaction, so that its writes and its
   * "succeeded" commit together (a crash in between can neither lose nor repeat them).
   */
  succeed(tx: Tx, result: unknown): Promise<void>;
}

export type JobHandler = (ctx: AppContext, run: JobRun) => Promise<void>;

export interface WorkerOptions {
  /** Handlers by job kind; the import handlers by default. */
  handlers?: Record<string, JobHandler>;
  workerId?: string;
  /** Pause between polls when the queue is empty. */
  pollMs?: number;
  /** A running job not updated for this long belongs to a server that stopped. */
  staleAfterMs?: number;
  /** How often the worker holding a job renews its `updated_at` (well under the stale limit). */
  heartbeatMs?: number;
}

// A job's worker renews it every 30 s, so a job silent for 3 minutes belongs to a server that was
// killed: its user is told within minutes (job.interrupted) instead of waiting half an hour. The
// margin covers a heartbeat queued behind a long write on SQLite's one connection.
const DEFAULT_STALE_MS = 3 * 60 * 1000;
const DEFAULT_HEARTBEAT_MS = 30 * 1000;
const PROGRESS_EVERY_MS = 300;

async function runOne(ctx: AppContext, handlers: Record<string, JobHandler>, workerId: string, heartbeatMs: number): Promise<boolean> {
  const job = await claimNextJob(ctx.db, workerId, ctx.clock.now(), Object.keys(handlers));
  if (!job) return false;
  const heartbeat = setInterval(() => {
    // A missed beat is retried at the next one; the stale limit allows several.
    touchJob(ctx.db, job.id, workerId, ctx.clock.now()).catch(() => undefined);
  }, heartbeatMs);
  heartbeat.unref();
  try {
    return await runClaimed(ctx, handlers, workerId, job);
  } finally {
    clearInterval(heartbeat);
  }
}

async function runClaimed(ctx: AppContext, handlers: Record<string, JobHandler>, workerId: string, job: JobRow): Promise<boolean> {
  let finished = false;
  let lastWrite = 0;
  const run: JobRun = {
    job,
    workerId,
    async progress(done, total) {
      const nowMs = ctx.clock.nowMs();
      if (done < total && nowMs - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = nowMs;
      await setJobProgress(ctx.db, job.id, workerId, Math.min(done, total), total, ctx.clock.now());
    },
    async succeed(tx, result) {
      const current = await tx.selectFrom('jobs').select('total').where('id', '=', job.id).executeTakeFirst();
      const ok = await finishJob(tx, job.id, workerId, { status: 'succeeded', result, progress: current?.total }, ctx.clock.now());
      // The job was taken from this worker (declared stale): its transaction must not commit.
      if (!ok) throw new AppError('conflict.version', 'Tác vụ đã bị hủy trong khi chạy.');
      finished = true;
    },
  };
  try {
    await handlers[job.kind](ctx, run);
    if (!finished) await finishJob(ctx.db, job.id, workerId, { status: 'succeeded' }, ctx.clock.now());
  } catch (e) {
    let error: JobError;
    if (e instanceof AppError) {
      const details = (e.details ?? {}) as Partial<JobError>;
      error = {
        code: e.code,
        message: e.message,
        ...(details.problems ? { problems: details.problems, problemCount: details.problemCount } : {}),
      };
    } else {
      console.error(`[tusoi] tác vụ ${job.id} (${job.kind}) lỗi:`, e);
      error = {
        code: 'server.internal',
        message: 'Đã có lỗi ở máy chủ khi chạy tác vụ; chưa có dữ liệu nào được ghi. Vui lòng thử lại sau.',
      };
    }
    await finishJob(ctx.db, job.id, workerId, { status: 'failed', error }, ctx.clock.now());
  }
  return true;
}

/** Claims and runs every queued job, one after another, then returns how many ran (for tests and the CLI). */
export async function runJobsOnce(ctx: AppContext, opts: WorkerOptions = {}): Promise<number> {
  const handlers = opts.handlers ?? importJobHandlers;
  const workerId = opts.workerId ?? `worker-${newId()}`;
  const staleBefore = new Date(ctx.clock.nowMs() - (opts.staleAfterMs ?? DEFAULT_STALE_MS)).toISOString();
  await failStaleJobs(ctx.db, staleBefore, ctx.clock.now());
  let ran = 0;
  while (await runOne(ctx, handlers, workerId, opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS)) ran += 1;
  return ran;
}

/**
 * Polls for jobs until stopped, and wakes at once when this process queues one; `stop()` waits for
 * the job in hand to finish.
 */
export function startJobWorker(ctx: AppContext, opts: WorkerOptions = {}): { stop(): Promise<void> } {
  const workerId = opts.workerId ?? `worker-${newId()}`;
  const pollMs = opts.pollMs ?? 1000;
  let stopping = false;
  let pending = false;
  let wake: (() => void) | null = null;
  const unsubscribe = onJobQueued(() => {
    pending = true;
    wake?.();
  });
  const loop = (async () => {
    while (!stopping) {
      pending = false;
      try {
        await runJobsOnce(ctx, { ...opts, workerId });
      } catch (e) {
        // The database may be briefly unreachable; the next poll tries again.
        console.error('[tusoi] hàng đợi tác vụ:', e);
      }
      if (stopping) break;
      // A job queued while the last pass ran is looked for again at once.
      if (pending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    async stop() {
      stopping = true;
      unsubscribe();
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
