// `tusoi init --committee NAME`: a real, empty deployment with its first administrator
// (features/setup/init-deployment.ts).
import { initDeployment, type InitResult } from '../../server/features/setup/init-deployment.js';
import { EXIT_OK, out, parseOptions, requireOption, withContext, type Command } from '../io.js';

export function printFirstAdmin(r: InitResult): void {
  out(`Đã khởi tạo: ${r.unitName} (mã ${r.code}).`);
  out('Quản trị viên đầu tiên:');
  out(`  Tên đăng nhập: ${r.username}`);
  out(`  Mật khẩu:      ${r.password}`);
  out('Mật khẩu này chỉ hiển thị một lần và phải đổi ở lần đăng nhập đầu tiên. Hãy ghi lại ngay.');
}

export const initCommand: Command = {
  name: 'init',
  help: `Cách dùng: tusoi init --committee "TÊN CẤP ỦY" [--code MÃ] [--admin-username admin]

Tạo tổ chức đảng gốc (cấp ủy cấp trên cơ sở) và một tài khoản quản trị trên toàn bộ cây, với mật
khẩu sinh ngẫu nhiên in ra một lần (phải đổi ở lần đăng nhập đầu tiên). Sau đó quản trị viên nhập cây
tổ chức và danh sách đảng viên từ Excel. Lệnh từ chối chạy nếu cơ sở dữ liệu đã có tổ chức đảng.

Tùy chọn:
  --committee TÊN        tên cấp ủy, ví dụ "Đảng bộ thành phố Hà Tĩnh" (bắt buộc)
  --code MÃ              mã tổ chức (mặc định: chữ cái đầu của tên, ví dụ DBTPHT)
  --admin-username TÊN   tên đăng nhập của quản trị viên (mặc định: admin)`,
  async run(args) {
    const { values } = parseOptions(args, {
      committee: { type: 'string' },
      code: { type: 'string' },
      'admin-username': { type: 'string' },
    });
    const committeeName = requireOption(values.committee, '--committee');
    const result = await withContext((ctx) =>
      initDeployment(ctx, { committeeName, code: values.code, adminUsername: values['admin-username'] }),
    );
    printFirstAdmin(result);
    return EXIT_OK;
  },
};
