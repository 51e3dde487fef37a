// What every document builder shares: the office's format settings, the issuing body's header
// (elements 1–4 of HD 36-HD/VPTW, regulations §6), the signature and recipient lines most party
// documents end with, and small text helpers. Builders live in builders/, one per document kind.
import type { DocBlock, DocSignature, DocumentFormat, DocumentKind, DocumentModel } from '../../../shared/contracts/documents.js';
import { documentFormat } from '../../../shared/contracts/documents.js';
import { formatVietnameseDate } from '../../../shared/dates.js';
import type { CampaignRow, OrgUnitRow } from '../../adapters/db/schema.js';
import { getSetting } from '../../adapters/db/settings.repository.js';
import type { CampaignCaller } from '../../domain/campaign-policy.js';
import { ruleSetById } from '../../domain/rule-sets/index.js';
import {
  caps,
  citeDocument,
  DEFAULT_DOCUMENT_FORMAT,
  issuerCode,
  issuingBodyName,
  numberText,
  organizationName,
  placeFromName,
  TYPE_CODES,
  TYPE_NAMES,
} from '../../domain/documents/party-format.js';
import { AppError } from '../../../shared/errors.js';
import type { AppContext, Caller, Tx } from '../context.js';

/** Settings an office may change (regulations §6 UNCONFIRMED items). */
export const FORMAT_SETTING = 'documents.format';
/** The upper line of the top committee's header, e.g. "ĐẢNG BỘ TỈNH HÀ TĨNH" (it has no parent in Tự soi). */
export const UPPER_BODY_SETTING = 'documents.upper_body';
/** The place of the date line, e.g. "Hà Tĩnh"; from the top committee's name when not set. */
export const PLACE_SETTING = 'documents.place';

export async function loadDocumentFormat(db: Tx): Promise<DocumentFormat> {
  const raw = await getSetting(db, FORMAT_SETTING);
  if (!raw) return DEFAULT_DOCUMENT_FORMAT;
  const parsed = documentFormat.partial().safeParse(JSON.parse(raw));
  return { ...DEFAULT_DOCUMENT_FORMAT, ...(parsed.success ? parsed.data : {}) };
}

export interface Issuer {
  unit: OrgUnitRow;
  /** Element 2, upper line (capitals). */
  upperBody: string | null;
  /** Element 2, the issuing body (capitals). */
  body: string;
  /** The issuing body as written in running text ("Đảng ủy phường Nam Hà"). */
  bodyName: string;
  /** The code after the slash ("TU", "ĐU"). */
  code: string;
  place: string;
}

export async function loadIssuer(db: Tx, unitId: string): Promise<Issuer> {
  const unit = await db.selectFrom('org_units').selectAll().where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw new AppError('org_unit.not_found');
  const ids = unit.path.split('/').filter(Boolean);
  const [parent, root, upperSetting, placeSetting] = await Promise.all([
    unit.parent_id ? db.selectFrom('org_units').select('name').where('id', '=', unit.parent_id).executeTakeFirst() : undefined,
    db.selectFrom('org_units').select('name').where('id', '=', ids[0]!).executeTakeFirst(),
    getSetting(db, UPPER_BODY_SETTING),
    getSetting(db, PLACE_SETTING),
  ]);
  const bodyName = issuingBodyName(unit.name);
  return {
    unit,
    // An empty setting is "none" (the office cleared it).
    upperBody: parent ? caps(organizationName(parent.name)) : upperSetting || null,
    body: caps(bodyName),
    bodyName,
    code: issuerCode(unit.name),
    place: placeSetting || placeFromName(root?.name ?? unit.name),
  };
}

/** A document as a builder makes it: always a draft without number and date; issuing fills them in. */
export interface BuiltDocument {
  issuer: Issuer;
  model: DocumentModel;
  /** The subject recorded in the register (unit, member, conference). */
  subjectId: string | null;
  /** File name without extension, in Vietnamese. */
  fileBase: string;
}

export interface BuildInput {
  campaign: CampaignRow;
  caller: CampaignCaller;
  subjectId: string | undefined;
  /** The business date (ISO). */
  today: string;
}

export type DocumentBuilder = (ctx: AppContext, principal: Caller, input: BuildInput) => Promise<BuiltDocument>;

/** The model's frame for a kind: header of the issuer, type name, draft number. */
export function frame(
  kind: DocumentKind,
  issuer: Issuer,
  format: DocumentFormat,
  year: number,
  parts: Pick<DocumentModel, 'summary' | 'body' | 'signatures' | 'recipients'> &
    Partial<Pick<DocumentModel, 'annexes' | 'addressees' | 'typeName'>>,
): DocumentModel {
  const code = TYPE_CODES[kind];
  return {
    kind,
    header: {
      upperBody: issuer.upperBody,
      issuer: issuer.body,
      numberText: code ? numberText(null, code, issuer.code, format) : null,
      place: issuer.place,
      date: null,
      year,
    },
    typeName: parts.typeName !== undefined ? parts.typeName : TYPE_NAMES[kind],
    summary: parts.summary,
    addressees: parts.addressees,
    body: parts.body,
    signatures: parts.signatures,
    recipients: parts.recipients,
    annexes: parts.annexes,
    draft: true,
  };
}

/** "T/M BAN THƯỜNG VỤ / BÍ THƯ" for a committee with a standing committee; "T/M ĐẢNG ỦY", "T/M CHI BỘ" below. */
export function collectiveSignature(issuer: Issuer, name = ''): DocSignature {
  const kind = issuer.unit.kind;
  const authority =
    kind === 'committee' ? 'T/M BAN THƯỜNG VỤ' : kind === 'grassroots_party' || kind === 'sub_party' ? 'T/M ĐẢNG ỦY' : 'T/M CHI BỘ';
  return { authority, title: 'BÍ THƯ', name };
}

/** The register's last recipient line: "Lưu Văn phòng Thành ủy" (HD 36 element 9). */
export function fileCopyLine(issuer: Issuer): string {
  return issuer.unit.kind === 'committee' ? `Lưu Văn phòng ${issuer.bodyName}` : 'Lưu';
}

export const p = (
  text: string,
  opts: { bold?: boolean; italic?: boolean; indent?: boolean; align?: 'left' | 'center' | 'right' | 'justify' } = {},
): DocBlock => ({
  type: 'paragraph',
  runs: [{ text, bold: opts.bold, italic: opts.italic }],
  indent: opts.indent,
  align: opts.align,
});

/** "Nhãn: giá trị" with the label in bold. */
export const labelled = (label: string, value: string): DocBlock => ({
  type: 'paragraph',
  runs: [{ text: `${label}: `, bold: true }, { text: value }],
});

export const h = (text: string, level: 1 | 2 | 3 = 1): DocBlock => ({ type: 'heading', text, level });

export const dmy = (iso: string | null | undefined): string => (iso ? formatVietnameseDate(iso.slice(0, 10)) : '');

/** Roman numerals for part headings ("I.", "II."). */
export function roman(n: number): string {
  const table: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/**
 * The Centre's regulation and guidance a campaign's rule set applies, as running text cites them
 * ("Quy định số 124-QĐ/TW ngày 04/10/2023, Hướng dẫn số 25-HD/BTCTW …"): the set's first
 * regulation and guidance (rule-sets/*.ts list the governing ones first, then their background).
 */
export function ruleSetCitation(ruleSetId: string): string {
  const set = ruleSetById(ruleSetId);
  if (!set) return '…………';
  const refs = set.documents.map((d) => d.document);
  const picked = [refs.find((d) => d.startsWith('QĐ ')), refs.find((d) => d.startsWith('HD '))].filter((d): d is string => !!d);
  return picked.map(citeDocument).join(' và ') || citeDocument(refs[0] ?? '…………');
}

/** "42/42" and "95,2 %" as party reports write figures. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '0 %';
  return `${(Math.round((part / whole) * 1000) / 10).toLocaleString('vi-VN')} %`;
}

/**
 * Free text typed in Tự soi (a plan, a report's sections) as document blocks: blank lines separate
 * paragraphs, lines beginning "- " or "+ " are list items, and lines that open with a part or item
 * number ("I.", "II.", "1.", "2.1.") are headings, as party texts are set out (HD 36, Phần/Mục).
 */
export function textBlocks(text: string): DocBlock[] {
  const out: DocBlock[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push({ type: 'list', items: list });
    list = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const item = /^[-+•]\s+(.*)$/u.exec(line);
    if (item) {
      list.push(item[1]!);
      continue;
    }
    flush();
    if (/^[IVX]+\.\s/u.test(line)) out.push(h(line, 1));
    else if (/^\d+(\.\d+)*\.\s/u.test(line) && line.length <= 160) out.push(h(line, 2));
    else out.push(p(line));
  }
  flush();
  return out;
}
