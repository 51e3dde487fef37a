// The unit progress board (issue 5 item 2): every unit of the campaign in the caller's subtrees with
// its stage on the path of design §3, its dates, the members' reviews, its directors and whether it is
// late against the milestones at the committee's business date — the cockpit (issue 3 item 8) as a
// file: the same scope (campaignUnitScope), the same overdue rule (domain/campaign-progress.ts,
// unitOverdue against milestonesOf at the business date). Rows are read page by page, in unit code
// order; the counts under each unit are rolled up from one grouped query over the chi bộ.
import type { Readable } from 'node:stream';
import { MILESTONE_LABELS, UNIT_STAGE_LABELS, type MilestoneKind, type UnitStage } from '../../../shared/campaign-vocabulary.js';
import { formatVietnameseDate } from '../../../shared/dates.js';
import { ORG_KIND_LABELS, SECTOR_LABELS, type OrgKind, type Sector } from '../../../shared/vocabulary.js';
import { milestonesOf, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { streamTable, type OutCell, type SheetColumn } from '../../adapters/xlsx/write-sheet.js';
import { unitOverdue } from '../../domain/campaign-progress.js';
import { ancestorPaths } from '../../domain/org-tree.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { exportFileName, localDay, openExport, pagesByKeys, titleLines } from './export-scope.js';
import { subjectReview } from '../../adapters/db/campaign-subject-joins.js';

const PAGE = 1000;
const COUNT = '#,##0';

export const UNIT_PROGRESS_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, numFmt: COUNT, align: 'center' },
  { header: 'Mã', width: 14 },
  { header: 'Tổ chức đảng', width: 34, wrap: true },
  { header: 'Loại tổ chức', width: 18, wrap: true },
  { header: 'Loại hình', width: 16, wrap: true },
  { header: 'Giai đoạn hiện nay', width: 22, wrap: true },
  { header: 'Từ ngày', width: 12, align: 'center' },
  { header: 'Ngày nộp hồ sơ', width: 12, align: 'center' },
  { header: 'Cần thẩm định', width: 10, align: 'center' },
  { header: 'Ngày thẩm định đạt', width: 12, align: 'center' },
  { header: 'Ngày hội nghị', width: 12, align: 'center' },
  { header: 'Số đảng viên', width: 10, numFmt: COUNT },
  { header: 'Đã nộp bản kiểm điểm', width: 11, numFmt: COUNT },
  { header: 'Phụ trách, chỉ đạo', width: 26, wrap: true },
  { header: 'Quá hạn', width: 9, align: 'center' },
  { header: 'Chậm so với mốc', width: 30, wrap: true },
];

export async function exportUnitProgress(
  ctx: AppContext,
  principal: Principal,
  input: { campaignId: string; unitId?: string | null },
): Promise<{ fileName: string; stream: Readable }> {
  const x = await openExport(ctx, principal, input, 'unit_progress');
  const { campaign, paths, today } = x;
  const milestones = milestonesOf(campaign);
  const db = ctx.db;

  const inScope = () =>
    db
      .selectFrom('campaign_units as cu')
      .where('cu.campaign_id', '=', campaign.id)
      .where((eb) => withinPaths(eb, 'cu.unit_path', paths));

  async function* pages(): AsyncGenerator<OutCell[][]> {
    const order = await inScope()
      .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
      .select('cu.id')
      .orderBy('u.code')
      .orderBy('cu.id')
      .execute();
    // Members and their reviews by chi bộ, rolled up to every unit above (a unit counts its subtree).
    const reviews = await db
      .selectFrom('campaign_members as cm')
      .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
      .select(['cm.unit_path', 'r.status', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('cm.campaign_id', '=', campaign.id)
      .where('cm.included', '=', 1)
      .where((eb) => withinPaths(eb, 'cm.unit_path', paths))
      .groupBy(['cm.unit_path', 'r.status'])
      .execute();
    const counts = new Map<string, { members: number; submitted: number }>();
    for (const g of reviews) {
      const n = Number(g.n);
      const done = g.status === 'submitted' || g.status === 'finalized';
      for (const p of ancestorPaths(g.unit_path)) {
        const c = counts.get(p) ?? { members: 0, submitted: 0 };
        c.members += n;
        if (done) c.submitted += n;
        counts.set(p, c);
      }
    }
    let stt = 0;
    for await (const rows of pagesByKeys(
      order.map((o) => o.id),
      PAGE,
      async (ids) => {
        const found = await inScope()
          .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
          .select([
            'cu.id',
            'cu.unit_id',
            'cu.unit_path',
            'cu.unit_kind',
            'cu.stage',
            'cu.stage_changed_at',
            'cu.needs_appraisal',
            'cu.submitted_at',
            'cu.cleared_at',
            'u.code',
            'u.name',
            'u.sector',
          ])
          .where('cu.id', 'in', ids)
          .execute();
        const [conferences, directors] = await Promise.all([
          db
            .selectFrom('conferences')
            .select(['campaign_unit_id', 'scheduled_for'])
            .where('campaign_id', '=', campaign.id)
            .where('campaign_unit_id', 'in', ids)
            .orderBy('scheduled_for')
            .execute(),
          db
            .selectFrom('assignments as a')
            .innerJoin('accounts as acc', 'acc.id', 'a.account_id')
            .select(['a.unit_id', 'acc.display_name'])
            .distinct()
            .where('a.campaign_id', '=', campaign.id)
            .where(
              'a.unit_id',
              'in',
              found.map((f) => f.unit_id),
            )
            .orderBy('acc.display_name')
            .execute(),
        ]);
        // The latest meeting of the unit (a meeting rescheduled keeps only its last date here).
        const meeting = new Map(conferences.map((c) => [c.campaign_unit_id, c.scheduled_for]));
        const directorNames = new Map<string, string[]>();
        for (const d of directors) directorNames.set(d.unit_id, [...(directorNames.get(d.unit_id) ?? []), d.display_name]);
        const byId = new Map(
          found.map((f) => [f.id, { ...f, meeting: meeting.get(f.id) ?? null, directors: directorNames.get(f.unit_id) ?? [] }]),
        );
        return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
      },
    )) {
      yield rows.map((r) => {
        const stage = r.stage as UnitStage;
        const needsAppraisal = r.needs_appraisal === 1;
        const late = unitOverdue({ stage, needsAppraisal }, milestones, today) as MilestoneKind[];
        const c = counts.get(r.unit_path) ?? { members: 0, submitted: 0 };
        return [
          ++stt,
          r.code,
          r.name,
          ORG_KIND_LABELS[r.unit_kind as OrgKind] ?? r.unit_kind,
          r.sector ? (SECTOR_LABELS[r.sector as Sector] ?? r.sector) : '',
          UNIT_STAGE_LABELS[stage] ?? r.stage,
          localDay(r.stage_changed_at),
          localDay(r.submitted_at),
          needsAppraisal ? 'Có' : 'Không',
          localDay(r.cleared_at),
          r.meeting ? formatVietnameseDate(r.meeting.slice(0, 10)) : '',
          c.members,
          c.submitted,
          r.directors.join('; '),
          late.length > 0 ? 'Quá hạn' : '',
          late.map((k) => MILESTONE_LABELS[k]).join('; '),
        ];
      });
    }
  }

  const stream = streamTable({
    sheetName: 'Tiến độ đơn vị',
    columns: UNIT_PROGRESS_COLUMNS,
    titleLines: titleLines(x, `Tiến độ kiểm điểm của các tổ chức đảng năm ${campaign.review_year}`),
    headerHeight: 48,
    borders: true,
    pages: pages(),
    onError: (e) => console.error('[tusoi] xuất tiến độ đơn vị lỗi:', e),
  });
  return { fileName: exportFileName(x, `Tiến độ kiểm điểm ${campaign.review_year}`), stream };
}
