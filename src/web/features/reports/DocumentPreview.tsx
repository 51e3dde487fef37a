// The browser preview of an official document (issue 5: "each can be previewed in the browser
// before download"): the same DocumentModel as the Word file and the PDF, set as A4 sheets in the
// party format of HD 36-HD/VPTW (regulations §6) with the layout of pdf.ts and docx.ts. Every piece
// of text is a React text node (never HTML), so whatever a user typed stays inert; the chart's SVG,
// drawn by our server, is shown through an <img>, where no script in it can run.
//
// The sheets keep their paper size (210 mm, sizes in pt) and are scaled down to the width of the
// box; below about a third the box scrolls sideways on its own, so a phone never scrolls the page.
// The preview does not paginate: a page break in the model and each annex start a new sheet, and
// page numbers are left to the PDF and Word files.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { DocBlock, DocRun, DocSignature, DocumentFormat, DocumentModel } from '../../../shared/contracts/documents';
import { DEFAULT_DOCUMENT_FORMAT, placeDateLine } from '../../../server/domain/documents/party-format';
import styles from './DocumentPreview.module.css';

/** 210 mm in CSS pixels. */
const SHEET_WIDTH_PX = (210 / 25.4) * 96;
/** Below this the sheet is too small to read: the box scrolls instead (a 360 px phone still fits). */
const MIN_SCALE = 0.35;
/** A long annex (thousands of members) is shown in part; the downloaded files have every row. */
const MAX_PREVIEW_ROWS = 300;

const t = (s: string) => s.normalize('NFC');

/** "132-QĐ/TW" is one word in party texts: not broken after its hyphen (as in pdf.ts). */
const HYPHENATED = /[^\s-]+(?:-[^\s-]+)+/gu;
function words(text: string): ReactNode {
  const s = t(text);
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of s.matchAll(HYPHENATED)) {
    if (m[0].length > 40) continue;
    if (m.index > last) out.push(s.slice(last, m.index));
    out.push(
      <span key={m.index} className={styles.nowrap}>
        {m[0]}
      </span>,
    );
    last = m.index + m[0].length;
  }
  if (out.length === 0) return s;
  if (last < s.length) out.push(s.slice(last));
  return out;
}

function cellText(v: string | number | undefined): string {
  if (v === undefined) return '';
  return typeof v === 'number' ? v.toLocaleString('vi-VN') : t(v);
}

function Runs({ runs }: { runs: DocRun[] }) {
  return (
    <>
      {runs.map((r, i) => (
        <span
          key={i}
          style={{
            fontWeight: r.bold ? 700 : undefined,
            fontStyle: r.italic ? 'italic' : undefined,
            textDecoration: r.underline ? 'underline' : undefined,
          }}
        >
          {words(r.text)}
        </span>
      ))}
    </>
  );
}

function Table({ block }: { block: Extract<DocBlock, { type: 'table' }> }) {
  const total = block.columns.reduce((a, c) => a + c.width, 0) || 1;
  const n = block.columns.length;
  const align = (i: number, bold: boolean) => {
    const a = block.columns[i]?.align;
    return bold && !a ? 'center' : (a ?? 'left');
  };
  const cells = (row: (string | number)[], bold: boolean) =>
    Array.from({ length: n }, (_, i) => (
      <td key={i} style={{ textAlign: align(i, bold) }}>
        {cellText(row[i])}
      </td>
    ));
  const shown = block.rows.slice(0, MAX_PREVIEW_ROWS);
  const hidden = block.rows.length - shown.length;
  return (
    <table className={styles.table} style={{ fontSize: `${block.size ?? 13}pt` }}>
      <colgroup>
        {block.columns.map((c, i) => (
          <col key={i} style={{ width: `${(c.width / total) * 100}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {block.columns.map((c, i) => (
            <th key={i} style={{ textAlign: align(i, true) }}>
              {t(c.header)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((r, i) => (
          <tr key={i}>{cells(r, false)}</tr>
        ))}
        {hidden > 0 && (
          <tr>
            <td colSpan={n} style={{ textAlign: 'center', fontStyle: 'italic' }}>
              {`… còn ${hidden.toLocaleString('vi-VN')} dòng nữa (có đủ trong tệp Word và PDF)`}
            </td>
          </tr>
        )}
      </tbody>
      {block.footer && (
        <tfoot>
          <tr>{cells(block.footer, true)}</tr>
        </tfoot>
      )}
    </table>
  );
}

function Block({ block }: { block: DocBlock }) {
  switch (block.type) {
    case 'heading': {
      // role="heading" rather than <h2>: the app's heading styles must not restyle a printed page.
      return (
        <div
          role="heading"
          aria-level={block.level + 1}
          className={`${styles.heading} ${block.level === 1 ? '' : styles.indent}`}
          style={{ fontStyle: block.level === 3 ? 'italic' : undefined }}
        >
          {words(block.text)}
        </div>
      );
    }
    case 'paragraph':
      return (
        <p
          className={`${styles.paragraph} ${block.indent === false ? '' : styles.indent}`}
          style={{ textAlign: block.align ?? 'justify', fontSize: block.size ? `${block.size}pt` : undefined }}
        >
          <Runs runs={block.runs} />
        </p>
      );
    case 'list':
      return (
        <>
          {block.items.map((item, i) => (
            <p key={i} className={styles.listItem}>
              {words(`- ${item}`)}
            </p>
          ))}
        </>
      );
    case 'table':
      return <Table block={block} />;
    case 'chart':
      return (
        <figure className={styles.chart}>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(block.svg)}`}
            alt={t(block.title)}
            style={{ width: `${block.width * 0.75}pt` }}
          />
          <figcaption>{t(block.title)}</figcaption>
        </figure>
      );
    case 'pageBreak':
      return null;
  }
}

function Blocks({ blocks }: { blocks: DocBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
    </>
  );
}

/** Elements 1–4 (and 5b for a letter); 11b above. */
function Header({ model }: { model: DocumentModel }) {
  const h = model.header;
  return (
    <>
      {model.draft && <div className={styles.draft}>DỰ THẢO</div>}
      <div className={styles.header}>
        <div className={styles.headerLeft}>
          {h.upperBody && <div>{t(h.upperBody)}</div>}
          <div style={{ fontWeight: 700 }}>{t(h.issuer)}</div>
          <div>*</div>
          {h.numberText && <div>{t(h.numberText)}</div>}
          {model.typeName === null && <div className={styles.letterSummary}>{t(model.summary)}</div>}
        </div>
        <div className={styles.headerRight}>
          <div className={styles.partyTitle}>ĐẢNG CỘNG SẢN VIỆT NAM</div>
          <div className={styles.date}>{t(placeDateLine(h.place, h.date, h.year))}</div>
        </div>
      </div>
    </>
  );
}

/** Elements 5a and the "Kính gửi" of a letter or a submission. */
function Title({ model, format }: { model: DocumentModel; format: DocumentFormat }) {
  const [first, ...rest] = model.addressees ?? [];
  return (
    <>
      {model.typeName !== null && (
        <>
          <div className={styles.typeName} style={{ fontSize: `${format.typeNameSize}pt` }}>
            {t(model.typeName)}
          </div>
          <div className={styles.summary}>{t(model.summary)}</div>
          <div className={styles.dashes}>-----</div>
        </>
      )}
      {first !== undefined && (
        <div className={styles.addressees}>
          <div>
            <i>Kính gửi: </i>
            {t(first)}
          </div>
          {rest.map((a, i) => (
            <div key={i}>{t(a)}</div>
          ))}
        </div>
      )}
    </>
  );
}

function Signature({ signature }: { signature: DocSignature }) {
  return (
    <div className={styles.signature}>
      {signature.note && <div style={{ fontStyle: 'italic' }}>{t(signature.note)}</div>}
      {signature.authority && <div style={{ fontWeight: 700 }}>{t(signature.authority)}</div>}
      <div style={{ fontWeight: 700 }}>{t(signature.title)}</div>
      <div className={styles.signatureSpace} />
      <div style={{ fontWeight: 700 }}>{t(signature.name)}</div>
    </div>
  );
}

/** Element 9; the lines end with "," and the last with "." as in print. */
function Recipients({ recipients, format }: { recipients: string[]; format: DocumentFormat }) {
  if (recipients.length === 0) return <div />;
  return (
    <div>
      <div className={styles.recipientsLabel} style={{ fontSize: `${format.recipientsSize + 2}pt` }}>
        Nơi nhận:
      </div>
      {recipients.map((r, i) => (
        <div key={i} style={{ fontSize: `${format.recipientsSize}pt` }}>
          {t(`- ${r}${i < recipients.length - 1 ? ',' : '.'}`)}
        </div>
      ))}
    </div>
  );
}

/** Elements 7 and 9: the signature on the right beside "Nơi nhận"; two signatures side by side. */
function Closing({ model, format }: { model: DocumentModel; format: DocumentFormat }) {
  const [first, second, ...extra] = model.signatures;
  if (second) {
    return (
      <>
        <div className={styles.closing}>
          <Signature signature={first!} />
          <Signature signature={second} />
        </div>
        {extra.map((s, i) => (
          <div key={i} className={styles.closing}>
            <div />
            <Signature signature={s} />
          </div>
        ))}
        {model.recipients.length > 0 && (
          <div className={styles.recipientsBelow}>
            <Recipients recipients={model.recipients} format={format} />
          </div>
        )}
      </>
    );
  }
  return (
    <div className={styles.closing}>
      <Recipients recipients={model.recipients} format={format} />
      {first ? <Signature signature={first} /> : <div />}
    </div>
  );
}

/** The body cut at its page breaks: one sheet each. */
function splitAtPageBreaks(blocks: DocBlock[]): DocBlock[][] {
  const parts: DocBlock[][] = [[]];
  for (const b of blocks) {
    if (b.type === 'pageBreak') parts.push([]);
    else parts.at(-1)!.push(b);
  }
  return parts;
}

export function DocumentPreview({ model, format = DEFAULT_DOCUMENT_FORMAT }: { model: DocumentModel; format?: DocumentFormat }) {
  const viewport = useRef<HTMLDivElement>(null);
  const sheetsRef = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  const [height, setHeight] = useState(0);

  // Fit the sheets to the box, and keep the box as tall as the scaled sheets (a transform does not
  // change the space an element takes).
  useLayoutEffect(() => {
    const box = viewport.current;
    const sheets = sheetsRef.current;
    if (!box || !sheets) return;
    const measure = () => {
      const style = getComputedStyle(box);
      const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      setScale(Math.min(1, Math.max(MIN_SCALE, inner / SHEET_WIDTH_PX)));
      setHeight(sheets.offsetHeight);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    observer.observe(sheets);
    return () => observer.disconnect();
  }, []);

  const sheetStyle = {
    padding: `${format.marginTopMm}mm ${format.marginRightMm}mm ${format.marginBottomMm}mm ${format.marginLeftMm}mm`,
    fontSize: `${format.bodySize}pt`,
  };
  const sheet = (key: string, kind: 'body' | 'annex', content: ReactNode) => (
    <div key={key} className={styles.sheet} style={sheetStyle} data-sheet={kind}>
      {content}
    </div>
  );
  const parts = splitAtPageBreaks(model.body);
  const sheets = parts.map((blocks, i) =>
    sheet(
      `body-${i}`,
      'body',
      <>
        {i === 0 && <Header model={model} />}
        {i === 0 && <Title model={model} format={format} />}
        <Blocks blocks={blocks} />
        {i === parts.length - 1 && <Closing model={model} format={format} />}
      </>,
    ),
  );
  (model.annexes ?? []).forEach((a, i) =>
    splitAtPageBreaks(a.body).forEach((blocks, j) =>
      sheets.push(
        sheet(
          `annex-${i}-${j}`,
          'annex',
          <>
            {j === 0 && (
              <div className={styles.annexTitle} style={{ marginBottom: a.subtitle ? 0 : '6pt' }}>
                {t(a.title)}
              </div>
            )}
            {j === 0 && a.subtitle && <div className={styles.annexSubtitle}>{t(a.subtitle)}</div>}
            <Blocks blocks={blocks} />
          </>,
        ),
      ),
    ),
  );

  return (
    <div ref={viewport} className={styles.viewport} aria-label={`Xem trước văn bản: ${t(model.summary)}`} role="document">
      <div className={styles.stage} style={{ width: SHEET_WIDTH_PX * scale, height: height * scale }}>
        <div ref={sheetsRef} className={styles.sheets} style={{ transform: `scale(${scale})` }}>
          {sheets}
        </div>
      </div>
    </div>
  );
}
