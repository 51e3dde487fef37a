// The `tusoi` command (issue 2 item 8; design §4 "Interfaces that stay stable"). bin/tusoi.js calls
// main() through tsx. Exit codes: 0 done, 1 refused or failed (the message says why), 2 wrong usage.
import fs from 'node:fs';
import { AppError } from '../shared/errors.js';
import { EXIT_ERROR, EXIT_OK, EXIT_USAGE, CliError, UsageError, err, out, type Command } from './io.js';

interface Entry {
  name: string;
  summary: string;
  /** Each command is loaded only when run: a start of the command stays quick. */
  load(): Promise<Command>;
}

export const COMMANDS: Entry[] = [
  {
    name: 'serve',
    summary: 'Chạy máy chủ Tự soi (mặc định cổng 3000)',
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
  {
    name: 'init',
    summary: 'Khởi tạo một đảng bộ thật, trống, với quản trị viên đầu tiên',
    load: async () => (await import('./commands/init.js')).initCommand,
  },
  {
    name: 'migrate',
    summary: 'Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất',
    load: async () => (await import('./commands/migrate.js')).migrateCommand,
  },
  {
    name: 'demo',
    summary: 'Tạo dữ liệu mẫu (đảng bộ thành phố hoặc cả tỉnh) trên cơ sở dữ liệu trống',
    load: async () => (await import('./commands/demo.js')).demoCommand,
  },
  {
    name: 'user create',
    summary: 'Tạo tài khoản với một vai trò trên một tổ chức đảng',
    load: async () => (await import('./commands/user-create.js')).userCreateCommand,
  },
  {
    name: 'user reset-password',
    summary: 'Đặt lại mật khẩu của một tài khoản',
    load: async () => (await import('./commands/user-reset-password.js')).userResetPasswordCommand,
  },
  {
    name: 'token create',
    summary: 'Tạo mã truy cập API (Authorization: Bearer) cho một tài khoản',
    load: async () => (await import('./commands/token-create.js')).tokenCreateCommand,
  },
  {
    name: 'backup',
    summary: 'Sao lưu cơ sở dữ liệu (SQLite hoặc PostgreSQL qua pg_dump; trực tuyến, có kiểm tra)',
    load: async () => (await import('./commands/backup.js')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'Khôi phục cơ sở dữ liệu từ bản sao lưu (PostgreSQL qua pg_restore, cần --yes)',
    load: async () => (await import('./commands/restore.js')).restoreCommand,
  },
  {
    name: 'audit verify',
    summary: 'Kiểm tra tính toàn vẹn của nhật ký thay đổi',
    load: async () => (await import('./commands/audit-verify.js')).auditVerifyCommand,
  },
];

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const GROUPS = new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]));

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `Tự soi ${version()} — kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên`,
    '',
    'Cách dùng: tusoi <lệnh> [tùy chọn]',
    '',
    'Các lệnh:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Xem hướng dẫn của từng lệnh: tusoi <lệnh> --help',
    'Cơ sở dữ liệu: DATABASE_URL (file:<đường dẫn> hoặc postgres://…); mặc định <TUSOI_DATA_DIR hoặc ./data>/tusoi.sqlite.',
  ].join('\n');
}

function groupHelp(group: string): string {
  const subs = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  const width = Math.max(...subs.map((c) => c.name.length));
  return [
    `Cách dùng: tusoi ${group} <lệnh con> [tùy chọn]`,
    '',
    'Các lệnh con:',
    ...subs.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

/** The usual ways a database is out of reach, said in Vietnamese; anything else as it came. */
function describeUnexpected(e: unknown): string {
  const code = (e as { code?: string })?.code;
  const message = (e as Error)?.message ?? String(e);
  if (code === 'ECONNREFUSED')
    return `Không kết nối được máy chủ cơ sở dữ liệu (${message}). Kiểm tra DATABASE_URL và PostgreSQL đã chạy chưa.`;
  if (code === '3D000') return `Cơ sở dữ liệu PostgreSQL chưa tồn tại (${message}). Tạo nó trước: createdb <tên>.`;
  if (code === '28P01' || code === '28000')
    return `PostgreSQL từ chối đăng nhập (${message}). Kiểm tra tên người dùng và mật khẩu trong DATABASE_URL.`;
  if (code === 'SQLITE_CANTOPEN') return `Không mở được tệp cơ sở dữ liệu SQLite (${message}). Kiểm tra đường dẫn và quyền ghi.`;
  if (code === 'SQLITE_NOTADB') return `Tệp không phải cơ sở dữ liệu SQLite (${message}).`;
  return message;
}

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    err(mainHelp());
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    out(mainHelp());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    out(version());
    return EXIT_OK;
  }
  let entry: Entry | undefined;
  let args: string[];
  if (GROUPS.has(first)) {
    const [sub, ...subArgs] = rest;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      (sub === undefined ? err : out)(groupHelp(first));
      return sub === undefined ? EXIT_USAGE : EXIT_OK;
    }
    entry = COMMANDS.find((c) => c.name === `${first} ${sub}`);
    if (!entry) {
      err(`Lệnh không hợp lệ: tusoi ${first} ${sub}`);
      err(groupHelp(first));
      return EXIT_USAGE;
    }
    args = subArgs;
  } else {
    entry = COMMANDS.find((c) => c.name === first);
    if (!entry) {
      err(`Lệnh không hợp lệ: ${first}`);
      err('Xem danh sách lệnh: tusoi --help');
      return EXIT_USAGE;
    }
    args = rest;
  }
  const command = await entry.load();
  if (wantsHelp(args)) {
    out(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`Lỗi cách dùng: ${e.message}`);
      err(`Xem: tusoi ${command.name} --help`);
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      err(`Lỗi: ${e.message}`);
      return EXIT_ERROR;
    }
    if (e instanceof AppError) {
      err(`Lỗi: ${e.message} [${e.code}]`);
      return EXIT_ERROR;
    }
    err(`Lỗi: ${describeUnexpected(e)}`);
    if (process.env.TUSOI_DEBUG) err((e as Error)?.stack ?? '');
    return EXIT_ERROR;
  }
}
