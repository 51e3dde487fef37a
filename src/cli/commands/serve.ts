// `tusoi serve` (`npm start`, design §4 "Interfaces that stay stable"): migrates, fills an empty
// database (the demo committee, or with TUSOI_DEMO=0 an empty real deployment), builds the browser
// app when it is missing, starts the job worker and the HTTP server, and stops cleanly on a signal.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT, WEB_ROOT, openContext, startServer } from '../../server/main.js';
import { initDeployment, treeIsEmpty } from '../../server/features/setup/init-deployment.js';
import type { AppContext } from '../../server/features/context.js';
import { CliError, EXIT_OK, UsageError, databaseConfig, describeDatabase, err, out, parseOptions, type Command } from '../io.js';
import { printFirstAdmin } from './init.js';
import { loadBuildDemo, printDemoLogins } from './demo-logins.js';
import { startNotificationScheduler } from '../../server/features/notifications/schedule-notification-tasks.js';
import { backupSettingsProblem, startBackupScheduler } from '../../server/adapters/backup/backup-scheduler.js';
import { BackupError } from '../../server/adapters/backup/pg-tools.js';

interface Worker {
  stop(): Promise<void>;
}

async function fillEmptyDatabase(ctx: AppContext): Promise<void> {
  if (!(await treeIsEmpty(ctx.db))) return;
  if (process.env.TUSOI_DEMO === '0') {
    const committeeName = process.env.TUSOI_COMMITTEE?.trim() || 'Đảng bộ';
    err(`Cơ sở dữ liệu trống: khởi tạo "${committeeName}" (TUSOI_DEMO=0).`);
    printFirstAdmin(await initDeployment(ctx, { committeeName }));
    return;
  }
  err('Cơ sở dữ liệu trống: đang tạo dữ liệu mẫu (đặt TUSOI_DEMO=0 để khởi tạo một đảng bộ thật, trống)…');
  const buildDemo = await loadBuildDemo();
  printDemoLogins(await buildDemo(ctx, { scale: 'city', onProgress: (m) => err(m) }));
}

async function buildWebIfMissing(): Promise<void> {
  // TUSOI_BUILD_WEB=0: an API-only server (tests, or a front end served elsewhere).
  if (fs.existsSync(path.join(WEB_ROOT, 'index.html')) || process.env.TUSOI_BUILD_WEB === '0') return;
  err('Đang dựng giao diện…');
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } catch (e) {
    err(`Cảnh báo: không dựng được giao diện (${(e as Error).message}). Máy chủ vẫn phục vụ API; chạy "npm run build" để xem lỗi.`);
  }
}

async function startWorker(ctx: AppContext): Promise<Worker | null> {
  try {
    const { startJobWorker } = await import('../../server/adapters/jobs/worker.js');
    return startJobWorker(ctx);
  } catch (e) {
    err(`Cảnh báo: chưa chạy được bộ xử lý tác vụ nền (${(e as Error).message}); nhập tệp lớn sẽ chờ.`);
    return null;
  }
}

/**
 * Fails early, in Vietnamese, when the port is taken: startServer (main.ts) would otherwise crash on
 * the server's unhandled 'error' event with a stack trace.
 */
function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          e.code === 'EADDRINUSE'
            ? `Cổng ${port} đang được dùng (có thể Tự soi đã chạy). Dùng --port hoặc biến PORT để chọn cổng khác.`
            : `Không mở được cổng ${port}: ${e.message}`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: string) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** Waits for a closing step, but never forever: a hung connection must not keep the process up. */
function within(ms: number, p: Promise<unknown>): Promise<unknown> {
  return Promise.race([p, new Promise((r) => setTimeout(r, ms).unref())]);
}

export const serveCommand: Command = {
  name: 'serve',
  help: `Cách dùng: tusoi serve [--port SỐ] [--host ĐỊA_CHỈ]

Cập nhật cấu trúc dữ liệu, rồi phục vụ giao diện và API. Lần chạy đầu trên cơ sở dữ liệu trống:
tạo dữ liệu mẫu và in các tài khoản dùng thử; với TUSOI_DEMO=0, khởi tạo một đảng bộ thật, trống
(tên lấy từ TUSOI_COMMITTEE, mặc định "Đảng bộ") và in tài khoản quản trị đầu tiên.

Tùy chọn:
  --port SỐ        cổng (mặc định: biến PORT, hoặc 3000)
  --host ĐỊA_CHỈ   địa chỉ lắng nghe (mặc định: 0.0.0.0)

Biến môi trường: DATABASE_URL (file:… hoặc postgres://…), TUSOI_DATA_DIR, PORT, TUSOI_DEMO, TUSOI_COMMITTEE.
Sao lưu định kỳ: TUSOI_BACKUP_DIR (thư mục; không đặt thì không sao lưu), TUSOI_BACKUP_EVERY_HOURS
(mặc định 24), TUSOI_BACKUP_KEEP (số bản giữ lại, mặc định 14), TUSOI_PG_BIN (thư mục pg_dump).`,
  async run(args) {
    const { values } = parseOptions(args, { port: { type: 'string' }, host: { type: 'string' } });
    const portText = values.port ?? process.env.PORT ?? '3000';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Cổng không hợp lệ: "${portText}".`);
    const config = databaseConfig();
    // A wrong TUSOI_BACKUP_* setting stops the start before anything is written.
    const backupProblem = backupSettingsProblem();
    if (backupProblem) throw new CliError(backupProblem);
    const ctx = await openContext(config);
    let worker: Worker | null = null;
    let reminders: Worker | null = null;
    let backups: Worker | null = null;
    try {
      err(`Cơ sở dữ liệu: ${describeDatabase(config)}`);
      await assertPortFree(port, values.host ?? '0.0.0.0');
      await fillEmptyDatabase(ctx);
      await buildWebIfMissing();
      worker = await startWorker(ctx);
      // Deadline reminders and daily digests every 10 minutes (issue 3 item 9); safe on several servers.
      reminders = startNotificationScheduler(ctx);
      // Scheduled backups with retention when TUSOI_BACKUP_DIR is set (issue 6 item 4); one server per period.
      try {
        backups = startBackupScheduler(ctx, config);
      } catch (e) {
        if (e instanceof BackupError) throw new CliError(e.message);
        throw e;
      }
      const server = await startServer(ctx, { port, host: values.host });
      out(`Tự soi đang chạy tại ${server.url}`);
      const signal = await waitForSignal();
      err(`Nhận tín hiệu ${signal}: đang dừng…`);
      await within(10_000, server.close());
    } finally {
      if (reminders) await within(10_000, reminders.stop());
      if (backups) await within(10_000, backups.stop());
      if (worker) await within(10_000, worker.stop());
      await ctx.handle.close();
    }
    err('Đã dừng.');
    // Whatever might still hold the event loop (a client's open socket), the process ends shortly.
    setTimeout(() => process.exit(EXIT_OK), 3000).unref();
    return EXIT_OK;
  },
};
