// The scheduled backups of `tusoi serve` (issue 6 item 4) on both databases: a due backup is
// written once per period even when two servers look at the same moment, carries a dated name, is
// a real backup, and the retention deletes the oldest beyond KEEP; a failure is recorded and
// retried later; a wrong setting stops the start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BACKUP_JOB_KIND, runBackupTick, startBackupScheduler } from '../../src/server/adapters/backup/backup-scheduler.js';
import { findPgTool, listArchive } from '../../src/server/adapters/backup/pg-tools.js';
import { BackupError } from '../../src/server/adapters/backup/backup-files.js';
import type { Clock } from '../../src/server/adapters/clock.js';
import { databaseConfigFrom, openDatabase, type DatabaseConfig } from '../../src/server/adapters/db/dialect.js';
import { migrationLevel } from '../../src/server/adapters/db/migrate.js';
import { RETRY_AFTER_MS, backupFileName, periodStart, type BackupSettings } from '../../src/server/domain/backup-schedule.js';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import { IN_CI, migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeSmallCommittee } from '../support/factories.js';

const PG_TOOLS_PRESENT = (['pg_dump', 'pg_restore'] as const).every((t) => findPgTool(t) !== null);
const DAY = 24 * 3600_000;

function movableClock(startMs: number): Clock & { set(ms: number): void } {
  let ms = startMs;
  return { now: () => new Date(ms).toISOString(), nowMs: () => ms, set: (v) => (ms = v) };
}

describeEachDialect('scheduled backups with retention', (dialect) => {
  if (dialect === 'postgres' && !PG_TOOLS_PRESENT) {
    if (IN_CI)
      it('needs pg_dump and pg_restore', () => expect.fail('pg_dump or pg_restore missing, and CI=true turns that into a failure.'));
    else it.skip('pg_dump and pg_restore are not installed (skipped outside CI)', () => undefined);
    return;
  }
  const ext = dialect === 'postgres' ? 'dump' : 'sqlite';
  let dir = '';
  let settings: BackupSettings;
  // 15/01/2026 10:00 in Hà Nội; the current period began at 14/01 17:00 UTC.
  const clock = movableClock(Date.parse('2026-01-15T03:00:00.000Z'));
  let db: TestDatabase;
  let config: DatabaseConfig;
  let serverA: AppContext;
  let serverB: AppContext;
  let secondHandle: Awaited<ReturnType<typeof openDatabase>>;

  const oldBackups = ['tusoi-2026-01-10T17-00-04Z', 'tusoi-2026-01-11T17-00-04Z', 'tusoi-2026-01-12T17-00-04Z'].map((n) => `${n}.${ext}`);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `tusoi-sched-${dialect}-`));
    settings = { dir, everyHours: 24, keep: 2 };
    db = await migratedDatabase(dialect);
    await makeSmallCommittee(db.handle.db);
    config = databaseConfigFrom({ DATABASE_URL: db.url });
    // Two app servers on one database, each with its own connection.
    secondHandle = await openDatabase(config);
    serverA = contextFor(db.handle, {}, clock);
    serverB = contextFor(secondHandle, {}, clock);
    for (const name of oldBackups) fs.writeFileSync(path.join(dir, name), 'ancien');
    fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), 'không phải bản sao lưu');
  });
  afterAll(async () => {
    await secondHandle?.close();
    await db?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function backupJobs() {
    return serverA.db
      .selectFrom('jobs')
      .select(['id', 'status', 'claimed_by', 'error_json'])
      .where('kind', '=', BACKUP_JOB_KIND)
      .orderBy('id')
      .execute();
  }

  it('writes one dated backup per period though two servers look at once, then keeps the newest KEEP', async () => {
    const results = await Promise.all([
      runBackupTick(serverA, config, settings, 'server-a'),
      runBackupTick(serverB, config, settings, 'server-b'),
    ]);
    const written = results.filter((r) => r.outcome === 'written');
    expect(written).toHaveLength(1);
    expect(results.filter((r) => r.outcome !== 'written').map((r) => r.outcome)).toEqual([expect.stringMatching(/^(taken|waiting)$/)]);

    const name = backupFileName(clock.nowMs(), ext);
    const file = path.join(dir, name);
    expect(written[0]).toMatchObject({ outcome: 'written', report: { file }, nextAtMs: Date.parse('2026-01-15T17:00:00.000Z') });
    // KEEP = 2: the new one and the newest old one stay; files of other names are never touched.
    expect(fs.readdirSync(dir).sort()).toEqual([oldBackups[2], name, 'ghi-chu.txt'].sort());
    expect(written[0].outcome === 'written' && written[0].deleted.sort()).toEqual(oldBackups.slice(0, 2));

    // A real backup, at the database's migration level.
    const level = await migrationLevel(db.handle);
    if (dialect === 'postgres') {
      const entries = await listArchive(findPgTool('pg_restore')!, file);
      expect(entries.some((e) => e.type === 'TABLE DATA' && e.name === 'members')).toBe(true);
    } else {
      const copy = await openDatabase({ dialect: 'sqlite', file });
      try {
        expect(await copy.integrityCheck()).toEqual([]);
        expect(await migrationLevel(copy)).toBe(level);
        expect((await copy.db.selectFrom('members').select('id').execute()).length).toBe(5);
      } finally {
        await copy.close();
      }
    }
    expect(written[0].outcome === 'written' && written[0].report.level).toBe(level);
    const jobs = await backupJobs();
    expect(jobs).toEqual([
      { id: 'backup-20260114T170000Z-1', status: 'succeeded', claimed_by: expect.stringMatching(/^server-[ab]$/), error_json: null },
    ]);
  });

  it('waits for the next period, then backs up again and deletes the oldest beyond KEEP', async () => {
    const again = await runBackupTick(serverB, config, settings, 'server-b');
    expect(again).toEqual({ outcome: 'waiting', reason: 'done', nextAtMs: Date.parse('2026-01-15T17:00:00.000Z') });

    const first = backupFileName(clock.nowMs(), ext);
    clock.set(Date.parse('2026-01-15T17:00:07.000Z'));
    const r = await runBackupTick(serverB, config, settings, 'server-b');
    expect(r.outcome).toBe('written');
    const second = backupFileName(clock.nowMs(), ext);
    expect(fs.readdirSync(dir).sort()).toEqual([first, second, 'ghi-chu.txt'].sort());
    expect(r.outcome === 'written' && r.deleted).toEqual([oldBackups[2]]);
  });

  it('records a failed attempt, retries only after a pause, and succeeds on the retry', async () => {
    clock.set(periodStart(clock.nowMs(), DAY) + DAY + 5000);
    // The file the attempt would write is in the way (a folder of that name).
    const blocker = path.join(dir, backupFileName(clock.nowMs(), ext));
    fs.mkdirSync(blocker);
    const failed = await runBackupTick(serverA, config, settings, 'server-a');
    expect(failed.outcome).toBe('failed');
    expect(failed.outcome === 'failed' && failed.message).toContain('đã tồn tại');
    expect(failed.nextAtMs).toBe(clock.nowMs() + RETRY_AFTER_MS);
    const jobs = await backupJobs();
    const last = jobs[jobs.length - 1];
    expect(last).toMatchObject({ id: 'backup-20260116T170000Z-1', status: 'failed' });
    expect(JSON.parse(last.error_json ?? '{}')).toMatchObject({ code: 'backup.failed' });

    expect(await runBackupTick(serverB, config, settings, 'server-b')).toMatchObject({ outcome: 'waiting', reason: 'retry_later' });
    fs.rmdirSync(blocker);
    clock.set(clock.nowMs() + RETRY_AFTER_MS);
    const retried = await runBackupTick(serverB, config, settings, 'server-b');
    expect(retried.outcome).toBe('written');
    expect((await backupJobs()).slice(-1)[0]).toMatchObject({ id: 'backup-20260116T170000Z-2', status: 'succeeded' });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('tusoi-'))).toHaveLength(2);
  });

  it('starts only when configured, refuses a wrong setting, and runs on its own once started', async () => {
    expect(startBackupScheduler(serverA, config, { env: {} })).toBeNull();
    expect(() => startBackupScheduler(serverA, config, { env: { TUSOI_BACKUP_DIR: dir, TUSOI_BACKUP_KEEP: '0' } })).toThrow(BackupError);
    expect(() => startBackupScheduler(serverA, config, { env: { TUSOI_BACKUP_DIR: dir, TUSOI_BACKUP_EVERY_HOURS: 'hằng ngày' } })).toThrow(
      /TUSOI_BACKUP_EVERY_HOURS không hợp lệ/,
    );

    const own = path.join(dir, 'tu-dong');
    const lines: string[] = [];
    clock.set(Date.now());
    const scheduler = startBackupScheduler(serverA, config, {
      env: { TUSOI_BACKUP_DIR: own, TUSOI_BACKUP_EVERY_HOURS: '6', TUSOI_BACKUP_KEEP: '3' },
      firstRunMs: 0,
      log: (l) => lines.push(l),
    });
    try {
      expect(scheduler?.settings).toEqual({ dir: own, everyHours: 6, keep: 3 });
      expect(lines[0]).toBe(`Sao lưu định kỳ: mỗi 6 giờ vào ${own}, giữ 3 bản mới nhất.`);
      await expect.poll(() => fs.readdirSync(own).filter((f) => f.endsWith(`.${ext}`)).length, { timeout: 20_000 }).toBe(1);
    } finally {
      await scheduler?.stop();
    }
    expect(lines.some((l) => l.startsWith('Đã sao lưu '))).toBe(true);
  });
});
