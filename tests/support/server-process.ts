// The real `tusoi serve` as a child process on a port of the loopback interface, as an operator runs
// it: for tests that must stop the server the hard way (SIGKILL) and start it again on the same
// database and port. The in-process server of server.ts cannot be killed without killing the test.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY = /Tự soi đang chạy tại http:\/\/[^:\s]+:(\d+)/;
/** Output kept for error messages: the tail is enough, and an endless log must not fill memory. */
const KEEP_OUTPUT = 20_000;

/** Servers still running when the test process ends (a failed hook, an interrupted run) go with it. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ServerProcess {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** What the server printed (stdout and stderr, the last part). */
  output(): string;
  /** SIGKILL — no handler, no flush, no closing of the database — and waits for the process to end. */
  kill(): Promise<void>;
  /** SIGTERM, the clean stop of `tusoi serve`, then SIGKILL if it hangs; waits for the end. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** 0 (the default) lets the system choose; a restart passes the port of the killed server. */
  port?: number;
  env?: Record<string, string>;
  /** How long the start may take (migrations, loading the sources through tsx). */
  timeoutMs?: number;
}

export function startServerProcess(databaseUrl: string, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // An API-only server that never fills the database with the demo.
    TUSOI_BUILD_WEB: '0',
    TUSOI_DEMO: '0',
    ...options.env,
  };
  delete env.TUSOI_DATA_DIR;
  delete env.PORT;
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'tusoi.js'), 'serve', '--port', String(options.port ?? 0), '--host', '127.0.0.1'],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill('SIGKILL');
      reject(new Error(`tusoi serve did not start in time:\n${output}`));
    }, options.timeoutMs ?? 90_000);
    let ready = false;
    const onData = (d: Buffer) => {
      // Always read the pipes: a full pipe would block the server's writes.
      output = (output + d.toString()).slice(-KEEP_OUTPUT);
      const m = ready ? null : READY.exec(output);
      if (!m) return;
      ready = true;
      clearTimeout(timer);
      const port = Number(m[1]);
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        pid: child.pid!,
        child,
        output: () => output,
        kill: () => kill('SIGKILL'),
        async stop() {
          const hard = setTimeout(() => void kill('SIGKILL'), 15_000);
          await kill('SIGTERM');
          clearTimeout(hard);
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`tusoi serve ended before it was ready (${signal ?? code}):\n${output}`));
    });
  });
}
