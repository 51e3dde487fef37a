// The dashboards' charts (issue 5 item 4) as Apache ECharts options built from the campaign's
// statistics (contracts/reports.ts). Pure functions returning plain objects (no echarts import;
// JSON-able but for the axes' number format), so the browser (web/features/reports/EChart.tsx) and the server
// (adapters/charts/render-chart.ts, for the Word summary report) draw the same chart from the same
// figures. Text is Vietnamese; a colour means the same thing in every chart (a level, a stage, a
// remediation status).
//
// Data items that stand for units carry a `target` (ChartTarget) so the browser can open the
// matching list when a bar is clicked; the server ignores it.
import { LEVELS, type Level, type UnitStage } from './campaign-vocabulary.js';
import type { CampaignStatistics, LevelCounts, LevelName } from './contracts/reports.js';

/** Any ECharts option: a plain object. */
export type ChartOption = Record<string, unknown>;

export type ChartVariant = 'web' | 'print';

export interface ChartOptions {
  /** 'web' (the dashboards: tooltips, the app's font) or 'print' (server SVG/PNG: serif, labels only). */
  variant?: ChartVariant;
  /** Draw the title inside the chart (default true); off where a caption or a card says it. */
  showTitle?: boolean;
}

/** What a clicked bar stands for: the browser opens the matching list. */
export type ChartTarget =
  | { kind: 'stage'; stage: UnitStage }
  | { kind: 'sector'; sector: string | null }
  | { kind: 'level'; subject: 'units' | 'members'; level: Level | 'notClassified' | 'unpublished' }
  | { kind: 'milestone'; milestone: string }
  | { kind: 'remediation' };

export const CHART_NAMES = [
  'progress',
  'unit-levels',
  'member-levels',
  'unit-sectors',
  'member-sectors',
  'year-over-year-units',
  'year-over-year-members',
  'quota',
  'remediation',
  'overdue',
] as const;
export type ChartName = (typeof CHART_NAMES)[number];

export const CHART_TITLES: Record<ChartName, string> = {
  progress: 'Tiến độ kiểm điểm của tổ chức cơ sở đảng theo giai đoạn',
  'unit-levels': 'Kết quả xếp loại tổ chức cơ sở đảng',
  'member-levels': 'Kết quả xếp loại đảng viên',
  'unit-sectors': 'Xếp loại tổ chức cơ sở đảng theo khối, loại hình',
  'member-sectors': 'Xếp loại đảng viên theo khối, loại hình',
  'year-over-year-units': 'So sánh kết quả xếp loại tổ chức cơ sở đảng qua các năm',
  'year-over-year-members': 'So sánh kết quả xếp loại đảng viên qua các năm',
  quota: 'Tỷ lệ hoàn thành xuất sắc nhiệm vụ so với tỷ lệ khống chế',
  remediation: 'Tiến độ thực hiện biện pháp khắc phục',
  overdue: 'Việc chậm so với mốc thời gian và biện pháp khắc phục quá hạn',
};

/** The print font: Word documents set in Times New Roman; the server has Liberation Serif (metric-compatible). */
export const PRINT_FONT = 'Times New Roman, Liberation Serif, serif';
const WEB_FONT = "'Be Vietnam Pro', system-ui, sans-serif";

/** One palette: a level, a status, a stage looks the same in every chart (and near the app's tags). */
export const LEVEL_COLORS: Record<Level | 'notClassified' | 'unpublished', string> = {
  excellent: '#389e0d',
  good: '#1677ff',
  satisfactory: '#d4a106',
  unsatisfactory: '#cf1322',
  notClassified: '#8c8c8c',
  unpublished: '#d9d9d9',
};

export const STAGE_COLORS: Record<UnitStage, string> = {
  planned: '#bfbfbf',
  drafting: '#69b1ff',
  submitted: '#2f54eb',
  under_appraisal: '#722ed1',
  returned: '#fa8c16',
  cleared: '#13c2c2',
  conference_scheduled: '#73d13d',
  conference_held: '#389e0d',
  proposed: '#a0d911',
  decided: '#d4a106',
  published: '#237804',
  remediating: '#c41d7f',
  closed: '#595959',
};

export const REMEDIATION_COLORS = {
  done: '#389e0d',
  inProgress: '#1677ff',
  planned: '#bfbfbf',
  overdue: '#cf1322',
} as const;

/** Year-over-year series, oldest to newest: lighter to darker blue-grey, the current year strongest. */
const YEAR_COLORS = ['#bfbfbf', '#8c8c8c', '#597ef7', '#2f54eb', '#10239e'];

const EXTRA_LABELS = { notClassified: 'Không xếp loại', unpublished: 'Chưa công bố' } as const;

// ── helpers ───────────────────────────────────────────────────────────────────────────────────

const nf = (n: number) => n.toLocaleString('vi-VN');
/** 23.8 → "23,8 %" (Vietnamese decimal comma, space before the sign). */
export const pctText = (p: number) => `${(Math.round(p * 10) / 10).toLocaleString('vi-VN')} %`;
const share = (part: number, whole: number) => (whole > 0 ? (part * 100) / whole : 0);

/**
 * The frame every chart shares: fonts, background, the title, a subtitle and a legend stacked at
 * the top, and the grid's top below them (laid out here, so no chart lets two lines overlap).
 */
function frame(opts: ChartOptions, title: string, subtitle?: string, legend?: string[]): { option: ChartOption; gridTop: number } {
  const print = opts.variant === 'print';
  const font = print ? PRINT_FONT : WEB_FONT;
  const titles: ChartOption[] = [];
  let y = 8;
  if (opts.showTitle !== false) {
    titles.push({ text: title, left: 'center', top: y, textStyle: { fontSize: print ? 16 : 14, fontWeight: 'bold', fontFamily: font } });
    y += print ? 26 : 24;
  }
  if (subtitle) {
    titles.push({
      text: subtitle,
      left: 'center',
      top: y,
      textStyle: { fontSize: print ? 13 : 12, fontWeight: 'normal', color: '#595959', fontFamily: font },
    });
    y += 22;
  }
  const option: ChartOption = {
    animation: !print,
    backgroundColor: print ? '#ffffff' : 'transparent',
    textStyle: { fontFamily: font, fontSize: print ? 13 : 12, color: '#262626' },
    title: titles,
    tooltip: print ? undefined : { trigger: 'item', confine: true },
  };
  if (legend) {
    option.legend = { top: y, left: 'center', itemWidth: 14, itemHeight: 10, data: legend };
    y += 26;
  }
  return { option, gridTop: y + 12 };
}

/**
 * Axis numbers in Vietnamese ("1.500"): ECharts groups thousands with an English comma whatever the
 * template, so this one formatter is a function (the only one in these options).
 */
const numberLabel = (v: number) => nf(v);

/** A value axis drawn vertically, its name along it (the top is kept for the titles and legend). */
function verticalValueAxis(name: string, extra: ChartOption = {}): ChartOption {
  return {
    type: 'value',
    name,
    nameLocation: 'middle',
    nameRotate: 90,
    nameGap: 54,
    minInterval: 1,
    axisLabel: { formatter: numberLabel },
    ...extra,
  };
}

/** A value axis drawn horizontally, its name under it. */
function horizontalValueAxis(name: string, extra: ChartOption = {}): ChartOption {
  return { type: 'value', name, nameLocation: 'middle', nameGap: 26, minInterval: 1, axisLabel: { formatter: numberLabel }, ...extra };
}

function shortName(names: readonly LevelName[], level: Level): string {
  return names.find((n) => n.level === level)?.short ?? level;
}

function longName(names: readonly LevelName[], level: Level): string {
  return names.find((n) => n.level === level)?.label ?? level;
}

type Bucket = Level | 'notClassified' | 'unpublished';
const BUCKETS: readonly Bucket[] = [...LEVELS, 'notClassified', 'unpublished'];
const bucketLabel = (names: readonly LevelName[], b: Bucket) =>
  b === 'notClassified' || b === 'unpublished' ? EXTRA_LABELS[b] : shortName(names, b);

/** Whether a chart would show nothing but zeros (the dashboards show an empty state instead). */
export function isChartEmpty(name: ChartName, s: CampaignStatistics): boolean {
  switch (name) {
    case 'progress':
      return s.progress.grassroots === 0;
    case 'unit-levels':
    case 'unit-sectors':
      return s.units.total === 0;
    case 'member-levels':
    case 'member-sectors':
      return s.members.total === 0;
    case 'year-over-year-units':
      return s.yearOverYear.every((y) => y.units.total === 0);
    case 'year-over-year-members':
      return s.yearOverYear.every((y) => y.members.total === 0);
    case 'quota':
      return s.quota.members.good + s.quota.members.excellent + s.quota.units.good + s.quota.units.excellent === 0;
    case 'remediation':
      return s.remediation.items.total === 0;
    case 'overdue':
      return s.overdue.milestones.every((m) => !m.tracked) && s.remediation.items.total === 0;
  }
}

// ── 1. Progress by stage ──────────────────────────────────────────────────────────────────────

/** Grassroots units by stage on the path of design §3, every stage in order (a horizontal bar each). */
export function progressChart(s: CampaignStatistics, opts: ChartOptions = {}): ChartOption {
  const { option, gridTop } = frame(opts, CHART_TITLES.progress, s.progress.headline);
  const stages = [...s.progress.byStage].reverse(); // the first stage on top
  return {
    ...option,
    grid: { left: 8, right: 48, top: gridTop, bottom: 36, containLabel: true },
    xAxis: horizontalValueAxis('Số tổ chức cơ sở đảng'),
    yAxis: { type: 'category', data: stages.map((st) => st.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: 'Tổ chức cơ sở đảng',
        barMaxWidth: 18,
        data: stages.map((st) => ({
          value: st.units,
          name: st.label,
          target: { kind: 'stage', stage: st.stage } satisfies ChartTarget,
          itemStyle: { color: STAGE_COLORS[st.stage] },
          label: { show: st.units > 0, position: 'right', formatter: nf(st.units) },
        })),
      },
    ],
  };
}

// ── 2–3. Levels of units and of members ───────────────────────────────────────────────────────

function levelsChart(
  c: LevelCounts,
  names: readonly LevelName[],
  subject: 'units' | 'members',
  title: string,
  noun: string,
  opts: ChartOptions,
): ChartOption {
  const buckets = BUCKETS.filter((b) => LEVELS.includes(b as Level) || c[b] > 0);
  const published = LEVELS.reduce((n, l) => n + c[l], 0);
  const { option, gridTop } = frame(opts, title, `Tổng số: ${nf(c.total)} ${noun}; đã công bố kết quả: ${nf(published)}`);
  return {
    ...option,
    // Room above the highest bar for its label.
    grid: { left: 60, right: 16, top: gridTop + 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: buckets.map((b) => bucketLabel(names, b)),
      axisTick: { show: false },
      // On a narrow screen long names ("Không xếp loại") wrap under their bar, and the long short
      // names of before 2018 ("ĐTC-HTXSNV") slant, rather than overlap the next one; the printed
      // chart is wide enough for them on one line.
      axisLabel:
        opts.variant === 'print'
          ? { interval: 0 }
          : LEVELS.some((l) => shortName(names, l).length > 8)
            ? { interval: 0, rotate: 25 }
            : { interval: 0, width: 84, overflow: 'break' },
    },
    yAxis: verticalValueAxis(`Số ${noun}`),
    series: [
      {
        type: 'bar',
        name: title,
        barMaxWidth: 56,
        data: buckets.map((b) => ({
          value: c[b],
          name: b === 'notClassified' || b === 'unpublished' ? EXTRA_LABELS[b] : longName(names, b),
          target: { kind: 'level', subject, level: b } satisfies ChartTarget,
          itemStyle: { color: LEVEL_COLORS[b] },
          label: {
            show: true,
            position: 'top',
            // Shares of the published results: what the report states ("HTXSNV chiếm 20 %").
            formatter: LEVELS.includes(b as Level) && published > 0 ? `${nf(c[b])} (${pctText(share(c[b], published))})` : nf(c[b]),
          },
        })),
      },
    ],
  };
}

/** Grassroots party organizations by published level, with "not classified" and "not yet published". */
export function unitLevelsChart(s: CampaignStatistics, opts: ChartOptions = {}): ChartOption {
  return levelsChart(s.units, s.levelNames.unit, 'units', CHART_TITLES['unit-levels'], 'tổ chức cơ sở đảng', opts);
}

/** Members by published level, with "not classified" (e.g. newly admitted) and "not yet published". */
export function memberLevelsChart(s: CampaignStatistics, opts: ChartOptions = {}): ChartOption {
  return levelsChart(s.members, s.levelNames.member, 'members', CHART_TITLES['member-levels'], 'đảng viên', opts);
}

// ── By sector ─────────────────────────────────────────────────────────────────────────────────

/**
 * Levels by sector (khối, loại hình), each bar 100 %: sectors of very different sizes compare by
 * share; the labels give the counts.
 */
export function sectorLevelsChart(s: CampaignStatistics, subject: 'units' | 'members', opts: ChartOptions = {}): ChartOption {
  const names = subject === 'units' ? s.levelNames.unit : s.levelNames.member;
  const rows = s.bySector.filter((r) => r[subject].total > 0).reverse(); // the first sector on top
  const buckets = BUCKETS.filter((b) => rows.some((r) => r[subject][b] > 0) || LEVELS.includes(b as Level));
  const title = CHART_TITLES[subject === 'units' ? 'unit-sectors' : 'member-sectors'];
  const { option, gridTop } = frame(
    opts,
    title,
    undefined,
    buckets.map((b) => bucketLabel(names, b)),
  );
  return {
    ...option,
    grid: { left: 8, right: 24, top: gridTop, bottom: 36, containLabel: true },
    xAxis: horizontalValueAxis('Tỷ lệ (%)', { max: 100, minInterval: undefined }),
    yAxis: {
      type: 'category',
      data: rows.map((r) => `${r.label} (${nf(r[subject].total)})`),
      axisTick: { show: false },
    },
    series: buckets.map((b) => ({
      type: 'bar',
      name: bucketLabel(names, b),
      stack: 'levels',
      barMaxWidth: 22,
      itemStyle: { color: LEVEL_COLORS[b] },
      data: rows.map((r) => {
        const c = r[subject];
        const p = Math.round(share(c[b], c.total) * 10) / 10;
        return {
          value: p,
          name: `${r.label}: ${nf(c[b])}`,
          target: { kind: 'sector', sector: r.sector } satisfies ChartTarget,
          // Counts where the segment is wide enough to hold them.
          label: { show: p >= 8, position: 'inside', formatter: nf(c[b]), color: b === 'unpublished' ? '#262626' : '#ffffff' },
        };
      }),
    })),
  };
}

// ── Year over year ────────────────────────────────────────────────────────────────────────────

/**
 * The distribution by year: bars per level, one series per review year, as shares of the year's
 * published results (the number of members changes from year to year); labels give the shares.
 * Level names follow this campaign's rule set; earlier years' names differ (regulations §1.2) but
 * the four levels correspond by rank.
 */
export function yearOverYearChart(s: CampaignStatistics, subject: 'units' | 'members' = 'members', opts: ChartOptions = {}): ChartOption {
  const names = subject === 'units' ? s.levelNames.unit : s.levelNames.member;
  const years = s.yearOverYear.filter((y) => y[subject].total > 0 || y.current);
  const title = CHART_TITLES[subject === 'units' ? 'year-over-year-units' : 'year-over-year-members'];
  const colors = YEAR_COLORS.slice(-years.length);
  const print = opts.variant === 'print';
  const { option, gridTop } = frame(
    opts,
    title,
    'Tỷ lệ (%) trên tổng số đã công bố kết quả của từng năm',
    years.map((y) => `Năm ${y.reviewYear}`),
  );
  return {
    ...option,
    grid: { left: 60, right: 16, top: gridTop + 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: LEVELS.map((l) => shortName(names, l)), axisTick: { show: false } },
    yAxis: verticalValueAxis('Tỷ lệ (%)', { max: 100, minInterval: undefined }),
    series: years.map((y, i) => {
      const c = y[subject];
      const published = LEVELS.reduce((n, l) => n + c[l], 0);
      return {
        type: 'bar',
        name: `Năm ${y.reviewYear}`,
        barMaxWidth: 36,
        itemStyle: { color: colors[i] },
        data: LEVELS.map((l) => {
          const p = Math.round(share(c[l], published) * 10) / 10;
          return {
            value: p,
            name: `${shortName(names, l)}, năm ${y.reviewYear}: ${nf(c[l])}`,
            label: { show: published > 0 && (print || years.length <= 3), position: 'top', formatter: pctText(p), fontSize: 11 },
          };
        }),
      };
    }),
  };
}

// ── Quota use ─────────────────────────────────────────────────────────────────────────────────

/** HTXS against the cap ⌊ pct × HTT ⌋ (regulations §2.4 R9), for members and for grassroots units. */
export function quotaChart(s: CampaignStatistics, opts: ChartOptions = {}): ChartOption {
  const q = s.quota;
  const ex = shortName(s.levelNames.member, 'excellent');
  const good = shortName(s.levelNames.member, 'good');
  const subtitle =
    q.pct === null
      ? 'Năm đánh giá này không áp dụng tỷ lệ khống chế'
      : `${ex} không quá ${q.pct} % số ${good} trong từng nhóm; số nhóm vượt tỷ lệ: ${nf(q.members.groupsOver + q.units.groupsOver)}`;
  const rows = [
    { label: 'Đảng viên', use: q.members },
    { label: 'Tổ chức cơ sở đảng', use: q.units },
  ];
  const series: ChartOption[] = [
    {
      type: 'bar',
      name: `Số ${ex}`,
      barMaxWidth: 48,
      itemStyle: { color: LEVEL_COLORS.excellent },
      data: rows.map((r) => ({
        value: r.use.excellent,
        name: r.label,
        label: {
          show: true,
          position: 'top',
          formatter: r.use.sharePct === null ? nf(r.use.excellent) : `${nf(r.use.excellent)} (${pctText(r.use.sharePct)} số ${good})`,
        },
      })),
    },
  ];
  if (q.pct !== null) {
    series.push({
      type: 'bar',
      name: `Tối đa theo tỷ lệ ${q.pct} %`,
      barMaxWidth: 48,
      itemStyle: { color: '#ffffff', borderColor: LEVEL_COLORS.excellent, borderWidth: 2, borderType: 'dashed' },
      data: rows.map((r) => ({
        value: r.use.cap ?? 0,
        name: r.label,
        label: { show: true, position: 'top', formatter: nf(r.use.cap ?? 0) },
      })),
    });
  }
  const { option, gridTop } = frame(
    opts,
    CHART_TITLES.quota,
    subtitle,
    series.map((x) => x.name as string),
  );
  return {
    ...option,
    grid: { left: 60, right: 16, top: gridTop + 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisTick: { show: false } },
    yAxis: verticalValueAxis('Số lượng'),
    series,
  };
}

// ── Remediation progress ──────────────────────────────────────────────────────────────────────

/** Remediation items by status (overdue apart from the others), with the plans in the subtitle. */
export function remediationChart(s: CampaignStatistics, opts: ChartOptions = {}): ChartOption {
  const { plans, items } = s.remediation;
  const parts = [
    { key: 'done' as const, label: 'Đã hoàn thành', value: items.done },
    { key: 'inProgress' as const, label: 'Đang thực hiện', value: items.inProgress },
    { key: 'planned' as const, label: 'Chưa thực hiện', value: items.planned },
    { key: 'overdue' as const, label: 'Quá hạn', value: items.overdue },
  ];
  const { option, gridTop } = frame(
    opts,
    CHART_TITLES.remediation,
    `Kế hoạch khắc phục: ${nf(plans.total)} (đã ban hành ${nf(plans.filed)}, đã báo cáo ${nf(plans.reported)}); biện pháp: ${nf(items.total)}`,
    parts.map((p) => p.label),
  );
  return {
    ...option,
    grid: { left: 8, right: 24, top: gridTop, bottom: 36, containLabel: true },
    xAxis: horizontalValueAxis('Số biện pháp'),
    yAxis: { type: 'category', data: ['Biện pháp'], axisTick: { show: false } },
    series: parts.map((p) => ({
      type: 'bar',
      name: p.label,
      stack: 'items',
      barMaxWidth: 40,
      itemStyle: { color: REMEDIATION_COLORS[p.key] },
      data: [
        {
          value: p.value,
          name: p.label,
          target: { kind: 'remediation' } satisfies ChartTarget,
          label: {
            show: share(p.value, items.total) >= 6,
            position: 'inside',
            formatter: `${nf(p.value)} (${pctText(share(p.value, items.total))})`,
            color: p.key === 'planned' ? '#262626' : '#ffffff',
          },
        },
      ],
    })),
  };
}

// ── Overdue ───────────────────────────────────────────────────────────────────────────────────

/**
 * Units late for each milestone of the plan, and remediation items past their deadline, as shares
 * of the grassroots units and of the items (one axis for both: counts of units and of items
 * differ by orders of magnitude); the labels give the counts.
 */
export function overdueChart(s: CampaignStatistics, opts: ChartOptions = {}): ChartOption {
  const dd = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
  const units = s.progress.grassroots;
  const items = s.remediation.items.total;
  const rows = [
    ...s.overdue.milestones
      .filter((m) => m.tracked)
      .map((m) => ({
        label: `${m.label} (${dd(m.dueDate)})`,
        pct: share(m.unitsLate, units),
        color: m.passed ? STAGE_COLORS.returned : '#d9d9d9',
        text: m.passed ? `${nf(m.unitsLate)} tổ chức (${pctText(share(m.unitsLate, units))})` : 'chưa đến hạn',
        target: { kind: 'milestone', milestone: m.kind } as ChartTarget,
      })),
    {
      label: 'Biện pháp khắc phục quá hạn',
      pct: share(s.overdue.remediationItems, items),
      color: REMEDIATION_COLORS.overdue,
      text: `${nf(s.overdue.remediationItems)} biện pháp (${pctText(share(s.overdue.remediationItems, items))})`,
      target: { kind: 'remediation' } as ChartTarget,
    },
  ].reverse();
  const { option, gridTop } = frame(
    opts,
    CHART_TITLES.overdue,
    `Tính đến ngày ${dd(s.businessDate)}: ${nf(s.overdue.units)} tổ chức cơ sở đảng chậm tiến độ`,
  );
  return {
    ...option,
    grid: { left: 8, right: 150, top: gridTop, bottom: 36, containLabel: true },
    xAxis: horizontalValueAxis('Tỷ lệ (%)', { max: 100, minInterval: undefined }),
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: 'Chậm, quá hạn',
        barMaxWidth: 18,
        data: rows.map((r) => ({
          value: Math.round(r.pct * 10) / 10,
          name: r.text,
          target: r.target,
          itemStyle: { color: r.color },
          label: { show: true, position: 'right', formatter: r.text },
        })),
      },
    ],
  };
}

// ── All of them ───────────────────────────────────────────────────────────────────────────────

/** Default sizes in CSS pixels (96 per inch): a Word text width of 16 cm is about 605 px. */
export const CHART_SIZES: Record<ChartName, { width: number; height: number }> = {
  progress: { width: 640, height: 420 },
  'unit-levels': { width: 640, height: 340 },
  'member-levels': { width: 640, height: 340 },
  'unit-sectors': { width: 640, height: 360 },
  'member-sectors': { width: 640, height: 360 },
  'year-over-year-units': { width: 640, height: 360 },
  'year-over-year-members': { width: 640, height: 360 },
  quota: { width: 640, height: 340 },
  remediation: { width: 640, height: 220 },
  overdue: { width: 640, height: 320 },
};

export function chartOption(name: ChartName, s: CampaignStatistics, opts: ChartOptions = {}): ChartOption {
  switch (name) {
    case 'progress':
      return progressChart(s, opts);
    case 'unit-levels':
      return unitLevelsChart(s, opts);
    case 'member-levels':
      return memberLevelsChart(s, opts);
    case 'unit-sectors':
      return sectorLevelsChart(s, 'units', opts);
    case 'member-sectors':
      return sectorLevelsChart(s, 'members', opts);
    case 'year-over-year-units':
      return yearOverYearChart(s, 'units', opts);
    case 'year-over-year-members':
      return yearOverYearChart(s, 'members', opts);
    case 'quota':
      return quotaChart(s, opts);
    case 'remediation':
      return remediationChart(s, opts);
    case 'overdue':
      return overdueChart(s, opts);
  }
}

/**
 * Every chart with data, for a document: name, title, option and size. The summary report renders
 * each with renderChartSvg(option, size) and embeds it (contracts/documents.ts, block `chart`).
 */
export function reportCharts(
  s: CampaignStatistics,
  opts: ChartOptions = { variant: 'print', showTitle: false },
): { name: ChartName; title: string; option: ChartOption; width: number; height: number }[] {
  return CHART_NAMES.filter((n) => !isChartEmpty(n, s)).map((name) => ({
    name,
    title: CHART_TITLES[name],
    option: chartOption(name, s, opts),
    ...CHART_SIZES[name],
  }));
}
