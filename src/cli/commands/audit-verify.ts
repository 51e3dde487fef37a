// `tusoi audit verify` (issue 2 item 7): checks every entity's hash chain of the audit trail.
import { describeChainProblem, verifyAudit } from '../../server/features/audit/verify-audit.js';
import { EXIT_ERROR, EXIT_OK, err, out, parseOptions, seconds, withContext, type Command } from '../io.js';

export const INTACT_MESSAGE = 'Chuỗi nhật ký toàn vẹn.';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  help: `Cách dùng: tusoi audit verify

Mỗi sự kiện nhật ký mang mã băm của sự kiện trước của cùng đối tượng. Lệnh kiểm tra mọi chuỗi và
báo liên kết hỏng đầu tiên (đối tượng, số thứ tự sự kiện, vấn đề). Mã thoát 0 khi toàn vẹn, 1 khi có
chỗ bị sửa, xóa hoặc chèn.`,
  async run(args) {
    parseOptions(args, {});
    const started = Date.now();
    const r = await withContext((ctx) => verifyAudit(ctx));
    out(`Đã kiểm tra ${r.checked.toLocaleString('vi-VN')} sự kiện trong ${seconds(Date.now() - started)}.`);
    if (r.problem) {
      err(describeChainProblem(r.problem));
      return EXIT_ERROR;
    }
    out(INTACT_MESSAGE);
    return EXIT_OK;
  },
};
