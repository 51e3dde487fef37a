// `tusoi backup FILE` (issue 2 item 8): an online, consistent copy of the SQLite database (the
// server may keep running), then opened and checked, so a backup is known good when it is made.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../server/adapters/db/dialect.js';
import { migrationLevel } from '../../server/adapters/db/migrate.js';
import { CliError, EXIT_OK, UsageError, databaseConfig, databaseFile, err, out, parseOptions, type Command } from '../io.js';

export const PG_DUMP_HINT =
  'Cơ sở dữ liệu là PostgreSQL: hãy sao lưu bằng pg_dump, ví dụ: pg_dump --format=custom --file=tusoi.dump "$DATABASE_URL" (khôi phục bằng pg_restore).';

function megabytes(file: string): string {
  return (fs.statSync(file).size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

export const backupCommand: Command = {
  name: 'backup',
  help: `Cách dùng: tusoi backup TỆP [--force]

Sao chép nhất quán cơ sở dữ liệu SQLite sang TỆP trong khi máy chủ vẫn chạy, rồi mở bản sao và
kiểm tra tính toàn vẹn. Không ghi đè tệp đã có, trừ khi dùng --force.
Với PostgreSQL, dùng pg_dump.`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { force: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp đích, ví dụ: tusoi backup sao-luu/tusoi-2026-01-15.sqlite');
    const target = path.resolve(positionals[0]);
    const config = databaseConfig();
    const file = databaseFile(config);
    if (file === null) throw new CliError(PG_DUMP_HINT);
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
