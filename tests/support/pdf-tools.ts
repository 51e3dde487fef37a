// Reading PDFs back in tests with poppler-utils (pdffonts, pdftotext, pdftoppm, pdfinfo): what fonts
// a PDF embeds, the text it gives back and where, its metadata, and a picture of a page for a person
// to look at. Outside CI a
// missing poppler skips the tests that need it; with CI=true it fails them, like Chromium in
// browser.ts and PostgreSQL in each-dialect.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { IN_CI } from './databases.js';

const TOOLS = ['pdffonts', 'pdftotext', 'pdftoppm', 'pdfinfo'] as const;
const MISSING =
  'poppler-utils (pdffonts, pdftotext, pdftoppm, pdfinfo) is not installed, and CI=true turns that into a failure (apt-get install poppler-utils).';

let available: boolean | null = null;
/** True when all the poppler tools run. */
export function pdfToolsAvailable(): boolean {
  if (available !== null) return available;
  available = TOOLS.every((tool) => {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  return available;
}

/** A describe block that needs poppler: skipped without it outside CI, failed without it in CI. */
export function describeWithPdfTools(name: string, body: () => void): void {
  if (pdfToolsAvailable()) describe(name, body);
  else if (!IN_CI) describe.skip(`${name} (poppler-utils không có)`, body);
  else
    describe(name, () => {
      it('needs poppler-utils', () => {
        throw new Error(MISSING);
      });
    });
}

function run(tool: (typeof TOOLS)[number], args: string[]): string {
  if (!pdfToolsAvailable()) throw new Error(MISSING);
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

export interface PdfFont {
  /** As the PDF names it, with its subset prefix: "BAAAAA+LiberationSerif-Bold". */
  name: string;
  /** "CID TrueType", "Type 1", … */
  type: string;
  embedded: boolean;
}

/** The fonts a PDF uses, from `pdffonts` (columns located by the dashes under the heading). */
export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file]).split('\n');
  const dashes = lines.findIndex((l) => /^-+ -+/.test(l));
  if (dashes < 0) throw new Error(`Unexpected pdffonts output:\n${lines.join('\n')}`);
  // Column spans from the runs of dashes: name, type, encoding, emb, sub, uni, object ID.
  const spans: [number, number][] = [];
  for (const m of lines[dashes]!.matchAll(/-+/g)) spans.push([m.index, m.index + m[0].length]);
  const col = (l: string, i: number) => l.slice(spans[i]![0], spans[i]![1]).trim();
  return lines
    .slice(dashes + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => ({ name: col(l, 0), type: col(l, 1), embedded: col(l, 3) === 'yes' }));
}

/** The text of a PDF from `pdftotext -layout`, pages separated by form feeds ("\f"). */
export function pdfText(file: string): string {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
}

/** The text of each page (pdftotext ends every page with a form feed). */
export function pdfPages(file: string): string[] {
  const pages = pdfText(file).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Writes one page (the first by default) as a PNG at `dpi` (60 by default) to outPng. */
export function pdfPagePng(file: string, outPng: string, options: { page?: number; dpi?: number } = {}): void {
  const page = String(options.page ?? 1);
  fs.mkdirSync(path.dirname(outPng), { recursive: true });
  // -singlefile writes <prefix>.png without a page-number suffix.
  const prefix = outPng.replace(/\.png$/i, '');
  run('pdftoppm', ['-png', '-r', String(options.dpi ?? 60), '-f', page, '-l', page, '-singlefile', file, prefix]);
}

/** `pdfinfo` as a record: "Title", "Author", "Creator", "Pages", "Page size", … */
export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const l of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(l);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export interface PdfWord {
  text: string;
  /** Points from the top left corner of the page. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The words of one page (1-based) with their boxes, from `pdftotext -bbox`. */
export function pdfWords(file: string, page: number): PdfWord[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: decodeXml(m[5]!),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}
