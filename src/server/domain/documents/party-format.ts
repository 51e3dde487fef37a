// The party document format of HD 36-HD/VPTW (03/4/2018; regulations §6) as pure rules: the
// issuing body's name and code, the number and symbol, the place-and-date line, the type names and
// codes of the documents Tự soi issues. What regulations §6 marks UNCONFIRMED (margins, the colon
// after "Số", which code a thành ủy uses) is a default here and configurable through the
// `documents.format` setting or the unit's name.
import type { DocumentFormat, DocumentKind } from '../../../shared/contracts/documents.js';

/**
 * Margins 20/20/30/15 mm as a published HD 36 implementation gives them ([S85]; a provincial
 * handbook gives 25/25/35/15 [S86]: UNCONFIRMED, so configurable). Sizes from the HD 36 table:
 * body 14, type name 15–16, recipients 12 (common practice, UNCONFIRMED). "Số 127-QĐ/TW" without a
 * colon as in the HD 36 sample. Page numbers from page 2 [S86].
 */
export const DEFAULT_DOCUMENT_FORMAT: DocumentFormat = {
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 30,
  marginRightMm: 15,
  numberColon: false,
  bodySize: 14,
  typeNameSize: 16,
  recipientsSize: 12,
  pageNumbersFromPage2: true,
};

/**
 * The type code of each document (HD 36 appendix codes seen in party texts: KH kế hoạch, BC báo
 * cáo, TB thông báo, BB biên bản, TTr tờ trình, QĐ quyết định, CV công văn; regulations §6). The
 * individual review is the member's own form: it carries no register number.
 */
export const TYPE_CODES: Record<DocumentKind, string | null> = {
  campaign_plan: 'KH',
  suggestion_letter: 'CV',
  collective_report: 'BC',
  individual_review: null,
  appraisal_findings: 'TB',
  conference_minutes: 'BB',
  vote_tally: 'BB',
  classification_proposal: 'TTr',
  classification_decision: 'QĐ',
  remediation_plan: 'KH',
  summary_report: 'BC',
};

/** Element 5a: the type name printed in capitals (null: a letter, whose summary sits under the number). */
export const TYPE_NAMES: Record<DocumentKind, string | null> = {
  campaign_plan: 'KẾ HOẠCH',
  suggestion_letter: null,
  collective_report: 'BÁO CÁO',
  individual_review: 'BẢN KIỂM ĐIỂM CÁ NHÂN',
  appraisal_findings: 'THÔNG BÁO',
  conference_minutes: 'BIÊN BẢN',
  vote_tally: 'BIÊN BẢN',
  classification_proposal: 'TỜ TRÌNH',
  classification_decision: 'QUYẾT ĐỊNH',
  remediation_plan: 'KẾ HOẠCH',
  summary_report: 'BÁO CÁO',
};

/** Vietnamese capitals (the names are stored in NFC; "ủy" → "ỦY"). */
export function caps(s: string): string {
  return s.toLocaleUpperCase('vi-VN');
}

const ORGANIZATION_TO_COMMITTEE: [string, string][] = [
  ['Đảng bộ tỉnh ', 'Tỉnh ủy '],
  ['Đảng bộ thành phố ', 'Thành ủy '],
  ['Đảng bộ thị xã ', 'Thị ủy '],
  ['Đảng bộ huyện ', 'Huyện ủy '],
  ['Đảng bộ quận ', 'Quận ủy '],
  ['Đảng bộ ', 'Đảng ủy '],
];

/**
 * The body that issues a unit's documents (element 2): a đảng bộ acts through its committee
 * ("Đảng bộ phường Nam Hà" → "Đảng ủy phường Nam Hà"); a chi bộ, and a unit already named after
 * its committee ("Thành ủy Hà Tĩnh"), issue under their own name.
 */
export function issuingBodyName(unitName: string): string {
  for (const [from, to] of ORGANIZATION_TO_COMMITTEE) if (unitName.startsWith(from)) return to + unitName.slice(from.length);
  return unitName;
}

/** The organization a committee leads ("Thành ủy Hà Tĩnh" → "Đảng bộ thành phố Hà Tĩnh"): the upper line of element 2. */
export function organizationName(unitName: string): string {
  for (const [from, to] of ORGANIZATION_TO_COMMITTEE)
    if (unitName.startsWith(to) && to !== 'Đảng ủy ') return from + unitName.slice(to.length);
  if (unitName.startsWith('Đảng ủy ')) return 'Đảng bộ ' + unitName.slice('Đảng ủy '.length);
  return unitName;
}

/**
 * The issuer's code after the slash (regulations §6: "TU" for a tỉnh ủy, seen; for a thành ủy or
 * thị ủy expected, UNCONFIRMED; "HU" huyện ủy; "ĐU" đảng ủy; "CB" for a chi bộ, Tự soi default).
 */
export function issuerCode(unitName: string): string {
  const body = issuingBodyName(unitName);
  if (/^(Tỉnh|Thành|Thị) ủy/.test(body)) return 'TU';
  if (body.startsWith('Huyện ủy')) return 'HU';
  if (body.startsWith('Quận ủy')) return 'QU';
  if (body.startsWith('Đảng ủy Khối')) return 'ĐUK';
  if (body.startsWith('Đảng ủy')) return 'ĐU';
  return 'CB';
}

/** Element 3: "Số 12-BC/TU"; a draft leaves room for the number to be written in. */
export function numberText(number: number | null, typeCode: string, issuer: string, format: Pick<DocumentFormat, 'numberColon'>): string {
  const prefix = format.numberColon ? 'Số:' : 'Số';
  return `${prefix} ${number === null ? '      ' : number}-${typeCode}/${issuer}`;
}

/** Element 4: "Hà Tĩnh, ngày 05 tháng 12 năm 2017" (HD 36: day and month below 10 with a leading zero). */
export function placeDateLine(place: string, isoDate: string | null, year: number): string {
  if (!isoDate) return `${place}, ngày      tháng      năm ${year}`;
  const [y, m, d] = isoDate.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** The place of the date line: the committee's town, from its name ("Thành ủy Hà Tĩnh" → "Hà Tĩnh"). */
export function placeFromName(rootName: string): string {
  const body = issuingBodyName(rootName);
  const m = /^(?:Tỉnh ủy|Thành ủy|Thị ủy|Huyện ủy|Quận ủy|Đảng ủy(?: xã| phường| thị trấn)?)\s+(.+)$/u.exec(body);
  return m ? m[1]! : body;
}

const CITED_TYPES: Record<string, string> = {
  HD: 'Hướng dẫn',
  QĐ: 'Quy định',
  NQ: 'Nghị quyết',
  KL: 'Kết luận',
  CT: 'Chỉ thị',
};

/**
 * A governing document as running text cites it: "HD 27-HD/BTCTW, 25/9/2014" → "Hướng dẫn số
 * 27-HD/BTCTW ngày 25/9/2014". QĐ of the Centre in the review rules are regulations (quy định: QĐ
 * 132, 124, 366; regulations §1.1).
 */
export function citeDocument(ref: string): string {
  const m = /^(\S+)\s+(\S+)(?:,\s*(.+))?$/u.exec(ref.trim());
  if (!m) return ref;
  const kind = CITED_TYPES[m[1]!];
  if (!kind) return ref;
  return `${kind} số ${m[2]}${m[3] ? ` ngày ${m[3]}` : ''}`;
}
