// `tusoi serve` (`npm start`, design §4 "Interfaces that stay stable"): migrates, fills an empty
// database (the demo committee, or with TUSOI_DEMO=0 an empty real deployment), builds the browser
// app when it is missing, starts the job worker and the HTTP server, and stops cleanly on a signal.
import cluster from 'node:cluster';
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
import { allowsSeveralProcesses } from '../../server/adapters/db/dialect.js';

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

/** What an HTTP worker process tells the main process once it listens. */
interface WorkerReady {
  tusoiListening: string;
}

/**
 * An HTTP worker of `--workers N`: serves the API and the app on the port the main process shares
 * among its workers (node:cluster), and nothing else; the main process migrated the database and
 * runs the background jobs.
 */
async function runHttpWorker(port: number, host: string | undefined): Promise<number> {
  const ctx = await openContext(databaseConfig());
  try {
    const server = await startServer(ctx, { port, host });
    process.send?.({ tusoiListening: server.url } satisfies WorkerReady);
    await waitForSignal();
    await within(10_000, server.close());
  } finally {
    await ctx.handle.close();
  }
  setTimeout(() => process.exit(EXIT_OK), 3000).unref();
  return EXIT_OK;
}

/**
 * Forks the HTTP workers and waits until each listens; a worker that dies is replaced. Their
 * shared port spreads connections round-robin, as several app servers behind a proxy (README).
 */
function startHttpWorkers(count: number): { url: Promise<string>; stop(): Promise<void> } {
  let stopping = false;
  let ready = 0;
  let onReady: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (onReady = resolve));
  const fork = () => {
    const worker = cluster.fork();
    let listening = false;
    worker.on('message', (m: Partial<WorkerReady>) => {
      if (typeof m?.tusoiListening !== 'string' || listening) return;
      listening = true;
      if (++ready === count) onReady(m.tusoiListening);
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      if (listening) ready--;
      err(`Tiến trình phục vụ ${worker.process.pid} đã dừng (${signal ?? `mã ${code}`}); đang chạy tiến trình thay thế.`);
      // A second apart, so that a worker that cannot start (the database is down) is not restarted in a tight loop.
      setTimeout(() => stopping || fork(), 1000);
    });
  };
  for (let i = 0; i < count; i++) fork();
  return {
    url,
    async stop() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              w.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
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
  --workers SỐ     số tiến trình phục vụ cùng cổng (mặc định: biến TUSOI_WORKERS, hoặc 1); trên
                   PostgreSQL, đặt bằng số nhân CPU của máy để dùng hết các nhân

Biến môi trường: DATABASE_URL (file:… hoặc postgres://…), TUSOI_DATA_DIR, PORT, TUSOI_WORKERS, TUSOI_DEMO, TUSOI_COMMITTEE.
Sao lưu định kỳ: TUSOI_BACKUP_DIR (thư mục; không đặt thì không sao lưu), TUSOI_BACKUP_EVERY_HOURS
(mặc định 24), TUSOI_BACKUP_KEEP (số bản giữ lại, mặc định 14), TUSOI_PG_BIN (thư mục pg_dump).`,
  async run(args) {
    const { values } = parseOptions(args, { port: { type: 'string' }, host: { type: 'string' }, workers: { type: 'string' } });
    const portText = values.port ?? process.env.PORT ?? '3000';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Cổng không hợp lệ: "${portText}".`);
    if (cluster.isWorker) return runHttpWorker(port, values.host);
    const workersText = values.workers ?? process.env.TUSOI_WORKERS ?? '1';
    const workers = Number(workersText);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      throw new UsageError(`Số tiến trình không hợp lệ: "${workersText}" (một số nguyên từ 1 đến 64).`);
    }
    const config = databaseConfig();
    if (workers > 1 && !allowsSeveralProcesses(config)) {
      throw new CliError('Nhiều tiến trình phục vụ (--workers) chỉ dùng được với PostgreSQL; với SQLite, Tự soi chạy một tiến trình.');
    }
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
      if (workers === 1) {
        const server = await startServer(ctx, { port, host: values.host });
        out(`Tự soi đang chạy tại ${server.url}`);
        const signal = await waitForSignal();
        err(`Nhận tín hiệu ${signal}: đang dừng…`);
        await within(10_000, server.close());
      } else {
        const http = startHttpWorkers(workers);
        const signalled = waitForSignal();
        const first = await Promise.race([http.url, signalled.then(() => null)]);
        if (first !== null) out(`Tự soi đang chạy tại ${first} (${workers} tiến trình phục vụ)`);
        const signal = await signalled;
        err(`Nhận tín hiệu ${signal}: đang dừng…`);
        await within(10_000, http.stop());
      }
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
