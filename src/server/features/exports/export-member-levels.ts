// Members by level per unit (issue 5 item 2): every member of the campaign's population in the
// caller's subtrees, by chi bộ and in roster order, with the level decided for them — published
// levels only. Design §2 ("Classification after publication"): the office reads results once they
// are public, and not before; those who may read proposals and decisions earlier still get only the
// published ones here, since a file leaves the application and travels: an unpublished row says
// "Chưa công bố", and its level never leaves the database (the CASE below). Rows are read page by
// page and streamed, so a province of 150,000 members fits in little memory.
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { POPULATION_REASON_LABELS, type Level, type PopulationReason } from '../../../shared/campaign-vocabulary.js';
import { formatVietnameseDate } from '../../../shared/dates.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import { streamTable, type OutCell, type SheetColumn } from '../../adapters/xlsx/write-sheet.js';
import type { Principal } from '../../domain/policy.js';
import { levelLabel } from '../../domain/rule-sets/index.js';
import type { AppContext } from '../context.js';
import { exportFileName, nearest, openExport, pagesByKeys, titleLines } from './export-scope.js';
import { liveClassification, subjectReview } from '../../adapters/db/campaign-subject-joins.js';

const PAGE = 2000;

export const MEMBER_LEVEL_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 7, numFmt: '#,##0', align: 'center' },
  { header: 'Họ và tên', width: 28 },
  { header: 'Ngày sinh', width: 12, align: 'center' },
  { header: 'Chi bộ', width: 30, wrap: true },
  { header: 'Đảng bộ (chi bộ) cơ sở', width: 32, wrap: true },
  { header: 'Chức vụ', width: 28, wrap: true },
  { header: 'Tự xếp loại', width: 22, wrap: true },
  { header: 'Mức xếp loại', width: 24, wrap: true },
  { header: 'Ghi chú', width: 34, wrap: true },
];

const NOT_PUBLISHED = 'Chưa công bố';
const NOT_CLASSIFIED = 'Không xếp loại';
const LEVELS = new Set<string>(['excellent', 'good', 'satisfactory', 'unsatisfactory']);

export async function exportMemberLevels(
  ctx: AppContext,
  principal: Principal,
  input: { campaignId: string; unitId?: string | null },
): Promise<{ fileName: string; stream: Readable }> {
  const x = await openExport(ctx, principal, input, 'published_levels');
  const { campaign, ruleSet, paths } = x;
  const db = ctx.db;
  const label = (v: string | null) => (v && LEVELS.has(v) ? levelLabel(ruleSet, 'member', v as Level) : '');

  const inScope = () =>
    db
      .selectFrom('campaign_members as cm')
      .where('cm.campaign_id', '=', campaign.id)
      .where('cm.included', '=', 1)
      .where((eb) => withinPaths(eb, 'cm.unit_path', paths));

  async function* pages(): AsyncGenerator<OutCell[][]> {
    // The grassroots units of the campaign, by path: a member's is the nearest above their chi bộ.
    const grassroots = await db
      .selectFrom('campaign_units as cu')
      .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
      .select(['cu.unit_path', 'u.name'])
      .where('cu.campaign_id', '=', campaign.id)
      .where('cu.is_grassroots', '=', 1)
      .execute();
    const grassrootsByPath = new Map(grassroots.map((g) => [g.unit_path, g.name]));
    const grassrootsOfCell = new Map<string, string>();
    const grassrootsOf = (cellPath: string) => {
      let name = grassrootsOfCell.get(cellPath);
      if (name === undefined) grassrootsOfCell.set(cellPath, (name = nearest(grassrootsByPath, cellPath) ?? ''));
      return name;
    };
    // The order is fixed once (ids only): by chi bộ, then the roster order (design §3, Member).
    const order = await inScope()
      .innerJoin('members as m', 'm.id', 'cm.member_id')
      .innerJoin('org_units as u', 'u.id', 'cm.unit_id')
      .select('cm.id')
      .orderBy('u.code')
      .orderBy('cm.unit_id')
      .orderBy('m.sort_key')
      .orderBy('cm.id')
      .execute();
    let stt = 0;
    for await (const rows of pagesByKeys(
      order.map((o) => o.id),
      PAGE,
      (ids) =>
        inScope()
          .innerJoin('members as m', 'm.id', 'cm.member_id')
          .innerJoin('org_units as u', 'u.id', 'cm.unit_id')
          .leftJoin('classifications as c', liveClassification('c', 'member', 'cm'))
          .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
          .select([
            'cm.id',
            'cm.unit_path',
            'cm.classified',
            'cm.reason',
            'm.full_name',
            'm.birth_date',
            'm.party_posts',
            'm.government_posts',
            'u.name as unit_name',
            sql<number>`case when c.status = 'published' then 1 else 0 end`.as('published'),
            // Unpublished levels are not read out of the database at all.
            sql<string | null>`case when c.status = 'published' then c.decided_level end`.as('level'),
            sql<string | null>`case when c.status = 'published' then coalesce(c.self_level, r.self_level) end`.as('self_level'),
            sql<string | null>`case when c.status = 'published' then c.decision_number end`.as('decision_number'),
            sql<string | null>`case when c.status = 'published' then c.decision_date end`.as('decision_date'),
          ])
          .where('cm.id', 'in', ids)
          .execute()
          .then((found) => {
            const byId = new Map(found.map((r) => [r.id, r]));
            // A member moved out of the subtree meanwhile is simply not there any more.
            return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
          }),
    )) {
      yield rows.map((r) => {
        const posts = [r.party_posts, r.government_posts].filter((p) => p && p.trim()).join('; ');
        const classified = r.classified === 1;
        const published = Number(r.published) === 1;
        const level = !classified ? NOT_CLASSIFIED : published ? label(r.level) || NOT_PUBLISHED : NOT_PUBLISHED;
        const notes: string[] = [];
        if (!classified && r.reason) notes.push(POPULATION_REASON_LABELS[r.reason as PopulationReason] ?? r.reason);
        if (published && r.decision_number) {
          notes.push(`Quyết định số ${r.decision_number}${r.decision_date ? ` ngày ${formatVietnameseDate(r.decision_date)}` : ''}`);
        }
        return [
          ++stt,
          r.full_name,
          formatVietnameseDate(r.birth_date),
          r.unit_name,
          grassrootsOf(r.unit_path),
          posts,
          classified && published ? label(r.self_level) : '',
          level,
          notes.join('; '),
        ];
      });
    }
  }

  const stream = streamTable({
    sheetName: 'Xếp loại đảng viên',
    columns: MEMBER_LEVEL_COLUMNS,
    titleLines: titleLines(x, `Danh sách đảng viên và mức xếp loại chất lượng năm ${campaign.review_year}`),
    borders: true,
    pages: pages(),
    onError: (e) => console.error('[tusoi] xuất danh sách xếp loại đảng viên lỗi:', e),
  });
  return { fileName: exportFileName(x, `Xếp loại đảng viên ${campaign.review_year}`), stream };
}
