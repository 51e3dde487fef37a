// What every `tusoi` command shares: output streams, usage errors, option parsing with Vietnamese
// messages, the database from the environment, and reading a password from standard input.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { databaseConfigFrom, type DatabaseConfig } from '../server/adapters/db/dialect.js';
import type { AppContext } from '../server/features/context.js';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** The result of a command: what it prints on stdout is its data (a token, logins); messages go to stderr. */
export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function err(line = ''): void {
  process.stderr.write(`${line}\n`);
}

/** A mistake in how the command was called: exit code 2 and a pointer to the help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A refusal or failure with a message for the operator: exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export interface Command {
  /** "backup", or "user create" for a subcommand. */
  name: string;
  /** Full help, in Vietnamese, printed by `tusoi <command> --help`. */
  help: string;
  run(args: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its English errors turned into Vietnamese usage errors. */
export function parseOptions<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const message = (e as Error).message;
    const option = /'(-[^' ]*(?: [^']*)?)'/.exec(message)?.[1]?.split(' ')[0] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Tùy chọn không hợp lệ: ${option || message}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`Tùy chọn ${option || ''} cần một giá trị (hoặc không nhận giá trị).`.replace('  ', ' '));
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`Đối số thừa: ${/'([^']*)'/.exec(message)?.[1] ?? message}`);
    throw new UsageError(message);
  }
}

export function requireOption(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`Thiếu tùy chọn ${flag}.`);
  return value;
}

export function databaseConfig(): DatabaseConfig {
  try {
    return databaseConfigFrom(process.env);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/**
 * The database file, when the database is one (SQLite); null for a server database. Backup and
 * restore copy files, so they ask what the configuration points at rather than which engine runs.
 */
export function databaseFile(config: DatabaseConfig): string | null {
  return 'file' in config ? config.file : null;
}

export function describeDatabase(config: DatabaseConfig): string {
  const file = databaseFile(config);
  if (file !== null) return `SQLite ${file}`;
  const u = new URL('url' in config ? config.url : '');
  // `?host=/var/run/postgresql`: the Unix socket in that folder, whatever the URL's host says.
  const socket = u.searchParams.get('host');
  const where = socket?.startsWith('/') ? socket : `${u.hostname}${u.port ? `:${u.port}` : ''}`;
  return `PostgreSQL ${where}${u.pathname}`;
}

/** Opens the configured database (migrating it, as every start does), runs, closes. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  // Loaded on demand: the composition root pulls in the whole HTTP app, which help, backup and
  // restore do not need.
  const { openContext } = await import('../server/main.js');
  const ctx = await openContext(databaseConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.handle.close();
  }
}

/**
 * The first line of standard input: a password is never put on the command line, where the shell
 * history and `ps` would show it.
 */
export async function readSecretLine(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) err(prompt);
  return new Promise((resolve, reject) => {
    let data = '';
    const done = () => {
      stdin.off('data', onData);
      stdin.off('end', done);
      stdin.off('error', reject);
      stdin.pause();
      resolve(data.split(/\r?\n/)[0]);
    };
    const onData = (chunk: Buffer | string) => {
      data += chunk.toString();
      if (data.includes('\n')) done();
    };
    stdin.on('data', onData);
    stdin.once('end', done);
    stdin.once('error', reject);
    stdin.resume();
  });
}

/** "1,3 giây": Vietnamese writes a decimal comma. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} giây`;
}
