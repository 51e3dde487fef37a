// `tusoi demo`: the demo committee (reference scenario) on an empty database.
import { treeIsEmpty } from '../../server/features/setup/init-deployment.js';
import { CliError, EXIT_OK, UsageError, err, parseOptions, seconds, withContext, type Command } from '../io.js';
import { loadBuildDemo, printDemoLogins } from './demo-logins.js';

export const demoCommand: Command = {
  name: 'demo',
  help: `Cách dùng: tusoi demo [--scale city|province] [--seed SỐ] [--complete]

Dựng bộ dữ liệu mẫu: Thành ủy với 42 tổ chức cơ sở đảng và khoảng 4.000 đảng viên (city, mặc định),
hoặc cả tỉnh với khoảng 1.500 tổ chức cơ sở, 10.000 chi bộ và 150.000 đảng viên (province, vài phút).
In ra các tài khoản dùng thử. Chỉ chạy trên cơ sở dữ liệu chưa có tổ chức đảng nào.

Tùy chọn:
  --scale city|province   quy mô (mặc định: city)
  --seed SỐ               hạt giống ngẫu nhiên, để tạo lại đúng bộ dữ liệu
  --complete              (chỉ với city) đưa đợt kiểm điểm năm 2017 đến khi hoàn thành: 42/42 tổ chức
                          cơ sở đã họp kiểm điểm, xếp loại đã quyết định và công bố, kế hoạch khắc phục đã ban hành`,
  async run(args) {
    const { values } = parseOptions(args, { scale: { type: 'string' }, seed: { type: 'string' }, complete: { type: 'boolean' } });
    const scale = values.scale ?? 'city';
    if (scale !== 'city' && scale !== 'province') throw new UsageError(`Quy mô không hợp lệ: "${scale}". Dùng city hoặc province.`);
    const complete = values.complete === true;
    if (complete && scale !== 'city') throw new UsageError('--complete chỉ dùng với --scale city (đợt kiểm điểm năm 2017 của Thành ủy).');
    let seed: number | undefined;
    if (values.seed !== undefined) {
      seed = Number(values.seed);
      if (!Number.isInteger(seed)) throw new UsageError(`--seed phải là số nguyên, không phải "${values.seed}".`);
    }
    const buildDemo = await loadBuildDemo();
    const started = Date.now();
    const result = await withContext(async (ctx) => {
      if (!(await treeIsEmpty(ctx.db))) {
        throw new CliError(
          'Cơ sở dữ liệu đã có tổ chức đảng; lệnh demo chỉ chạy trên cơ sở dữ liệu trống (đặt DATABASE_URL hoặc TUSOI_DATA_DIR khác).',
        );
      }
      return buildDemo(ctx, { scale, seed, complete, onProgress: (m) => err(m) });
    });
    err(`Xong trong ${seconds(Date.now() - started)}.`);
    printDemoLogins(result);
    return EXIT_OK;
  },
};
