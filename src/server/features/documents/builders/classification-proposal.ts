// Tờ trình đề nghị xếp loại chất lượng (regulations §2.5 column "Proposes", §3.1 bước 6 B2, §3.3
// "Tờ trình / Quyết định công nhận xếp loại"): what a unit puts before the level that decides
// (domain/classification/authority.ts) — its collective's level, its members' levels grouped by
// level with their counts and the HTXS quota's arithmetic (regulations §2.4 R9, §9b), and the
// annexed list of members. Read through the calibration board (features/classification/board.ts),
// so whoever the board refuses (the office before publication, another chi bộ, another committee)
// is refused the document, and a level the board hides stays hidden.
// A chi bộ trực thuộc or a đảng bộ bộ phận proposes to the đảng ủy cơ sở; a grassroots unit to the
// Ban Thường vụ of the committee above. At a committee above the grassroots level it is its
// Organization Board that appraises and proposes the grassroots units to the Ban Thường vụ (design §2:
// organizer "RW (propose)"): the committee's tờ trình is the Ban Tổ chức's.
import { LEVELS, POPULATION_REASON_LABELS, type Level, type PopulationReason } from '../../../../shared/campaign-vocabulary.js';
import type { BoardRow, BoardView, QuotaView } from '../../../../shared/contracts/classification.js';
import type { DocBlock } from '../../../../shared/contracts/documents.js';
import { AppError } from '../../../../shared/errors.js';
import { num, product, share } from '../../../domain/classification/format.js';
import { issuingBodyName } from '../../../domain/documents/party-format.js';
import { pathIds } from '../../../domain/org-tree.js';
import type { RuleSet } from '../../../domain/rule-sets/index.js';
import type { Tx } from '../../context.js';
import { getBoard } from '../../classification/board.js';
import {
  collectiveSignature,
  fileCopyLine,
  frame,
  h,
  loadDocumentFormat,
  loadIssuer,
  p,
  roman,
  type DocumentBuilder,
  type Issuer,
} from '../document-kit.js';
import { DOTS, legalBasis, levelLegend, levelName, levelShort, parentOf, ruleSetOf, unitBrief, upperBodyName } from './after-review-kit.js';

const BELOW_GRASSROOTS = ['cell', 'sub_party'];

export const buildClassificationProposal: DocumentBuilder = async (ctx, principal, { campaign, subjectId }) => {
  if (!subjectId) throw new AppError('document.subject_required');
  const board = await getBoard(ctx, principal, campaign.id, subjectId);
  const ruleSet = ruleSetOf(campaign);
  const [unitIssuer, format, owner] = await Promise.all([
    loadIssuer(ctx.db, board.unitId),
    loadDocumentFormat(ctx.db),
    unitBrief(ctx.db, campaign.owner_unit_id),
  ]);
  const year = campaign.review_year;
  const plan = `Kế hoạch của ${owner.kind === 'committee' ? 'Ban Thường vụ ' : ''}${issuingBodyName(owner.name)} về kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm ${year}`;
  const basis = [...legalBasis(ruleSet), plan].join('; ');
  const built =
    unitIssuer.unit.kind === 'committee'
      ? await boardProposal(ctx.db, unitIssuer, board, ruleSet, basis)
      : await unitProposal(ctx.db, unitIssuer, board, ruleSet, basis);
  return {
    issuer: built.issuer,
    subjectId: board.unitId,
    fileBase: `Tờ trình đề nghị xếp loại năm ${year} - ${built.issuer.bodyName}`,
    model: frame('classification_proposal', built.issuer, format, year, {
      summary: built.summary,
      addressees: [built.addressee],
      body: built.body,
      signatures: [built.signature],
      recipients: ['Như kính gửi', built.fileLine],
      annexes: built.annexes,
    }),
  };
};

interface Proposal {
  issuer: Issuer;
  summary: string;
  addressee: string;
  body: DocBlock[];
  signature: { authority: string | null; title: string; name: string };
  fileLine: string;
  annexes: { title: string; subtitle?: string; body: DocBlock[] }[];
}

/** A chi bộ, a đảng bộ bộ phận or a grassroots unit proposes its collective and shows its members. */
async function unitProposal(db: Tx, issuer: Issuer, board: BoardView, ruleSet: RuleSet, basis: string): Promise<Proposal> {
  const unit = issuer.unit;
  const year = board.reviewYear;
  const below = BELOW_GRASSROOTS.includes(unit.kind);
  const addressee = below ? await grassrootsBody(db, board.campaignId, unit.path) : await upperOf(db, issuer);
  const rows = board.rows;
  const collective = rows.find((r) => r.subjectKind === 'unit' && r.subjectKey === unit.id);
  const leadership = rows.find((r) => r.subjectKind === 'leadership' && r.subjectKey === unit.id);
  const subUnits = rows.filter((r) => r.subjectKind === 'unit' && r.subjectKey !== unit.id);
  const members = rows.filter((r) => r.subjectKind === 'member');
  const isCell = unit.kind === 'cell' || unit.kind === 'grassroots_cell';

  const body: DocBlock[] = [
    p(
      `Thực hiện ${basis}; căn cứ kết quả kiểm điểm, tự đánh giá, xếp loại và kết quả biểu quyết tại hội nghị kiểm điểm, ` +
        `${issuer.bodyName} kính trình ${addressee} xem xét, quyết định xếp loại chất lượng năm ${year} như sau:`,
    ),
  ];
  let part = 0;
  body.push(h(`${roman(++part)}. ĐỐI VỚI TẬP THỂ`, 1));
  // Below the grassroots level the unit itself proposes its collective (policy.ts mayPropose); above
  // it the upper Organization Board does, and what the unit puts forward is its own self-assessment.
  const ownLevel = below ? (collective?.proposedLevel ?? collective?.selfLevel ?? null) : (collective?.selfLevel ?? null);
  body.push(p(`${unit.name} tự đánh giá, đề nghị xếp loại: ${quoted(ruleSet, 'unit', ownLevel)}.`));
  if (leadership)
    body.push(p(`Tập thể lãnh đạo, quản lý tự đánh giá, đề nghị xếp loại: ${quoted(ruleSet, 'unit', leadership.selfLevel)}.`));

  if (subUnits.length > 0) {
    body.push(h(`${roman(++part)}. ĐỐI VỚI CÁC TỔ CHỨC ĐẢNG TRỰC THUỘC`, 1));
    body.push(...levelCounts(ruleSet, 'unit', subUnits, (r) => r.decidedLevel ?? r.proposedLevel, 'tổ chức đảng', true));
  }

  body.push(h(`${roman(++part)}. ĐỐI VỚI ĐẢNG VIÊN`, 1));
  const excluded = members.filter((m) => !m.included);
  const notClassified = members.filter((m) => m.included && !m.classified);
  const classifiable = members.filter((m) => m.included && m.classified);
  body.push(
    p(
      `Tổng số đảng viên: ${members.length} đồng chí; không kiểm điểm: ${excluded.length}; kiểm điểm nhưng không xếp loại: ` +
        `${notClassified.length}; thuộc diện xếp loại: ${classifiable.length} đồng chí.`,
    ),
  );
  body.push(p(`${isCell ? 'Chi bộ' : 'Các chi bộ'} đề nghị xếp loại chất lượng đảng viên như sau:`));
  body.push(...levelCounts(ruleSet, 'member', classifiable, (r) => r.proposedLevel, 'đồng chí', false));
  body.push(
    ...quotaBlocks(
      ruleSet,
      board.quotas.filter((q) => q.subjectKind === 'member'),
    ),
  );
  body.push(p('(Có danh sách kèm theo)', { italic: true }));
  body.push(p(`${issuer.bodyName} kính trình ${addressee} xem xét, quyết định./.`));

  const annexes = [
    {
      title: 'PHỤ LỤC',
      subtitle: `Danh sách đề nghị xếp loại chất lượng đảng viên năm ${year} (kèm theo Tờ trình của ${issuer.bodyName})`,
      body: [memberTable(ruleSet, members), p(levelLegend(ruleSet, 'member'), { italic: true })],
    },
  ];
  return {
    issuer,
    summary: `đề nghị xếp loại chất lượng ${isCell ? 'chi bộ' : 'đảng bộ'} và đảng viên năm ${year}`,
    addressee,
    body,
    signature: collectiveSignature(issuer),
    fileLine: fileCopyLine(issuer),
    annexes,
  };
}

/**
 * At a committee, the Organization Board proposes to the Ban Thường vụ the levels of the units it
 * decides (the grassroots units directly below and their leadership collectives, authority.ts).
 * The header is the board's: "THÀNH ỦY HÀ TĨNH / BAN TỔ CHỨC", code BTCTU (HD 36 element 2).
 */
async function boardProposal(db: Tx, committee: Issuer, board: BoardView, ruleSet: RuleSet, basis: string): Promise<Proposal> {
  const year = board.reviewYear;
  const ids = [...new Set(board.rows.map((r) => r.unitId))];
  const parents = ids.length ? await db.selectFrom('org_units').select(['id', 'parent_id']).where('id', 'in', ids).execute() : [];
  const decidedHere = new Set(parents.filter((u) => u.parent_id === committee.unit.id).map((u) => u.id));
  const units = board.rows.filter((r) => r.subjectKind === 'unit' && decidedHere.has(r.unitId));
  const leaderships = board.rows.filter((r) => r.subjectKind === 'leadership' && decidedHere.has(r.unitId));
  const issuer: Issuer = {
    ...committee,
    upperBody: committee.body,
    body: 'BAN TỔ CHỨC',
    bodyName: `Ban Tổ chức ${committee.bodyName}`,
    code: `BTC${committee.code}`,
  };
  const addressee = `Ban Thường vụ ${committee.bodyName}`;
  const body: DocBlock[] = [
    p(
      `Thực hiện ${basis}; căn cứ kết quả kiểm điểm, tự đánh giá, xếp loại của các tổ chức cơ sở đảng và kết quả thẩm định, ` +
        `${issuer.bodyName} kính trình ${addressee} xem xét, quyết định xếp loại chất lượng năm ${year} như sau:`,
    ),
    h('I. ĐỐI VỚI CÁC TỔ CHỨC CƠ SỞ ĐẢNG', 1),
    p(`Tổng số tổ chức cơ sở đảng: ${units.length}. Ban Tổ chức đề nghị xếp loại như sau:`),
    ...levelCounts(ruleSet, 'unit', units, (r) => r.proposedLevel, 'tổ chức', false),
    ...quotaBlocks(
      ruleSet,
      board.quotas.filter((q) => q.subjectKind === 'unit'),
    ),
  ];
  if (leaderships.length > 0) {
    body.push(h('II. ĐỐI VỚI TẬP THỂ LÃNH ĐẠO, QUẢN LÝ', 1));
    body.push(...levelCounts(ruleSet, 'unit', leaderships, (r) => r.proposedLevel, 'tập thể', false));
    body.push(
      ...quotaBlocks(
        ruleSet,
        board.quotas.filter((q) => q.subjectKind === 'leadership'),
      ),
    );
  }
  body.push(p('(Có danh sách kèm theo)', { italic: true }));
  body.push(p(`${issuer.bodyName} kính trình ${addressee} xem xét, quyết định./.`));
  return {
    issuer,
    summary: `đề nghị xếp loại chất lượng tổ chức cơ sở đảng${leaderships.length ? ' và tập thể lãnh đạo, quản lý' : ''} năm ${year}`,
    addressee,
    body,
    signature: { authority: null, title: 'TRƯỞNG BAN', name: '' },
    fileLine: 'Lưu Ban Tổ chức',
    annexes: [
      {
        title: 'PHỤ LỤC',
        subtitle: `Danh sách đề nghị xếp loại chất lượng tổ chức đảng năm ${year} (kèm theo Tờ trình của ${issuer.bodyName})`,
        body: [unitTable(ruleSet, [...units, ...leaderships]), p(levelLegend(ruleSet, 'unit'), { italic: true })],
      },
    ],
  };
}

/** "«Hoàn thành tốt nhiệm vụ»", or the dotted line when no level was given. */
function quoted(ruleSet: RuleSet, subject: 'member' | 'unit', level: Level | null): string {
  return level ? `«${levelName(ruleSet, subject, level)}»` : DOTS;
}

/** One line per level with its count and share, and who has no level yet (by name). */
function levelCounts(
  ruleSet: RuleSet,
  subject: 'member' | 'unit',
  rows: BoardRow[],
  levelOf: (r: BoardRow) => Level | null,
  noun: string,
  withNames: boolean,
): DocBlock[] {
  const items = LEVELS.map((level) => {
    const at = rows.filter((r) => levelOf(r) === level);
    const names = withNames && at.length ? ` (${at.map((r) => r.name).join(', ')})` : '';
    return `${levelName(ruleSet, subject, level)}: ${at.length} ${noun}, chiếm ${share(at.length, rows.length)}${names}.`;
  });
  const none = rows.filter((r) => levelOf(r) === null);
  if (none.length > 0) items.push(`Chưa có mức đề nghị: ${none.length} ${noun} (${none.map((r) => r.name).join(', ')}).`);
  return [{ type: 'list', items }];
}

/**
 * The HTXS quota's arithmetic per group, as the checks compute it (regulations §2.4 R9, §9b: cap =
 * ⌊ p × number at HTT ⌋; the rounding is a Tự soi default and said so): "3 đảng viên HTTNV × 20 % =
 * 0,6 → tối đa 0 HTXSNV".
 */
function quotaBlocks(ruleSet: RuleSet, quotas: QuotaView[]): DocBlock[] {
  if (quotas.length === 0) return [];
  const out: DocBlock[] = [];
  for (const q of quotas) {
    const subject = q.subjectKind === 'member' ? 'member' : 'unit';
    const noun = q.subjectKind === 'member' ? 'đảng viên' : q.subjectKind === 'unit' ? 'tổ chức đảng' : 'tập thể';
    const good = levelShort(ruleSet, subject, 'good');
    const excellent = levelShort(ruleSet, subject, 'excellent');
    out.push(
      p(
        `Về tỷ lệ ${excellent}: không quá ${num(q.pct)} % số ${good} trong nhóm ${q.groupLabel}` +
          `${q.exceptional ? ' (mức nổi bật do cấp có thẩm quyền cho phép)' : ''} theo ${q.source.document}, lấy phần nguyên ` +
          `(mặc định của Tự soi): ${q.good} ${noun} ${good} × ${num(q.pct)} % = ${product((q.good * q.pct) / 100)} → tối đa ${q.cap} ${excellent}; ` +
          `cả nhóm đề nghị ${q.excellent}${q.passed ? '' : `, vượt ${q.excellent - q.cap}`}.`,
      ),
    );
  }
  return out;
}

function reasonLabel(reason: string | null): string {
  const label = reason ? POPULATION_REASON_LABELS[reason as PopulationReason] : undefined;
  return label ? `: ${label.charAt(0).toLowerCase()}${label.slice(1)}` : '';
}

function memberNote(ruleSet: RuleSet, r: BoardRow): string {
  if (!r.included) return `Không kiểm điểm${reasonLabel(r.populationReason)}`;
  if (!r.classified) return `Không xếp loại${reasonLabel(r.populationReason)}`;
  const notes: string[] = [];
  if (r.proposalReason) notes.push(r.proposalReason);
  if (r.decidedLevel && r.decidedLevel !== r.proposedLevel)
    notes.push(`Cấp ủy quyết định: ${levelShort(ruleSet, 'member', r.decidedLevel)}`);
  return notes.join('; ');
}

function memberTable(ruleSet: RuleSet, members: BoardRow[]): DocBlock {
  return {
    type: 'table',
    size: 12,
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Họ và tên', width: 25 },
      { header: 'Chi bộ', width: 21 },
      { header: 'Tự xếp loại', width: 12, align: 'center' },
      { header: 'Chi bộ đề nghị', width: 12, align: 'center' },
      { header: 'Ghi chú', width: 24 },
    ],
    rows: members.map((r, i) => [
      i + 1,
      r.name,
      r.unitName,
      levelShort(ruleSet, 'member', r.selfLevel),
      levelShort(ruleSet, 'member', r.proposedLevel),
      memberNote(ruleSet, r),
    ]),
  };
}

function unitTable(ruleSet: RuleSet, units: BoardRow[]): DocBlock {
  return {
    type: 'table',
    size: 12,
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Tổ chức đảng', width: 38 },
      { header: 'Tự xếp loại', width: 13, align: 'center' },
      { header: 'Ban Tổ chức đề nghị', width: 15, align: 'center' },
      { header: 'Ghi chú', width: 28 },
    ],
    rows: units.map((r, i) => [
      i + 1,
      r.name,
      levelShort(ruleSet, 'unit', r.selfLevel),
      levelShort(ruleSet, 'unit', r.proposedLevel),
      r.proposalReason ?? '',
    ]),
  };
}

/** The đảng ủy cơ sở above a chi bộ trực thuộc or a đảng bộ bộ phận: the campaign's grassroots unit on its path. */
async function grassrootsBody(db: Tx, campaignId: string, path: string): Promise<string> {
  const ancestors = pathIds(path).slice(0, -1);
  const g = ancestors.length
    ? await db
        .selectFrom('campaign_units as cu')
        .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
        .select(['u.name', 'cu.unit_path'])
        .where('cu.campaign_id', '=', campaignId)
        .where('cu.unit_id', 'in', ancestors)
        .where('cu.is_grassroots', '=', 1)
        .orderBy('cu.unit_path', 'desc')
        .executeTakeFirst()
    : undefined;
  return g ? issuingBodyName(g.name) : `Đảng ủy ${DOTS}`;
}

async function upperOf(db: Tx, issuer: Issuer): Promise<string> {
  const parent = await parentOf(db, issuer);
  return parent ? upperBodyName(parent) : `Ban Thường vụ ${DOTS}`;
}
