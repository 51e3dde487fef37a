// Upload limits (issue 6, web security item 5), through HTTP on both databases: every upload
// operation of the OpenAPI document refuses a body over the limit with 413 before reading it; the
// Excel imports refuse a program (.exe), a PDF renamed .xlsx and a zip bomb with a clear Vietnamese
// 4xx, without inflating the bomb into memory; attachments refuse programs whatever their name, and
// files over the limit, and keep documents. Nothing is written by a refusal.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { isExecutable } from '../../src/server/adapters/db/attachments.repository.js';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { TestClient, type ApiResponse } from '../support/http.js';
import { deflatedZeros, handZip, xlsxSkeleton } from '../imports/support.js';

const MAX_UPLOAD = 256 * 1024;
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/** The smallest thing Windows takes for a program: "MZ", the PE header's offset, "PE\0\0". */
function windowsProgram(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

function form(content: Buffer, name: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(content)]), name);
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describeEachDialect('upload limits', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;

  const count = async (table: 'files' | 'attachments' | 'audit_events' | 'members' | 'org_units' | 'member_year_facts' | 'jobs') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const snapshot = async () =>
    Promise.all((['files', 'attachments', 'audit_events', 'members', 'org_units', 'member_year_facts', 'jobs'] as const).map(count));
  /** Runs a request that must be refused, and checks that it wrote nothing. */
  async function refused(send: () => Promise<ApiResponse>): Promise<ApiResponse> {
    const before = await snapshot();
    const r = await send();
    expect(await snapshot()).toEqual(before);
    return r;
  }

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle, { maxUploadBytes: MAX_UPLOAD });
    f = await makeCampaignFixture(ctx, { year: 2024 });
    await setSetting(ctx.db, BUSINESS_DATE, '2024-11-20', new Date().toISOString());
  });
  afterAll(async () => db.drop());

  it('refuses a body over the limit with 413 on every upload operation, before authentication or parsing', async () => {
    const doc = (await TestClient.for(ctx).get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, unknown> } }>>;
    };
    const uploads = Object.entries(doc.paths).flatMap(([template, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.requestBody?.content['multipart/form-data'])
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path: template.replace(/\{(\w+)\}/g, 'khongco0000000001'),
          id: op.operationId,
        })),
    );
    expect(uploads.map((u) => u.id).sort()).toEqual(
      expect.arrayContaining([
        'members.import',
        'org-units.import',
        'year-facts.import',
        'plans.attach',
        'reviews.attach',
        'dossiers.attach',
      ]),
    );
    const admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
    const huge = Buffer.alloc(MAX_UPLOAD + 200 * 1024, 0x41);
    for (const client of [admin, TestClient.for(ctx)]) {
      for (const u of uploads) {
        const r = await refused(() => client.request(u.method, u.path, form(huge, 'lon.xlsx')));
        expect(r.status, u.id).toBe(413);
        expect(r.body.error.code, u.id).toBe('request.too_large');
        expect(r.body.error.message).toMatch(VIETNAMESE);
      }
    }
    // A JSON body too.
    const json = await refused(() =>
      admin.post('/api/announcements', { unitId: f.tree.committee.id, title: 'x'.repeat(MAX_UPLOAD + 100_000) }),
    );
    expect(json.status).toBe(413);
  });

  it('refuses a program and a PDF renamed .xlsx on every Excel import, saying it is not an Excel file', async () => {
    const admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
    const imports: [string, Record<string, string>][] = [
      ['/api/imports/members', {}],
      ['/api/imports/org-units', {}],
      ['/api/year-facts/import', { unitId: f.tree.ward.id, year: '2024' }],
    ];
    const writer = await TestClient.loggedIn(ctx, 'capuy.p01', TEST_PASSWORD);
    for (const [path, fields] of imports) {
      const c = path.startsWith('/api/year-facts') ? writer : admin;
      for (const [content, name] of [
        [windowsProgram(), 'cai-dat.exe'],
        [windowsProgram(), 'danh-sach.xlsx'],
        [PDF, 'danh-sach.xlsx'],
      ] as const) {
        const r = await refused(() => c.request('POST', path, form(content, name, fields)));
        expect(r.status, `${path} ${name}`).toBe(400);
        expect(r.body.error.code).toBe('import.invalid_file');
        expect(r.body.error.message).toContain('không phải là tệp Excel (.xlsx)');
      }
    }
  });

  it('refuses a zip bomb .xlsx without inflating it into memory', async () => {
    const admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
    // 100 MB of a worksheet's zeros deflated to about 100 KB: under the upload limit, a ratio of ~1000.
    const zeros = await deflatedZeros(100 * 1024 * 1024);
    expect(zeros.length).toBeLessThan(MAX_UPLOAD);
    const bomb = handZip([
      ...xlsxSkeleton(),
      { name: 'xl/worksheets/sheet1.xml', data: zeros, method: 8, uncompressedSize: 100 * 1024 * 1024 },
    ]);
    // One that lies about its size: it would inflate to 100 MB while declaring 4 KB.
    const liar = handZip([...xlsxSkeleton(), { name: 'xl/worksheets/sheet1.xml', data: zeros, method: 8, uncompressedSize: 4096 }]);
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    for (const path of ['/api/imports/members', '/api/imports/org-units']) {
      const r = await refused(() => admin.request('POST', path, form(bomb, 'danh-sach.xlsx')));
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('import.invalid_file');
      expect(r.body.error.message).toContain('zip bomb');
      const l = await refused(() => admin.request('POST', path, form(liar, 'danh-sach.xlsx')));
      expect(l.status).toBe(400);
      expect(l.body.error.code).toBe('import.invalid_file');
    }
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(80 * 1024 * 1024);
  });

  it('refuses a program as an attachment whatever its name, and one over the limit; keeps a document', async () => {
    const organizer = await TestClient.loggedIn(ctx, 'bantochuc', TEST_PASSWORD);
    const plan = `/api/campaigns/${f.id}/plan/attachments`;
    for (const [content, name] of [
      [windowsProgram(), 'ke-hoach.exe'],
      [windowsProgram(), 'ke-hoach.pdf'],
      [Buffer.from('@echo off\r\ndel /q C:\\*\r\n'), 'chay.bat'],
      [Buffer.from('WScript.Echo 1'), 'mo-tep.vbs'],
      [Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(100)]), 'tai-lieu.docx'],
    ] as const) {
      const r = await refused(() => organizer.request('POST', plan, form(content, name)));
      expect(r.status, name).toBe(400);
      expect(r.body.error.code).toBe('request.invalid');
      expect(r.body.error.message).toBe(
        `Tệp "${name}" là chương trình chạy được, không nhận làm tệp đính kèm. Hãy đính kèm tài liệu (PDF, Word, Excel, ảnh).`,
      );
    }
    const big = await refused(() => organizer.request('POST', plan, form(Buffer.alloc(MAX_UPLOAD + 1, 0x41), 'lon.pdf')));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('attachment.too_large');
    const ok = await organizer.request('POST', plan, form(PDF, 'ke-hoach.pdf'));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'ke-hoach.pdf', size: PDF.length });
    // Documents that merely start with "MZ" or name a program in the middle are not programs.
    expect(isExecutable('MZ-bien-ban.txt', Buffer.from('MZ là viết tắt của tên người lập biên bản'.repeat(4)))).toBe(false);
    expect(isExecutable('huong-dan.exe.pdf', PDF)).toBe(false);
    expect(isExecutable('CAI-DAT.EXE', PDF)).toBe(true);
  });
});
