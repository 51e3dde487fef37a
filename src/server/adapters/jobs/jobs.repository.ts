// Jobs in the database (design §3 Job, §5: app servers keep no state, so the queue, the uploads and
// the progress all live in tables any server can read).
import type { JobView } from '../../../shared/contracts/jobs.js';
import { ERROR_CODES } from '../../../shared/errors.js';
import type { JobStatus } from '../../../shared/vocabulary.js';
import { newId } from '../clock.js';
import type { Tx } from '../../features/context.js';
import type { JobRow } from '../db/schema.js';

export interface JobError {
  code: string;
  message: string;
  problems?: { row: number; column: string; message: string }[];
  problemCount?: number;
}

export async function storeFile(
  tx: Tx,
  file: { name: string; mime: string; content: Buffer; createdBy: string | null; now: string },
): Promise<string> {
  const id = newId();
  await tx
    .insertInto('files')
    .values({
      id,
      name: file.name,
      mime: file.mime,
      size: file.content.length,
      content: file.content,
      created_by: file.createdBy,
      created_at: file.now,
    })
    .execute();
  return id;
}

export async function readFileContent(tx: Tx, id: string): Promise<{ name: string; content: Buffer } | null> {
  const row = await tx.selectFrom('files').select(['name', 'content']).where('id', '=', id).executeTakeFirst();
  return row ? { name: row.name, content: Buffer.from(row.content) } : null;
}

export async function createJob(
  tx: Tx,
  job: { kind: string; fileId: string | null; params: unknown; total: number; createdBy: string | null; now: string },
): Promise<JobRow> {
  const row: JobRow = {
    id: newId(),
    kind: job.kind,
    status: 'queued',
    progress: 0,
    total: job.total,
    file_id: job.fileId,
    params_json: job.params === undefined ? null : JSON.stringify(job.params),
    result_json: null,
    error_json: null,
    created_by: job.createdBy,
    claimed_by: null,
    version: 1,
    created_at: job.now,
    updated_at: job.now,
  };
  await tx.insertInto('jobs').values(row).execute();
  return row;
}

export async function findJob(tx: Tx, id: string): Promise<JobRow | undefined> {
  return tx.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Claims the oldest queued job with a compare-and-set update: of several servers polling at once,
 * exactly one sees its UPDATE match (same id, still queued, same version); the others move on.
 */
export async function claimNextJob(db: Tx, workerId: string, now: string, kinds: string[]): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  const candidates = await db
    .selectFrom('jobs')
    .select(['id', 'version'])
    .where('status', '=', 'queued')
    .where('kind', 'in', kinds)
    .orderBy('created_at')
    .orderBy('id')
    .limit(5)
    .execute();
  for (const c of candidates) {
    const result = await db
      .updateTable('jobs')
      .set({ status: 'running', claimed_by: workerId, version: c.version + 1, updated_at: now })
      .where('id', '=', c.id)
      .where('status', '=', 'queued')
      .where('version', '=', c.version)
      .executeTakeFirst();
    if (result.numUpdatedRows === 1n) return (await findJob(db, c.id)) ?? null;
  }
  return null;
}

/**
 * The worker holding a running job says it is still alive: a job's `updated_at` older than the
 * stale limit means its server stopped (worker.ts), so a long step that writes no progress must
 * not look like a dead one.
 */
export async function touchJob(db: Tx, id: string, workerId: string, now: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('claimed_by', '=', workerId)
    .execute();
}

/** Progress is written by the worker that holds the job only. */
export async function setJobProgress(db: Tx, id: string, workerId: string, progress: number, total: number, now: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ progress, total, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('claimed_by', '=', workerId)
    .execute();
}

export async function finishJob(
  db: Tx,
  id: string,
  workerId: string,
  outcome: { status: Extract<JobStatus, 'succeeded' | 'failed'>; result?: unknown; error?: JobError; progress?: number },
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: outcome.status,
      result_json: outcome.result === undefined ? null : JSON.stringify(outcome.result),
      error_json: outcome.error === undefined ? null : JSON.stringify(outcome.error),
      progress: outcome.progress ?? eb.ref('progress'),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('claimed_by', '=', workerId)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/**
 * Jobs left running by a server that stopped: failed with a message, never re-run on their own
 * (an import half-seen is safer retried by its user than replayed by the machine).
 */
export async function failStaleJobs(db: Tx, staleBefore: string, now: string): Promise<number> {
  const error: JobError = { code: 'job.interrupted', message: ERROR_CODES['job.interrupted'].message };
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({ status: 'failed', error_json: JSON.stringify(error), version: eb('version', '+', 1), updated_at: now }))
    .where('status', '=', 'running')
    .where('updated_at', '<', staleBefore)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function presentJob(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobStatus,
    progress: row.progress,
    total: row.total,
    result: row.result_json ? JSON.parse(row.result_json) : null,
    error: row.error_json ? JSON.parse(row.error_json) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
