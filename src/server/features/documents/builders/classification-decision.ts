// Quyết định về việc xếp loại chất lượng (regulations §2.5 column "Decides", §3.1 bước 6 B3, §3.3
// "Tờ trình / Quyết định công nhận xếp loại", §11.5 item 10): the decisions the competent level took
// in Tự soi (features/classification/decide.ts: numbered batches in the `decisions` table), set out
// in the standard structure of a party decision — the deciding body, "Căn cứ Điều lệ Đảng", its
// working rules, the year's regulation and guidance (the rule set's documents), "Xét đề nghị của …",
// "QUYẾT ĐỊNH", Điều 1 (the levels, "có danh sách kèm theo"), Điều 2, Điều 3 (who carries it out) —
// signed for the deciding body, with one annexed list per level.
// The subject is the unit whose subjects were decided: a committee (its grassroots units, decided
// by its Ban Thường vụ), a grassroots unit (its members and chi bộ, decided by its committee), or a
// chi bộ (its part of its grassroots committee's decision). Decisions are read through
// classification/decisions.ts, so the publication rule holds (design §2 "Classification before
// publication": the office reads a decision only once it is published; policy.ts).
import type { Level } from '../../../../shared/campaign-vocabulary.js';
import { LEVELS } from '../../../../shared/campaign-vocabulary.js';
import type { DocBlock } from '../../../../shared/contracts/documents.js';
import { AppError } from '../../../../shared/errors.js';
import { withinPaths } from '../../../adapters/db/campaigns.repository.js';
import { caps, issuingBodyName, organizationName } from '../../../domain/documents/party-format.js';
import { pathIds } from '../../../domain/org-tree.js';
import type { RuleSet } from '../../../domain/rule-sets/index.js';
import { listDecisions } from '../../classification/decisions.js';
import type { Tx } from '../../context.js';
import { collectiveSignature, fileCopyLine, frame, loadDocumentFormat, loadIssuer, p, type DocumentBuilder } from '../document-kit.js';
import {
  DOTS,
  legalBasisDocuments,
  levelName,
  parentOf,
  reviewSubjectPhrase,
  ruleSetOf,
  unitBrief,
  upperBodyName,
  type UnitBrief,
} from './after-review-kit.js';

const BELOW_GRASSROOTS = ['cell', 'sub_party'];
const collator = new Intl.Collator('vi');

interface Decided {
  kind: 'unit' | 'leadership' | 'member';
  name: string;
  unitName: string;
  level: Level;
  conclusion: string | null;
  sortKey: string;
}

type Group = 'unit' | 'leadership' | 'member';
const GROUP_NOUN: Record<Group, { plural: string; one: string; caps: string }> = {
  unit: { plural: 'tổ chức đảng', one: 'tổ chức đảng', caps: 'TỔ CHỨC ĐẢNG' },
  leadership: { plural: 'tập thể lãnh đạo, quản lý', one: 'tập thể', caps: 'TẬP THỂ LÃNH ĐẠO, QUẢN LÝ' },
  member: { plural: 'đảng viên', one: 'đồng chí', caps: 'ĐẢNG VIÊN' },
};

export const buildClassificationDecision: DocumentBuilder = async (ctx, principal, { campaign, subjectId }) => {
  if (!subjectId) throw new AppError('document.subject_required');
  const ruleSet = ruleSetOf(campaign);
  const asked = await unitBrief(ctx.db, subjectId);
  // A chi bộ trực thuộc or a đảng bộ bộ phận decides nothing itself: its subjects are decided by its
  // grassroots committee (authority.ts), whose decision this is, cut to the chi bộ.
  const deciding = BELOW_GRASSROOTS.includes(asked.kind) ? await grassrootsOf(ctx.db, campaign.id, asked) : asked;
  const readable = (await listDecisions(ctx, principal, campaign.id, { unitId: deciding.id })).items;
  // Re-ratings are decisions of their own (QĐ 366 Điều 15, Mẫu 03), not the year's classification.
  const decisions = readable.filter((d) => d.decidingUnitId === deciding.id && d.kind !== 'rerating');
  const none = () =>
    new AppError(
      'decision.not_found',
      `Chưa có quyết định xếp loại chất lượng của ${issuingBodyName(deciding.name)} mà đồng chí được xem (chưa quyết định hoặc chưa công bố).`,
    );
  if (decisions.length === 0) throw none();
  const decided = await decidedSubjects(
    ctx.db,
    campaign.id,
    decisions.map((d) => d.id),
    deciding.id === asked.id ? null : asked.path,
  );
  if (decided.length === 0) throw none();

  const [issuer, format] = await Promise.all([loadIssuer(ctx.db, deciding.id), loadDocumentFormat(ctx.db)]);
  const parent = await parentOf(ctx.db, issuer);
  const year = campaign.review_year;
  const committee = issuer.unit.kind === 'committee';
  const authorityName = committee ? `Ban Thường vụ ${issuer.bodyName}` : issuer.bodyName;
  const groups = (['unit', 'leadership', 'member'] as const)
    .map((g) => ({ group: g, rows: decided.filter((d) => d.kind === g) }))
    .filter((g) => g.rows.length > 0);
  const hasUnits = groups.some((g) => g.group !== 'member');
  const hasMembers = groups.some((g) => g.group === 'member');
  const what =
    hasUnits && hasMembers
      ? 'tổ chức đảng và đảng viên'
      : hasMembers
        ? 'đảng viên'
        : groups.map((g) => GROUP_NOUN[g.group].plural).join(' và ');
  const within = deciding.id === asked.id ? '' : ` thuộc ${asked.name}`;

  const body: DocBlock[] = [
    {
      type: 'paragraph',
      align: 'center',
      indent: false,
      runs: [{ text: committee ? `BAN THƯỜNG VỤ ${issuer.body}` : issuer.body, bold: true }],
    },
    p('Căn cứ Điều lệ Đảng Cộng sản Việt Nam;'),
    p(
      `Căn cứ Quy chế làm việc của ${issuer.unit.kind === 'grassroots_cell' ? issuer.unit.name : `Ban Chấp hành ${organizationName(issuer.unit.name)}`} nhiệm kỳ ${DOTS};`,
    ),
    ...legalBasisDocuments(ruleSet).map((d) => p(`Căn cứ ${d.text}${d.kind === 'NQ' ? '' : ` ${reviewSubjectPhrase(ruleSet)}`};`)),
    p(`Xét đề nghị của ${proposers(committee, issuer.bodyName, decided, issuer.unit.name)},`),
    { type: 'paragraph', align: 'center', indent: false, runs: [{ text: 'QUYẾT ĐỊNH:', bold: true }] },
    {
      type: 'paragraph',
      runs: [
        { text: 'Điều 1. ', bold: true },
        {
          text:
            `Xếp loại chất lượng năm ${year} đối với ${groups.map((g) => `${g.rows.length} ${GROUP_NOUN[g.group].plural}`).join(', ')}${within} ` +
            'như sau (có danh sách kèm theo):',
        },
      ],
    },
  ];
  groups.forEach((g, i) => {
    const subject = g.group === 'member' ? 'member' : 'unit';
    if (groups.length > 1) body.push(p(`${'abc'[i]}) Đối với ${GROUP_NOUN[g.group].plural}:`));
    body.push({
      type: 'list',
      items: LEVELS.filter((l) => g.rows.some((r) => r.level === l)).map(
        (l) => `${levelName(ruleSet, subject, l)}: ${g.rows.filter((r) => r.level === l).length} ${GROUP_NOUN[g.group].one}.`,
      ),
    });
  });
  body.push({
    type: 'paragraph',
    runs: [
      { text: 'Điều 2. ', bold: true },
      {
        text:
          `Các ${what} có tên tại Điều 1 phát huy ưu điểm, kết quả đạt được; xây dựng và thực hiện kế hoạch khắc phục những hạn chế, ` +
          'khuyết điểm đã được chỉ ra qua kiểm điểm, báo cáo kết quả khắc phục theo quy định.',
      },
    ],
  });
  body.push({
    type: 'paragraph',
    runs: [
      { text: 'Điều 3. ', bold: true },
      { text: `Quyết định có hiệu lực kể từ ngày ký. ${executors(issuer.unit.kind, issuer.bodyName)}` },
    ],
  });

  // The signer the decision was taken with, when every batch names the same one (decide.ts).
  const signers = new Set(decisions.map((d) => `${d.signerName ?? ''}\u0000${d.signerTitle ?? ''}`));
  const [signerName, signerTitle] = signers.size === 1 ? [...signers][0]!.split('\u0000') : ['', ''];
  const base = collectiveSignature(issuer);
  const annexTitle = `(Kèm theo Quyết định của ${authorityName} về việc xếp loại chất lượng ${what} năm ${year})`;

  return {
    issuer,
    subjectId: asked.id,
    fileBase: `Quyết định xếp loại chất lượng năm ${year} - ${asked.name}`,
    model: frame('classification_decision', issuer, format, year, {
      summary: `về việc xếp loại chất lượng ${what} năm ${year}`,
      body,
      signatures: [{ authority: base.authority, title: signerTitle ? caps(signerTitle) : base.title, name: signerName ?? '' }],
      recipients: ['Như Điều 3', ...(parent ? [`${upperBodyName(parent)} (để báo cáo)`] : []), fileCopyLine(issuer)],
      annexes: groups.flatMap((g) => annexes(ruleSet, g.group, g.rows, year, annexTitle)),
    }),
  };
};

/** The decided, live classifications of the readable decisions (annulled rows are history, not this decision). */
async function decidedSubjects(db: Tx, campaignId: string, decisionIds: string[], withinPath: string | null): Promise<Decided[]> {
  let q = db
    .selectFrom('classifications as c')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .leftJoin('members as m', 'm.id', 'c.member_id')
    .select(['c.subject_kind', 'c.decided_level', 'c.conclusion', 'u.name as unit_name', 'm.full_name', 'm.sort_key'])
    .where('c.campaign_id', '=', campaignId)
    .where('c.decision_id', 'in', decisionIds)
    .where('c.annulled_at', 'is', null)
    .where('c.status', 'in', ['decided', 'published'])
    .where('c.decided_level', 'is not', null);
  if (withinPath) q = q.where((eb) => withinPaths(eb, 'c.scope_path', [withinPath]));
  const rows = await q.execute();
  const out: Decided[] = rows.map((r) => {
    const kind = r.subject_kind as Decided['kind'];
    return {
      kind,
      name: kind === 'member' ? (r.full_name ?? '') : kind === 'leadership' ? `Tập thể lãnh đạo, quản lý – ${r.unit_name}` : r.unit_name,
      unitName: r.unit_name,
      level: r.decided_level as Level,
      conclusion: r.conclusion,
      sortKey: r.sort_key ?? '',
    };
  });
  // Roster order: members by chi bộ, then the roster's sort key (design §3, Member); units by name.
  return out.sort((a, b) =>
    a.kind === 'member' && b.kind === 'member'
      ? collator.compare(a.unitName, b.unitName) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0)
      : collator.compare(a.name, b.name),
  );
}

/**
 * Whose proposals the decision weighs (regulations §2.5 column "Proposes"): the upper committee's
 * Organization Board for the units it decides; the chi bộ that voted for members and chi bộ.
 */
function proposers(committee: boolean, bodyName: string, decided: Decided[], ownName: string): string {
  if (committee) return `Ban Tổ chức ${bodyName}`;
  const units = [...new Set(decided.map((d) => d.unitName))].sort(collator.compare);
  if (units.length === 1 && units[0] === ownName) return `chi ủy và kết quả biểu quyết của ${ownName}`;
  return units.filter((u) => u !== ownName).join(', ') || ownName;
}

function executors(kind: string, bodyName: string): string {
  if (kind === 'committee') {
    return `Văn phòng ${bodyName}, Ban Tổ chức ${bodyName}, các tổ chức đảng và các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`;
  }
  if (kind === 'grassroots_cell') return 'Chi ủy và các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.';
  return 'Các đồng chí cấp ủy viên, các chi bộ trực thuộc và các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.';
}

/** One list per level, each on its own page (HD 36: annexes after the signature). */
function annexes(ruleSet: RuleSet, group: Group, rows: Decided[], year: number, subtitle: string) {
  const subject = group === 'member' ? 'member' : 'unit';
  return LEVELS.filter((l) => rows.some((r) => r.level === l)).map((level) => {
    const at = rows.filter((r) => r.level === level);
    const table: DocBlock =
      group === 'member'
        ? {
            type: 'table',
            size: 13,
            columns: [
              { header: 'STT', width: 8, align: 'center' },
              { header: 'Họ và tên', width: 30 },
              { header: 'Chi bộ', width: 30 },
              { header: 'Ghi chú', width: 32 },
            ],
            rows: at.map((r, i) => [i + 1, r.name, r.unitName, r.conclusion ?? '']),
          }
        : {
            type: 'table',
            size: 13,
            columns: [
              { header: 'STT', width: 8, align: 'center' },
              { header: GROUP_NOUN[group].plural.charAt(0).toUpperCase() + GROUP_NOUN[group].plural.slice(1), width: 52 },
              { header: 'Ghi chú', width: 40 },
            ],
            rows: at.map((r, i) => [i + 1, r.name, r.conclusion ?? '']),
          };
    return {
      title: `DANH SÁCH ${GROUP_NOUN[group].caps} ${caps(levelName(ruleSet, subject, level))} NĂM ${year}`,
      subtitle,
      body: [table],
    };
  });
}

/** The grassroots unit above a chi bộ trực thuộc or a đảng bộ bộ phận (the campaign's grassroots unit on its path). */
async function grassrootsOf(db: Tx, campaignId: string, unit: UnitBrief): Promise<UnitBrief> {
  const ancestors = pathIds(unit.path).slice(0, -1);
  const g = ancestors.length
    ? await db
        .selectFrom('campaign_units')
        .select('unit_id')
        .where('campaign_id', '=', campaignId)
        .where('unit_id', 'in', ancestors)
        .where('is_grassroots', '=', 1)
        .orderBy('unit_path', 'desc')
        .executeTakeFirst()
    : undefined;
  if (!g) throw new AppError('decision.not_found');
  return unitBrief(db, g.unit_id);
}
