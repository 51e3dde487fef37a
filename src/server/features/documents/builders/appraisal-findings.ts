// Thông báo kết quả thẩm định hồ sơ (regulations §3.1 bước 4 and §4; Hà Tĩnh 2017: the upper
// Organization Board appraises the dossier of a unit with suggested points, and the meeting is held
// only when it passes): what the unit sent, the Board's findings section by section, and the
// verdict of the latest appraisal round — cleared, or returned with what to add. Read through the
// dossier use case (design §2, row "Collective reports, dossiers, appraisal"), so an open round's
// draft findings show only to the Board. Issued by the campaign owner's committee; the Board signs
// for its Standing Committee (T/L BAN THƯỜNG VỤ / TRƯỞNG BAN TỔ CHỨC), as HD 36 writes a signature
// "thừa lệnh" (regulations §6, element 7).
import {
  DOSSIER_SECTIONS,
  formatConferenceTime,
  type AppraisalRoundView,
  type DossierSection,
} from '../../../../shared/contracts/dossiers.js';
import type { DocBlock, DocSignature } from '../../../../shared/contracts/documents.js';
import { AppError } from '../../../../shared/errors.js';
import { issuingBodyName } from '../../../domain/documents/party-format.js';
import { getDossier } from '../../dossiers/get-dossier.js';
import {
  collectiveSignature,
  dmy,
  fileCopyLine,
  frame,
  h,
  loadDocumentFormat,
  loadIssuer,
  p,
  type DocumentBuilder,
} from '../document-kit.js';
import { actingBodyOf, dottedLine, organizationBoard, planReference } from './campaign-refs.js';

/** Where a finding points, as the notice names it (the report's sections are Mẫu 01's, regulations §3.3). */
const SECTION_HEADINGS: Record<DossierSection, string> = {
  I: 'Báo cáo kiểm điểm tập thể, phần ưu điểm, kết quả',
  II: 'Báo cáo kiểm điểm tập thể, phần hạn chế, khuyết điểm và nguyên nhân',
  III: 'Báo cáo kiểm điểm tập thể, phần kết quả khắc phục hạn chế, khuyết điểm đã được chỉ ra',
  IV: 'Báo cáo kiểm điểm tập thể, phần giải trình những vấn đề được gợi ý kiểm điểm',
  V: 'Báo cáo kiểm điểm tập thể, phần trách nhiệm của tập thể, cá nhân',
  VI: 'Báo cáo kiểm điểm tập thể, phần phương hướng, biện pháp khắc phục',
  VII: 'Báo cáo kiểm điểm tập thể, phần tự nhận mức xếp loại',
  member_reviews: 'Bản kiểm điểm của các đồng chí chủ chốt',
  attachments: 'Tài liệu kèm theo hồ sơ',
  general: 'Nhận xét chung',
};

const when = (r: AppraisalRoundView) => {
  const from = dmy(r.startedAt);
  const to = dmy(r.decidedAt);
  return !to || to === from ? `ngày ${from}` : `từ ngày ${from} đến ngày ${to}`;
};

export const buildAppraisalFindings: DocumentBuilder = async (ctx, principal, { campaign, subjectId }) => {
  const dossier = await getDossier(ctx, principal, campaign.id, subjectId!);
  // The notice reports the latest verdict; an open round (its findings visible to the Board only)
  // is a notice being prepared, its conclusion left for the hand.
  const decided = dossier.rounds.filter((r) => r.status !== 'open');
  const open = dossier.rounds.find((r) => r.status === 'open' && r.findings.length > 0);
  const round = open ?? decided.at(-1);
  const unitBody = issuingBodyName(dossier.unitName);
  if (!round) throw new AppError('document.not_found', `Hồ sơ kiểm điểm của ${unitBody} chưa được thẩm định.`);

  const [issuer, format, plan] = await Promise.all([
    loadIssuer(ctx.db, campaign.owner_unit_id),
    loadDocumentFormat(ctx.db),
    planReference(ctx.db, campaign),
  ]);
  const year = campaign.review_year;
  const board = organizationBoard(issuer.unit);
  const earlier = decided.filter((r) => r.round < round.round);

  const body: DocBlock[] = [
    p(
      `Thực hiện ${plan} về kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm ${year}${
        dossier.submittedAt ? `; ngày ${dmy(dossier.submittedAt)} ${unitBody} gửi hồ sơ kiểm điểm` : ''
      }. ${board} đã thẩm định hồ sơ (lần thứ ${round.round}, ${when(round)})${
        earlier.length ? `; ${earlier.map((r) => `lần thứ ${r.round} (${when(r)}): ${r.statusLabel.toLowerCase()}`).join('; ')}` : ''
      }. ${actingBodyOf(issuer)} thông báo kết quả thẩm định như sau:`,
    ),
  ];

  // I. The dossier's parts (issue 3 item 7: the collective report, the key leaders' reviews, files).
  body.push(h('I. HỒ SƠ ĐƯỢC THẨM ĐỊNH', 1));
  const parts: (string | number)[][] = [
    ...dossier.reports.map((r) => [r.title, r.statusLabel]),
    ...dossier.keyLeaders.map((l) => [
      `Bản kiểm điểm của đồng chí ${l.fullName}${l.partyPosts ? `, ${l.partyPosts}` : ''} (${l.unitName})`,
      l.statusLabel,
    ]),
    ...dossier.attachments.map((a) => [a.name, 'Kèm theo']),
  ].map((row, i) => [i + 1, ...row]);
  body.push({
    type: 'table',
    columns: [
      { header: 'TT', width: 8, align: 'center' },
      { header: 'Thành phần hồ sơ', width: 66 },
      { header: 'Tình trạng', width: 26, align: 'center' },
    ],
    rows: parts,
  });

  // II. The findings, section by section in the order of the report.
  body.push(h('II. Ý KIẾN THẨM ĐỊNH', 1));
  const sections = DOSSIER_SECTIONS.filter((s) => round.findings.some((f) => f.section === s));
  if (sections.length === 0) body.push(dottedLine());
  sections.forEach((s, i) => {
    body.push(h(`${i + 1}. ${SECTION_HEADINGS[s]}`, 2));
    body.push({ type: 'list', items: round.findings.filter((f) => f.section === s).map((f) => f.text) });
  });

  // III. The verdict (design §3: cleared, or returned with reasons).
  body.push(h('III. KẾT LUẬN', 1));
  if (round.status === 'cleared') {
    const conference = dossier.conference
      ? ` (dự kiến ${formatConferenceTime(dossier.conference.scheduledFor)}${dossier.conference.place ? ` tại ${dossier.conference.place}` : ''})`
      : '';
    body.push(p(`Hồ sơ kiểm điểm của ${unitBody} đạt yêu cầu.`));
    if (round.reason?.trim()) body.push(p(round.reason.trim()));
    body.push(
      p(
        round.findings.length
          ? `Đề nghị ${unitBody} tiếp thu các ý kiến nêu trên, hoàn chỉnh báo cáo, bản kiểm điểm trước khi tổ chức hội nghị và tổ chức hội nghị kiểm điểm theo kế hoạch${conference}.`
          : `Đề nghị ${unitBody} tổ chức hội nghị kiểm điểm theo kế hoạch${conference}.`,
      ),
    );
  } else if (round.status === 'returned') {
    body.push(
      p(`Hồ sơ kiểm điểm của ${unitBody} chưa đạt yêu cầu${round.reason?.trim() ? `: ${round.reason.trim().replace(/\.$/u, '')}` : ''}.`),
    );
    body.push(
      p(
        `Đề nghị ${unitBody} bổ sung, hoàn chỉnh hồ sơ theo các ý kiến nêu trên, gửi lại ${board} trước ngày ………… để thẩm định lại; chỉ tổ chức hội nghị kiểm điểm sau khi hồ sơ được thẩm định đạt yêu cầu.`,
      ),
    );
  } else {
    body.push(dottedLine(), dottedLine());
  }

  // The Board signs for the Standing Committee; below the committee level the committee signs itself.
  const signature: DocSignature =
    issuer.unit.kind === 'committee'
      ? { authority: 'T/L BAN THƯỜNG VỤ', title: 'TRƯỞNG BAN TỔ CHỨC', name: '' }
      : collectiveSignature(issuer);
  const directed = dossier.directors.length > 0;
  return {
    issuer,
    subjectId: dossier.unitId,
    fileBase: `Thông báo kết quả thẩm định hồ sơ kiểm điểm năm ${year} - ${unitBody}`,
    model: frame('appraisal_findings', issuer, format, year, {
      summary: `kết quả thẩm định hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng năm ${year} của ${unitBody}`,
      body,
      signatures: [signature],
      recipients: [
        unitBody,
        ...(issuer.unit.kind === 'committee' ? [`Thường trực ${issuer.bodyName} (để báo cáo)`] : []),
        ...(directed ? ['Các đồng chí được phân công phụ trách, chỉ đạo'] : []),
        fileCopyLine(issuer),
      ],
    }),
  };
};
