// Báo cáo in a real Chromium against a real server (issue 5, "Done when": a browser test downloads
// the summary report and a list). The committee's office opens the campaign's reports: the
// dashboards draw their charts; the summary report is previewed in the party format, downloaded as
// Word (read back here), issued with the register's first BC number and found again in the
// register; an Excel list is downloaded and read back. Screenshots go to test-artifacts/.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { describeWithBrowser, useBrowserSuite, usePeople, waitForText } from '../support/browser.js';
import { paragraph, readDocx } from '../support/docx.js';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [dl] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()])) as [Download, void];
  const file = await dl.path();
  return { name: dl.suggestedFilename(), body: fs.readFileSync(file) };
}

describeWithBrowser('reports: dashboards, the summary report and an Excel list (Chromium)', () => {
  const suite = useBrowserSuite();
  let f: CampaignFixture;

  beforeAll(async () => {
    f = await makeCampaignFixture(suite.server.ctx, { tree: suite.server.data });
  });
  const as = usePeople(suite);

  it('previews, downloads and issues the summary report, then finds it in the register and downloads a list', async () => {
    await as('vanphong', '/bao-cao', 'reports-01-dashboard', async (page) => {
      await page
        .getByRole('link', { name: /Kiểm điểm, đánh giá, xếp loại/ })
        .first()
        .click();
      await waitForText(page.locator('main'), 'Báo cáo:');
      // The dashboards draw their charts (ECharts) on the overview tab.
      await page.locator('[data-chart] svg, [data-chart] canvas').first().waitFor({ timeout: 30_000 });
    });

    await as('vanphong', `/bao-cao/${f.id}?tab=van-ban`, 'reports-02-summary-preview', async (page) => {
      const preview = page.getByTestId('document-preview');
      await waitForText(preview, 'ĐẢNG CỘNG SẢN VIỆT NAM');
      await waitForText(preview, 'BÁO CÁO');
      await waitForText(preview, 'THÀNH ỦY HÀ TĨNH');

      const word = await download(page, () => page.getByRole('button', { name: /Tải Word/ }).click());
      expect(word.name).toMatch(/\.docx$/);
      const doc = await readDocx(word.body);
      expect(paragraph(doc, 'BÁO CÁO')!.runs[0]).toMatchObject({ bold: true, size: 16 });
      expect(paragraph(doc, 'DỰ THẢO')).toBeDefined();
      expect(doc.text).toContain('kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2024');

      await page.getByRole('button', { name: /Ban hành/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Họ và tên người ký').fill('Trần Tú Anh');
      await dialog.getByRole('button', { name: 'Ban hành và lấy số' }).click();
      await waitForText(page.locator('body'), 'Đã ban hành văn bản Số 1-BC/TU.');
    });

    await as('vanphong', `/bao-cao/${f.id}?tab=so-van-ban`, 'reports-03-register', async (page) => {
      const table = page.locator('.ant-table');
      await waitForText(table, 'Số 1-BC/TU');
      await waitForText(table, 'Trần Tú Anh');
      await table.getByRole('button', { name: /Xem/ }).first().click();
      const dialog = page.getByRole('dialog');
      await waitForText(dialog, 'Số 1-BC/TU');
      await waitForText(dialog, 'Trần Tú Anh');
      const pdf = await download(page, async () => {
        await page.keyboard.press('Escape');
        await table.getByRole('button', { name: /PDF/ }).first().click();
      });
      expect(pdf.name).toMatch(/\.pdf$/);
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    });

    await as('vanphong', `/bao-cao/${f.id}?tab=excel`, 'reports-04-excel', async (page) => {
      const list = await download(page, () =>
        page
          .getByRole('button', { name: /Tải về/ })
          .first()
          .click(),
      );
      expect(list.name).toMatch(/\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(list.body as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      const cells: string[] = [];
      sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
      expect(cells.join(' | ')).toMatch(/Họ và tên|Tổ chức đảng|STT/);
      expect(cells.join(' | ')).toContain('THÀNH ỦY HÀ TĨNH');
    });
  });
});
