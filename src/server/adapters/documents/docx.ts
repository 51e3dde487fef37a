// Renders a DocumentModel as a Word document in the party format of HD 36-HD/VPTW (regulations §6):
// the two-column header (issuer on the left with "*" and the number; "ĐẢNG CỘNG SẢN VIỆT NAM" and
// the place-and-date line on the right), the type name and summary centred, the body justified,
// the signature block on the right with "Nơi nhận" on the left, annexes on new pages, Times New
// Roman at the sizes of the HD 36 table, A4 with the configured margins, page numbers from page 2.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { DocBlock, DocRun, DocSignature, DocumentFormat, DocumentModel } from '../../../shared/contracts/documents.js';
import { placeDateLine } from '../../domain/documents/party-format.js';
import { svgToPng } from '../charts/render-chart.js';

const FONT = 'Times New Roman';
const A4 = { width: 11906, height: 16838 };
/** 1 cm first-line indent of body paragraphs (HD 36 sample). */
const INDENT = 567;
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** Twentieths of a point, rounded (docx's own helper truncates 20 mm to 1133). */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);

/** Half-points, as Word counts sizes. */
const hp = (pt: number) => Math.round(pt * 2);

interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

function run(text: string, s: RunStyle): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: hp(s.size),
    bold: s.bold,
    italics: s.italics,
    underline: s.underline ? {} : undefined,
  });
}

function line(text: string, s: RunStyle & { align?: keyof typeof ALIGN; before?: number; after?: number }): Paragraph {
  return new Paragraph({
    alignment: ALIGN[s.align ?? 'center'],
    spacing: { before: s.before ?? 0, after: s.after ?? 0 },
    children: [run(text, s)],
  });
}

const noBorders = TableBorders.NONE;

function layoutTable(widths: number[], cells: Paragraph[][]): Table {
  return new Table({
    borders: noBorders,
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      // A signature block or a header is never split across two pages.
      new TableRow({
        cantSplit: true,
        children: cells.map(
          (children, i) =>
            new TableCell({
              borders: noBorders,
              margins: { left: 0, right: 0 },
              width: { size: widths[i]!, type: WidthType.DXA },
              children,
            }),
        ),
      }),
    ],
  });
}

/** Elements 1–4 (and 5b for a letter): issuer left, party title and date right. */
function headerBlock(model: DocumentModel, f: DocumentFormat, textWidth: number): (Paragraph | Table)[] {
  const h = model.header;
  const left: Paragraph[] = [];
  if (h.upperBody) left.push(line(h.upperBody, { size: 14 }));
  left.push(line(h.issuer, { size: 14, bold: true }));
  left.push(line('*', { size: 14 }));
  if (h.numberText) left.push(line(h.numberText, { size: 14 }));
  // Element 5b: a letter's summary ("V/v …") sits under its number, italic 12.
  if (model.typeName === null) left.push(line(model.summary, { size: 12, italics: true, before: 60 }));
  const right: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // Element 1 has a rule under it: a bottom border the width of the text.
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      indent: { left: 120, right: 120 },
      children: [run('ĐẢNG CỘNG SẢN VIỆT NAM', { size: 15, bold: true })],
    }),
    line(placeDateLine(h.place, h.date, h.year), { size: 14, italics: true, before: 240 }),
  ];
  // Half and half: "ĐẢNG BỘ THÀNH PHỐ HÀ TĨNH" at 14 pt needs about 8 cm of a 16.5 cm text width.
  const leftWidth = Math.round(textWidth * 0.5);
  const out: (Paragraph | Table)[] = [];
  // Element 11b: a draft is marked as such.
  if (model.draft) out.push(line('DỰ THẢO', { size: 13, bold: true, align: 'right', after: 60 }));
  out.push(layoutTable([leftWidth, textWidth - leftWidth], [left, right]));
  return out;
}

function titleBlock(model: DocumentModel, f: DocumentFormat): Paragraph[] {
  const out: Paragraph[] = [];
  if (model.typeName !== null) {
    out.push(line(model.typeName, { size: f.typeNameSize, bold: true, before: 360 }));
    out.push(line(model.summary, { size: 14, bold: true, before: 60 }));
    out.push(line('-----', { size: 14, after: 120 }));
  }
  if (model.addressees?.length) {
    const [first, ...rest] = model.addressees;
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 120 },
        children: [run('Kính gửi: ', { size: 14, italics: true }), run(first!, { size: 14 })],
      }),
    );
    for (const a of rest) out.push(line(a, { size: 14 }));
  }
  return out;
}

function runsOf(runs: DocRun[], size: number): ParagraphChild[] {
  return runs.map((r) => run(r.text, { size, bold: r.bold, italics: r.italic, underline: r.underline }));
}

function cellText(v: string | number): string {
  return typeof v === 'number' ? v.toLocaleString('vi-VN') : v;
}

function dataTable(b: Extract<DocBlock, { type: 'table' }>, textWidth: number): Table {
  const size = b.size ?? 13;
  const total = b.columns.reduce((a, c) => a + c.width, 0) || 1;
  const widths = b.columns.map((c) => Math.round((c.width / total) * textWidth));
  const cell = (v: string | number, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: ALIGN[bold && !b.columns[i]!.align ? 'center' : (b.columns[i]!.align ?? 'left')],
          children: [run(cellText(v), { size, bold })],
        }),
      ],
    });
  const rows = [
    new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c.header, i, true)) }),
    ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
  ];
  if (b.footer) rows.push(new TableRow({ children: b.footer.map((v, i) => cell(v, i, true)) }));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows,
  });
}

function chartBlock(b: Extract<DocBlock, { type: 'chart' }>, textWidth: number): Paragraph[] {
  // Word shows the SVG; older readers and LibreOffice use the PNG fallback drawn from the same SVG,
  // at 1.5 times its CSS size (about 150 dpi across a 16 cm text width: sharp in print, cheap to draw).
  const maxPx = Math.round((textWidth / 1440) * 96);
  const width = Math.min(b.width, maxPx);
  const height = Math.round((b.height * width) / b.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(b.svg, 'utf8'),
          transformation: { width, height },
          fallback: { type: 'png', data: svgToPng(b.svg, Math.round(b.width * 1.5)) },
          altText: { name: b.title, title: b.title, description: b.title },
        }),
      ],
    }),
    line(b.title, { size: 13, italics: true, after: 120 }),
  ];
}

function bodyBlocks(blocks: DocBlock[], f: DocumentFormat, textWidth: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        out.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            spacing: { before: 120, after: 60 },
            indent: { firstLine: b.level === 1 ? 0 : INDENT },
            keepNext: true,
            children: [run(b.text, { size: f.bodySize, bold: true, italics: b.level === 3 })],
          }),
        );
        break;
      case 'paragraph':
        out.push(
          new Paragraph({
            alignment: ALIGN[b.align ?? 'justify'],
            spacing: { before: 0, after: 80 },
            indent: b.indent === false ? undefined : { firstLine: INDENT },
            children: runsOf(b.runs, b.size ?? f.bodySize),
          }),
        );
        break;
      case 'list':
        for (const item of b.items)
          out.push(
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              spacing: { after: 60 },
              indent: { firstLine: INDENT },
              children: [run(`- ${item}`, { size: f.bodySize })],
            }),
          );
        break;
      case 'table':
        out.push(dataTable(b, textWidth));
        out.push(line('', { size: 8 }));
        break;
      case 'chart':
        out.push(...chartBlock(b, textWidth));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
  return out;
}

function signatureParagraphs(s: DocSignature): Paragraph[] {
  const out: Paragraph[] = [];
  if (s.note) out.push(line(s.note, { size: 14, italics: true }));
  if (s.authority) out.push(line(s.authority, { size: 14, bold: true }));
  out.push(line(s.title, { size: 14, bold: true }));
  // Room for the signature and the seal (element 8).
  for (let i = 0; i < 4; i++) out.push(line('', { size: 14 }));
  out.push(line(s.name, { size: 14, bold: true }));
  return out;
}

function recipientParagraphs(recipients: string[], f: DocumentFormat): Paragraph[] {
  if (recipients.length === 0) return [line('', { size: 12 })];
  return [
    line('Nơi nhận:', { size: f.recipientsSize + 2, underline: true, align: 'left' }),
    ...recipients.map((r, i) => line(`- ${r}${i < recipients.length - 1 ? ',' : '.'}`, { size: f.recipientsSize, align: 'left' })),
  ];
}

/** Elements 7 and 9: the signature on the right, "Nơi nhận" on the left; two signatures side by side. */
function closingBlock(model: DocumentModel, f: DocumentFormat, textWidth: number): (Paragraph | Table)[] {
  const half = Math.round(textWidth / 2);
  const widths = [half, textWidth - half];
  const out: (Paragraph | Table)[] = [line('', { size: 14, before: 120 })];
  if (model.signatures.length >= 2) {
    out.push(layoutTable(widths, [signatureParagraphs(model.signatures[0]!), signatureParagraphs(model.signatures[1]!)]));
    for (const extra of model.signatures.slice(2)) out.push(layoutTable(widths, [[line('', { size: 14 })], signatureParagraphs(extra)]));
    if (model.recipients.length) out.push(...recipientParagraphs(model.recipients, f));
  } else {
    const sig = model.signatures[0];
    out.push(layoutTable(widths, [recipientParagraphs(model.recipients, f), sig ? signatureParagraphs(sig) : [line('', { size: 14 })]]));
  }
  return out;
}

function annexBlocks(model: DocumentModel, f: DocumentFormat, textWidth: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const a of model.annexes ?? []) {
    out.push(new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [run(a.title, { size: 14, bold: true })] }));
    if (a.subtitle) out.push(line(a.subtitle, { size: 14, italics: true, after: 120 }));
    out.push(...bodyBlocks(a.body, f, textWidth));
  }
  return out;
}

export function docxDocument(model: DocumentModel, f: DocumentFormat): Document {
  const margin = {
    top: twip(f.marginTopMm),
    bottom: twip(f.marginBottomMm),
    left: twip(f.marginLeftMm),
    right: twip(f.marginRightMm),
    header: twip(10),
  };
  const textWidth = A4.width - margin.left - margin.right;
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: hp(14) })],
      }),
    ],
  });
  return new Document({
    creator: 'Tự soi',
    title: model.summary,
    description: model.typeName ?? model.summary,
    styles: { default: { document: { run: { font: FONT, size: hp(f.bodySize) } } } },
    sections: [
      {
        properties: {
          // HD 36: page numbers from page 2 — a different (empty) first-page header.
          titlePage: f.pageNumbersFromPage2,
          page: { size: { width: A4.width, height: A4.height }, margin },
        },
        headers: f.pageNumbersFromPage2 ? { default: pageNumber, first: new Header({ children: [] }) } : { default: pageNumber },
        footers: { default: new Footer({ children: [] }) },
        children: [
          ...headerBlock(model, f, textWidth),
          ...titleBlock(model, f),
          ...bodyBlocks(model.body, f, textWidth),
          ...closingBlock(model, f, textWidth),
          ...annexBlocks(model, f, textWidth),
        ],
      },
    ],
  });
}

export async function renderDocx(model: DocumentModel, format: DocumentFormat): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(model, format));
}
