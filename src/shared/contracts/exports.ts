// Excel exports of a campaign (issue 5 item 2): the four lists and tables offices keep, as .xlsx.
// The same list drives the routes (exports.<kind>) and the browser's export cards.
import { z } from 'zod';
import { id } from './common.js';

export const EXPORT_KINDS = ['member-levels', 'level-totals', 'unit-progress', 'remediation-tracking'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const exportParams = z.object({ campaignId: id });
export const exportQuery = z.object({
  /** Narrow to this unit's subtree; without it, everything of the campaign the caller may read. */
  unitId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export const EXPORT_LABELS: Record<ExportKind, { title: string; description: string }> = {
  'member-levels': {
    title: 'Danh sách đảng viên theo mức xếp loại',
    description:
      'Từng đảng viên theo chi bộ: họ và tên, ngày sinh, chi bộ, đảng bộ cơ sở, chức vụ, tự xếp loại và mức xếp loại đã công bố. Kết quả chưa công bố ghi "Chưa công bố".',
  },
  'level-totals': {
    title: 'Tổng hợp kết quả xếp loại',
    description: 'Số lượng và tỷ lệ tổ chức đảng, đảng viên ở từng mức xếp loại, theo loại hình (xã, phường, cơ quan, doanh nghiệp…).',
  },
  'unit-progress': {
    title: 'Tiến độ kiểm điểm của các đơn vị',
    description: 'Mỗi tổ chức đảng của đợt: giai đoạn hiện nay, các mốc ngày, số bản kiểm điểm đã nộp, người phụ trách và đơn vị quá hạn.',
  },
  'remediation-tracking': {
    title: 'Theo dõi khắc phục hạn chế, khuyết điểm',
    description:
      'Từng biện pháp khắc phục: đối tượng, hạn chế, khuyết điểm, biện pháp, người thực hiện, thời hạn, tiến độ và biện pháp quá hạn.',
  },
};
