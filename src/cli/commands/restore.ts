// `tusoi restore FILE` (issue 2 item 8): puts a backup back in place of the SQLite database, only
// when the file is a sound Tự soi database and no server has the database open; the database it
// replaces is kept beside it as <database>.bak-<time>.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../server/adapters/db/dialect.js';
import { migrationsFor } from '../../server/adapters/db/migrate.js';
import { CliError, EXIT_OK, UsageError, databaseConfig, databaseFile, err, out, parseOptions, type Command } from '../io.js';

function stamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Opens a copy of the file and checks that it is a Tự soi database this version can run. */
async function verifyTusoiDatabase(file: string): Promise<string> {
  const handle = await openDatabase({ dialect: 'sqlite', file });
  try {
    let problems: string[];
    try {
      problems = await handle.integrityCheck();
    } catch (e) {
      throw new CliError(`Tệp không phải cơ sở dữ liệu SQLite hợp lệ: ${(e as Error).message}`);
    }
    if (problems.length > 0) throw new CliError(`Tệp sao lưu không toàn vẹn: ${problems.slice(0, 5).join('; ')}`);
    const tables = new Set((await handle.db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name));
    if (!tables.has('kysely_migration') || !tables.has('org_units') || !tables.has('accounts') || !tables.has('audit_events')) {
      throw new CliError('Tệp không phải cơ sở dữ liệu Tự soi (thiếu bảng cấu trúc hoặc bảng dữ liệu chính).');
    }
    const applied = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db)).rows.map(
      (r) => r.name,
    );
    const known = new Set(Object.keys(migrationsFor(handle)));
    const unknown = applied.filter((n) => !known.has(n));
    if (applied.length === 0) throw new CliError('Tệp không phải cơ sở dữ liệu Tự soi (chưa có bước cấu trúc nào).');
    if (unknown.length > 0) {
      throw new CliError(
        `Bản sao lưu đến từ phiên bản Tự soi mới hơn (có bước cấu trúc ${unknown.join(', ')}); hãy cập nhật phần mềm trước.`,
      );
    }
    return applied[applied.length - 1];
  } finally {
    await handle.close();
  }
}

/**
 * True when another connection holds the database (a running server): with exclusive locking, a
 * write transaction cannot start while any other process has the WAL database open.
 */
async function inUse(file: string): Promise<boolean> {
  const handle = await openDatabase({ dialect: 'sqlite', file });
  try {
    await sql`pragma busy_timeout = 200`.execute(handle.db);
    await sql`pragma locking_mode = exclusive`.execute(handle.db);
    await sql`begin exclusive`.execute(handle.db);
    await sql`commit`.execute(handle.db);
    return false;
  } catch (e) {
    if (/SQLITE_BUSY|locked/i.test(`${(e as { code?: string }).code ?? ''} ${(e as Error).message}`)) return true;
    throw e;
  } finally {
    // Closing the last connection checkpoints the WAL into the file, so the file alone is the database.
    await handle.close();
  }
}

function moveIfExists(from: string, to: string): void {
  if (fs.existsSync(from)) fs.renameSync(from, to);
}

export const restoreCommand: Command = {
  name: 'restore',
  help: `Cách dùng: tusoi restore TỆP

Kiểm tra TỆP (toàn vẹn, đúng là cơ sở dữ liệu Tự soi) rồi đặt nó thay cơ sở dữ liệu đang cấu hình.
Cơ sở dữ liệu cũ được giữ lại bên cạnh với đuôi .bak-<thời điểm>. Phải dừng máy chủ trước khi khôi
phục; lệnh từ chối nếu cơ sở dữ liệu đang được mở.
Với PostgreSQL, dùng pg_restore.`,
  async run(args) {
    const { positionals } = parseOptions(args, {}, true);
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp sao lưu, ví dụ: tusoi restore sao-luu/tusoi-2026-01-15.sqlite');
    const source = path.resolve(positionals[0]);
    const config = databaseConfig();
    const target = databaseFile(config);
    if (target === null) {
      throw new CliError('Cơ sở dữ liệu là PostgreSQL: hãy khôi phục bằng pg_restore (bản sao lưu tạo bằng pg_dump).');
    }
    if (!fs.existsSync(source)) throw new CliError(`Không tìm thấy tệp ${source}.`);
    if (source === target) throw new CliError('Tệp sao lưu chính là cơ sở dữ liệu đang cấu hình.');
    fs.mkdirSync(path.dirname(target), { recursive: true });

    // Work on a copy beside the target: the backup itself stays untouched, and the final step is a
    // rename on the same disk.
    const when = stamp();
    const staged = `${target}.restore-${when}.tmp`;
    fs.copyFileSync(source, staged);
    let level: string;
    try {
      level = await verifyTusoiDatabase(staged);
    } catch (e) {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${staged}${suffix}`, { force: true });
      throw e;
    }

    let kept: string | null = null;
    if (fs.existsSync(target)) {
      if (await inUse(target)) {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${staged}${suffix}`, { force: true });
        throw new CliError('Cơ sở dữ liệu đang được mở (máy chủ Tự soi đang chạy?). Hãy dừng máy chủ rồi chạy lại lệnh khôi phục.');
      }
      kept = `${target}.bak-${when}`;
      fs.renameSync(target, kept);
      moveIfExists(`${target}-wal`, `${kept}-wal`);
      fs.rmSync(`${target}-shm`, { force: true });
    }
    fs.renameSync(staged, target);
    out(`Đã khôi phục ${target} từ ${source} (mức cấu trúc ${level}).`);
    if (kept) out(`Cơ sở dữ liệu cũ được giữ ở ${kept}.`);
    err('Khởi động lại máy chủ để dùng dữ liệu đã khôi phục.');
    return EXIT_OK;
  },
};
