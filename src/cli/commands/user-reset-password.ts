// `tusoi user reset-password`: a new password for an account (the way back in for a locked-out
// administrator); ends its sessions and lifts a login lock.
import { resetPasswordFromCli } from '../../server/features/accounts/reset-password-from-cli.js';
import { EXIT_OK, UsageError, err, parseOptions, readSecretLine, requireOption, withContext, type Command } from '../io.js';
import { PASSWORD_STDIN_REQUIRED } from './user-create.js';

export const userResetPasswordCommand: Command = {
  name: 'user reset-password',
  help: `Cách dùng: echo "MẬT KHẨU MỚI" | tusoi user reset-password --username TÊN --password-stdin [--must-change]

Đặt mật khẩu mới, kết thúc mọi phiên đăng nhập của tài khoản và gỡ khóa do đăng nhập sai nhiều lần.

Tùy chọn:
  --username TÊN     tên đăng nhập
  --password-stdin   đọc mật khẩu mới từ dòng đầu của đầu vào chuẩn (bắt buộc)
  --must-change      buộc đổi mật khẩu ở lần đăng nhập tiếp theo

Thay đổi được ghi vào nhật ký với hành động cli.user_reset_password.`,
  async run(args) {
    const { values } = parseOptions(args, {
      username: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'must-change': { type: 'boolean' },
    });
    const username = requireOption(values.username, '--username');
    if (!values['password-stdin']) throw new UsageError(PASSWORD_STDIN_REQUIRED);
    const password = await readSecretLine('Nhập mật khẩu mới rồi nhấn Enter:');
    const r = await withContext((ctx) =>
      resetPasswordFromCli(ctx, { username, password, mustChangePassword: values['must-change'] ?? false }),
    );
    err(`Đã đặt lại mật khẩu cho "${username}".`);
    if (r.disabled) err('Lưu ý: tài khoản này đang bị khóa; quản trị viên cần mở khóa trước khi đăng nhập được.');
    return EXIT_OK;
  },
};
