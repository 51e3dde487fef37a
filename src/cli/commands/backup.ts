// `tusoi backup FILE` (issue 2 item 8; PostgreSQL: issue 6 item 4): an online, consistent copy of
// the database (the server may keep running), then read back and checked, so a backup is known good
// when it is made. SQLite: the SQLite backup API. PostgreSQL: pg_dump --format=custom, checked with
// pg_restore, through a temporary name (adapters/backup/backup-files.ts).
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../server/adapters/db/dialect.js';
import { migrationLevel } from '../../server/adapters/db/migrate.js';
import { BackupError, writePostgresBackup } from '../../server/adapters/backup/backup-files.js';
import { CliError, EXIT_OK, UsageError, databaseConfig, databaseFile, err, out, parseOptions, type Command } from '../io.js';

function megabytes(file: string): string {
  return sizeText(fs.statSync(file).size);
}

export function sizeText(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

async function backupPostgres(url: string, target: string): Promise<void> {
  let report;
  try {
    report = await writePostgresBackup(url, target);
  } catch (e) {
    if (e instanceof BackupError) throw new CliError(e.message);
    throw e;
  }
  out(`Đã sao lưu và kiểm tra (verified): ${target}`);
  out(
    `  Dung lượng: ${sizeText(report.bytes)} MB; mức cấu trúc: ${report.level ?? '(chưa có)'}; ${report.tables} bảng; pg_restore đọc lại trọn vẹn: đạt.`,
  );
}

export const backupCommand: Command = {
  name: 'backup',
  help: `Cách dùng: tusoi backup TỆP [--force]

Sao chép nhất quán cơ sở dữ liệu sang TỆP trong khi máy chủ vẫn chạy, rồi đọc lại và kiểm tra bản
sao. Không ghi đè tệp đã có, trừ khi dùng --force.
  SQLite:     bản sao là một tệp SQLite (kiểm tra integrity_check).
  PostgreSQL: bản sao do pg_dump --format=custom tạo, được pg_restore đọc lại trọn vẹn; cần pg_dump
              và pg_restore cùng phiên bản chính với máy chủ (trên PATH, hoặc trong thư mục
              TUSOI_PG_BIN). Bản sao được ghi dưới tên tạm và chỉ mang tên TỆP khi đã kiểm tra xong.
Khôi phục: tusoi restore TỆP.`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { force: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp đích, ví dụ: tusoi backup sao-luu/tusoi-2026-01-15.sqlite');
    const target = path.resolve(positionals[0]);
    const config = databaseConfig();
    if (config.dialect === 'postgres') {
      if (fs.existsSync(target) && !values.force) throw new CliError(`Tệp ${target} đã tồn tại; dùng --force để ghi đè.`);
      await backupPostgres(config.url, target);
      err('Giữ bản sao lưu ở nơi khác máy chủ (ổ đĩa rời, máy khác) và kiểm tra khôi phục định kỳ.');
      return EXIT_OK;
    }
    const file = databaseFile(config);
    if (file === null) throw new CliError('Không xác định được tệp cơ sở dữ liệu.');
    if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy cơ sở dữ liệu ${file}.`);
    if (target === file) throw new CliError('Tệp sao lưu phải khác tệp cơ sở dữ liệu.');
    if (fs.existsSync(target) && !values.force) throw new CliError(`Tệp ${target} đã tồn tại; dùng --force để ghi đè.`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (fs.existsSync(target)) fs.rmSync(target);

    const source = await openDatabase(config);
    try {
      await source.backupTo(target);
    } finally {
      await source.close();
    }
    const copy = await openDatabase({ dialect: 'sqlite', file: target });
    try {
      const problems = await copy.integrityCheck();
      if (problems.length > 0) throw new CliError(`Bản sao lưu ${target} không toàn vẹn: ${problems.slice(0, 5).join('; ')}`);
      const level = await migrationLevel(copy);
      out(`Đã sao lưu và kiểm tra (verified): ${target}`);
      out(`  Dung lượng: ${megabytes(target)} MB; mức cấu trúc: ${level ?? '(chưa có)'}; kiểm tra toàn vẹn: đạt.`);
    } finally {
      await copy.close();
    }
    err('Giữ bản sao lưu ở nơi khác máy chủ (ổ đĩa rời, máy khác) và kiểm tra khôi phục định kỳ.');
    return EXIT_OK;
  },
};
