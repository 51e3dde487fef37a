// Scheduled backups from `tusoi serve` (issue 6 item 4): with TUSOI_BACKUP_DIR set, a dated backup
// is written into that folder once per period (TUSOI_BACKUP_EVERY_HOURS) and the oldest beyond
// TUSOI_BACKUP_KEEP are deleted. With several app servers on one PostgreSQL, each attempt is a row
// of the jobs table with an id every server derives alike from the period, so the primary key lets
// exactly one server claim it (as jobs are claimed once, jobs.repository.ts); the others wait.
// What to do when, and which files go, is decided by the pure domain/backup-schedule.ts.
import fs from 'node:fs';
import path from 'node:path';
import {
  HEARTBEAT_MS,
  RECHECK_MS,
  attemptOf,
  backupFileName,
  backupJobIdPrefix,
  decideBackup,
  everyMs,
  filesToDelete,
  parseBackupSettings,
  periodStart,
  type BackupSettings,
} from '../../domain/backup-schedule.js';
import type { AppContext } from '../../features/context.js';
import { newId } from '../clock.js';
import { isUniqueViolation, type DatabaseConfig } from '../db/dialect.js';
import { finishJob, touchJob } from '../jobs/jobs.repository.js';
import { BackupError, writePostgresBackup, writeSqliteBackup, type BackupReport } from './backup-files.js';
import { findPgTool, missingToolMessage } from './pg-tools.js';

export const BACKUP_JOB_KIND = 'backup';

export type BackupTickResult =
  | { outcome: 'written'; report: BackupReport; deleted: string[]; nextAtMs: number }
  | { outcome: 'waiting'; reason: string; nextAtMs: number }
  /** Another server claimed this attempt first. */
  | { outcome: 'taken'; nextAtMs: number }
  | { outcome: 'failed'; message: string; nextAtMs: number };

/** The attempts of the current period, as recorded in the jobs table. */
async function attemptsOf(ctx: AppContext, periodStartMs: number) {
  const prefix = backupJobIdPrefix(periodStartMs);
  const rows = await ctx.db
    .selectFrom('jobs')
    .select(['id', 'status', 'updated_at'])
    .where('kind', '=', BACKUP_JOB_KIND)
    .where('id', 'like', `${prefix}%`)
    .execute();
  return rows.flatMap((r) => {
    const attempt = attemptOf(r.id, periodStartMs);
    return attempt === null ? [] : [{ attempt, status: r.status, updatedAtMs: Date.parse(r.updated_at) }];
  });
}

/** Deletes what the retention chooses; a file that cannot be deleted is reported, not fatal. */
function applyRetention(dir: string, keep: number): string[] {
  const deleted: string[] = [];
  for (const name of filesToDelete(fs.readdirSync(dir), keep)) {
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      deleted.push(name);
    } catch (e) {
      console.error(`[tusoi] sao lưu định kỳ: không xóa được ${name}: ${(e as Error).message}`);
    }
  }
  return deleted;
}

/**
 * One look at the schedule: when a backup is due and this server claims it, writes it, applies the
 * retention and records the outcome in the claimed job row. Never throws for a failed backup (the
 * outcome says it, and the server keeps running).
 */
export async function runBackupTick(
  ctx: AppContext,
  config: DatabaseConfig,
  settings: BackupSettings,
  serverId: string,
): Promise<BackupTickResult> {
  const nowMs = ctx.clock.nowMs();
  const period = everyMs(settings);
  const decision = decideBackup({
    nowMs,
    everyMs: period,
    attempts: await attemptsOf(ctx, periodStart(nowMs, period)),
  });
  if (decision.action === 'wait') return { outcome: 'waiting', reason: decision.reason, nextAtMs: decision.untilMs };

  const startedAt = new Date(nowMs).toISOString();
  try {
    await ctx.db
      .insertInto('jobs')
      .values({
        id: decision.jobId,
        kind: BACKUP_JOB_KIND,
        status: 'running',
        progress: 0,
        total: 1,
        file_id: null,
        params_json: JSON.stringify({ dir: settings.dir, dialect: config.dialect }),
        result_json: null,
        error_json: null,
        created_by: null,
        claimed_by: serverId,
        version: 1,
        created_at: startedAt,
        updated_at: startedAt,
      })
      .execute();
  } catch (e) {
    if (isUniqueViolation(e)) return { outcome: 'taken', nextAtMs: nowMs + RECHECK_MS };
    throw e;
  }

  // The heartbeat tells the other servers this attempt is alive (a large pg_dump takes a while).
  const heartbeat = setInterval(() => {
    touchJob(ctx.db, decision.jobId, serverId, ctx.clock.now()).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    fs.mkdirSync(settings.dir, { recursive: true });
    const target = path.join(settings.dir, backupFileName(nowMs, config.dialect === 'postgres' ? 'dump' : 'sqlite'));
    if (fs.existsSync(target)) throw new BackupError(`Tệp ${target} đã tồn tại.`);
    const report =
      config.dialect === 'postgres' ? await writePostgresBackup(config.url, target) : await writeSqliteBackup(ctx.handle, target);
    const deleted = applyRetention(settings.dir, settings.keep);
    clearInterval(heartbeat);
    await finishJob(
      ctx.db,
      decision.jobId,
      serverId,
      { status: 'succeeded', progress: 1, result: { file: report.file, bytes: report.bytes, level: report.level, deleted } },
      ctx.clock.now(),
    );
    return { outcome: 'written', report, deleted, nextAtMs: decision.periodStartMs + period };
  } catch (e) {
    clearInterval(heartbeat);
    const message = e instanceof BackupError ? e.message : `Lỗi không lường trước: ${(e as Error).message}`;
    await finishJob(
      ctx.db,
      decision.jobId,
      serverId,
      { status: 'failed', error: { code: 'backup.failed', message } },
      ctx.clock.now(),
    ).catch(() => undefined);
    const after = decideBackup({ nowMs: ctx.clock.nowMs(), everyMs: period, attempts: await attemptsOf(ctx, decision.periodStartMs) });
    return { outcome: 'failed', message, nextAtMs: after.action === 'wait' ? after.untilMs : ctx.clock.nowMs() };
  } finally {
    clearInterval(heartbeat);
  }
}

/** The Vietnamese message for a wrong TUSOI_BACKUP_* setting, or null: checked before a start writes anything. */
export function backupSettingsProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    parseBackupSettings(env);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export interface BackupScheduler {
  settings: BackupSettings;
  stop(): Promise<void>;
}

/** Never sleep longer than this between looks: a changed clock or a restored database is noticed. */
const MAX_SLEEP_MS = 60 * 60 * 1000;

function describeSettings(s: BackupSettings): string {
  const hours = s.everyHours.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  return `Sao lưu định kỳ: mỗi ${hours} giờ vào ${s.dir}, giữ ${s.keep} bản mới nhất.`;
}

/**
 * Starts the scheduled backups when TUSOI_BACKUP_DIR is set (null otherwise). A wrong setting or a
 * folder that cannot be written stops the start (BackupError); a missing pg_dump is a warning, and
 * each attempt then fails and says so in the log.
 */
export function startBackupScheduler(
  ctx: AppContext,
  config: DatabaseConfig,
  opts: { env?: NodeJS.ProcessEnv; firstRunMs?: number; serverId?: string; log?: (line: string) => void } = {},
): BackupScheduler | null {
  const log = opts.log ?? ((line: string) => console.warn(`[tusoi] ${line}`));
  let settings: BackupSettings | null;
  try {
    settings = parseBackupSettings(opts.env ?? process.env);
  } catch (e) {
    throw new BackupError((e as Error).message);
  }
  if (!settings) return null;
  const resolved: BackupSettings = { ...settings, dir: path.resolve(settings.dir) };
  try {
    fs.mkdirSync(resolved.dir, { recursive: true });
    fs.accessSync(resolved.dir, fs.constants.W_OK);
  } catch (e) {
    throw new BackupError(`Không ghi được vào thư mục sao lưu TUSOI_BACKUP_DIR=${resolved.dir}: ${(e as Error).message}`);
  }
  log(describeSettings(resolved));
  if (config.dialect === 'postgres') {
    for (const tool of ['pg_dump', 'pg_restore'] as const) if (!findPgTool(tool)) log(`Cảnh báo: ${missingToolMessage(tool)}`);
  }

  const serverId = opts.serverId ?? `server-${newId()}`;
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        // One run at a time in this process; the job row keeps it to one across servers.
        running = (async () => {
          let nextAtMs = Date.now() + RECHECK_MS;
          try {
            const r = await runBackupTick(ctx, config, resolved, serverId);
            nextAtMs = r.nextAtMs;
            if (r.outcome === 'written') {
              log(`Đã sao lưu ${r.report.file} (${r.report.bytes.toLocaleString('vi-VN')} byte, mức cấu trúc ${r.report.level ?? '—'}).`);
              if (r.deleted.length > 0) log(`Đã xóa bản sao lưu cũ: ${r.deleted.join(', ')}.`);
            }
            if (r.outcome === 'failed') console.error(`[tusoi] sao lưu định kỳ thất bại: ${r.message}`);
          } catch (e) {
            // The database may be briefly out of reach; the next look tries again.
            console.error('[tusoi] sao lưu định kỳ:', e);
          }
          running = null;
          schedule(Math.min(MAX_SLEEP_MS, Math.max(1000, nextAtMs - ctx.clock.nowMs())));
        })();
      },
      Math.max(0, ms),
    );
    // unref: the timer alone never keeps the process alive.
    timer.unref();
  };
  schedule(opts.firstRunMs ?? 30_000);
  return {
    settings: resolved,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
  };
}
