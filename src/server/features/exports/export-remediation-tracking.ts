// Remediation tracking (issue 5 item 2): every remediation measure of the campaign in the caller's
// subtrees — whose it is, the shortcoming it answers, the action, who carries it out, the deadline,
// progress, status and whether it is overdue at the committee's business date — as the tracking
// view of remediation.list shows it (design §2 row "Remediation"; regulations §3.1 bước 8–9; the
// overdue rule is domain/remediation-policy.ts isOverdue). A plan without a measure yet still has its
// line, so that the office sees who has not planned. Rows are read page by page.
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import {
  REMEDIATION_ITEM_STATUS_LABELS,
  REMEDIATION_PLAN_STATUS_LABELS,
  type RemediationItemStatus,
  type RemediationPlanStatus,
} from '../../../shared/campaign-vocabulary.js';
import { REMEDIATION_SUBJECT_LABELS, type RemediationSubject } from '../../../shared/contracts/remediation.js';
import { formatVietnameseDate } from '../../../shared/dates.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import { streamTable, type OutCell, type SheetColumn } from '../../adapters/xlsx/write-sheet.js';
import type { Principal } from '../../domain/policy.js';
import { isOverdue } from '../../domain/remediation-policy.js';
import type { AppContext } from '../context.js';
import { exportFileName, openExport, pagesByKeys, titleLines } from './export-scope.js';

const PAGE = 2000;

export const REMEDIATION_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, numFmt: '#,##0', align: 'center' },
  { header: 'Đối tượng', width: 28, wrap: true },
  { header: 'Loại đối tượng', width: 16, wrap: true },
  { header: 'Tổ chức đảng', width: 26, wrap: true },
  { header: 'Hạn chế, khuyết điểm', width: 40, wrap: true },
  { header: 'Biện pháp khắc phục', width: 40, wrap: true },
  { header: 'Người thực hiện', width: 20, wrap: true },
  { header: 'Thời hạn', width: 12, align: 'center' },
  { header: 'Tiến độ', width: 9, numFmt: '0%' },
  { header: 'Tình trạng', width: 15, wrap: true },
  { header: 'Quá hạn', width: 9, align: 'center' },
  { header: 'Kế hoạch', width: 14, wrap: true },
];

export async function exportRemediationTracking(
  ctx: AppContext,
  principal: Principal,
  input: { campaignId: string; unitId?: string | null },
): Promise<{ fileName: string; stream: Readable }> {
  const x = await openExport(ctx, principal, input, 'remediation');
  const { campaign, paths, today } = x;
  const db = ctx.db;

  const plansInScope = () =>
    db
      .selectFrom('remediation_plans as p')
      .where('p.campaign_id', '=', campaign.id)
      .where((eb) => withinPaths(eb, 'p.scope_path', paths));

  async function* pages(): AsyncGenerator<OutCell[][]> {
    // The order is fixed once: by unit, its collective and leadership first, then members in roster
    // order, then the plan's own order of measures.
    const order = await plansInScope()
      .innerJoin('org_units as u', 'u.id', 'p.unit_id')
      .leftJoin('members as m', 'm.id', 'p.member_id')
      .leftJoin('remediation_items as i', 'i.plan_id', 'p.id')
      .select(['p.id as plan_id', 'i.id as item_id'])
      .orderBy('u.code')
      .orderBy('p.unit_id')
      .orderBy(sql`case p.subject_kind when 'unit' then 0 when 'leadership' then 1 else 2 end`)
      .orderBy('m.sort_key')
      .orderBy('p.id')
      .orderBy('i.position')
      .execute();
    let stt = 0;
    for await (const rows of pagesByKeys(order, PAGE, async (keys) => {
      const planIds = [...new Set(keys.map((k) => k.plan_id))];
      const itemIds = keys.map((k) => k.item_id).filter((id): id is string => id !== null);
      const [plans, items] = await Promise.all([
        plansInScope()
          .innerJoin('org_units as u', 'u.id', 'p.unit_id')
          .leftJoin('members as m', 'm.id', 'p.member_id')
          .select(['p.id', 'p.subject_kind', 'p.status', 'u.name as unit_name', 'm.full_name'])
          .where('p.id', 'in', planIds)
          .execute(),
        itemIds.length
          ? db
              .selectFrom('remediation_items as i')
              .leftJoin('shortcomings as s', 's.id', 'i.shortcoming_id')
              .select(['i.id', 'i.action', 'i.owner', 'i.deadline', 'i.status', 'i.progress_pct', 's.text as shortcoming_text'])
              .where('i.id', 'in', itemIds)
              .execute()
          : [],
      ]);
      const planById = new Map(plans.map((p) => [p.id, p]));
      const itemById = new Map(items.map((i) => [i.id, i]));
      return keys.flatMap((k) => {
        const plan = planById.get(k.plan_id);
        // A plan moved out of the subtree meanwhile is simply not there any more.
        if (!plan) return [];
        return [{ plan, item: k.item_id ? (itemById.get(k.item_id) ?? null) : null }];
      });
    })) {
      yield rows.map(({ plan, item }) => {
        const kind = plan.subject_kind as RemediationSubject;
        const subject =
          kind === 'member'
            ? (plan.full_name ?? '')
            : kind === 'leadership'
              ? `Tập thể lãnh đạo, quản lý – ${plan.unit_name}`
              : plan.unit_name;
        const planStatus = REMEDIATION_PLAN_STATUS_LABELS[plan.status as RemediationPlanStatus] ?? plan.status;
        if (!item)
          return [
            ++stt,
            subject,
            REMEDIATION_SUBJECT_LABELS[kind] ?? kind,
            plan.unit_name,
            '',
            'Chưa có biện pháp',
            '',
            '',
            null,
            '',
            '',
            planStatus,
          ];
        return [
          ++stt,
          subject,
          REMEDIATION_SUBJECT_LABELS[kind] ?? kind,
          plan.unit_name,
          item.shortcoming_text ?? 'Biện pháp chung',
          item.action,
          item.owner,
          formatVietnameseDate(item.deadline),
          item.progress_pct / 100,
          REMEDIATION_ITEM_STATUS_LABELS[item.status as RemediationItemStatus] ?? item.status,
          isOverdue(item, today) ? 'Quá hạn' : '',
          planStatus,
        ];
      });
    }
  }

  const stream = streamTable({
    sheetName: 'Theo dõi khắc phục',
    columns: REMEDIATION_COLUMNS,
    titleLines: titleLines(x, `Theo dõi khắc phục hạn chế, khuyết điểm sau kiểm điểm năm ${campaign.review_year}`),
    borders: true,
    pages: pages(),
    onError: (e) => console.error('[tusoi] xuất theo dõi khắc phục lỗi:', e),
  });
  return { fileName: exportFileName(x, `Theo dõi khắc phục ${campaign.review_year}`), stream };
}
