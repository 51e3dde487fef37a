// The PDF for printing (issue 5 item 3; HD 36-HD/VPTW, regulations §6), read back with poppler: it
// embeds Liberation Serif and nothing else, gives the Vietnamese text back intact, numbers pages from
// page 2, lays out the header, signature and annexes as HD 36 does, and survives very long tables.
// Page 1 is written to test-artifacts/documents/pdf-sample.png for a person to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DocumentFormat, DocumentModel } from '../../src/shared/contracts/documents.js';
import { renderPdf } from '../../src/server/adapters/documents/pdf.js';
import { DEFAULT_DOCUMENT_FORMAT } from '../../src/server/domain/documents/party-format.js';
import { describeWithPdfTools, pdfFonts, pdfInfo, pdfPagePng, pdfPages, pdfText, pdfWords, type PdfWord } from '../support/pdf-tools.js';
import { ALL_VIETNAMESE_LETTERS, NAMES_LINE, richModel } from './sample-model.js';

const OUT_DIR = fileURLToPath(new URL('../../test-artifacts/documents/', import.meta.url));
const PT_PER_MM = 72 / 25.4;
let tmp: string;

async function write(name: string, model: DocumentModel, format: DocumentFormat = DEFAULT_DOCUMENT_FORMAT): Promise<string> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, await renderPdf(model, format));
  return file;
}

/** Whitespace collapsed, NFC: pdftotext -layout pads columns and justified lines with spaces. */
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');
const lines = (page: string) => page.split('\n').filter((l) => l.trim() !== '');
const firstLine = (page: string) => lines(page)[0]?.trim();
const wordsOf = (words: PdfWord[], text: string) => words.filter((w) => w.text === text);

describeWithPdfTools('PDF của văn bản theo HD 36', () => {
  let sample: string;
  let pages: string[];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-pdf-'));
    sample = await write('sample.pdf', richModel());
    pages = pdfPages(sample);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    fs.copyFileSync(sample, path.join(OUT_DIR, 'pdf-sample.pdf'));
    pdfPagePng(sample, path.join(OUT_DIR, 'pdf-sample.png'));
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('embeds only Liberation Serif, in all four faces, and no fallback font', () => {
    const fonts = pdfFonts(sample);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
      expect(f.embedded).toBe(true);
    }
    const faces = new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
    expect([...faces].sort()).toEqual(['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-BoldItalic', 'LiberationSerif-Italic']);
  });

  it('gives the Vietnamese text back intact', () => {
    const raw = pdfText(sample);
    const text = flat(raw);
    expect(text).toContain(NAMES_LINE);
    // pdftotext -layout drops the narrow gaps between single letters: compare without spaces.
    const bare = text.replace(/ /g, '');
    for (const letters of ALL_VIETNAMESE_LETTERS) expect(bare).toContain(letters.replace(/ /g, ''));
    expect(text).toContain('Kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm 2017');
    // The model gave this name with combining marks (NFD); the PDF prints the precomposed letters.
    const rawFlat = raw.replace(/\s+/g, ' ');
    expect(rawFlat).toContain('Người tổng hợp: Nguyễn Thị Thủy.'.normalize('NFC'));
    expect(rawFlat).not.toContain('Nguyễn Thị Thủy'.normalize('NFD'));
    // Table cells: Vietnamese number format, the footer row.
    expect(text).toMatch(/1 Đảng bộ phường Nam Hà 1\.234 25 20,3/);
    expect(text).toMatch(/Tổng cộng 2\.270 50 22/);
    // A number and symbol is one word, even in a justified line.
    expect(text).toContain('Quy định số 132-QĐ/TW');
  });

  it('sets the HD 36 header: number, issuer, party title and the place and date', () => {
    const first = lines(pages[0]!);
    const left = (l: string) => l.trim().split(/\s{2,}/)[0];
    expect(first[0]).toMatch(/^\s*ĐẢNG BỘ TỈNH HÀ TĨNH\s{2,}ĐẢNG CỘNG SẢN VIỆT NAM$/);
    expect(left(first[1]!)).toBe('THÀNH ỦY HÀ TĨNH');
    expect(first.some((l) => left(l) === 'Số 12-BC/TU')).toBe(true);
    expect(first.some((l) => /\s{2,}Hà Tĩnh, ngày 05 tháng 12 năm 2017$/.test(l))).toBe(true);
    expect(flat(pages[0]!)).toContain('BÁO CÁO Kết quả kiểm điểm');

    // Positions: issuer in the left part, the party title in the right part, type name centred.
    const words = pdfWords(sample, 1);
    const pageMid = (595.28 + (DEFAULT_DOCUMENT_FORMAT.marginLeftMm - DEFAULT_DOCUMENT_FORMAT.marginRightMm) * PT_PER_MM) / 2;
    const dang = wordsOf(words, 'ĐẢNG')[1]!; // the second "ĐẢNG" on the first line: ĐẢNG CỘNG SẢN…
    expect(dang.xMin).toBeGreaterThan(pageMid);
    const baoCao = wordsOf(words, 'BÁO')[0]!;
    const cao = words[words.indexOf(baoCao) + 1]!;
    expect(Math.abs((baoCao.xMin + cao.xMax) / 2 - pageMid)).toBeLessThan(2);
  });

  it('is A4 with the format margins and the document metadata', async () => {
    const info = pdfInfo(sample);
    expect(info['Page size']).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(info.Title).toBe('Kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm 2017');
    expect(info.Author).toBe('THÀNH ỦY HÀ TĨNH');
    expect(info.Creator).toBe('Tự soi');

    // The left edge of the text is the left margin (the list lines and headings of level 1 start there).
    const leftEdge = (file: string, page: number) => Math.min(...pdfWords(file, page).map((w) => w.xMin));
    expect(leftEdge(sample, 2)).toBeCloseTo(DEFAULT_DOCUMENT_FORMAT.marginLeftMm * PT_PER_MM, 0);
    const wide = await write('wide.pdf', richModel(), { ...DEFAULT_DOCUMENT_FORMAT, marginLeftMm: 40, marginTopMm: 35 });
    expect(leftEdge(wide, 2)).toBeCloseTo(40 * PT_PER_MM, 0);
    // Page 1 has no page number: its first word sits at the top margin.
    const top = Math.min(...pdfWords(wide, 1).map((w) => w.yMin));
    expect(top).toBeGreaterThan(35 * PT_PER_MM - 1);
    expect(top).toBeLessThan(35 * PT_PER_MM + 6);
  });

  it('numbers the pages from page 2, centred at the top', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(lines(pages[0]!).some((l) => l.trim() === '1')).toBe(false);
    pages.slice(1).forEach((p, i) => expect(firstLine(p)).toBe(String(i + 2)));
    const number = wordsOf(pdfWords(sample, 2), '2')[0]!;
    expect(number.yMin).toBeLessThan(DEFAULT_DOCUMENT_FORMAT.marginTopMm * PT_PER_MM);
    const pageMid = (595.28 + (DEFAULT_DOCUMENT_FORMAT.marginLeftMm - DEFAULT_DOCUMENT_FORMAT.marginRightMm) * PT_PER_MM) / 2;
    expect(Math.abs((number.xMin + number.xMax) / 2 - pageMid)).toBeLessThan(2);
  });

  it('breaks the page where the model says, signs on the right beside "Nơi nhận", and starts each annex on a new page', () => {
    const breakPage = pages.findIndex((p) => p.includes('III. KIẾN NGHỊ, ĐỀ XUẤT'));
    expect(lines(pages[breakPage]!)[1]!.trim()).toBe('III. KIẾN NGHỊ, ĐỀ XUẤT');
    expect(pages[breakPage - 1]).toContain('3. Tiếp tục quán triệt');
    // No blank page anywhere.
    for (const p of pages) expect(lines(p).length).toBeGreaterThan(1);

    const signing = pages[breakPage]!;
    const closing = lines(signing);
    const recipientsAt = closing.findIndex((l) => l.includes('Nơi nhận:'));
    expect(closing[recipientsAt]).toMatch(/^Nơi nhận:\s{2,}T\/M BAN THƯỜNG VỤ$/);
    expect(closing[recipientsAt + 1]).toMatch(/^- Ban Tổ chức Tỉnh ủy \(để báo cáo\),\s{2,}PHÓ BÍ THƯ$/);
    expect(closing).toContainEqual(expect.stringMatching(/^- Lưu Văn phòng Thành ủy\.$/));
    expect(closing.at(-1)!.trim()).toBe('Trần Văn Đức');
    expect(signing).not.toContain('Phụ lục');

    const annex = pages.at(-1)!;
    expect(lines(annex)[1]!.trim()).toBe('Phụ lục 1');
    expect(lines(annex)[2]!.trim()).toBe('Danh sách đảng viên hoàn thành xuất sắc nhiệm vụ năm 2017');
    expect(flat(annex)).toContain('2 Lê Ngọc Ánh Chi bộ Khối Đảng');
  });

  it('draws the chart from its SVG, text in Liberation Serif', () => {
    // The chart's own title and labels are text in the PDF, not a picture.
    const chartPage = pages.find((p) => p.includes('Biểu đồ 1. Xếp loại đảng viên năm 2017'))!;
    expect(flat(chartPage)).toContain('Xếp loại đảng viên năm 2017');
    expect(flat(chartPage)).toContain('Không hoàn thành');
  });

  it('sets a draft letter: "DỰ THẢO", the summary under the number, "Kính gửi", two signatures side by side', async () => {
    const letter = richModel({
      kind: 'suggestion_letter',
      typeName: null,
      summary: 'V/v gợi ý kiểm điểm năm 2017',
      addressees: ['Ban Thường vụ Đảng ủy phường Nam Hà'],
      header: { upperBody: null, issuer: 'THÀNH ỦY HÀ TĨNH', numberText: 'Số      -CV/TU', place: 'Hà Tĩnh', date: null, year: 2017 },
      body: [{ type: 'paragraph', runs: [{ text: 'Ban Thường vụ Thành ủy gợi ý các nội dung kiểm điểm sau đây.' }] }],
      signatures: [
        { authority: null, title: 'THƯ KÝ HỘI NGHỊ', name: 'Lê Ngọc Ánh', note: '(Ký, ghi rõ họ tên)' },
        { authority: null, title: 'CHỦ TRÌ HỘI NGHỊ', name: 'Trần Văn Đức', note: '(Ký, ghi rõ họ tên)' },
      ],
      recipients: ['Như trên', 'Lưu Văn phòng Thành ủy'],
      annexes: [],
      draft: true,
    });
    const file = await write('letter.pdf', letter, { ...DEFAULT_DOCUMENT_FORMAT, pageNumbersFromPage2: false });
    const [page] = pdfPages(file);
    const l = lines(page!);
    // Numbered from page 1 when the office turns "from page 2" off.
    expect(l[0]!.trim()).toBe('1');
    expect(l[1]!.trim()).toBe('DỰ THẢO');
    expect(l[2]).toMatch(/^\s*THÀNH ỦY HÀ TĨNH\s{2,}ĐẢNG CỘNG SẢN VIỆT NAM$/);
    const text = flat(page!);
    expect(text).toContain('Số -CV/TU');
    expect(text).toContain('Hà Tĩnh, ngày tháng năm 2017');
    expect(l.some((x) => x.trim().split(/\s{2,}/)[0] === 'V/v gợi ý kiểm điểm năm 2017')).toBe(true);
    expect(text).toContain('Kính gửi: Ban Thường vụ Đảng ủy phường Nam Hà');
    expect(l).toContainEqual(expect.stringMatching(/^\s*THƯ KÝ HỘI NGHỊ\s{2,}CHỦ TRÌ HỘI NGHỊ$/));
    expect(l).toContainEqual(expect.stringMatching(/^\s*Lê Ngọc Ánh\s{2,}Trần Văn Đức$/));
    // The recipients come after both signatures, on the left.
    expect(l.findIndex((x) => x.startsWith('Nơi nhận:'))).toBeGreaterThan(l.findIndex((x) => x.includes('Lê Ngọc Ánh')));
    expect(pdfInfo(file).Pages).toBe('1');
    pdfPagePng(file, path.join(OUT_DIR, 'pdf-letter.png'));
  });

  it('never leaves a heading alone at the foot of a page', async () => {
    // Filler lines push the heading down by one line at a time, so one of these lands it on the last
    // line of page 1.
    const filler = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'paragraph' as const, runs: [{ text: `Dòng ${i + 1}` }] }));
    let movedAtLeastOnce = false;
    for (let n = 26; n <= 31; n++) {
      const model = richModel({
        body: [
          ...filler(n),
          { type: 'heading', level: 1, text: 'II. PHƯƠNG HƯỚNG' },
          { type: 'paragraph', runs: [{ text: 'Nội dung sau đề mục.' }] },
        ],
        annexes: [],
      });
      const file = await write(`heading-${n}.pdf`, model);
      const [first, second] = pdfPages(file);
      const last = lines(first!).at(-1)!.trim();
      expect(last, `${n} filler lines`).not.toBe('II. PHƯƠNG HƯỚNG');
      // The heading and the line after it are on the same page.
      const page = [first!, second ?? ''].find((p) => p.includes('II. PHƯƠNG HƯỚNG'))!;
      expect(page).toContain('Nội dung sau đề mục.');
      if (second && lines(second)[1]?.trim() === 'II. PHƯƠNG HƯỚNG') {
        // Moved rather than pushed: page 1 had room left for the heading's line (6 pt above it, 14 pt).
        const lastBottom = Math.max(...pdfWords(file, 1).map((w) => w.yMax));
        const bottom = 841.89 - DEFAULT_DOCUMENT_FORMAT.marginBottomMm * PT_PER_MM;
        if (lastBottom + 4 + 6 + 14 * 1.15 < bottom) movedAtLeastOnce = true;
      }
    }
    // One of the six would have left the heading at the foot of page 1, and it was moved.
    expect(movedAtLeastOnce).toBe(true);
  });

  it('renders a table of thousands of rows, repeating its header row on every page', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => [i + 1, `Nguyễn Thị Thủy ${i + 1}`, 'Chi bộ Khối Dân', 'Hoàn thành tốt']);
    rows[10]!.pop(); // a short row must not break the table
    const model = richModel({
      body: [
        {
          type: 'table',
          columns: [
            { header: 'TT', width: 10, align: 'center' },
            { header: 'Họ và tên', width: 40 },
            { header: 'Chi bộ', width: 25 },
            { header: 'Xếp loại', width: 25 },
          ],
          rows,
          footer: ['', 'Tổng cộng', '4.000 đảng viên', ''],
        },
      ],
      annexes: [],
    });
    const started = Date.now();
    const file = await write('long.pdf', model);
    expect(Date.now() - started).toBeLessThan(60_000);
    const longPages = pdfPages(file);
    expect(longPages.length).toBeGreaterThan(50);
    // Every page the table runs over starts with its header row (after the page number).
    const tablePages = longPages.filter((p) => p.includes('Chi bộ Khối Dân'));
    for (const p of tablePages.slice(1)) expect(lines(p)[1]).toMatch(/^\s*TT\s+Họ và tên\s+Chi bộ\s+Xếp loại$/);
    // (includes, not toContain: a failure would print 180 pages)
    const text = flat(longPages.join('\n'));
    expect(text.includes('4.000 Nguyễn Thị Thủy 4000 Chi bộ Khối Dân Hoàn thành tốt')).toBe(true);
    expect(text.includes('11 Nguyễn Thị Thủy 11 Chi bộ Khối Dân 12 Nguyễn Thị Thủy 12')).toBe(true);
    expect(text.includes('Tổng cộng 4.000 đảng viên')).toBe(true);
  });
});
