// The dashboards' charts (issue 5 item 4): the shared option builders carry the figures of the
// statistics (values, labels, click targets, colours by level), and the server renders them to an
// SVG with the Vietnamese text and to a PNG of the width asked for, with the shipped fonts. One PNG
// is kept in test-artifacts/charts/ for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChartSvg, svgToPng } from '../../src/server/adapters/charts/render-chart.js';
import { PROJECT_ROOT } from '../../src/server/main.js';
import { UNIT_STAGES, UNIT_STAGE_LABELS } from '../../src/shared/campaign-vocabulary.js';
import { campaignStatisticsResponse, type CampaignStatistics, type LevelCounts } from '../../src/shared/contracts/reports.js';
import {
  CHART_NAMES,
  LEVEL_COLORS,
  PRINT_FONT,
  chartOption,
  isChartEmpty,
  memberLevelsChart,
  overdueChart,
  progressChart,
  quotaChart,
  remediationChart,
  reportCharts,
  sectorLevelsChart,
  unitLevelsChart,
  yearOverYearChart,
} from '../../src/shared/report-charts.js';

const counts = (c: Partial<LevelCounts>): LevelCounts => {
  const base = { excellent: 0, good: 0, satisfactory: 0, unsatisfactory: 0, notClassified: 0, unpublished: 0, ...c };
  return { ...base, total: base.excellent + base.good + base.satisfactory + base.unsatisfactory + base.notClassified + base.unpublished };
};
const names = (full: [string, string][]) =>
  (['excellent', 'good', 'satisfactory', 'unsatisfactory'] as const).map((level, i) => ({ level, label: full[i][0], short: full[i][1] }));

/** A committee of 42 grassroots units and 3,688 members in 2017, with 2016 to compare. */
const STATS: CampaignStatistics = campaignStatisticsResponse.parse({
  campaign: {
    id: 'c2017',
    title: 'Kiểm điểm năm 2017',
    reviewYear: 2017,
    ownerUnitId: 'tu0001',
    ownerUnitName: 'Thành ủy Hà Tĩnh',
    ruleSetId: 'hd16-2018',
    ruleSetName: 'QĐ 132 và HD 16',
    status: 'open',
  },
  scope: { unitId: null, name: 'Thành ủy Hà Tĩnh', kind: null, wholeCampaign: true },
  abilities: { boardUnitId: 'tu0001', readRemediation: true },
  businessDate: '2018-01-20',
  generatedAt: '2018-01-20T08:00:00.000Z',
  levelNames: {
    member: names([
      ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'],
      ['Hoàn thành tốt nhiệm vụ', 'HTTNV'],
      ['Hoàn thành nhiệm vụ', 'HTNV'],
      ['Không hoàn thành nhiệm vụ', 'KHTNV'],
    ]),
    unit: names([
      ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'],
      ['Hoàn thành tốt nhiệm vụ', 'HTTNV'],
      ['Hoàn thành nhiệm vụ', 'HTNV'],
      ['Không hoàn thành nhiệm vụ', 'KHTNV'],
    ]),
  },
  progress: {
    grassroots: 42,
    done: 38,
    headline: '38/42 tổ chức cơ sở đảng đã hoàn thành kiểm điểm, xếp loại và công bố kết quả',
    byStage: UNIT_STAGES.map((stage) => ({
      stage,
      label: UNIT_STAGE_LABELS[stage],
      units: stage === 'published' ? 38 : stage === 'decided' ? 3 : stage === 'returned' ? 1 : 0,
    })),
    reached: { submitted: 42, needsAppraisal: 7, appraised: 6, conferenceHeld: 41, decided: 41, published: 38 },
    subUnits: { total: 0, byStage: UNIT_STAGES.map((stage) => ({ stage, label: UNIT_STAGE_LABELS[stage], units: 0 })) },
  },
  units: counts({ excellent: 7, good: 28, satisfactory: 3, unpublished: 4 }),
  subUnits: counts({}),
  members: {
    ...counts({ excellent: 560, good: 2540, satisfactory: 420, unsatisfactory: 31, notClassified: 37, unpublished: 100 }),
    excluded: 337,
    reasons: [{ reason: 'exempt', label: 'Miễn công tác và sinh hoạt đảng', members: 328 }],
  },
  bySector: [
    {
      sector: 'ward',
      label: 'Phường',
      units: counts({ excellent: 3, good: 10, unpublished: 1 }),
      members: counts({ excellent: 300, good: 1400 }),
    },
    { sector: 'school', label: 'Trường học', units: counts({ excellent: 1, good: 3 }), members: counts({ good: 60, satisfactory: 12 }) },
    { sector: null, label: 'Chưa phân loại', units: counts({}), members: counts({ notClassified: 5 }) },
  ],
  yearOverYear: [
    {
      campaignId: 'c2016',
      reviewYear: 2016,
      title: 'Kiểm điểm năm 2016',
      ruleSetName: 'HD 27',
      current: false,
      units: counts({ excellent: 4, good: 32, satisfactory: 6 }),
      members: counts({ excellent: 472, good: 2523, satisfactory: 492, unsatisfactory: 48, notClassified: 63 }),
    },
    {
      campaignId: 'c2017',
      reviewYear: 2017,
      title: 'Kiểm điểm năm 2017',
      ruleSetName: 'QĐ 132 và HD 16',
      current: true,
      units: counts({ excellent: 7, good: 28, satisfactory: 3, unpublished: 4 }),
      members: counts({ excellent: 560, good: 2540, satisfactory: 420, unsatisfactory: 31, notClassified: 37, unpublished: 100 }),
    },
  ],
  quota: {
    pct: 20,
    members: { excellent: 560, good: 2540, cap: 498, sharePct: 22, groups: 40, groupsOver: 3 },
    units: { excellent: 7, good: 28, cap: 5, sharePct: 25, groups: 2, groupsOver: 1 },
  },
  overdue: {
    milestones: [
      { kind: 'plan', label: 'Ban hành kế hoạch', dueDate: '2017-11-10', daysLeft: -71, passed: true, unitsLate: 0, tracked: false },
      {
        kind: 'conferences',
        label: 'Tổ chức hội nghị kiểm điểm',
        dueDate: '2017-12-25',
        daysLeft: -26,
        passed: true,
        unitsLate: 1,
        tracked: true,
      },
      { kind: 'decisions', label: 'Quyết định xếp loại', dueDate: '2018-01-25', daysLeft: 5, passed: false, unitsLate: 0, tracked: true },
    ],
    units: 1,
    remediationItems: 12,
    remediationPlans: 9,
  },
  remediation: {
    plans: { total: 420, draft: 20, filed: 400, reported: 150 },
    items: { total: 900, done: 300, inProgress: 400, planned: 188, overdue: 12 },
  },
  headlines: ['38/42 tổ chức cơ sở đảng đã hoàn thành kiểm điểm, xếp loại và công bố kết quả'],
});

type Item = { value: number; name: string; target?: unknown; itemStyle?: { color: string }; label?: { formatter: string; show: boolean } };
type Series = { name: string; data: Item[]; itemStyle?: { color: string } };
const seriesOf = (o: Record<string, unknown>) => o.series as Series[];
const titles = (o: Record<string, unknown>) => (o.title as { text: string }[]).map((t) => t.text);

describe('chart options from the statistics', () => {
  it('progress: one bar per stage, the first stage on top, the headline as subtitle, stage targets', () => {
    const o = progressChart(STATS);
    expect(titles(o)).toEqual(['Tiến độ kiểm điểm của tổ chức cơ sở đảng theo giai đoạn', STATS.progress.headline]);
    const [bars] = seriesOf(o);
    expect(bars.data).toHaveLength(13);
    expect((o.yAxis as { data: string[] }).data.at(-1)).toBe('Chưa bắt đầu');
    const published = bars.data.find((d) => d.name === 'Đã công bố kết quả')!;
    expect(published.value).toBe(38);
    expect(published.target).toEqual({ kind: 'stage', stage: 'published' });
    expect(bars.data.find((d) => d.name === 'Trả lại để bổ sung')!.value).toBe(1);
  });

  it('levels: counts with shares of the published results, level colours, level targets', () => {
    const o = memberLevelsChart(STATS);
    const [bars] = seriesOf(o);
    expect((o.xAxis as { data: string[] }).data).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'Không xếp loại', 'Chưa công bố']);
    expect(bars.data.map((d) => d.value)).toEqual([560, 2540, 420, 31, 37, 100]);
    // 560 of 3,551 published: 15,8 %.
    expect(bars.data[0].label!.formatter).toBe('560 (15,8 %)');
    expect(bars.data[1].label!.formatter).toBe('2.540 (71,5 %)');
    expect(bars.data[0].name).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(bars.data[0].itemStyle!.color).toBe(LEVEL_COLORS.excellent);
    expect(bars.data[0].target).toEqual({ kind: 'level', subject: 'members', level: 'excellent' });
    expect(titles(o)[1]).toBe('Tổng số: 3.688 đảng viên; đã công bố kết quả: 3.551');

    const units = seriesOf(unitLevelsChart(STATS))[0];
    // No "not classified" bar when there is none; the unpublished ones are shown without a level.
    expect(units.data.map((d) => d.value)).toEqual([7, 28, 3, 0, 4]);
  });

  it('sectors: each row 100 %, counts as labels, sector targets', () => {
    const o = sectorLevelsChart(STATS, 'members');
    expect((o.yAxis as { data: string[] }).data).toEqual(['Chưa phân loại (5)', 'Trường học (72)', 'Phường (1.700)']);
    const series = seriesOf(o);
    for (let row = 0; row < 3; row++) expect(series.reduce((sum, s) => sum + s.data[row].value, 0)).toBeCloseTo(100, 0);
    const good = series.find((s) => s.name === 'HTTNV')!;
    expect(good.data[2]).toMatchObject({ value: 82.4, target: { kind: 'sector', sector: 'ward' } });
    expect(good.data[2].label!.formatter).toBe('1.400');
    // Units: the "not recorded" sector has no unit and no row.
    expect((sectorLevelsChart(STATS, 'units').yAxis as { data: string[] }).data).toEqual(['Trường học (4)', 'Phường (14)']);
  });

  it('year over year: a series per year, shares of each year’s published results', () => {
    const series = seriesOf(yearOverYearChart(STATS, 'members'));
    expect(series.map((s) => s.name)).toEqual(['Năm 2016', 'Năm 2017']);
    // 2016: 472 of 3,535 published = 13,4 %; 2017: 560 of 3,551 = 15,8 %.
    expect(series[0].data[0].value).toBe(13.4);
    expect(series[1].data[0].value).toBe(15.8);
    expect(series[0].data[0].name).toBe('HTXSNV, năm 2016: 472');
    expect(seriesOf(yearOverYearChart(STATS, 'units'))[0].data.map((d) => d.value)).toEqual([9.5, 76.2, 14.3, 0]);
  });

  it('quota: HTXS beside the cap, with the share of HTT', () => {
    const o = quotaChart(STATS);
    const [excellent, cap] = seriesOf(o);
    expect(excellent.data.map((d) => d.value)).toEqual([560, 7]);
    expect(cap.name).toBe('Tối đa theo tỷ lệ 20 %');
    expect(cap.data.map((d) => d.value)).toEqual([498, 5]);
    expect(excellent.data[0].label!.formatter).toBe('560 (22 % số HTTNV)');
    expect(titles(o)[1]).toBe('HTXSNV không quá 20 % số HTTNV trong từng nhóm; số nhóm vượt tỷ lệ: 4');
    // Without a quota (before 2018): no cap series, said in the subtitle.
    const none = quotaChart({ ...STATS, quota: { ...STATS.quota, pct: null } });
    expect(seriesOf(none)).toHaveLength(1);
    expect(titles(none)[1]).toBe('Năm đánh giá này không áp dụng tỷ lệ khống chế');
  });

  it('remediation and overdue: statuses stacked; late units per tracked milestone and late items', () => {
    const r = seriesOf(remediationChart(STATS));
    expect(r.map((s) => [s.name, s.data[0].value])).toEqual([
      ['Đã hoàn thành', 300],
      ['Đang thực hiện', 400],
      ['Chưa thực hiện', 188],
      ['Quá hạn', 12],
    ]);
    const o = overdueChart(STATS);
    expect((o.yAxis as { data: string[] }).data).toEqual([
      'Biện pháp khắc phục quá hạn',
      'Quyết định xếp loại (25/01/2018)',
      'Tổ chức hội nghị kiểm điểm (25/12/2017)',
    ]);
    const [bars] = seriesOf(o);
    expect(bars.data.map((d) => d.label!.formatter)).toEqual(['12 biện pháp (1,3 %)', 'chưa đến hạn', '1 tổ chức (2,4 %)']);
    expect(bars.data[2].target).toEqual({ kind: 'milestone', milestone: 'conferences' });
  });

  it('print variant: serif font, white background, no tooltip; empty charts are left out of the report', () => {
    const o = chartOption('unit-levels', STATS, { variant: 'print', showTitle: false });
    expect((o.textStyle as { fontFamily: string }).fontFamily).toBe(PRINT_FONT);
    expect(o.backgroundColor).toBe('#ffffff');
    expect(o.tooltip).toBeUndefined();
    expect(o.animation).toBe(false);
    expect(isChartEmpty('unit-levels', STATS)).toBe(false);
    const noRemediation = {
      ...STATS,
      remediation: { ...STATS.remediation, items: { total: 0, done: 0, inProgress: 0, planned: 0, overdue: 0 } },
    };
    expect(isChartEmpty('remediation', noRemediation)).toBe(true);
    expect(reportCharts(noRemediation).map((c) => c.name)).not.toContain('remediation');
    expect(reportCharts(STATS).map((c) => c.name)).toEqual([...CHART_NAMES]);
  });
});

describe('server rendering', () => {
  const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

  it('renders an SVG with the Vietnamese labels, and a PNG of the width asked for', () => {
    const option = chartOption('member-levels', STATS, { variant: 'print' });
    const svg = renderChartSvg(option, { width: 640, height: 340 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640"');
    for (const text of ['Kết quả xếp loại đảng viên', 'Không xếp loại', 'Chưa công bố', 'HTXSNV', '2.540 (71,5 %)', 'Số đảng viên'])
      expect(svg).toContain(text);

    const png = svgToPng(svg, 1280);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: 1280, height: 680 });

    const dir = path.join(PROJECT_ROOT, 'test-artifacts', 'charts');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'member-levels.png'), png);
    fs.writeFileSync(path.join(dir, 'member-levels.svg'), svg);
  });

  it('renders every chart of the report, and the PNG draws the text with the shipped fonts', () => {
    for (const c of reportCharts(STATS)) {
      const svg = renderChartSvg(c.option, c);
      expect(svg, c.name).toContain('<svg');
      expect(pngSize(svgToPng(svg, c.width)).width).toBe(c.width);
    }
    // Text alone, in the print font list: drawn only if a font is found (Times New Roman is not
    // shipped, Liberation Serif is, and no system font is loaded).
    const text = (t: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><text x="10" y="40" style="font-size:24px;font-family:${PRINT_FONT};">${t}</text></svg>`;
    const blank = svgToPng(text(''), 400);
    const written = svgToPng(text('Hoàn thành tốt nhiệm vụ, Đảng bộ phường Bắc Hà'), 400);
    expect(written.length).toBeGreaterThan(blank.length * 3);
  });

  it('draws the same option the same way every time (a re-issued document prints the same chart)', () => {
    const option = chartOption('quota', STATS, { variant: 'print' });
    // Only ZRender's generated class names (a per-instance and a global counter) differ between renders.
    const stable = (svg: string) => svg.replace(/zr\d+-cls-\d+/g, 'zr-cls');
    const first = stable(renderChartSvg(option, { width: 500, height: 300 }));
    for (let i = 0; i < 10; i++) renderChartSvg(chartOption('progress', STATS, { variant: 'print' }), { width: 500, height: 300 });
    expect(stable(renderChartSvg(option, { width: 500, height: 300 }))).toBe(first);
  });
});
