// Kế hoạch kiểm điểm, đánh giá, xếp loại (regulations §3.1 bước 1): the committee's plan as the
// Organization Board wrote it in Tự soi, then the timetable of the campaign's milestones and, as an
// annex, the assignment of leaders to units (phân công phụ trách). Issued by the campaign's owner.
import { ASSIGNMENT_DUTY_LABELS, MILESTONE_LABELS } from '../../../../shared/campaign-vocabulary.js';
import { milestonesOf } from '../../../adapters/db/campaigns.repository.js';
import { getPlan } from '../../planning/get-plan.js';
import { visibleAssignments } from '../../planning/list-assignments.js';
import {
  collectiveSignature,
  dmy,
  fileCopyLine,
  frame,
  h,
  loadDocumentFormat,
  loadIssuer,
  p,
  textBlocks,
  type DocumentBuilder,
} from '../document-kit.js';

export const buildCampaignPlan: DocumentBuilder = async (ctx, principal, { campaign, caller }) => {
  const plan = await getPlan(ctx, principal, campaign.id);
  const [issuer, format, assignments] = await Promise.all([
    loadIssuer(ctx.db, campaign.owner_unit_id),
    loadDocumentFormat(ctx.db),
    visibleAssignments(ctx.db, campaign.id, caller),
  ]);
  const year = campaign.review_year;
  const body = plan.text.trim()
    ? textBlocks(plan.text)
    : [
        p(
          `Thực hiện quy định, hướng dẫn của Trung ương về kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm ${year}, ${issuer.bodyName} xây dựng kế hoạch như sau:`,
        ),
      ];
  const milestones = milestonesOf(campaign);
  if (milestones.length) {
    body.push(h('Tiến độ thực hiện', 1));
    body.push({
      type: 'table',
      columns: [
        { header: 'TT', width: 8, align: 'center' },
        { header: 'Nội dung công việc', width: 62 },
        { header: 'Thời hạn hoàn thành', width: 30, align: 'center' },
      ],
      rows: milestones.map((m, i) => [i + 1, m.label ?? MILESTONE_LABELS[m.kind], dmy(m.dueDate)]),
    });
  }
  const annexes = assignments.length
    ? [
        {
          title: 'PHỤ LỤC',
          subtitle: `Phân công đồng chí Ủy viên Ban Thường vụ, cấp ủy viên phụ trách, chỉ đạo kiểm điểm năm ${year}`,
          body: [
            {
              type: 'table' as const,
              columns: [
                { header: 'TT', width: 7, align: 'center' as const },
                { header: 'Tổ chức đảng', width: 43 },
                { header: 'Đồng chí phụ trách', width: 28 },
                { header: 'Nhiệm vụ', width: 22 },
              ],
              rows: assignments.map((a, i) => [i + 1, a.unitName, a.accountName, ASSIGNMENT_DUTY_LABELS[a.duty]]),
            },
          ],
        },
      ]
    : undefined;
  return {
    issuer,
    subjectId: null,
    fileBase: `Kế hoạch kiểm điểm năm ${year} - ${issuer.bodyName}`,
    model: frame('campaign_plan', issuer, format, year, {
      summary: `kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm ${year}`,
      body,
      signatures: [collectiveSignature(issuer)],
      recipients: ['Các tổ chức cơ sở đảng trực thuộc', 'Các đồng chí Ủy viên Ban Thường vụ', fileCopyLine(issuer)],
      annexes,
    }),
  };
};
