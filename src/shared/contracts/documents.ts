// Official documents in the party format (issue 5; regulations §6, HD 36-HD/VPTW 03/4/2018). A
// document is built once as plain data, a DocumentModel, and that one model is rendered to Word
// (.docx), to PDF and to the browser's preview, so the three never say different things. An issued
// document keeps its model in the register: downloading it again gives the same text and number.
// Shared by the server and the browser.
import { z } from 'zod';
import { id, isoDate, text } from './common.js';

/** The documents Tự soi produces (issue 5 item 1). */
export const DOCUMENT_KINDS = [
  'campaign_plan',
  'suggestion_letter',
  'collective_report',
  'individual_review',
  'appraisal_findings',
  'conference_minutes',
  'vote_tally',
  'classification_proposal',
  'classification_decision',
  'remediation_plan',
  'summary_report',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const documentKind = z.enum(DOCUMENT_KINDS);

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  campaign_plan: 'Kế hoạch kiểm điểm, đánh giá, xếp loại',
  suggestion_letter: 'Gợi ý kiểm điểm',
  collective_report: 'Báo cáo kiểm điểm tập thể',
  individual_review: 'Bản kiểm điểm cá nhân',
  appraisal_findings: 'Kết quả thẩm định hồ sơ',
  conference_minutes: 'Biên bản hội nghị kiểm điểm',
  vote_tally: 'Biên bản kiểm phiếu',
  classification_proposal: 'Tờ trình đề nghị xếp loại',
  classification_decision: 'Quyết định xếp loại chất lượng',
  remediation_plan: 'Kế hoạch khắc phục hạn chế, khuyết điểm',
  summary_report: 'Báo cáo kết quả kiểm điểm, đánh giá, xếp loại',
};

/** A run of text inside a paragraph. */
export const docRun = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
export type DocRun = z.infer<typeof docRun>;

export const docAlign = z.enum(['left', 'center', 'right', 'justify']);

/** One piece of the body. Headings are the bold "I.", "1." labels of HD 36 (Phần/Mục). */
export const docBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string(), level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
  z.object({
    type: z.literal('paragraph'),
    runs: z.array(docRun),
    align: docAlign.optional(),
    /** First-line indent of body text (1 cm); off for centred titles and table-like lines. */
    indent: z.boolean().optional(),
    /** Size in points when not the body size (e.g. 13 for a note). */
    size: z.number().optional(),
  }),
  /** Lines that begin with "- " as party texts write lists. */
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
  z.object({
    type: z.literal('table'),
    columns: z.array(
      z.object({
        header: z.string(),
        /** Share of the text width, in per cent. */
        width: z.number(),
        align: z.enum(['left', 'center', 'right']).optional(),
      }),
    ),
    rows: z.array(z.array(z.union([z.string(), z.number()]))),
    /** A last row in bold ("Tổng cộng"). */
    footer: z.array(z.union([z.string(), z.number()])).optional(),
    /** Size in points of the cells (13 by default: tables are set one size smaller than the body). */
    size: z.number().optional(),
  }),
  /** A chart rendered on the server as SVG (issue 5 item 4); the .docx carries it as a PNG. */
  z.object({ type: z.literal('chart'), title: z.string(), svg: z.string(), width: z.number(), height: z.number() }),
  z.object({ type: z.literal('pageBreak') }),
]);
export type DocBlock = z.infer<typeof docBlock>;

/** Element 7 of HD 36: authority ("T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "T/L"), title, name. */
export const docSignature = z.object({
  /** e.g. "T/M BAN THƯỜNG VỤ"; null when a person signs in their own right (a member's review). */
  authority: z.string().nullable(),
  /** e.g. "BÍ THƯ", "PHÓ BÍ THƯ", "NGƯỜI TỰ KIỂM ĐIỂM". */
  title: z.string(),
  /** Full name; empty leaves the line for a hand-written name. */
  name: z.string(),
  /** A line above the signature, e.g. "(Ký, ghi rõ họ tên)" forms, or "Xác nhận của chi ủy". */
  note: z.string().optional(),
});
export type DocSignature = z.infer<typeof docSignature>;

export const documentModel = z.object({
  kind: documentKind,
  /** Elements 1–4 of HD 36. */
  header: z.object({
    /** Element 2, upper line: the body above the issuer, e.g. "ĐẢNG BỘ TỈNH HÀ TĨNH"; null at the top. */
    upperBody: z.string().nullable(),
    /** Element 2: the issuing body, e.g. "THÀNH ỦY HÀ TĨNH". */
    issuer: z.string(),
    /** Element 3: "Số 12-BC/TU"; a draft leaves the number blank ("Số    -BC/TU"). */
    numberText: z.string().nullable(),
    /** Element 4: place name, e.g. "Hà Tĩnh". */
    place: z.string(),
    /** Element 4: the date, ISO; null leaves "ngày … tháng … năm …" to be filled by hand. */
    date: isoDate.nullable(),
    /** The year printed when the date is left blank. */
    year: z.number().int(),
  }),
  /** Element 5a: "BÁO CÁO", "QUYẾT ĐỊNH"…; null for a letter (công văn), whose summary sits under the number. */
  typeName: z.string().nullable(),
  /** Element 5a/5b: trích yếu. */
  summary: z.string(),
  /** "Kính gửi: …" of a letter. */
  addressees: z.array(z.string()).optional(),
  /** Element 6. */
  body: z.array(docBlock),
  /** Element 7; two signatures (the minutes' secretary and chair) are set side by side. */
  signatures: z.array(docSignature),
  /** Element 9: "Nơi nhận"; the last line is usually "- Lưu Văn phòng …". */
  recipients: z.array(z.string()),
  /** Annexed lists (phụ lục), each on a new page after the signature. */
  annexes: z.array(z.object({ title: z.string(), subtitle: z.string().optional(), body: z.array(docBlock) })).optional(),
  /** Element 11b: a draft is marked "DỰ THẢO" and carries no number. */
  draft: z.boolean(),
});
export type DocumentModel = z.infer<typeof documentModel>;

/**
 * The page and type settings of HD 36 that regulations §6 marks UNCONFIRMED (margins, the colon
 * after "Số", the signature and recipient sizes). Defaults in domain/documents/party-format.ts;
 * an office changes them in Quản trị › Cài đặt.
 */
export const documentFormat = z.object({
  marginTopMm: z.number().min(5).max(50),
  marginBottomMm: z.number().min(5).max(50),
  marginLeftMm: z.number().min(5).max(50),
  marginRightMm: z.number().min(5).max(50),
  /** "Số: 12-BC/TU" instead of "Số 12-BC/TU". */
  numberColon: z.boolean(),
  bodySize: z.number().min(12).max(15),
  typeNameSize: z.number().min(14).max(16),
  recipientsSize: z.number().min(10).max(14),
  /** HD 36 numbers pages from page 2. */
  pageNumbersFromPage2: z.boolean(),
});
export type DocumentFormat = z.infer<typeof documentFormat>;

/** What a document is about: the query of a draft and the body of an issue. */
export const documentRequest = z.object({
  kind: documentKind,
  campaignId: id,
  /** The unit, member, conference or plan subject the kind needs (see DOCUMENT_SUBJECTS). */
  subjectId: id.optional(),
});
export type DocumentRequest = z.infer<typeof documentRequest>;

/** What each kind is about, for the chooser and for validation. */
export const DOCUMENT_SUBJECTS: Record<DocumentKind, 'campaign' | 'unit' | 'member' | 'conference'> = {
  campaign_plan: 'campaign',
  suggestion_letter: 'unit',
  collective_report: 'unit',
  individual_review: 'member',
  appraisal_findings: 'unit',
  conference_minutes: 'conference',
  vote_tally: 'conference',
  classification_proposal: 'unit',
  classification_decision: 'unit',
  remediation_plan: 'unit',
  summary_report: 'campaign',
};

/**
 * The signature as typed when issuing: free text like any other (design §4: NFC, trimmed, bounded),
 * so the register and the Word file hold the same composed Vietnamese as the rest of the app.
 */
const typedSignature = z.object({
  authority: text(200).nullable(),
  title: text(200),
  name: text(200),
  note: text(300).optional(),
}) satisfies z.ZodType<DocSignature, unknown>;

export const issueDocumentBody = documentRequest.extend({
  /** The issue date printed; the business date when left out. */
  issuedOn: isoDate.optional(),
  signature: typedSignature.optional(),
  recipients: z.array(text(200)).max(30).optional(),
});
export type IssueDocumentBody = z.infer<typeof issueDocumentBody>;

export const registerEntry = z.object({
  id,
  kind: documentKind,
  numberText: z.string(),
  number: z.number().int(),
  typeCode: z.string(),
  year: z.number().int(),
  issuerUnitId: id,
  issuerName: z.string(),
  title: z.string(),
  issuedOn: isoDate,
  signerName: z.string().nullable(),
  campaignId: id.nullable(),
  subjectId: id.nullable(),
  issuedBy: z.string(),
  createdAt: z.string(),
});
export type RegisterEntry = z.infer<typeof registerEntry>;

/** Quản trị › Thể thức văn bản: the format and the names a header needs that the tree does not hold. */
export const documentSettings = z.object({
  format: documentFormat,
  /** The upper line of the top committee's header, e.g. "ĐẢNG BỘ TỈNH HÀ TĨNH"; null: none. */
  upperBody: text(200).nullable(),
  /** The place of the date line, e.g. "Hà Tĩnh"; null: from the top committee's name. */
  place: text(100).nullable(),
});
export type DocumentSettings = z.infer<typeof documentSettings>;
export const documentSettingsView = documentSettings.extend({ defaults: documentFormat, derivedPlace: z.string(), canEdit: z.boolean() });
export type DocumentSettingsView = z.infer<typeof documentSettingsView>;
