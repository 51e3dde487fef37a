// Reads a .docx back for the document tests (issue 5 "Done when": text, fonts, sizes, header
// blocks, numbering), and converts it to PDF with LibreOffice as an office would print it. The
// reader looks only at what Tự soi writes (docx's WordprocessingML): paragraphs, runs and their
// properties, section settings and headers.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { IN_CI } from './databases.js';

const run = promisify(execFile);

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Points. */
  size: number | null;
  font: string | null;
}

export interface DocxParagraph {
  text: string;
  align: string | null;
  runs: DocxRun[];
}

export interface DocxContent {
  paragraphs: DocxParagraph[];
  /** All paragraph texts joined by newlines. */
  text: string;
  /** Margins and page size in twips; titlePage: a different first-page header (numbers from page 2). */
  section: { titlePage: boolean; margins: Record<'top' | 'bottom' | 'left' | 'right', number>; width: number; height: number };
  /** Header parts by reference type (default, first), with whether they hold a PAGE field. */
  headers: { type: string; text: string; pageNumber: boolean }[];
  /** Default run font and size (points) of the document's styles. */
  defaults: { font: string | null; size: number | null };
  images: number;
  tables: number;
}

function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const files = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.(xml|rels)$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const attr = (xml: string, tag: string, name: string): string | null => {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? decode(m[1]!) : null;
};

const flag = (props: string, tag: string): boolean => {
  const m = new RegExp(`<${tag}(?:\\s+w:val="([^"]*)")?\\s*/>`).exec(props);
  return !!m && m[1] !== 'false' && m[1] !== '0';
};

function parseParagraphs(xml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const pm of xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const body = pm[1]!;
    const align = attr(body, 'w:jc', 'w:val');
    const runs: DocxRun[] = [];
    for (const rm of body.matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)) {
      const r = rm[1]!;
      const props = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r)?.[1] ?? '';
      const text = [...r.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>/g)]
        .map((t) => (t[1] !== undefined ? decode(t[1]) : '\t'))
        .join('');
      const size = attr(props, 'w:sz', 'w:val');
      runs.push({
        text,
        bold: flag(props, 'w:b'),
        italic: flag(props, 'w:i'),
        underline: /<w:u\b/.test(props) && attr(props, 'w:u', 'w:val') !== 'none',
        size: size ? Number(size) / 2 : null,
        font: attr(props, 'w:rFonts', 'w:ascii'),
      });
    }
    out.push({ text: runs.map((r) => r.text).join(''), align, runs });
  }
  return out;
}

export async function readDocx(buffer: Buffer): Promise<DocxContent> {
  const files = await unzip(buffer);
  const doc = files.get('word/document.xml');
  if (!doc) throw new Error('word/document.xml is missing');
  const rels = files.get('word/_rels/document.xml.rels') ?? '';
  const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(doc)?.[0] ?? '';
  const headers: DocxContent['headers'] = [];
  for (const ref of sect.matchAll(/<w:headerReference\s[^>]*>/g)) {
    const type = attr(ref[0], 'w:headerReference', 'w:type') ?? 'default';
    const rid = attr(ref[0], 'w:headerReference', 'r:id');
    const target =
      new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
    const xml = target ? (files.get(`word/${target}`) ?? '') : '';
    headers.push({
      type,
      text: parseParagraphs(xml)
        .map((p) => p.text)
        .join('\n'),
      pageNumber: /PAGE/.test(xml),
    });
  }
  const styles = files.get('word/styles.xml') ?? '';
  const docDefaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)?.[1] ?? '';
  const defaultSize = attr(docDefaults, 'w:sz', 'w:val');
  const paragraphs = parseParagraphs(doc);
  const num = (name: string) => Number(attr(sect, 'w:pgMar', name) ?? NaN);
  return {
    paragraphs,
    text: paragraphs.map((p) => p.text).join('\n'),
    section: {
      titlePage: /<w:titlePg(?:\s+w:val="(?:true|1)")?\s*\/>/.test(sect),
      margins: { top: num('w:top'), bottom: num('w:bottom'), left: num('w:left'), right: num('w:right') },
      width: Number(attr(sect, 'w:pgSz', 'w:w')),
      height: Number(attr(sect, 'w:pgSz', 'w:h')),
    },
    headers,
    defaults: { font: attr(docDefaults, 'w:rFonts', 'w:ascii'), size: defaultSize ? Number(defaultSize) / 2 : null },
    images: (doc.match(/<w:drawing>/g) ?? []).length,
    tables: (doc.match(/<w:tbl>/g) ?? []).length,
  };
}

/** The paragraph whose text is exactly `text` (after trimming), or undefined. */
export function paragraph(content: DocxContent, text: string): DocxParagraph | undefined {
  return content.paragraphs.find((p) => p.text.trim() === text);
}

let soffice: Promise<boolean> | null = null;
export function libreOfficeAvailable(): Promise<boolean> {
  soffice ??= run('soffice', ['--version'], { timeout: 60_000 }).then(
    () => true,
    () => false,
  );
  return soffice;
}

/** Skip a test for a missing LibreOffice outside CI; in CI a missing tool is a failure. */
export async function requireLibreOffice(): Promise<boolean> {
  const ok = await libreOfficeAvailable();
  if (!ok && IN_CI) throw new Error('LibreOffice (soffice) is required in CI: apt-get install libreoffice-writer-nogui');
  return ok;
}

/**
 * Converts a .docx to PDF with LibreOffice headless, in a profile of its own so that test files
 * converting at the same time do not share (and lock) one profile. Returns the PDF's path.
 */
export async function docxToPdf(docx: Buffer, name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tusoi-lo-'));
  const profile = join(dir, 'profile');
  const input = join(dir, `${name}.docx`);
  await writeFile(input, docx);
  try {
    await run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      {
        timeout: 180_000,
      },
    );
    const out = join(dir, `${name}.pdf`);
    await readFile(out);
    const keep = join('test-artifacts', 'documents');
    await mkdir(keep, { recursive: true });
    await copyFile(out, join(keep, `${name}.pdf`));
    return join(keep, `${name}.pdf`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
