// The pure part of the scheduled backups (issue 6 item 4): settings, periods, dated names, the
// retention, and whether a backup is due.
import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS_PER_PERIOD,
  RECHECK_MS,
  RETRY_AFTER_MS,
  STALE_AFTER_MS,
  attemptOf,
  backupFileName,
  backupJobId,
  decideBackup,
  filesToDelete,
  parseBackupFileName,
  parseBackupSettings,
  partialNameOf,
  periodStart,
} from '../../src/server/domain/backup-schedule.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);

describe('backup settings', () => {
  it('are off without TUSOI_BACKUP_DIR, and default to every 24 hours keeping 14', () => {
    expect(parseBackupSettings({})).toBeNull();
    expect(parseBackupSettings({ TUSOI_BACKUP_DIR: '  ' })).toBeNull();
    expect(parseBackupSettings({ TUSOI_BACKUP_DIR: '/srv/sao-luu' })).toEqual({ dir: '/srv/sao-luu', everyHours: 24, keep: 14 });
    expect(parseBackupSettings({ TUSOI_BACKUP_DIR: 'b', TUSOI_BACKUP_EVERY_HOURS: '6', TUSOI_BACKUP_KEEP: '30' })).toEqual({
      dir: 'b',
      everyHours: 6,
      keep: 30,
    });
    // A decimal comma, as Vietnamese writes it.
    expect(parseBackupSettings({ TUSOI_BACKUP_DIR: 'b', TUSOI_BACKUP_EVERY_HOURS: '0,5' })?.everyHours).toBe(0.5);
  });

  it('refuse a wrong period or count with a Vietnamese message naming the variable', () => {
    for (const every of ['0', '-3', 'mỗi ngày', 'NaN']) {
      expect(() => parseBackupSettings({ TUSOI_BACKUP_DIR: 'b', TUSOI_BACKUP_EVERY_HOURS: every })).toThrow(
        /TUSOI_BACKUP_EVERY_HOURS không hợp lệ/,
      );
    }
    for (const keep of ['0', '2.5', '-1', 'hết']) {
      expect(() => parseBackupSettings({ TUSOI_BACKUP_DIR: 'b', TUSOI_BACKUP_KEEP: keep })).toThrow(/TUSOI_BACKUP_KEEP không hợp lệ/);
    }
  });
});

describe('backup periods', () => {
  it('start at midnight in Vietnam (UTC+7) for a daily backup, and every 6 hours from there', () => {
    // 15/01/2026 10:00 in Hà Nội is 03:00 UTC; the day began at 14/01 17:00 UTC.
    expect(new Date(periodStart(at('2026-01-15T03:00:00Z'), DAY)).toISOString()).toBe('2026-01-14T17:00:00.000Z');
    expect(new Date(periodStart(at('2026-01-14T16:59:59Z'), DAY)).toISOString()).toBe('2026-01-13T17:00:00.000Z');
    expect(new Date(periodStart(at('2026-01-14T17:00:00Z'), DAY)).toISOString()).toBe('2026-01-14T17:00:00.000Z');
    expect(new Date(periodStart(at('2026-01-15T03:00:00Z'), 6 * HOUR)).toISOString()).toBe('2026-01-14T23:00:00.000Z');
  });

  it('give job ids that every server derives alike, and that carry the attempt', () => {
    const start = at('2026-01-14T17:00:00Z');
    expect(backupJobId(start, 1)).toBe('backup-20260114T170000Z-1');
    expect(attemptOf('backup-20260114T170000Z-2', start)).toBe(2);
    expect(attemptOf('backup-20260113T170000Z-2', start)).toBeNull();
    expect(attemptOf('backup-20260114T170000Z-x', start)).toBeNull();
  });
});

describe('dated backup names', () => {
  it('are UTC, without colons, and read back to their time', () => {
    const ms = at('2026-01-15T03:04:05.678Z');
    expect(backupFileName(ms, 'dump')).toBe('tusoi-2026-01-15T03-04-05Z.dump');
    expect(backupFileName(ms, 'sqlite')).toBe('tusoi-2026-01-15T03-04-05Z.sqlite');
    expect(parseBackupFileName('tusoi-2026-01-15T03-04-05Z.dump')).toBe(at('2026-01-15T03:04:05Z'));
    for (const other of ['tusoi.sqlite', 'tusoi-2026-02-30T00-00-00Z.dump', 'tusoi-2026-01-15T03-04-05Z.dump.bak', 'ghi-chu.txt']) {
      expect(parseBackupFileName(other)).toBeNull();
    }
  });
});

describe('retention', () => {
  const names = [
    'tusoi-2026-01-10T17-00-01Z.dump',
    'tusoi-2026-01-12T17-00-01Z.dump',
    'tusoi-2026-01-11T17-00-01Z.sqlite',
    'tusoi-2026-01-13T17-00-01Z.dump',
    'tusoi-truoc-khoi-phuc-20260112T080000Z.dump',
    'README.txt',
  ];

  it('keeps the newest KEEP dated backups and deletes the rest, oldest first chosen', () => {
    expect(filesToDelete(names, 2)).toEqual(['tusoi-2026-01-10T17-00-01Z.dump', 'tusoi-2026-01-11T17-00-01Z.sqlite']);
    expect(filesToDelete(names, 1)).toEqual([
      'tusoi-2026-01-10T17-00-01Z.dump',
      'tusoi-2026-01-11T17-00-01Z.sqlite',
      'tusoi-2026-01-12T17-00-01Z.dump',
    ]);
  });

  it('deletes nothing while there are no more than KEEP, and never a file of another name', () => {
    expect(filesToDelete(names, 4)).toEqual([]);
    expect(filesToDelete(names, 40)).toEqual([]);
    expect(filesToDelete(['README.txt', 'tusoi-truoc-khoi-phuc-20260112T080000Z.dump'], 1)).toEqual([]);
  });

  it('clears the temporary file of a run that did not finish once a newer backup exists, not one being written', () => {
    const crashed = partialNameOf('tusoi-2026-01-12T17-00-01Z.dump', 'a1b2c3');
    const current = partialNameOf('tusoi-2026-01-14T17-00-01Z.dump', 'd4e5f6');
    expect(crashed).toBe('.tusoi-2026-01-12T17-00-01Z.dump.a1b2c3.partial');
    expect(filesToDelete([...names, crashed, current], 4)).toEqual([crashed]);
  });
});

describe('whether a backup is due', () => {
  const every = DAY;
  const now = at('2026-01-15T03:00:00Z');
  const start = periodStart(now, every);
  const next = start + every;

  it('runs the first attempt of a period with none', () => {
    expect(decideBackup({ nowMs: now, everyMs: every, attempts: [] })).toEqual({
      action: 'run',
      jobId: backupJobId(start, 1),
      periodStartMs: start,
    });
  });

  it('waits for the next period once one attempt succeeded', () => {
    const attempts = [
      { attempt: 1, status: 'failed', updatedAtMs: now - 2 * HOUR },
      { attempt: 2, status: 'succeeded', updatedAtMs: now - HOUR },
    ];
    expect(decideBackup({ nowMs: now, everyMs: every, attempts })).toEqual({ action: 'wait', untilMs: next, reason: 'done' });
  });

  it('waits while another server is writing, and takes over once its heartbeat is stale', () => {
    const alive = [{ attempt: 1, status: 'running', updatedAtMs: now - 30_000 }];
    expect(decideBackup({ nowMs: now, everyMs: every, attempts: alive })).toEqual({
      action: 'wait',
      untilMs: now + RECHECK_MS,
      reason: 'running',
    });
    const gone = [{ attempt: 1, status: 'running', updatedAtMs: now - STALE_AFTER_MS - RETRY_AFTER_MS }];
    expect(decideBackup({ nowMs: now, everyMs: every, attempts: gone })).toMatchObject({ action: 'run', jobId: backupJobId(start, 2) });
  });

  it('retries a failure after a pause, and gives up for the period after the last allowed attempt', () => {
    const failed = [{ attempt: 1, status: 'failed', updatedAtMs: now - 60_000 }];
    expect(decideBackup({ nowMs: now, everyMs: every, attempts: failed })).toEqual({
      action: 'wait',
      untilMs: now - 60_000 + RETRY_AFTER_MS,
      reason: 'retry_later',
    });
    expect(decideBackup({ nowMs: now + RETRY_AFTER_MS, everyMs: every, attempts: failed })).toMatchObject({
      action: 'run',
      jobId: backupJobId(start, 2),
    });
    const exhausted = Array.from({ length: MAX_ATTEMPTS_PER_PERIOD }, (_, i) => ({
      attempt: i + 1,
      status: 'failed',
      updatedAtMs: now - 5 * HOUR,
    }));
    expect(decideBackup({ nowMs: now, everyMs: every, attempts: exhausted })).toEqual({ action: 'wait', untilMs: next, reason: 'gave_up' });
  });

  it('never waits past the start of the next period', () => {
    const late = at('2026-01-15T16:55:00Z'); // 23:55 in Hà Nội
    const failed = [{ attempt: 1, status: 'failed', updatedAtMs: late }];
    const d = decideBackup({ nowMs: late, everyMs: every, attempts: failed });
    expect(d).toEqual({ action: 'wait', untilMs: at('2026-01-15T17:00:00Z'), reason: 'retry_later' });
  });
});
