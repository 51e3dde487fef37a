// `tusoi user create`: an account with one role over a unit, the password read from stdin.
import { ROLES, ROLE_LABELS, type Role } from '../../shared/vocabulary.js';
import { createAccountFromCli } from '../../server/features/accounts/create-account-from-cli.js';
import { EXIT_OK, UsageError, err, parseOptions, readSecretLine, requireOption, withContext, type Command } from '../io.js';

export const PASSWORD_STDIN_REQUIRED =
  'Cần --password-stdin: mật khẩu được đọc từ đầu vào chuẩn, không ghi trên dòng lệnh (để không lộ trong lịch sử lệnh).';

export const userCreateCommand: Command = {
  name: 'user create',
  help: `Cách dùng: echo "MẬT KHẨU" | tusoi user create --username TÊN --role VAI_TRÒ --unit MÃ_TỔ_CHỨC --password-stdin

Tùy chọn:
  --username TÊN        tên đăng nhập (chữ không dấu, số, dấu chấm, gạch)
  --role VAI_TRÒ        một trong: ${ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', ')}
  --unit MÃ             mã tổ chức đảng mà vai trò bao trùm (cả các cấp dưới)
  --display-name TÊN    tên hiển thị (mặc định: họ tên đảng viên hoặc tên đăng nhập)
  --member-card SỐ      gắn tài khoản với đảng viên có số thẻ này (bắt buộc với vai trò member)
  --password-stdin      đọc mật khẩu từ dòng đầu của đầu vào chuẩn (bắt buộc)
  --must-change         buộc đổi mật khẩu ở lần đăng nhập đầu tiên

Thay đổi được ghi vào nhật ký với hành động cli.user_create.`,
  async run(args) {
    const { values } = parseOptions(args, {
      username: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      'display-name': { type: 'string' },
      'member-card': { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'must-change': { type: 'boolean' },
    });
    const username = requireOption(values.username, '--username');
    const role = requireOption(values.role, '--role');
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`Vai trò không hợp lệ: "${role}". Chọn một trong: ${ROLES.join(', ')}.`);
    }
    const unitCode = requireOption(values.unit, '--unit');
    if (!values['password-stdin']) throw new UsageError(PASSWORD_STDIN_REQUIRED);
    const password = await readSecretLine('Nhập mật khẩu rồi nhấn Enter:');
    const r = await withContext((ctx) =>
      createAccountFromCli(ctx, {
        username,
        password,
        role: role as Role,
        unitCode,
        displayName: values['display-name'],
        memberCard: values['member-card'],
        mustChangePassword: values['must-change'] ?? false,
      }),
    );
    err(`Đã tạo tài khoản "${r.username}" với vai trò ${ROLE_LABELS[role as Role]} trên ${r.unitName}.`);
    return EXIT_OK;
  },
};
