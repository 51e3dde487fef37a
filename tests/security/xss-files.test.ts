// XSS and injection payloads in the main free-text fields (issue 6, web security item 4), through
// HTTP on both databases: stored as typed (NFC), answered as JSON strings, and inert in the files
// Tự soi produces — in Word (.docx) the payload is literal text of a w:t element, the XML stays well
// formed, and no field code, hyperlink or external relationship appears; in Excel (.xlsx) every cell
// holding a payload is a string cell, never a formula, "=cmd|' /C calc'!A0" included. The browser
// half is xss.browser.test.ts.
import { XMLValidator } from 'fast-xml-parser';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../src/server/adapters/clock.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { readDocx } from '../support/docx.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';
import { PAYLOADS, seedPayloads, shown, type SeededPayloads } from './xss-payloads.js';

const NOW = '2024-11-20T08:00:00.000Z';
const EXCEL_STRING = 3; // ExcelJS ValueType.String
const EXCEL_RICH_TEXT = 8; // ExcelJS ValueType.RichText

/** Every XML part of an Office file (a zip), by name. */
async function xmlParts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const parts = new Map<string, string>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (!/\.(xml|rels)$/.test(entry.fileName)) continue;
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
      parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  return parts;
}

/** Markup of the payloads that must never appear unescaped in an Office XML part (only as &lt;…). */
const INJECTED = /<\s*\/?\s*(script|img|svg|iframe|html|body)\b/i;

async function expectInertDocx(buffer: Buffer, expected: string[]): Promise<void> {
  const parts = await xmlParts(buffer);
  expect(parts.has('word/document.xml')).toBe(true);
  for (const [name, xml] of parts) {
    // Matched here rather than with toMatch, so that a failure does not print the whole part.
    expect(XMLValidator.validate(xml), name).toBe(true);
    expect(INJECTED.exec(xml)?.[0] ?? null, name).toBeNull();
    expect(/<w:fldSimple\b|<w:hyperlink\b/.exec(xml)?.[0] ?? null, name).toBeNull();
    // The only field codes are the page numbers of the header (HD 36).
    for (const m of xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)) expect(m[1]!.trim(), name).toBe('PAGE');
    // No relationship points outside the file (a link, a remote template or image).
    expect(/TargetMode="External"|Target="javascript:/i.exec(xml)?.[0] ?? null, name).toBeNull();
  }
  const doc = await readDocx(buffer);
  const text = [doc.text, ...doc.headers.map((h) => h.text)].join('\n');
  for (const payload of expected) expect(text, payload).toContain(shown(payload));
}

interface FoundCell {
  sheet: string;
  address: string;
  type: number;
  text: string;
  formula: string | undefined;
}

async function expectInertXlsx(buffer: Buffer, expected: string[]): Promise<FoundCell[]> {
  const parts = await xmlParts(buffer);
  for (const [name, xml] of parts) {
    expect(XMLValidator.validate(xml), name).toBe(true);
    // No cell of any sheet holds a formula (<f>), and no external link or DDE part exists.
    if (name.startsWith('xl/worksheets/')) expect(xml, name).not.toMatch(/<f[\s>]/);
    expect(name).not.toMatch(/externalLink|connections/);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(buffer).buffer);
  const cells: FoundCell[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const text = cell.text ?? '';
        if (expected.some((p) => text.includes(shown(p)))) {
          cells.push({ sheet: ws.name, address: cell.address, type: cell.type, text, formula: cell.formula });
        }
      }),
    ),
  );
  for (const payload of expected)
    expect(
      cells.some((c) => c.text.includes(shown(payload))),
      payload,
    ).toBe(true);
  for (const c of cells) {
    expect([EXCEL_STRING, EXCEL_RICH_TEXT], `${c.sheet}!${c.address}`).toContain(c.type);
    expect(c.formula, `${c.sheet}!${c.address}`).toBeUndefined();
  }
  return cells;
}

describeEachDialect('XSS payloads in JSON, Word and Excel', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  let seeded: SeededPayloads;
  const clients = new Map<string, TestClient>();
  const as = async (username: string) => {
    let c = clients.get(username);
    if (!c) {
      c = await TestClient.loggedIn(ctx, username, TEST_PASSWORD);
      clients.set(username, c);
    }
    return c;
  };
  const file = async (username: string, path: string) => {
    const r = await (await as(username)).get(path);
    expect(r.status, `${path}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(200);
    return Buffer.from(r.body as ArrayBuffer);
  };
  const draft = (kind: string, subjectId?: string) =>
    `/api/documents/draft/docx?kind=${kind}&campaignId=${f.id}${subjectId ? `&subjectId=${subjectId}` : ''}`;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    const clock: Clock = { now: () => NOW, nowMs: () => Date.parse(NOW) };
    ctx = contextFor(db.handle, {}, clock);
    f = await makeCampaignFixture(ctx, { year: 2024 });
    await setSetting(ctx.db, BUSINESS_DATE, '2024-11-20', NOW);
    seeded = await seedPayloads(ctx, f, as);
  });
  afterAll(async () => db.drop());

  it('stores and answers every payload as typed, in NFC', async () => {
    const m = await (await as('bantochuc')).get(`/api/members/${seeded.memberId}`);
    expect(m.body).toMatchObject({
      familyName: PAYLOADS.script,
      middleName: PAYLOADS.template,
      givenName: PAYLOADS.img,
      partyPosts: PAYLOADS.formula,
      governmentPosts: `${PAYLOADS.jsUrl} ${PAYLOADS.rtl} ${shown(PAYLOADS.nfd)}`,
    });
    expect(PAYLOADS.nfd).not.toBe(shown(PAYLOADS.nfd));
    const row = await ctx.db.selectFrom('members').select('government_posts').where('id', '=', seeded.memberId).executeTakeFirstOrThrow();
    expect(row.government_posts).toContain(shown(PAYLOADS.nfd));
    expect(row.government_posts).toContain('\u202E');
    const a = await (await as('dangvien.thuy')).get('/api/announcements');
    expect(a.status).toBe(200);
    expect(JSON.stringify(a.body)).toContain(JSON.stringify(`${PAYLOADS.script} ${PAYLOADS.img}`).slice(1, -1));
    // JSON is served as JSON, so a browser never sniffs an API answer into a page.
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('keeps the payloads literal in the Word documents: review, minutes, remediation plan, issued document', async () => {
    const name = `${PAYLOADS.script} ${PAYLOADS.template} ${PAYLOADS.img}`;
    await expectInertDocx(await file('bantochuc', draft('individual_review', seeded.memberId)), [
      name,
      PAYLOADS.svg,
      PAYLOADS.field,
      PAYLOADS.plus,
      PAYLOADS.jsUrl,
      PAYLOADS.rtl,
      PAYLOADS.nfd,
    ]);
    await expectInertDocx(await file('capuy.p01', draft('conference_minutes', seeded.conferenceId)), [
      PAYLOADS.script,
      PAYLOADS.img,
      PAYLOADS.template,
      PAYLOADS.svg,
      PAYLOADS.field,
      PAYLOADS.rtl,
      PAYLOADS.nfd,
      PAYLOADS.formula,
    ]);
    await expectInertDocx(await file('capuy.p01', draft('remediation_plan', f.tree.cellA.id)), [
      name,
      PAYLOADS.minus,
      PAYLOADS.svg,
      PAYLOADS.field,
      PAYLOADS.jsUrl,
      PAYLOADS.formula,
    ]);
    await expectInertDocx(await file('bantochuc', `/api/documents/${seeded.documentId}/docx`), [
      PAYLOADS.script,
      PAYLOADS.img,
      PAYLOADS.template,
      PAYLOADS.nfd,
      PAYLOADS.formula,
      PAYLOADS.jsUrl,
      PAYLOADS.field,
      PAYLOADS.rtl,
    ]);
  });

  it('keeps them as string cells, never formulas, in the Excel exports', async () => {
    const members = await expectInertXlsx(await file('bantochuc', `/api/members/export?unit=${f.tree.cellA.id}`), [
      PAYLOADS.script,
      PAYLOADS.img,
      PAYLOADS.formula,
      PAYLOADS.jsUrl,
      PAYLOADS.rtl,
      PAYLOADS.nfd,
    ]);
    // The formula-looking post is the whole cell, exactly as typed.
    expect(members.map((c) => c.text)).toContain(PAYLOADS.formula);
    const tracking = await expectInertXlsx(await file('capuy.p01', `/api/campaigns/${f.id}/exports/remediation-tracking`), [
      PAYLOADS.formula,
      PAYLOADS.script,
      PAYLOADS.img,
      PAYLOADS.minus,
    ]);
    expect(tracking.map((c) => c.text)).toEqual(expect.arrayContaining([PAYLOADS.formula, expect.stringMatching(/^-2\+3\+cmd/)]));
  });
});
