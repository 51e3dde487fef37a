// Scheduled backups (issue 6 item 4): the settings, the dated file names, which backups the
// retention deletes, and whether a backup is due now. Pure: the runner in
// adapters/backup/backup-scheduler.ts reads the clock, the jobs table and the folder, and asks here.

export interface BackupSettings {
  /** Folder the dated backups are written to (absolute, as the operator gave it or resolved). */
  dir: string;
  everyHours: number;
  /** How many dated backups stay in the folder; older ones are deleted after each new backup. */
  keep: number;
}

export const DEFAULT_BACKUP_EVERY_HOURS = 24;
export const DEFAULT_BACKUP_KEEP = 14;

/** Vietnam keeps UTC+7 all year: with a 24-hour period, the backup runs soon after local midnight. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** Attempts per period: a failing backup (disk full, pg_dump missing) is retried, but not in a loop. */
export const MAX_ATTEMPTS_PER_PERIOD = 3;
/** Pause after a failed attempt before the next one. */
export const RETRY_AFTER_MS = 15 * 60 * 1000;
/** A running backup whose heartbeat is older than this belongs to a server that stopped. */
export const STALE_AFTER_MS = 10 * 60 * 1000;
/** How often a running backup refreshes its heartbeat (well inside STALE_AFTER_MS). */
export const HEARTBEAT_MS = 60 * 1000;
/** While another server backs up, look again after this long. */
export const RECHECK_MS = 5 * 60 * 1000;

/**
 * TUSOI_BACKUP_DIR (unset: no scheduled backup), TUSOI_BACKUP_EVERY_HOURS, TUSOI_BACKUP_KEEP.
 * A wrong value stops the start with a Vietnamese message rather than silently not backing up.
 */
export function parseBackupSettings(env: {
  TUSOI_BACKUP_DIR?: string;
  TUSOI_BACKUP_EVERY_HOURS?: string;
  TUSOI_BACKUP_KEEP?: string;
}): BackupSettings | null {
  const dir = env.TUSOI_BACKUP_DIR?.trim();
  if (!dir) return null;
  const everyText = env.TUSOI_BACKUP_EVERY_HOURS?.trim() || String(DEFAULT_BACKUP_EVERY_HOURS);
  const everyHours = Number(everyText.replace(',', '.'));
  if (!Number.isFinite(everyHours) || everyHours <= 0 || everyHours > 24 * 366) {
    throw new Error(`TUSOI_BACKUP_EVERY_HOURS không hợp lệ: "${everyText}". Cần một số giờ lớn hơn 0, ví dụ 24 hoặc 6.`);
  }
  const keepText = env.TUSOI_BACKUP_KEEP?.trim() || String(DEFAULT_BACKUP_KEEP);
  const keep = Number(keepText);
  if (!Number.isInteger(keep) || keep < 1) {
    throw new Error(`TUSOI_BACKUP_KEEP không hợp lệ: "${keepText}". Cần một số nguyên từ 1 trở lên (số bản sao lưu được giữ).`);
  }
  return { dir, everyHours, keep };
}

/**
 * Start of the period that holds `nowMs`. Periods are counted from midnight in Vietnam, so every
 * server (and every restart) agrees on them: one backup per period, whichever server makes it.
 */
export function periodStart(nowMs: number, everyMs: number): number {
  return Math.floor((nowMs + VIETNAM_OFFSET_MS) / everyMs) * everyMs - VIETNAM_OFFSET_MS;
}

export function everyMs(settings: Pick<BackupSettings, 'everyHours'>): number {
  return Math.round(settings.everyHours * HOUR_MS);
}

/** "2026-01-15T17:00:00.000Z" → "20260115T170000Z": sortable, and safe in a file name or an id. */
export function compactStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** The job id of an attempt: the same on every server, so the database lets only one claim it. */
export function backupJobId(periodStartMs: number, attempt: number): string {
  return `backup-${compactStamp(periodStartMs)}-${attempt}`;
}

export function backupJobIdPrefix(periodStartMs: number): string {
  return `backup-${compactStamp(periodStartMs)}-`;
}

const NAME = /^tusoi-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.(dump|sqlite)$/;

/** "tusoi-2026-01-15T17-00-05Z.dump": UTC, readable, sorts by time, no colon (Windows shares). */
export function backupFileName(ms: number, extension: 'dump' | 'sqlite'): string {
  const iso = new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
  return `tusoi-${iso.replace(/:/g, '-')}.${extension}`;
}

/** The time a dated backup was made, or null for any other file (the retention never touches those). */
export function parseBackupFileName(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` ? null : ms;
}

/**
 * A backup being written carries a temporary name beside its final one
 * (".tusoi-….dump.<random>.partial"); one left by a run that crashed is removed with the retention.
 */
export function partialNameOf(finalName: string, token: string): string {
  return `.${finalName}.${token}.partial`;
}

function partialTarget(name: string): string | null {
  const m = /^\.(tusoi-[^/]+?)\.[0-9a-z]+\.partial$/.exec(name);
  return m && parseBackupFileName(m[1]) !== null ? m[1] : null;
}

/**
 * The files to delete from the backup folder so that the newest `keep` dated backups remain, plus
 * the temporary files of runs that did not finish and are older than the newest backup. Files of
 * any other name (a backup copied there by hand, a pre-restore copy) are never chosen.
 */
export function filesToDelete(names: readonly string[], keep: number): string[] {
  const dated = names
    .map((name) => ({ name, at: parseBackupFileName(name) }))
    .filter((f): f is { name: string; at: number } => f.at !== null)
    .sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
  const doomed = dated.slice(Math.max(keep, 0)).map((f) => f.name);
  const newest = dated[0]?.at ?? null;
  for (const name of names) {
    const target = partialTarget(name);
    if (target !== null && newest !== null && (parseBackupFileName(target) ?? Infinity) < newest) doomed.push(name);
  }
  return doomed.sort();
}

/** One attempt of the current period, as the jobs table records it. */
export interface BackupAttempt {
  attempt: number;
  status: 'running' | 'succeeded' | 'failed' | string;
  /** Last heartbeat or end, in ms. */
  updatedAtMs: number;
}

export type BackupDecision = { action: 'run'; jobId: string; periodStartMs: number } | { action: 'wait'; untilMs: number; reason: string };

/** The attempt number a job id of this period carries, or null. */
export function attemptOf(jobId: string, periodStartMs: number): number | null {
  const prefix = backupJobIdPrefix(periodStartMs);
  if (!jobId.startsWith(prefix)) return null;
  const n = Number(jobId.slice(prefix.length));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Whether to back up now: once per period; while another server's attempt is alive, wait; after
 * a failure (or an attempt whose server stopped), retry after RETRY_AFTER_MS, at most
 * MAX_ATTEMPTS_PER_PERIOD times, then wait for the next period.
 */
export function decideBackup(input: { nowMs: number; everyMs: number; attempts: readonly BackupAttempt[] }): BackupDecision {
  const start = periodStart(input.nowMs, input.everyMs);
  const next = start + input.everyMs;
  const attempts = [...input.attempts].sort((a, b) => a.attempt - b.attempt);
  if (attempts.some((a) => a.status === 'succeeded')) return { action: 'wait', untilMs: next, reason: 'done' };
  const last = attempts[attempts.length - 1];
  if (!last) return { action: 'run', jobId: backupJobId(start, 1), periodStartMs: start };
  if (last.status === 'running' && input.nowMs - last.updatedAtMs < STALE_AFTER_MS) {
    return { action: 'wait', untilMs: Math.min(next, input.nowMs + RECHECK_MS), reason: 'running' };
  }
  // Failed, or running with a heartbeat gone quiet (its server stopped).
  if (last.attempt >= MAX_ATTEMPTS_PER_PERIOD) return { action: 'wait', untilMs: next, reason: 'gave_up' };
  const retryAt = last.updatedAtMs + RETRY_AFTER_MS;
  if (input.nowMs < retryAt) return { action: 'wait', untilMs: Math.min(next, retryAt), reason: 'retry_later' };
  return { action: 'run', jobId: backupJobId(start, last.attempt + 1), periodStartMs: start };
}
