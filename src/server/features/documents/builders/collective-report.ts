// Báo cáo kiểm điểm tập thể (Mẫu 01-HD KĐ.ĐG of the year's rule set; regulations §3.3, §11.6): the
// collective report as the unit's committee wrote it in Tự soi, in the sections of the form, with
// the self-assessed level, the carry-over of earlier shortcomings and their remediation, and the
// answers to the suggested points. Read through the review use case, so its rule applies (design
// §2, row "Collective reports, dossiers, appraisal"). The unit reports on itself: its đảng ủy or
// chi bộ issues and signs it (regulations §3.1 bước 2; QĐ 366 Điều 7 khoản 1).
import { getReview } from '../../reviews/get-review.js';
import { issuingBodyName } from '../../../domain/documents/party-format.js';
import { collectiveSignature, fileCopyLine, frame, loadDocumentFormat, loadIssuer, p, type DocumentBuilder } from '../document-kit.js';
import { actingBody, planReference } from './campaign-refs.js';
import { reviewLayout } from './review-sections.js';

export const buildCollectiveReport: DocumentBuilder = async (ctx, principal, { campaign, subjectId }) => {
  const view = await getReview(ctx, principal, { campaignId: campaign.id, subjectKind: 'collective', subjectKey: subjectId! });
  const [issuer, format, plan] = await Promise.all([
    loadIssuer(ctx.db, view.subject.unitId),
    loadDocumentFormat(ctx.db),
    planReference(ctx.db, campaign),
  ]);
  const parent = issuer.unit.parent_id
    ? await ctx.db.selectFrom('org_units').select(['name', 'kind']).where('id', '=', issuer.unit.parent_id).executeTakeFirst()
    : undefined;
  const year = campaign.review_year;
  const { body, annexes } = reviewLayout(view);
  body.unshift(
    p(
      `Thực hiện ${plan} về kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm ${year}, trên cơ sở kết quả lãnh đạo thực hiện nhiệm vụ chính trị năm ${year}, ${issuer.bodyName} kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể như sau:`,
      { indent: true },
    ),
  );
  return {
    issuer,
    subjectId: view.subject.unitId,
    fileBase: `Báo cáo kiểm điểm tập thể năm ${year} - ${issuer.bodyName}`,
    model: frame('collective_report', issuer, format, year, {
      summary: `kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể ${issuer.bodyName} năm ${year}`,
      body,
      signatures: [collectiveSignature(issuer)],
      // The report goes up to the level that appraises and decides, and to those at the meeting
      // (regulations §3.1 bước 2: the draft is sent to the participants before the meeting).
      recipients: [
        ...(parent ? [`${actingBody(parent)} (để báo cáo)`] : []),
        ...(parent && parent.kind === 'committee' ? [`Ban Tổ chức ${issuingBodyName(parent.name)}`] : []),
        'Các đồng chí dự hội nghị kiểm điểm',
        fileCopyLine(issuer),
      ],
      annexes: annexes.length ? annexes : undefined,
    }),
  };
};
