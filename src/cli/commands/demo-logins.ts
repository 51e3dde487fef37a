// The demo committee (features/demo/build-demo.ts, issue 2 item 9), loaded on demand: `serve` and
// `demo` are its only callers, and a plain start of a real deployment never loads the generator.
import { ROLE_LABELS } from '../../shared/vocabulary.js';
import type { DemoResult } from '../../server/features/demo/build-demo.js';
import { out } from '../io.js';

export async function loadBuildDemo(): Promise<typeof import('../../server/features/demo/build-demo.js').buildDemo> {
  return (await import('../../server/features/demo/build-demo.js')).buildDemo;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - [...s].length));
}

export function printDemoLogins(r: DemoResult): void {
  const counts = [
    r.units !== undefined ? `${r.units.toLocaleString('vi-VN')} tổ chức đảng` : null,
    r.grassroots !== undefined ? `${r.grassroots.toLocaleString('vi-VN')} tổ chức cơ sở đảng` : null,
    r.members !== undefined ? `${r.members.toLocaleString('vi-VN')} đảng viên` : null,
  ].filter(Boolean);
  if (counts.length) out(`Dữ liệu mẫu: ${counts.join(', ')}.`);
  out('Tài khoản dùng thử:');
  const rows = r.accounts.map((a) => [
    a.username,
    a.password,
    ROLE_LABELS[a.role as keyof typeof ROLE_LABELS] ?? a.role,
    a.unitName,
    a.note,
  ]);
  const header = ['Tên đăng nhập', 'Mật khẩu', 'Vai trò', 'Đơn vị', 'Ghi chú'];
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((row) => [...(row[i] ?? '')].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : pad(c ?? '', widths[i]))).join('  ')}`.trimEnd();
  out(line(header));
  out(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) out(line(row));
}
