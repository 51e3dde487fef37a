// Kế hoạch khắc phục hạn chế, khuyết điểm (regulations §3.1 bước 8, §3.3 "Kế hoạch khắc phục hạn
// chế, khuyết điểm" [S6]: after the review each collective and individual writes a plan to remedy
// the shortcomings found, and next year's review reports on it): the unit's collective plan as it
// stands in Tự soi — each shortcoming (declared in the review, concluded by the meeting or by the
// deciding level, or carried over from an earlier year) with its actions, who carries them out, the
// deadline, status and progress — and, as an annex, its members' plans. Issued by the unit (KH).
// Read through the remediation page's use cases (features/remediation/get-remediation.ts and
// list-remediation.ts), so their refusals and their scope apply (design §2 row "Remediation").
import {
  CAUSE_KIND_LABELS,
  REMEDIATION_ITEM_STATUS_LABELS,
  SHORTCOMING_SOURCE_LABELS,
  type RemediationItemStatus,
} from '../../../../shared/campaign-vocabulary.js';
import type { DocBlock } from '../../../../shared/contracts/documents.js';
import type { RemediationListRow, RemediationPlanView } from '../../../../shared/contracts/remediation.js';
import { AppError } from '../../../../shared/errors.js';
import type { AppContext, Caller } from '../../context.js';
import { getRemediation } from '../../remediation/get-remediation.js';
import { listRemediation } from '../../remediation/list-remediation.js';
import {
  collectiveSignature,
  dmy,
  fileCopyLine,
  frame,
  h,
  loadDocumentFormat,
  loadIssuer,
  p,
  roman,
  type DocumentBuilder,
} from '../document-kit.js';
import { DOTS, parentOf, ruleSetOf, upperBodyName } from './after-review-kit.js';

const PAGE = 200;

export const buildRemediationPlan: DocumentBuilder = async (ctx, principal, { campaign, subjectId }) => {
  if (!subjectId) throw new AppError('document.subject_required');
  const params = { campaignId: campaign.id, subjectKey: subjectId };
  const plan = await getRemediation(ctx, principal, { ...params, subjectKind: 'unit' });
  const ruleSet = ruleSetOf(campaign);
  const [issuer, format] = await Promise.all([loadIssuer(ctx.db, plan.subject.unitId), loadDocumentFormat(ctx.db)]);
  const parent = await parentOf(ctx.db, issuer);
  const year = campaign.review_year;
  // QĐ 124 on (regulations §1.2): a grassroots unit's leadership collective remedies on its own.
  const grassroots = issuer.unit.kind === 'grassroots_party' || issuer.unit.kind === 'grassroots_cell';
  const leadership =
    ruleSet.reviewsLeadershipCollective && grassroots
      ? await getRemediation(ctx, principal, { ...params, subjectKind: 'leadership' })
      : null;
  const members = await memberPlans(ctx, principal, campaign.id, plan.subject.unitId);

  const body: DocBlock[] = [
    p(
      `Căn cứ kết quả kiểm điểm, đánh giá, xếp loại chất lượng năm ${year} và những hạn chế, khuyết điểm đã được chỉ ra, ` +
        `${issuer.bodyName} xây dựng kế hoạch khắc phục như sau:`,
    ),
    h('I. MỤC ĐÍCH, YÊU CẦU', 1),
    {
      type: 'list',
      items: [
        `Khắc phục có hiệu quả những hạn chế, khuyết điểm của tập thể và cá nhân đã được chỉ ra qua kiểm điểm năm ${year} và những hạn chế của các năm trước chưa khắc phục xong.`,
        'Mỗi hạn chế, khuyết điểm có biện pháp khắc phục cụ thể, người thực hiện và thời hạn hoàn thành; kết quả khắc phục được đánh giá trong kỳ kiểm điểm năm sau.',
      ],
    },
  ];
  let part = 1;
  body.push(h(`${roman(++part)}. HẠN CHẾ, KHUYẾT ĐIỂM VÀ BIỆN PHÁP KHẮC PHỤC CỦA TẬP THỂ`, 1));
  body.push(...planBlocks(plan));
  if (leadership && (leadership.shortcomings.length > 0 || leadership.items.length > 0)) {
    body.push(h(`${roman(++part)}. HẠN CHẾ, KHUYẾT ĐIỂM VÀ BIỆN PHÁP KHẮC PHỤC CỦA TẬP THỂ LÃNH ĐẠO, QUẢN LÝ`, 1));
    body.push(...planBlocks(leadership));
  }
  body.push(h(`${roman(++part)}. TỔ CHỨC THỰC HIỆN`, 1));
  const organisation = [
    members.length > 0
      ? `${members.length} đảng viên đã xây dựng kế hoạch khắc phục của cá nhân (có danh sách kèm theo); mỗi đồng chí tự tổ chức thực hiện và báo cáo kết quả với chi bộ.`
      : 'Mỗi đảng viên có hạn chế, khuyết điểm được chỉ ra xây dựng kế hoạch khắc phục của cá nhân và báo cáo kết quả với chi bộ.',
    `Các đồng chí cấp ủy viên theo dõi, đôn đốc việc thực hiện; kết quả khắc phục được báo cáo ${parent ? upperBodyName(parent) : 'cấp ủy cấp trên'} và kiểm điểm trong kỳ kiểm điểm năm ${year + 1}.`,
  ];
  body.push({ type: 'list', items: organisation });

  const annexes =
    members.length > 0
      ? [
          {
            title: 'PHỤ LỤC',
            subtitle: `Kế hoạch khắc phục hạn chế, khuyết điểm của đảng viên ${plan.subject.unitName} năm ${year}`,
            body: [
              memberTable(members, plan.subject.unitId),
              p(`Tình trạng và tiến độ tính đến ngày ${dmy(plan.businessDate)}.`, { italic: true }),
            ],
          },
        ]
      : undefined;
  const subUnits = issuer.unit.kind === 'grassroots_party' || issuer.unit.kind === 'sub_party';
  return {
    issuer,
    subjectId: plan.subject.unitId,
    fileBase: `Kế hoạch khắc phục năm ${year} - ${plan.subject.unitName}`,
    model: frame('remediation_plan', issuer, format, year, {
      summary: `khắc phục hạn chế, khuyết điểm qua kiểm điểm, đánh giá, xếp loại chất lượng năm ${year}`,
      body,
      signatures: [collectiveSignature(issuer)],
      recipients: [
        ...(parent ? [`${upperBodyName(parent)} (để báo cáo)`] : []),
        ...(subUnits ? ['Các chi bộ trực thuộc'] : []),
        'Các đồng chí đảng viên',
        fileCopyLine(issuer),
      ],
      annexes,
    }),
  };
};

/** "Đang thực hiện (40 %), quá hạn". */
function progress(i: { status: RemediationItemStatus; progressPct: number; overdue: boolean }): string {
  return `${REMEDIATION_ITEM_STATUS_LABELS[i.status]} (${i.progressPct} %)${i.overdue ? ', quá hạn' : ''}`;
}

type PlanItem = RemediationPlanView['items'][number];

function itemsTable(items: PlanItem[]): DocBlock {
  return {
    type: 'table',
    size: 13,
    columns: [
      { header: 'TT', width: 6, align: 'center' },
      { header: 'Biện pháp khắc phục', width: 42 },
      { header: 'Người thực hiện', width: 18 },
      { header: 'Thời hạn', width: 14, align: 'center' },
      { header: 'Tiến độ', width: 20 },
    ],
    rows: items.map((i, n) => [n + 1, i.action, i.owner, dmy(i.deadline), progress(i)]),
  };
}

/** Each shortcoming of the plan, where it comes from and its cause, with its actions. */
function planBlocks(plan: RemediationPlanView): DocBlock[] {
  const out: DocBlock[] = [];
  if (plan.shortcomings.length === 0 && plan.items.length === 0) {
    return [p('Không có hạn chế, khuyết điểm nào được ghi nhận phải khắc phục.')];
  }
  plan.shortcomings.forEach((s, n) => {
    out.push(p(`${n + 1}. ${s.text}`, { bold: true }));
    const origin = [
      SHORTCOMING_SOURCE_LABELS[s.source],
      s.earlier ? `từ năm ${s.yearFound}, chưa khắc phục xong` : null,
      s.own ? null : `của ${s.subjectName} trước khi hợp nhất`,
    ].filter(Boolean);
    out.push(p(`(${origin.join('; ')})`, { italic: true }));
    if (s.cause?.trim())
      out.push(p(`Nguyên nhân${s.causeKind ? ` (${CAUSE_KIND_LABELS[s.causeKind].toLowerCase()})` : ''}: ${s.cause.trim()}`));
    const items = plan.items.filter((i) => i.shortcomingId === s.id);
    out.push(items.length > 0 ? itemsTable(items) : p(`Biện pháp khắc phục: ${DOTS}`));
  });
  const general = plan.items.filter((i) => i.shortcomingId === null || !plan.shortcomings.some((s) => s.id === i.shortcomingId));
  if (general.length > 0) {
    out.push(p(`${plan.shortcomings.length + 1}. Biện pháp chung`, { bold: true }));
    out.push(itemsTable(general));
  }
  return out;
}

/** The members' plans of the unit's subtree, every page of the tracking list (its SQL scope applies). */
async function memberPlans(ctx: AppContext, principal: Caller, campaignId: string, unitId: string): Promise<RemediationListRow[]> {
  const out: RemediationListRow[] = [];
  for (let page = 1; ; page++) {
    const r = await listRemediation(ctx, principal, campaignId, { unitId, subjectKind: 'member', page, pageSize: PAGE });
    out.push(...r.items);
    if (r.items.length < PAGE || out.length >= r.total) return out;
  }
}

function memberTable(rows: RemediationListRow[], unitId: string): DocBlock {
  const table: (string | number)[][] = [];
  rows.forEach((m, n) => {
    // The chi bộ is named where the plan's unit holds several (a đảng bộ's plan).
    const who = m.unitId === unitId ? m.subjectName : `${m.subjectName} (${m.unitName})`;
    if (m.items.length === 0) {
      table.push([n + 1, who, '', 'Chưa có biện pháp', '', '', '']);
      return;
    }
    m.items.forEach((i, k) => {
      table.push([
        k === 0 ? n + 1 : '',
        k === 0 ? who : '',
        i.shortcomingText ?? 'Biện pháp chung',
        i.action,
        i.owner,
        dmy(i.deadline),
        progress(i),
      ]);
    });
  });
  return {
    type: 'table',
    size: 12,
    columns: [
      { header: 'TT', width: 5, align: 'center' },
      { header: 'Họ và tên', width: 16 },
      { header: 'Hạn chế, khuyết điểm', width: 20 },
      { header: 'Biện pháp khắc phục', width: 22 },
      { header: 'Người thực hiện', width: 11 },
      { header: 'Thời hạn', width: 13, align: 'center' },
      { header: 'Tiến độ', width: 13 },
    ],
    rows: table,
  };
}
