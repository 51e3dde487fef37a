// Checks every subject takes from 2025 on (QĐ 366 Điều 11, regulations §11.4): the score band
// (R16) — never above the band of the total, a score of exactly 90 allows HTXSNV — and "HTXS
// needs 100 % of the shortcomings pointed out at the previous review remedied" (N1).
import type { Level } from '../../../shared/campaign-vocabulary.js';
import { levelBandForPoints } from '../rule-sets/index.js';
import { capResult, nameOf, result, type CheckContext } from './context.js';
import { num } from './format.js';
import type { CheckResult, Subject } from './types.js';

/** "70 – dưới 90" for the band of a level. */
export function bandText(bands: Record<Exclude<Level, 'unsatisfactory'>, number>, level: Level): string {
  switch (level) {
    case 'excellent':
      return `từ ${num(bands.excellent)} trở lên`;
    case 'good':
      return `${num(bands.good)} – dưới ${num(bands.excellent)}`;
    case 'satisfactory':
      return `${num(bands.satisfactory)} – dưới ${num(bands.good)}`;
    default:
      return `dưới ${num(bands.satisfactory)}`;
  }
}

export function bandResults(ctx: CheckContext, s: Subject, out: CheckResult[]): void {
  const r16 = ctx.rules.get('R16');
  const points = ctx.ruleSet.points;
  if (r16 && points) {
    if (s.score !== null) {
      const band = levelBandForPoints(ctx.ruleSet, s.score) as Level;
      out.push(capResult(ctx, s, r16, `${num(s.score)} điểm thuộc khung ${nameOf(ctx, s, band)} (${bandText(points.bands, band)})`, band));
    } else if (s.level !== null) {
      out.push(
        result(
          s,
          'R16',
          r16.source,
          false,
          `Chưa có tổng điểm: từ năm 2025 mức xếp loại căn cứ vào tổng điểm (nhóm I tối đa ${num(points.general)}, nhóm II tối đa ${num(points.tasks)}), không thể xác nhận mức ${nameOf(ctx, s, s.level)}.`,
        ),
      );
    }
  }

  const n1 = ctx.rules.get('N1');
  if (n1) {
    const open = s.openEarlierShortcomings;
    out.push(
      open > 0
        ? capResult(
            ctx,
            s,
            n1,
            `Còn ${open} hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước chưa khắc phục xong (mức ${nameOf(ctx, s, 'excellent')} cần khắc phục 100 %)`,
            'good',
          )
        : result(s, 'N1', n1.source, true, 'Không còn hạn chế, khuyết điểm nào của kỳ kiểm điểm trước chưa khắc phục.'),
    );
  }
}
