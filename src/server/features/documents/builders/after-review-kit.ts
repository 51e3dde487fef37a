// What the documents written after the review meeting share (issue 5 item 1: minutes, vote tally,
// proposal, decision, remediation plan): the legal basis of the year's rule set as party texts cite
// it ("Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị"), the level names of the year, the
// body above a unit that its documents are addressed or reported to, and the small text forms of
// minutes ("đồng chí …", "08 giờ 30 phút", the dotted line left for the hand).
import type { ConferenceView } from '../../../../shared/contracts/conferences.js';
import type { DocBlock } from '../../../../shared/contracts/documents.js';
import type { Level } from '../../../../shared/campaign-vocabulary.js';
import { AppError } from '../../../../shared/errors.js';
import type { CampaignRow } from '../../../adapters/db/schema.js';
import { issuingBodyName } from '../../../domain/documents/party-format.js';
import { ruleSetById, type RuleSet } from '../../../domain/rule-sets/index.js';
import type { Tx } from '../../context.js';
import type { Issuer } from '../document-kit.js';

/** Where Tự soi holds no data, the line is left for the hand (builders brief: never invent facts). */
export const DOTS = '…………………………';
/** A short gap for an hour or a minute to be written in. */
export const SHORT_DOTS = '……';

export function ruleSetOf(campaign: Pick<CampaignRow, 'rule_set_id'>): RuleSet {
  const rs = ruleSetById(campaign.rule_set_id);
  if (!rs) throw new AppError('rule_set.not_found');
  return rs;
}

/** "Hoàn thành tốt nhiệm vụ" of the year (names change with the rule set, regulations §1.2). */
export function levelName(ruleSet: RuleSet, subject: 'member' | 'unit', level: Level): string {
  const defs = subject === 'member' ? ruleSet.memberLevels : ruleSet.unitLevels;
  return defs.find((d) => d.level === level)?.label ?? level;
}

/** "HTTNV", "TSVM" … for tables. */
export function levelShort(ruleSet: RuleSet, subject: 'member' | 'unit', level: Level | null | undefined): string {
  if (!level) return '';
  const defs = subject === 'member' ? ruleSet.memberLevels : ruleSet.unitLevels;
  return defs.find((d) => d.level === level)?.short ?? level;
}

/** The line under a table that spells out its abbreviations ("HTXSNV: Hoàn thành xuất sắc nhiệm vụ; …"). */
export function levelLegend(ruleSet: RuleSet, subject: 'member' | 'unit'): string {
  const defs = subject === 'member' ? ruleSet.memberLevels : ruleSet.unitLevels;
  return `Ghi chú: ${defs.map((d) => `${d.short}: ${d.label}`).join('; ')}.`;
}

const TYPE_NAMES: Record<string, string> = { QĐ: 'Quy định', HD: 'Hướng dẫn', NQ: 'Nghị quyết' };

/** Who issues a central document, from its type and the code after the slash (regulations §1.1, §11.1). */
function centralIssuer(type: string, code: string): string | null {
  if (code === 'BTCTW') return 'Ban Tổ chức Trung ương';
  if (code === 'TW' && type === 'QĐ') return 'Bộ Chính trị';
  if (code === 'TW' && type === 'NQ') return 'Ban Chấp hành Trung ương';
  return null;
}

export interface BasisDocument {
  kind: 'QĐ' | 'HD' | 'NQ';
  /** "Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị". */
  text: string;
}

/**
 * The central regulation, guidance and resolution a year's documents rest on, as party texts cite
 * them: "Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị", "Hướng dẫn số 25-HD/BTCTW, ngày
 * 10/11/2023 của Ban Tổ chức Trung ương" (the rule set's `documents`, regulations §1.1 and §11.1).
 * One document per kind, the first the rule set lists (the one of the period; an older guidance it
 * lists for reference, such as HD 20 beside HD 27, is left out); letters (công văn) are not cited.
 */
export function legalBasisDocuments(ruleSet: RuleSet): BasisDocument[] {
  const out: BasisDocument[] = [];
  const seen = new Set<string>();
  for (const d of ruleSet.documents) {
    const m = /^(QĐ|HD|NQ)\s+(\d+-(?:QĐ|HD|NQ)\/([A-ZĐ]+)),\s*(\d{1,2}\/\d{1,2}\/\d{4})$/u.exec(d.document);
    if (!m || seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    const kind = m[1] as BasisDocument['kind'];
    const issuer = centralIssuer(kind, m[3]!);
    out.push({ kind, text: `${TYPE_NAMES[kind]} số ${m[2]}, ngày ${m[4]}${issuer ? ` của ${issuer}` : ''}` });
  }
  return out;
}

export function legalBasis(ruleSet: RuleSet): string[] {
  return legalBasisDocuments(ruleSet).map((d) => d.text);
}

/** What the year's regulation and guidance are about, in their own words (HD 27 still "phân loại", regulations §1.1). */
export function reviewSubjectPhrase(ruleSet: RuleSet): string {
  return ruleSet.id === 'hd27-2014'
    ? 'về kiểm điểm tập thể, cá nhân và đánh giá, phân loại chất lượng tổ chức cơ sở đảng, đảng viên'
    : 'về kiểm điểm và đánh giá, xếp loại chất lượng tập thể, cá nhân';
}

/** "đồng chí Hoàng Văn Bình" from a name typed with or without the title. */
export function comrade(name: string | null | undefined, capital = false): string {
  const n = (name ?? '').trim();
  if (!n) return DOTS;
  const bare = stripComrade(n);
  return `${capital ? 'Đồng chí' : 'đồng chí'} ${bare}`;
}

/** The name alone ("Đồng chí Võ Thị Cúc" → "Võ Thị Cúc"), for a signature. */
export function stripComrade(name: string | null | undefined): string {
  return (name ?? '').trim().replace(/^(đồng chí|đ\/c)\s+/iu, '');
}

/** First letter in lower case, for a label used inside a sentence ("Tập thể Chi bộ …" → "tập thể Chi bộ …"). */
export function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1) : s;
}

/**
 * The local day and time of an instant: stored times are UTC (design §4) and Vietnam keeps UTC+7
 * all year; a naive local time ("2024-12-15T08:00", a scheduled meeting) is taken as it is.
 */
export function localMoment(value: string | null | undefined): { date: string; time: string | null } | null {
  if (!value) return null;
  const naive = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(value);
  if (naive) return { date: `${naive[3]}/${naive[2]}/${naive[1]}`, time: naive[4] ? `${naive[4]} giờ ${naive[5]} phút` : null };
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  const local = new Date(t + 7 * 3600_000).toISOString();
  return {
    date: `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`,
    time: `${local.slice(11, 13)} giờ ${local.slice(14, 16)} phút`,
  };
}

export interface UnitBrief {
  id: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
}

export async function unitBrief(db: Tx, unitId: string): Promise<UnitBrief> {
  const u = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'kind', 'path', 'parent_id'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!u) throw new AppError('org_unit.not_found');
  return { id: u.id, name: u.name, kind: u.kind, path: u.path, parentId: u.parent_id };
}

/** The unit directly above the issuer, if Tự soi holds it. */
export async function parentOf(db: Tx, issuer: Issuer): Promise<UnitBrief | null> {
  return issuer.unit.parent_id ? unitBrief(db, issuer.unit.parent_id) : null;
}

/**
 * The body a unit reports to and addresses its proposals to: the Standing Committee of a committee
 * above the grassroots level ("Ban Thường vụ Thành ủy Hà Tĩnh"), the đảng ủy of a grassroots unit
 * for its chi bộ ("Đảng ủy phường Bắc Hà"; regulations §2.5, §11.5 item 10).
 */
export function upperBodyName(parent: Pick<UnitBrief, 'name' | 'kind'>): string {
  const body = issuingBodyName(parent.name);
  return parent.kind === 'committee' ? `Ban Thường vụ ${body}` : body;
}

/** The meeting's tallies in agenda order (the collective first, then head, deputies, members: regulations §9b). */
export function talliesInAgendaOrder(view: ConferenceView): ConferenceView['tallies'] {
  const order = new Map(view.agenda.map((a, i) => [a.subjectKey, i]));
  return [...view.tallies].sort((a, b) => (order.get(a.memberId) ?? 0) - (order.get(b.memberId) ?? 0));
}

/**
 * The votes per member as the minutes and the vote count print them: one size smaller than other
 * tables, each level column wide enough for "HTXSNV" in bold.
 */
export function tallyTable(
  view: ConferenceView,
  labels: { present: string; valid: string; proposed: string; pending: string; nameWidth: number; countWidth: number },
): DocBlock {
  const names = new Map(view.attendance.map((a) => [a.memberId, a.fullName]));
  return {
    type: 'table',
    size: 11,
    columns: [
      { header: 'TT', width: 5, align: 'center' },
      { header: 'Họ và tên', width: labels.nameWidth },
      { header: labels.present, width: labels.countWidth, align: 'center' },
      { header: labels.valid, width: labels.countWidth, align: 'center' },
      ...view.levels.map((l) => ({ header: l.short, width: 12, align: 'center' as const })),
      { header: labels.proposed, width: 12, align: 'center' },
    ],
    rows: talliesInAgendaOrder(view).map((t, i) => [
      i + 1,
      names.get(t.memberId) ?? '',
      t.present,
      t.valid,
      ...view.levels.map((l) => t.votes[l.level]),
      view.levels.find((l) => l.level === t.proposedLevel)?.short ?? labels.pending,
    ]),
  };
}
