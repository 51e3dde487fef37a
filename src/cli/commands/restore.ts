// `tusoi restore FILE` (issue 2 item 8; PostgreSQL: issue 6 item 4). SQLite: puts a backup back in
// place of the database file, only when the file is a sound Tự soi database and no server has the
// database open; the database it replaces is kept beside it as <database>.bak-<time>. PostgreSQL:
// the pg_dump archive, once checked, replaces the database's tables in one transaction, after the
// current content is saved beside the backup; asks for --yes. Both then check the migration level
// and every audit chain of what was restored.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DbHandle } from '../../server/adapters/db/dialect.js';
import { migrationLevel, migrationsFor } from '../../server/adapters/db/migrate.js';
import { verifyAllChains } from '../../server/adapters/db/audit.repository.js';
import {
  BackupError,
  inspectPostgresBackup,
  otherPostgresSessions,
  restorePostgresBackup,
  postgresHasTables,
  writePostgresBackup,
  type PostgresBackupInspection,
} from '../../server/adapters/backup/backup-files.js';
import { describeChainProblem } from '../../server/features/audit/verify-audit.js';
import {
  CliError,
  EXIT_ERROR,
  EXIT_OK,
  UsageError,
  databaseConfig,
  databaseFile,
  describeDatabase,
  err,
  out,
  parseOptions,
  type Command,
} from '../io.js';
import { sizeText } from './backup.js';

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

/** Walks every audit chain of the restored database and says how it went; false when one is broken. */
async function reportChains(handle: DbHandle): Promise<boolean> {
  const chains = await verifyAllChains(handle.db);
  if (chains.problem) {
    err(`Cảnh báo: dữ liệu đã khôi phục có ${describeChainProblem(chains.problem)}`);
    return false;
  }
  out(`Nhật ký thay đổi: đã kiểm tra ${chains.checked.toLocaleString('vi-VN')} sự kiện, các chuỗi toàn vẹn.`);
  return true;
}

async function inspect(url: string, file: string): Promise<PostgresBackupInspection> {
  // The handle gives the migrations this version knows; it runs no query, so opens no connection.
  const handle = await openDatabase({ dialect: 'postgres', url });
  try {
    return await inspectPostgresBackup(handle, file);
  } finally {
    await handle.close();
  }
}

async function restorePostgres(url: string, label: string, source: string, options: { yes: boolean; force: boolean }): Promise<number> {
  try {
    const inspection = await inspect(url, source);
    if (!options.yes) {
      throw new CliError(
        `Khôi phục sẽ thay toàn bộ dữ liệu của ${label} bằng bản sao lưu ${source} (mức cấu trúc ${inspection.level}). ` +
          'Chạy lại với --yes để xác nhận.',
      );
    }
    const others = await otherPostgresSessions(url);
    if (others > 0 && !options.force) {
      throw new CliError(
        `Đang có ${others} kết nối khác tới cơ sở dữ liệu (máy chủ Tự soi đang chạy?). Dừng máy chủ rồi chạy lại lệnh khôi phục; ` +
          'nếu các kết nối đó không phải của Tự soi và không ghi dữ liệu, dùng --force.',
      );
    }
    let kept: string | null = null;
    if (await postgresHasTables(url)) {
      kept = path.join(path.dirname(source), `tusoi-truoc-khoi-phuc-${stamp()}.dump`);
      let copy;
      try {
        copy = await writePostgresBackup(url, kept);
      } catch (e) {
        const reason = (e as Error).message;
        throw new CliError(`Không sao lưu được dữ liệu hiện có vào ${kept} (${reason}); chưa khôi phục gì.`);
      }
      err(`Đã sao lưu dữ liệu hiện có vào ${kept} (${sizeText(copy.bytes)} MB) trước khi khôi phục.`);
    }
    await restorePostgresBackup(url, inspection);

    const handle = await openDatabase({ dialect: 'postgres', url });
    try {
      const level = await migrationLevel(handle);
      if (level !== inspection.level) {
        throw new CliError(`Sau khi khôi phục, mức cấu trúc là ${level ?? '(chưa có)'}, khác bản sao lưu (${inspection.level}).`);
      }
      out(`Đã khôi phục ${label} từ ${source} (mức cấu trúc ${level}).`);
      if (kept) out(`Dữ liệu trước khi khôi phục được giữ ở ${kept}.`);
      const intact = await reportChains(handle);
      const latest = Object.keys(migrationsFor(handle)).sort().pop();
      if (level !== latest) err(`Bản sao lưu ở mức cấu trúc cũ hơn phần mềm (${latest}): máy chủ sẽ cập nhật cấu trúc khi khởi động.`);
      err('Khởi động lại máy chủ để dùng dữ liệu đã khôi phục.');
      return intact ? EXIT_OK : EXIT_ERROR;
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof BackupError) throw new CliError(e.message);
    throw e;
  }
}

export const restoreCommand: Command = {
  name: 'restore',
  help: `Cách dùng: tusoi restore TỆP [--yes] [--force]

Kiểm tra TỆP (đọc được trọn vẹn, đúng là cơ sở dữ liệu Tự soi, không mới hơn phần mềm) rồi đặt nó
thay dữ liệu của cơ sở dữ liệu đang cấu hình; sau đó kiểm tra mức cấu trúc và mọi chuỗi nhật ký.
Phải dừng máy chủ trước khi khôi phục.
  SQLite:     TỆP là tệp do tusoi backup tạo. Cơ sở dữ liệu cũ được giữ lại bên cạnh với đuôi
              .bak-<thời điểm>. Lệnh từ chối nếu cơ sở dữ liệu đang được mở.
  PostgreSQL: TỆP là bản pg_dump --format=custom (tusoi backup tạo). Cần --yes để xác nhận. Dữ liệu
              hiện có được sao lưu trước vào tusoi-truoc-khoi-phuc-<thời điểm>.dump cạnh TỆP, rồi
              các bảng được thay trong một giao dịch duy nhất: lỗi giữa chừng thì không có gì thay
              đổi. Lệnh từ chối khi còn kết nối khác tới cơ sở dữ liệu (máy chủ đang chạy), trừ khi
              dùng --force. Cần pg_restore, psql (và pg_dump) cùng phiên bản chính với máy chủ.`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { yes: { type: 'boolean' }, force: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp sao lưu, ví dụ: tusoi restore sao-luu/tusoi-2026-01-15.sqlite');
    const source = path.resolve(positionals[0]);
    const config = databaseConfig();
    if (config.dialect === 'postgres') {
      return restorePostgres(config.url, describeDatabase(config), source, { yes: values.yes === true, force: values.force === true });
    }
    if (values.force) throw new UsageError('--force chỉ dùng khi khôi phục PostgreSQL; với SQLite hãy dừng máy chủ trước.');
    const target = databaseFile(config);
    if (target === null) throw new CliError('Không xác định được tệp cơ sở dữ liệu.');
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
    const restored = await openDatabase({ dialect: 'sqlite', file: target });
    let intact: boolean;
    try {
      intact = await reportChains(restored);
    } finally {
      await restored.close();
    }
    err('Khởi động lại máy chủ để dùng dữ liệu đã khôi phục.');
    return intact ? EXIT_OK : EXIT_ERROR;
  },
};
