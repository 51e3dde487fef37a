// Báo cáo kết quả kiểm điểm, đánh giá, xếp loại (regulations §3.1 bước 9; reference-scenario: the
// city reports "42/42 tổ chức cơ sở đảng" upward): progress, the distribution by level of the
// grassroots organizations and of the members, by sector, year over year, the quota, remediation,
// with the dashboards' charts drawn on the server. The figures are the statistics of the
// dashboards (features/reports/campaign-statistics.ts), so the report and the screen agree; levels
// count only once published. The assessment in words is left for the office to write.
import type { DocBlock } from '../../../../shared/contracts/documents.js';
import type { CampaignStatistics, LevelCounts } from '../../../../shared/contracts/reports.js';
import { reportCharts } from '../../../../shared/report-charts.js';
import { renderChartSvg } from '../../../adapters/charts/render-chart.js';
import { campaignStatistics } from '../../reports/campaign-statistics.js';
import {
  collectiveSignature,
  dmy,
  fileCopyLine,
  frame,
  h,
  loadDocumentFormat,
  loadIssuer,
  p,
  percent,
  roman,
  ruleSetCitation,
  type DocumentBuilder,
} from '../document-kit.js';

const LEVEL_KEYS = ['excellent', 'good', 'satisfactory', 'unsatisfactory'] as const;
const DOTS = '…'.repeat(80);

function levelLines(counts: LevelCounts, names: CampaignStatistics['levelNames']['member'], noun: string): string[] {
  const classified = LEVEL_KEYS.reduce((a, k) => a + counts[k], 0);
  const lines = LEVEL_KEYS.map((k) => {
    const label = names.find((n) => n.level === k)?.label ?? k;
    return `${label}: ${counts[k].toLocaleString('vi-VN')} ${noun}, tỷ lệ ${percent(counts[k], classified)}`;
  });
  if (counts.notClassified) lines.push(`Không xếp loại: ${counts.notClassified.toLocaleString('vi-VN')} ${noun}`);
  if (counts.unpublished) lines.push(`Chưa công bố kết quả: ${counts.unpublished.toLocaleString('vi-VN')} ${noun}`);
  return lines;
}

function levelTable(
  rows: { label: string; counts: LevelCounts }[],
  names: CampaignStatistics['levelNames']['member'],
  first: string,
): DocBlock {
  const short = (k: (typeof LEVEL_KEYS)[number]) => names.find((n) => n.level === k)?.short ?? k;
  const sum = (k: keyof LevelCounts) => rows.reduce((a, r) => a + r.counts[k], 0);
  return {
    type: 'table',
    columns: [
      { header: first, width: 30 },
      { header: 'Tổng số', width: 10, align: 'right' },
      ...LEVEL_KEYS.map((k) => ({ header: short(k), width: 10, align: 'right' as const })),
      { header: 'Không xếp loại', width: 10, align: 'right' },
      { header: 'Chưa công bố', width: 10, align: 'right' },
    ],
    rows: rows.map((r) => [r.label, r.counts.total, ...LEVEL_KEYS.map((k) => r.counts[k]), r.counts.notClassified, r.counts.unpublished]),
    footer:
      rows.length > 1 ? ['Tổng cộng', sum('total'), ...LEVEL_KEYS.map((k) => sum(k)), sum('notClassified'), sum('unpublished')] : undefined,
  };
}

export const buildSummaryReport: DocumentBuilder = async (ctx, principal, { campaign }) => {
  const s = await campaignStatistics(ctx, principal, { campaignId: campaign.id });
  const [issuer, format] = await Promise.all([loadIssuer(ctx.db, campaign.owner_unit_id), loadDocumentFormat(ctx.db)]);
  const year = campaign.review_year;
  const charts = new Map(reportCharts(s).map((c) => [c.name, c]));
  const chart = (name: Parameters<typeof charts.get>[0]): DocBlock[] => {
    const c = charts.get(name);
    return c ? [{ type: 'chart', title: c.title, svg: renderChartSvg(c.option, c), width: c.width, height: c.height }] : [];
  };
  let part = 0;
  const body: DocBlock[] = [
    p(
      `Thực hiện ${ruleSetCitation(campaign.rule_set_id)} về kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm ${year}, ${issuer.bodyName} báo cáo kết quả như sau:`,
    ),
    h(`${roman(++part)}. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VÀ TỔ CHỨC THỰC HIỆN`),
    p(`${s.progress.headline}.`),
    {
      type: 'table',
      columns: [
        { header: 'Giai đoạn', width: 70 },
        { header: 'Số tổ chức cơ sở đảng', width: 30, align: 'right' },
      ],
      rows: s.progress.byStage.filter((x) => x.units > 0).map((x) => [x.label, x.units]),
      footer: ['Tổng cộng', s.progress.grassroots],
    },
    ...chart('progress'),
  ];
  const late = s.overdue.milestones.filter((m) => m.passed && m.tracked && m.unitsLate > 0);
  if (late.length) {
    body.push(p('Việc chậm so với kế hoạch:', { bold: true }));
    body.push({
      type: 'list',
      items: late.map((m) => `${m.label} (hạn ${dmy(m.dueDate)}): ${m.unitsLate} tổ chức cơ sở đảng chưa hoàn thành`),
    });
  }
  body.push(p(DOTS, { indent: false }));

  body.push(h(`${roman(++part)}. KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG`));
  body.push(h('1. Đối với tổ chức cơ sở đảng', 2));
  body.push(p(`Tổng số tổ chức cơ sở đảng được đánh giá, xếp loại: ${s.units.total.toLocaleString('vi-VN')}, trong đó:`));
  body.push({ type: 'list', items: levelLines(s.units, s.levelNames.unit, 'tổ chức') });
  body.push(...chart('unit-levels'));
  if (s.subUnits.total) {
    body.push(p(`Chi bộ trực thuộc và đảng bộ bộ phận: ${s.subUnits.total.toLocaleString('vi-VN')}, trong đó:`));
    body.push({ type: 'list', items: levelLines(s.subUnits, s.levelNames.unit, 'tổ chức') });
  }
  body.push(h('2. Đối với đảng viên', 2));
  body.push(
    p(
      `Tổng số đảng viên được kiểm điểm: ${s.members.total.toLocaleString('vi-VN')}` +
        (s.members.excluded
          ? `; không kiểm điểm: ${s.members.excluded.toLocaleString('vi-VN')} (${s.members.reasons.map((r) => `${r.label.toLocaleLowerCase('vi-VN')}: ${r.members}`).join('; ')})`
          : '') +
        '. Kết quả xếp loại:',
    ),
  );
  body.push({ type: 'list', items: levelLines(s.members, s.levelNames.member, 'đảng viên') });
  body.push(...chart('member-levels'));
  if (s.quota.pct !== null) {
    const q = s.quota.members;
    body.push(
      p(
        `Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ so với số hoàn thành tốt nhiệm vụ: ${q.sharePct === null ? 'không có' : `${q.sharePct.toLocaleString('vi-VN')} %`} (tỷ lệ khống chế ${s.quota.pct} %; ${q.groupsOver ? `${q.groupsOver} nơi vượt tỷ lệ` : 'không có nơi vượt tỷ lệ'}).`,
      ),
    );
    body.push(...chart('quota'));
  }
  body.push(h('3. Theo khối, loại hình tổ chức cơ sở đảng', 2));
  body.push(
    levelTable(
      s.bySector.map((x) => ({ label: x.label, counts: x.units })),
      s.levelNames.unit,
      'Khối, loại hình (tổ chức)',
    ),
  );
  body.push(
    levelTable(
      s.bySector.map((x) => ({ label: x.label, counts: x.members })),
      s.levelNames.member,
      'Khối, loại hình (đảng viên)',
    ),
  );
  body.push(...chart('member-sectors'));
  if (s.yearOverYear.length > 1) {
    body.push(h('4. So sánh với các năm trước', 2));
    body.push(
      levelTable(
        s.yearOverYear.map((y) => ({ label: `Năm ${y.reviewYear} (tổ chức)`, counts: y.units })),
        s.levelNames.unit,
        'Năm',
      ),
    );
    body.push(
      levelTable(
        s.yearOverYear.map((y) => ({ label: `Năm ${y.reviewYear} (đảng viên)`, counts: y.members })),
        s.levelNames.member,
        'Năm',
      ),
    );
    body.push(...chart('year-over-year-members'));
  }

  body.push(h(`${roman(++part)}. VIỆC KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM`));
  const r = s.remediation;
  body.push(
    p(
      `Số kế hoạch khắc phục: ${r.plans.total} (đã ban hành ${r.plans.filed + r.plans.reported}, đã báo cáo kết quả ${r.plans.reported}); ` +
        `số biện pháp: ${r.items.total}, trong đó đã hoàn thành ${r.items.done} (${percent(r.items.done, r.items.total)}), đang thực hiện ${r.items.inProgress}, chưa thực hiện ${r.items.planned}, quá hạn ${r.items.overdue}.`,
    ),
  );
  body.push(...chart('remediation'));

  body.push(h(`${roman(++part)}. ĐÁNH GIÁ CHUNG`));
  for (const line of s.headlines) body.push(p(line));
  body.push(
    p('1. Ưu điểm', { bold: true }),
    p(DOTS, { indent: false }),
    p('2. Hạn chế, khuyết điểm và nguyên nhân', { bold: true }),
    p(DOTS, { indent: false }),
  );
  body.push(h(`${roman(++part)}. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI`), p(DOTS, { indent: false }));

  return {
    issuer,
    subjectId: null,
    fileBase: `Báo cáo kết quả kiểm điểm năm ${year} - ${issuer.bodyName}`,
    model: frame('summary_report', issuer, format, year, {
      summary: `kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm ${year}`,
      body,
      signatures: [collectiveSignature(issuer)],
      recipients: [
        'Ban Tổ chức cấp ủy cấp trên',
        `Các đồng chí Ủy viên Ban Thường vụ ${issuer.bodyName}`,
        'Các tổ chức cơ sở đảng trực thuộc',
        fileCopyLine(issuer),
      ],
    }),
  };
};
