// Renders a DocumentModel as a PDF for printing, in the party format of HD 36-HD/VPTW
// (regulations §6), from the same model as the Word file (docx.ts) and the browser preview, and
// with the same layout choices as docx.ts so the three never say different things: the two-column
// header, the type name and summary centred, the body justified with a 1 cm first-line indent, the
// signature block on the right with "Nơi nhận" on the left, annexes on new pages, A4 with the
// configured margins, page numbers from page 2.
//
// HD 36 asks for Times New Roman; we cannot ship it, so every glyph is set in Liberation Serif
// (SIL OFL, metric-compatible with Times New Roman, covers all of Vietnamese; issue 5 item 3),
// embedded from assets/fonts. No other font is registered, so no text can fall back to a PDF base
// font that lacks the Vietnamese letters.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocBlock, DocRun, DocSignature, DocumentFormat, DocumentModel } from '../../../shared/contracts/documents.js';
import { placeDateLine } from '../../domain/documents/party-format.js';

/** pdfmake 0.3's server entry (CommonJS, no type declarations): the part of its API we use. */
interface PdfMakeServer {
  setFonts(fonts: Record<string, FontFiles>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(docDefinition: DocDefinition): { getBuffer(): Promise<Buffer> };
}
interface FontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}
/** pdfmake's content nodes are loose objects; we build them as plain data. */
type Node = Record<string, unknown>;
type DocDefinition = Record<string, unknown>;

const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMakeServer;

/** assets/fonts at the package root, four levels above this file (src/server/adapters/documents). */
export const FONT_DIR = fileURLToPath(new URL('../../../../assets/fonts/', import.meta.url));
const FAMILY = 'LiberationSerif';

function fontFiles(): FontFiles {
  const files: FontFiles = {
    normal: path.join(FONT_DIR, 'LiberationSerif-Regular.ttf'),
    bold: path.join(FONT_DIR, 'LiberationSerif-Bold.ttf'),
    italics: path.join(FONT_DIR, 'LiberationSerif-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'LiberationSerif-BoldItalic.ttf'),
  };
  for (const f of Object.values(files)) {
    if (!fs.existsSync(f)) throw new Error(`The PDF font ${f} is missing (assets/fonts ships Liberation Serif).`);
  }
  return files;
}

/** A4 in points (pdfmake's unit). */
const A4_WIDTH = 595.28;
const mm = (v: number) => (v * 72) / 25.4;
/** 1 cm first-line indent of body paragraphs (HD 36 sample; docx.ts INDENT). */
const INDENT = mm(10);
/** Room for the signature and the seal (element 8): four empty lines of 14 pt, as in docx.ts. */
const SIGNATURE_SPACE = 4 * 14 * 1.15;

/** NFC: a name typed with combining marks is drawn with the font's precomposed letters. */
const t = (s: string) => s.normalize('NFC');

function line(text: string, style: Node = {}): Node {
  return { text: t(text), alignment: 'center', ...style };
}

const NO_BORDERS = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** A node as wide as its content, centred in the available width (pdfmake cannot centre a table). */
function centred(node: Node): Node {
  return {
    columns: [
      { width: '*', text: '' },
      { width: 'auto', ...node },
      { width: '*', text: '' },
    ],
    columnGap: 0,
  };
}

/** Elements 1–4 (and 5b for a letter): issuer left, party title and date right; 11b above. */
function headerBlock(model: DocumentModel, textWidth: number): Node[] {
  const h = model.header;
  const left: Node[] = [];
  if (h.upperBody) left.push(line(h.upperBody, { fontSize: 14 }));
  left.push(line(h.issuer, { fontSize: 14, bold: true }));
  left.push(line('*', { fontSize: 14 }));
  if (h.numberText) left.push(line(h.numberText, { fontSize: 14 }));
  // Element 5b: a letter's summary ("V/v …") sits under its number, italic 12.
  if (model.typeName === null) left.push(line(model.summary, { fontSize: 12, italics: true, margin: [0, 3, 0, 0] }));

  // Element 1 has a rule under it, the width of the text: a one-cell table as wide as the text
  // with only its bottom border drawn.
  const partyTitle = centred({
    table: { widths: ['auto'], body: [[line('ĐẢNG CỘNG SẢN VIỆT NAM', { fontSize: 15, bold: true })]] },
    layout: { ...NO_BORDERS, hLineWidth: (i: number) => (i === 1 ? 0.75 : 0), paddingBottom: () => 1 },
  });
  const right: Node[] = [partyTitle, line(placeDateLine(h.place, h.date, h.year), { fontSize: 14, italics: true, margin: [0, 12, 0, 0] })];

  // Half and half: "ĐẢNG BỘ THÀNH PHỐ HÀ TĨNH" at 14 pt needs about 8 cm of a 16.5 cm text width.
  const leftWidth = textWidth * 0.5;
  const out: Node[] = [];
  // Element 11b: a draft is marked as such.
  if (model.draft) out.push(line('DỰ THẢO', { fontSize: 13, bold: true, alignment: 'right', margin: [0, 0, 0, 3] }));
  out.push({
    columns: [
      { width: leftWidth, stack: left },
      { width: '*', stack: right },
    ],
    columnGap: 0,
  });
  return out;
}

function titleBlock(model: DocumentModel, f: DocumentFormat): Node[] {
  const out: Node[] = [];
  if (model.typeName !== null) {
    out.push(line(model.typeName, { fontSize: f.typeNameSize, bold: true, margin: [0, 18, 0, 0] }));
    out.push(line(model.summary, { fontSize: 14, bold: true, margin: [0, 3, 0, 0] }));
    out.push(line('-----', { fontSize: 14, margin: [0, 0, 0, 6] }));
  }
  if (model.addressees?.length) {
    const [first, ...rest] = model.addressees;
    out.push({
      text: [{ text: 'Kính gửi: ', italics: true }, t(first!)],
      fontSize: 14,
      alignment: 'center',
      margin: [0, 12, 0, rest.length ? 0 : 6],
    });
    rest.forEach((a, i) => out.push(line(a, { fontSize: 14, margin: [0, 0, 0, i === rest.length - 1 ? 6 : 0] })));
  }
  return out;
}

/** "132-QĐ/TW", "kiểm điểm-đánh giá": words joined by a hyphen (short enough to fit on a line). */
const HYPHENATED = /[^\s-]+(?:-[^\s-]+)+/gu;

/**
 * The inlines of a run of text. pdfmake may break a line after a hyphen and, in justified text,
 * spreads the spare width between the pieces, which prints "số 132-   QĐ/TW"; a number and symbol
 * is one word in party texts (HD 36 element 3), so hyphenated words are kept whole.
 */
function inlines(text: string, style: Node = {}): Node[] {
  const s = t(text);
  const out: Node[] = [];
  let last = 0;
  for (const m of s.matchAll(HYPHENATED)) {
    if (m[0].length > 40) continue;
    if (m.index > last) out.push({ text: s.slice(last, m.index), ...style });
    out.push({ text: m[0], noWrap: true, ...style });
    last = m.index + m[0].length;
  }
  if (last < s.length || out.length === 0) out.push({ text: s.slice(last), ...style });
  return out;
}

function runs(rs: DocRun[]): Node[] {
  return rs.flatMap((r) =>
    inlines(r.text, { bold: r.bold ?? false, italics: r.italic ?? false, ...(r.underline ? { decoration: 'underline' } : {}) }),
  );
}

export function cellText(v: string | number): string {
  return typeof v === 'number' ? v.toLocaleString('vi-VN') : t(v);
}

const TABLE_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

function dataTable(b: Extract<DocBlock, { type: 'table' }>): Node[] {
  const size = b.size ?? 13;
  const total = b.columns.reduce((a, c) => a + c.width, 0) || 1;
  // Per cent of the text width; pdfmake takes the borders and paddings out of each share.
  const widths = b.columns.map((c) => `${((c.width / total) * 100).toFixed(4)}%`);
  const n = b.columns.length;
  if (n === 0) return []; // pdfmake throws on a table without columns
  const cell = (v: string | number | undefined, i: number, bold: boolean): Node => {
    const align = b.columns[i]?.align;
    return {
      text: v === undefined ? '' : cellText(v),
      bold,
      alignment: bold && !align ? 'center' : (align ?? 'left'),
      verticalAlignment: 'middle',
    };
  };
  // Every row has exactly one cell per column: pdfmake throws on a short row.
  const row = (r: (string | number)[], bold: boolean) => Array.from({ length: n }, (_, i) => cell(r[i], i, bold));
  const body = [
    row(
      b.columns.map((c) => c.header),
      true,
    ),
    ...b.rows.map((r) => row(r, false)),
  ];
  if (b.footer) body.push(row(b.footer, true));
  return [
    {
      table: { headerRows: 1, widths, body, dontBreakRows: true },
      layout: TABLE_LAYOUT,
      fontSize: size,
      // The header row is repeated on each page a long table runs over, as in Word (tableHeader).
    },
    { text: '', fontSize: 8, margin: [0, 0, 0, 8] },
  ];
}

/**
 * Echarts outlines its value labels with a white halo drawn under the fill (paint-order="stroke").
 * pdfmake's SVG renderer does not know paint-order and draws the halo over the letters, which then
 * vanish; in print the labels are legible without it, so the halo is dropped from text.
 */
export function printableSvg(svg: string): string {
  return svg.replace(/<text\b[^>]*>/g, (tag) =>
    /\spaint-order="stroke"/.test(tag)
      ? tag.replace(/\s(?:stroke|stroke-width|stroke-miterlimit|stroke-linejoin|paint-order)="[^"]*"/g, '')
      : tag,
  );
}

/** Echarts draws at 96 px per inch; the chart keeps its proportions and fits the text width. */
function chartBlock(b: Extract<DocBlock, { type: 'chart' }>, textWidth: number): Node[] {
  if (!(b.width > 0 && b.height > 0)) return [line(b.title, { fontSize: 13, italics: true, margin: [0, 6, 0, 6] })];
  const width = Math.min(b.width * 0.75, textWidth);
  const height = (b.height * width) / b.width;
  return [
    { svg: printableSvg(b.svg), width, height, alignment: 'center', margin: [0, 6, 0, 0] },
    line(b.title, { fontSize: 13, italics: true, margin: [0, 0, 0, 6] }),
  ];
}

function bodyBlocks(blocks: DocBlock[], f: DocumentFormat, textWidth: number): Node[] {
  const out: Node[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        out.push({
          text: inlines(b.text),
          bold: true,
          italics: b.level === 3,
          fontSize: f.bodySize,
          alignment: 'justify',
          leadingIndent: b.level === 1 ? 0 : INDENT,
          margin: [0, 6, 0, 3],
          // Kept with what follows (Word's keepNext in docx.ts): see keepHeadingsWithNext.
          headlineLevel: b.level,
        });
        break;
      case 'paragraph':
        out.push({
          text: runs(b.runs),
          fontSize: b.size ?? f.bodySize,
          alignment: b.align ?? 'justify',
          leadingIndent: b.indent === false ? 0 : INDENT,
          margin: [0, 0, 0, 4],
        });
        break;
      case 'list':
        for (const item of b.items) {
          out.push({ text: inlines(`- ${item}`), fontSize: f.bodySize, alignment: 'justify', leadingIndent: INDENT, margin: [0, 0, 0, 3] });
        }
        break;
      case 'table':
        out.push(...dataTable(b));
        break;
      case 'chart':
        out.push(...chartBlock(b, textWidth));
        break;
      case 'pageBreak':
        out.push(PAGE_BREAK);
        break;
    }
  }
  return out;
}

/** Marks where the model breaks the page; applyPageBreaks moves it onto the next node. */
const PAGE_BREAK: Node = { pageBreakMarker: true };

/**
 * pdfmake breaks unconditionally, so an empty node with a break "after" it that lands at the foot of
 * a full page leaves a blank page; the break is set "before" the node that follows instead. A break
 * with nothing after it is dropped (the next annex starts its own page anyway).
 */
function applyPageBreaks(nodes: Node[]): Node[] {
  const out: Node[] = [];
  let pending = false;
  for (const n of nodes) {
    if (n === PAGE_BREAK) pending = true;
    else {
      out.push(pending && !n.pageBreak ? { ...n, pageBreak: 'before' } : n);
      pending = false;
    }
  }
  return out;
}

function signatureStack(s: DocSignature): Node {
  const out: Node[] = [];
  if (s.note) out.push(line(s.note, { fontSize: 14, italics: true }));
  if (s.authority) out.push(line(s.authority, { fontSize: 14, bold: true }));
  out.push(line(s.title, { fontSize: 14, bold: true, margin: [0, 0, 0, SIGNATURE_SPACE] }));
  out.push(line(s.name, { fontSize: 14, bold: true }));
  return { stack: out };
}

function recipientsStack(recipients: string[], f: DocumentFormat): Node {
  if (recipients.length === 0) return { text: '' };
  return {
    stack: [
      { text: 'Nơi nhận:', fontSize: f.recipientsSize + 2, decoration: 'underline' },
      ...recipients.map((r, i) => ({ text: t(`- ${r}${i < recipients.length - 1 ? ',' : '.'}`), fontSize: f.recipientsSize })),
    ],
  };
}

/** Elements 7 and 9: the signature on the right, "Nơi nhận" on the left; two signatures side by side. */
function closingBlock(model: DocumentModel, f: DocumentFormat): Node[] {
  const pair = (left: Node, right: Node): Node => ({
    columns: [
      { width: '50%', ...left },
      { width: '50%', ...right },
    ],
    columnGap: 0,
    // A signature is never split from its title across a page.
    unbreakable: true,
    margin: [0, 12, 0, 0],
  });
  const out: Node[] = [];
  if (model.signatures.length >= 2) {
    out.push(pair(signatureStack(model.signatures[0]!), signatureStack(model.signatures[1]!)));
    for (const extra of model.signatures.slice(2)) out.push(pair({ text: '' }, signatureStack(extra)));
    if (model.recipients.length) out.push({ ...recipientsStack(model.recipients, f), margin: [0, 12, 0, 0] });
  } else {
    const sig = model.signatures[0];
    out.push(pair(recipientsStack(model.recipients, f), sig ? signatureStack(sig) : { text: '' }));
  }
  return out;
}

function annexBlocks(model: DocumentModel, f: DocumentFormat, textWidth: number): Node[] {
  return (model.annexes ?? []).map((a) => ({
    pageBreak: 'before',
    stack: [
      line(a.title, { fontSize: 14, bold: true, margin: [0, 0, 0, a.subtitle ? 0 : 6] }),
      ...(a.subtitle ? [line(a.subtitle, { fontSize: 14, italics: true, margin: [0, 0, 0, 6] })] : []),
      ...applyPageBreaks(bodyBlocks(a.body, f, textWidth)),
    ],
  }));
}

interface PageBreakContext {
  getFollowingNodesOnPage(): unknown[];
}

/**
 * A heading never ends a page: when nothing follows it on its page, it moves to the next one. pdfmake
 * asks this for every node, and lays the document out again after each break it adds; only
 * headings look at the following nodes, so long tables stay cheap.
 */
function keepHeadingsWithNext(node: { headlineLevel?: number }, context: PageBreakContext): boolean {
  return node.headlineLevel !== undefined && context.getFollowingNodesOnPage().length === 0;
}

export function pdfDefinition(model: DocumentModel, f: DocumentFormat): DocDefinition {
  const margins = [mm(f.marginLeftMm), mm(f.marginTopMm), mm(f.marginRightMm), mm(f.marginBottomMm)];
  const textWidth = A4_WIDTH - margins[0]! - margins[2]!;
  const firstNumbered = f.pageNumbersFromPage2 ? 2 : 1;
  return {
    pageSize: 'A4',
    pageMargins: margins,
    language: 'vi',
    info: {
      title: t(model.summary),
      author: t(model.header.issuer),
      subject: t(model.typeName ?? model.summary),
      creator: 'Tự soi',
    },
    // HD 36: the page number centred over the text (as Word centres it between the margins), 10 mm
    // from the top edge, from page 2. pdfmake lays the header out across the whole page width.
    header: (currentPage: number) =>
      currentPage >= firstNumbered
        ? { text: String(currentPage), alignment: 'center', fontSize: 14, margin: [margins[0], mm(10), margins[2], 0] }
        : null,
    pageBreakBefore: keepHeadingsWithNext,
    defaultStyle: { font: FAMILY, fontSize: f.bodySize, lineHeight: 1 },
    content: [
      ...headerBlock(model, textWidth),
      ...titleBlock(model, f),
      ...applyPageBreaks([...bodyBlocks(model.body, f, textWidth), ...closingBlock(model, f)]),
      ...annexBlocks(model, f, textWidth),
    ],
  };
}

export async function renderPdf(model: DocumentModel, format: DocumentFormat): Promise<Buffer> {
  const files = fontFiles();
  // pdfmake is one object per process: fonts and policies are set before each document (a fresh
  // object each time, since pdfmake rewrites the one it is given). Nothing is fetched from the
  // network, and the only local files read are the fonts.
  pdfmake.setFonts({ [FAMILY]: { ...files } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => Object.values(files).includes(p));
  return pdfmake.createPdf(pdfDefinition(model, format)).getBuffer();
}
