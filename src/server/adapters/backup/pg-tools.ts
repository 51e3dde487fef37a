// The PostgreSQL client programs behind `tusoi backup` / `tusoi restore` and the scheduled backups
// (issue 6 item 4): pg_dump writes the archive, pg_restore reads and checks it, psql applies it in
// one transaction. They are found on PATH or in TUSOI_PG_BIN; their failures are told in Vietnamese.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A refusal or failure of a backup or restore, with a message for the operator. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The program's path: in TUSOI_PG_BIN when it is set (and only there), else the first on PATH. */
export function findPgTool(tool: PgTool, env: NodeJS.ProcessEnv = process.env): string | null {
  const exe = process.platform === 'win32' ? `${tool}.exe` : tool;
  const pinned = env.TUSOI_PG_BIN?.trim();
  if (pinned) {
    const file = path.join(pinned, exe);
    return isExecutable(file) ? file : null;
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, exe);
    if (isExecutable(file)) return file;
  }
  return null;
}

export function missingToolMessage(tool: PgTool, env: NodeJS.ProcessEnv = process.env): string {
  const where = env.TUSOI_PG_BIN?.trim() ? ` trong thư mục TUSOI_PG_BIN (${env.TUSOI_PG_BIN})` : '';
  return (
    `Không tìm thấy chương trình ${tool}${where}. Sao lưu và khôi phục PostgreSQL cần pg_dump, pg_restore và psql ` +
    `cùng phiên bản chính với máy chủ: cài gói công cụ PostgreSQL (ví dụ: apt install postgresql-client), ` +
    `hoặc đặt TUSOI_PG_BIN là thư mục chứa chúng (ví dụ /usr/lib/postgresql/16/bin).`
  );
}

export function requirePgTool(tool: PgTool): string {
  const file = findPgTool(tool);
  if (!file) throw new BackupError(missingToolMessage(tool));
  return file;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end; stdout is kept only when asked (an archive's SQL can be large). */
export function runTool(file: string, args: string[], options: { env?: NodeJS.ProcessEnv; keepStdout?: boolean } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: options.env ?? process.env, stdio: ['ignore', options.keepStdout ? 'pipe' : 'ignore', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      // Only the end matters for a message; a chatty failure must not fill the memory.
      stderr = (stderr + d).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last lines a program wrote on stderr, for a message. */
export function lastLines(text: string, n = 4): string {
  return text.trim().split('\n').slice(-n).join(' / ');
}

/**
 * libpq arguments for DATABASE_URL: the URL without its password on the command line (where `ps`
 * shows it), and the password in PGPASSWORD.
 */
export function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { dbname: u.toString(), env };
}

/** 150020 → 15; 90624 → 9.6 (before version 10 the major version had two parts). */
export function majorOf(versionNum: number): number {
  return versionNum >= 100_000
    ? Math.floor(versionNum / 10_000)
    : Math.floor(versionNum / 10_000) + (Math.floor(versionNum / 100) % 100) / 10;
}

/** "pg_dump (PostgreSQL) 15.20 (Debian …)" → 150020; "pg_dump (PostgreSQL) 9.6.24" → 90624. */
export function parseToolVersion(text: string): number | null {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  return a >= 10 ? a * 10_000 + b : a * 10_000 + b * 100 + c;
}

export async function toolVersion(file: string): Promise<{ num: number; text: string }> {
  const r = await runTool(file, ['--version'], { keepStdout: true });
  const num = r.code === 0 ? parseToolVersion(r.stdout) : null;
  if (num === null)
    throw new BackupError(`Không đọc được phiên bản của ${file} (${lastLines(r.stdout || r.stderr) || `mã thoát ${r.code}`}).`);
  return { num, text: r.stdout.trim() };
}

/**
 * pg_dump refuses a server newer than itself ("server version mismatch"); said before it runs, in
 * words an operator can act on.
 */
export function assertToolCanDump(tool: { num: number; text: string }, serverNum: number): void {
  const toolMajor = majorOf(tool.num);
  const serverMajor = majorOf(serverNum);
  if (toolMajor < serverMajor) {
    throw new BackupError(
      `pg_dump phiên bản ${toolMajor} cũ hơn máy chủ PostgreSQL phiên bản ${serverMajor}: pg_dump không sao lưu được máy chủ mới hơn nó. ` +
        `Cài công cụ PostgreSQL ${serverMajor} (ví dụ: apt install postgresql-client-${serverMajor}) hoặc đặt TUSOI_PG_BIN là thư mục chứa pg_dump ${serverMajor} ` +
        `(ví dụ /usr/lib/postgresql/${serverMajor}/bin). (${tool.text})`,
    );
  }
}

/** pg_dump's and pg_restore's own words for the usual failures, in Vietnamese. */
export function describeToolFailure(tool: PgTool, r: RunResult): string {
  const text = r.stderr;
  if (/server version mismatch|aborting because of server version mismatch/i.test(text)) {
    return `${tool} cũ hơn máy chủ PostgreSQL (${lastLines(text, 2)}). Cài ${tool} cùng phiên bản với máy chủ hoặc đặt TUSOI_PG_BIN.`;
  }
  if (/unsupported version .* in file header/i.test(text)) {
    return `Bản sao lưu được tạo bởi pg_dump mới hơn ${tool} đang có (${lastLines(text, 1)}). Cài ${tool} mới hơn hoặc đặt TUSOI_PG_BIN.`;
  }
  if (/connection to server .* failed|could not connect|Connection refused/i.test(text)) {
    return `${tool} không kết nối được PostgreSQL (${lastLines(text, 2)}). Kiểm tra DATABASE_URL và máy chủ PostgreSQL.`;
  }
  return `${tool} thất bại (mã thoát ${r.code}): ${lastLines(text) || 'không có thông báo'}`;
}

/** `pg_dump --format=custom` of DATABASE_URL into `file`. */
export async function dumpDatabase(pgDump: string, url: string, file: string): Promise<void> {
  const { dbname, env } = connectionFor(url);
  const r = await runTool(pgDump, ['--format=custom', `--file=${file}`, '--no-password', `--dbname=${dbname}`], { env });
  if (r.code !== 0) throw new BackupError(describeToolFailure('pg_dump', r));
}

/** One line of `pg_restore --list`: "221; 1259 72438 TABLE public accounts postgres". */
export interface ArchiveEntry {
  line: string;
  /** "TABLE", "TABLE DATA", "INDEX", "FK CONSTRAINT", "COMMENT", "EXTENSION", … */
  type: string;
  schema: string;
  name: string;
}

const ENTRY_TYPES = [
  'TABLE DATA',
  'FK CONSTRAINT',
  'SEQUENCE SET',
  'SEQUENCE OWNED BY',
  'DEFAULT ACL',
  'MATERIALIZED VIEW DATA',
  'MATERIALIZED VIEW',
  'TABLE',
  'INDEX',
  'CONSTRAINT',
  'SEQUENCE',
  'COMMENT',
  'EXTENSION',
  'SCHEMA',
  'VIEW',
  'FUNCTION',
  'TYPE',
  'ACL',
  'DEFAULT',
  'TRIGGER',
];

export function parseArchiveList(text: string): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^\d+; \d+ \d+ (.*)$/.exec(line.trim());
    if (!m) continue;
    const rest = m[1];
    const type = ENTRY_TYPES.find((t) => rest.startsWith(`${t} `)) ?? rest.split(' ')[0];
    const [schema = '', name = ''] = rest.slice(type.length + 1).split(' ');
    entries.push({ line, type, schema, name });
  }
  return entries;
}

function unreadable(file: string, r: RunResult): BackupError {
  if (/No such file or directory/i.test(r.stderr)) return new BackupError(`Không tìm thấy tệp ${file}.`);
  if (/unsupported version .* in file header/i.test(r.stderr)) return new BackupError(describeToolFailure('pg_restore', r));
  return new BackupError(
    `Tệp ${file} không phải bản sao lưu PostgreSQL hợp lệ (định dạng pg_dump --format=custom) hoặc đã hỏng: ${lastLines(r.stderr, 2) || `mã thoát ${r.code}`}`,
  );
}

/** `pg_restore --list`: the archive's table of contents; fails on a file that is not one, or is cut short. */
export async function listArchive(pgRestore: string, file: string): Promise<ArchiveEntry[]> {
  const r = await runTool(pgRestore, ['--list', file], { keepStdout: true });
  if (r.code !== 0) throw unreadable(file, r);
  return parseArchiveList(r.stdout);
}

/** Reads every data block of the archive (decompressing it) without writing anything. */
export async function readWholeArchive(pgRestore: string, file: string): Promise<void> {
  const r = await runTool(pgRestore, [`--file=${os.devNull}`, file]);
  if (r.code !== 0) throw unreadable(file, r);
}

/** The migrations recorded in the archive's kysely_migration table, in order. */
export async function archiveMigrations(pgRestore: string, file: string, schema: string): Promise<string[]> {
  const r = await runTool(pgRestore, ['--data-only', `--schema=${schema}`, '--table=kysely_migration', '--file=-', file], {
    keepStdout: true,
  });
  if (r.code !== 0) throw unreadable(file, r);
  const names: string[] = [];
  let inCopy = false;
  for (const line of r.stdout.split('\n')) {
    if (inCopy) {
      if (line === '\\.') break;
      const name = line.split('\t')[0];
      if (name) names.push(name);
    } else if (/^COPY \S*kysely_migration /.test(line)) inCopy = true;
  }
  return names.sort();
}

/**
 * Applies the archive to DATABASE_URL in one transaction: `preamble` (which empties the schema),
 * then the archive's SQL from pg_restore (the entries of `listFile` only), then COMMIT — written
 * only once pg_restore has ended well. If pg_restore fails part way, or psql meets an error
 * (ON_ERROR_STOP), the transaction never commits and the database stays as it was.
 */
export async function applyArchive(
  tools: { pgRestore: string; psql: string },
  url: string,
  file: string,
  listFile: string,
  preamble: string,
): Promise<void> {
  const { dbname, env } = connectionFor(url);
  const psql = spawn(tools.psql, ['--no-psqlrc', '--quiet', '--no-password', '-v', 'ON_ERROR_STOP=1', `--dbname=${dbname}`], {
    env,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const restore = spawn(tools.pgRestore, ['--no-owner', '--no-privileges', `--use-list=${listFile}`, '--file=-', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let psqlErr = '';
  let restoreErr = '';
  psql.stderr.setEncoding('utf8').on('data', (d: string) => (psqlErr = (psqlErr + d).slice(-20_000)));
  restore.stderr.setEncoding('utf8').on('data', (d: string) => (restoreErr = (restoreErr + d).slice(-20_000)));
  // psql stops at its first error and closes its input: the rest of the stream has nowhere to go.
  psql.stdin.on('error', () => undefined);

  let restoreEnded = false;
  let psqlEndedFirst = false;
  const psqlDone = new Promise<number | null>((resolve, reject) => {
    psql.on('error', reject);
    psql.on('close', (code) => {
      // psql gave up (an error in the SQL): pg_restore would block on a full pipe, so it is stopped.
      if (!restoreEnded) {
        psqlEndedFirst = true;
        restore.kill('SIGTERM');
      }
      resolve(code);
    });
  });
  const restoreDone = new Promise<number | null>((resolve, reject) => {
    restore.on('error', reject);
    restore.on('close', (code) => {
      restoreEnded = true;
      resolve(code);
    });
  });

  psql.stdin.write(preamble);
  restore.stdout.pipe(psql.stdin, { end: false });
  const restoreCode = await restoreDone;
  // COMMIT only after pg_restore ended well; otherwise psql ends without it and the server rolls
  // the transaction back.
  psql.stdin.end(restoreCode === 0 ? '\nCOMMIT;\n' : '\nROLLBACK;\n');
  const psqlCode = await psqlDone;
  if (restoreCode !== 0 && !psqlEndedFirst) {
    throw new BackupError(
      `pg_restore dừng giữa chừng, nên không có thay đổi nào được ghi vào cơ sở dữ liệu (đã hủy giao dịch): ${lastLines(restoreErr, 2) || `mã thoát ${restoreCode}`}`,
    );
  }
  if (psqlCode !== 0 || psqlEndedFirst) {
    throw new BackupError(
      `Khôi phục thất bại, không có thay đổi nào được ghi vào cơ sở dữ liệu (đã hủy giao dịch): ${lastLines(psqlErr, 3) || `psql mã thoát ${psqlCode}`}`,
    );
  }
}
