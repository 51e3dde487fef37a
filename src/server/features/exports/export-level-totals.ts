// Totals by level and by sector (issue 5 item 2): how many organizations and how many members of the
// caller's subtrees were rated at each level, by sector (xã, phường, cơ quan, doanh nghiệp, …), with
// the share of each level, as the office reports the year's results upward. Published results only
// (design §2, "Classification after publication"): the rest is counted as "Chưa công bố" without its
// level. Two grouped queries, whatever the size of the province.
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { LEVELS, type Level } from '../../../shared/campaign-vocabulary.js';
import { SECTOR_LABELS, SECTORS, type Sector } from '../../../shared/vocabulary.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import { streamWorkbook, type OutCell, type SheetColumn, type StreamSheetSpec } from '../../adapters/xlsx/write-sheet.js';
import type { Principal } from '../../domain/policy.js';
import { levelLabel, type RuleSet } from '../../domain/rule-sets/index.js';
import type { AppContext } from '../context.js';
import { exportFileName, nearest, openExport, titleLines, type OpenedExport } from './export-scope.js';
import { liveClassification } from '../../adapters/db/campaign-subject-joins.js';

const NO_SECTOR = 'Chưa xác định loại hình';
const COUNT = '#,##0';
const SHARE = '0.0%';

interface Tally {
  total: number;
  notClassified: number;
  notPublished: number;
  published: number;
  levels: Record<Level, number>;
}

const emptyTally = (): Tally => ({
  total: 0,
  notClassified: 0,
  notPublished: 0,
  published: 0,
  levels: { excellent: 0, good: 0, satisfactory: 0, unsatisfactory: 0 },
});

function add(t: Tally, n: number, classified: boolean, level: string | null): void {
  t.total += n;
  if (!classified) t.notClassified += n;
  else if (level && (LEVELS as readonly string[]).includes(level)) {
    t.published += n;
    t.levels[level as Level] += n;
  } else t.notPublished += n;
}

/** Sectors in the vocabulary's order, then the units without one. */
function sectorOrder(key: string): number {
  const i = SECTORS.indexOf(key as Sector);
  return i < 0 ? SECTORS.length : i;
}

function columns(ruleSet: RuleSet, subject: 'unit' | 'member'): SheetColumn[] {
  return [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Loại hình', width: 24, wrap: true },
    { header: subject === 'member' ? 'Tổng số đảng viên' : 'Tổng số tổ chức đảng', width: 13, numFmt: COUNT },
    ...(subject === 'member' ? [{ header: 'Không xếp loại', width: 12, numFmt: COUNT }] : []),
    { header: 'Chưa công bố', width: 12, numFmt: COUNT },
    { header: 'Đã công bố kết quả', width: 13, numFmt: COUNT },
    ...LEVELS.flatMap((l) => [
      { header: `${levelLabel(ruleSet, subject, l)}: số lượng`, width: 15, numFmt: COUNT },
      { header: `${levelLabel(ruleSet, subject, l)}: tỷ lệ`, width: 12, numFmt: SHARE },
    ]),
  ];
}

function cells(stt: OutCell, name: string, t: Tally, subject: 'unit' | 'member'): OutCell[] {
  // Shares of the published results: the levels of the rest are not known yet (or not to this reader).
  const share = (n: number) => (t.published > 0 ? n / t.published : null);
  return [
    stt,
    name,
    t.total,
    ...(subject === 'member' ? [t.notClassified] : []),
    t.notPublished,
    t.published,
    ...LEVELS.flatMap((l) => [t.levels[l], share(t.levels[l])]),
  ];
}

function sheet(x: OpenedExport, name: string, title: string, subject: 'unit' | 'member', bySector: Map<string, Tally>): StreamSheetSpec {
  const sectors = [...bySector.keys()].sort((a, b) => sectorOrder(a) - sectorOrder(b));
  const all = emptyTally();
  for (const t of bySector.values()) {
    all.total += t.total;
    all.notClassified += t.notClassified;
    all.notPublished += t.notPublished;
    all.published += t.published;
    for (const l of LEVELS) all.levels[l] += t.levels[l];
  }
  async function* pages(): AsyncGenerator<OutCell[][]> {
    yield sectors.map((s, i) => cells(i + 1, SECTOR_LABELS[s as Sector] ?? NO_SECTOR, bySector.get(s)!, subject));
  }
  return {
    sheetName: name,
    columns: columns(x.ruleSet, subject),
    titleLines: titleLines(x, title),
    headerHeight: 64,
    borders: true,
    landscape: true,
    pages: pages(),
    totals: () => cells(null, 'Tổng cộng', all, subject),
  };
}

export async function exportLevelTotals(
  ctx: AppContext,
  principal: Principal,
  input: { campaignId: string; unitId?: string | null },
): Promise<{ fileName: string; stream: Readable }> {
  const x = await openExport(ctx, principal, input, 'published_levels');
  const { campaign, paths } = x;
  const publishedLevel = sql<string | null>`case when c.status = 'published' then c.decided_level end`;

  // Sectors are read off the campaign's units (a chi bộ without one takes its grassroots unit's).
  const units = await ctx.db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .select(['cu.unit_path', 'u.sector'])
    .where('cu.campaign_id', '=', campaign.id)
    .execute();
  const sectorByPath = new Map<string, string>();
  for (const u of units) if (u.sector) sectorByPath.set(u.unit_path, u.sector);
  const sectorOf = (path: string) => nearest(sectorByPath, path) ?? '';

  const [unitRows, memberGroups] = await Promise.all([
    ctx.db
      .selectFrom('campaign_units as cu')
      .leftJoin('classifications as c', liveClassification('c', 'unit', 'cu'))
      .select(['cu.unit_path', publishedLevel.as('level')])
      .where('cu.campaign_id', '=', campaign.id)
      .where((eb) => withinPaths(eb, 'cu.unit_path', paths))
      .execute(),
    ctx.db
      .selectFrom('campaign_members as cm')
      .leftJoin('classifications as c', liveClassification('c', 'member', 'cm'))
      .select(['cm.unit_path', 'cm.classified', publishedLevel.as('level'), (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('cm.campaign_id', '=', campaign.id)
      .where('cm.included', '=', 1)
      .where((eb) => withinPaths(eb, 'cm.unit_path', paths))
      .groupBy(['cm.unit_path', 'cm.classified', publishedLevel])
      .execute(),
  ]);

  const unitTallies = new Map<string, Tally>();
  for (const u of unitRows) {
    const s = sectorOf(u.unit_path);
    const t = unitTallies.get(s) ?? emptyTally();
    add(t, 1, true, u.level);
    unitTallies.set(s, t);
  }
  const memberTallies = new Map<string, Tally>();
  for (const g of memberGroups) {
    const s = sectorOf(g.unit_path);
    const t = memberTallies.get(s) ?? emptyTally();
    add(t, Number(g.n), g.classified === 1, g.level);
    memberTallies.set(s, t);
  }

  const year = campaign.review_year;
  const stream = streamWorkbook({
    sheets: [
      sheet(x, 'Tổ chức đảng', `Tổng hợp kết quả xếp loại tổ chức đảng năm ${year}`, 'unit', unitTallies),
      sheet(x, 'Đảng viên', `Tổng hợp kết quả xếp loại đảng viên năm ${year}`, 'member', memberTallies),
    ],
    onError: (e) => console.error('[tusoi] xuất tổng hợp xếp loại lỗi:', e),
  });
  return { fileName: exportFileName(x, `Tổng hợp xếp loại ${year}`), stream };
}
