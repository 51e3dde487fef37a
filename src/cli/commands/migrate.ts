// `tusoi migrate`: brings the database schema up to date (issue 2 item 2) and says where it stands.
import { openDatabase } from '../../server/adapters/db/dialect.js';
import { migrateToLatest, migrationLevel } from '../../server/adapters/db/migrate.js';
import { EXIT_OK, databaseConfig, describeDatabase, out, parseOptions, type Command } from '../io.js';

export const migrateCommand: Command = {
  name: 'migrate',
  help: `Cách dùng: tusoi migrate

Áp dụng các bước cập nhật cấu trúc dữ liệu còn thiếu, rồi in các bước đã áp dụng và mức hiện tại.
Máy chủ cũng tự làm việc này mỗi khi khởi động.`,
  async run(args) {
    parseOptions(args, {});
    const config = databaseConfig();
    const handle = await openDatabase(config);
    try {
      const applied = await migrateToLatest(handle);
      out(`Cơ sở dữ liệu: ${describeDatabase(config)}`);
      if (applied.length === 0) out('Cấu trúc dữ liệu đã ở phiên bản mới nhất; không có bước nào cần áp dụng.');
      else {
        out(`Đã áp dụng ${applied.length} bước:`);
        for (const name of applied) out(`  - ${name}`);
      }
      out(`Mức hiện tại: ${(await migrationLevel(handle)) ?? '(chưa có)'}`);
      return EXIT_OK;
    } finally {
      await handle.close();
    }
  },
};
