// `tusoi token create`: an API token for scripts. Prints only the token on stdout, so that
// `TOKEN=$(tusoi token create --username admin)` works.
import { createTokenFromCli } from '../../server/features/accounts/create-token-from-cli.js';
import { EXIT_OK, err, out, parseOptions, requireOption, withContext, type Command } from '../io.js';

export const tokenCreateCommand: Command = {
  name: 'token create',
  help: `Cách dùng: tusoi token create --username TÊN [--name "TÊN MÃ"]

In ra đúng một dòng: mã truy cập. Mã chỉ hiển thị lần này; cơ sở dữ liệu chỉ lưu mã băm.
Dùng trong tập lệnh: curl -H "Authorization: Bearer $TOKEN" http://localhost:3000/api/me

Tùy chọn:
  --username TÊN   tài khoản sở hữu mã (mã có đúng các quyền của tài khoản)
  --name TÊN       tên gợi nhớ của mã (mặc định: "Tạo bằng lệnh tusoi")`,
  async run(args) {
    const { values } = parseOptions(args, { username: { type: 'string' }, name: { type: 'string' } });
    const username = requireOption(values.username, '--username');
    const r = await withContext((ctx) => createTokenFromCli(ctx, { username, name: values.name }));
    out(r.token);
    if (r.mustChangePassword) {
      err(`Lưu ý: tài khoản "${username}" phải đổi mật khẩu trước; đến lúc đó mã truy cập bị từ chối (auth.password_change_required).`);
    }
    return EXIT_OK;
  },
};
