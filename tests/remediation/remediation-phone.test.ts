// A member files and follows her remediation plan on a 360 px phone (issue 4 item 6; design §4):
// "Khắc phục của tôi" lists her shortcoming of the year, she adds an item with a dd/mm/yyyy deadline,
// saves, files it after the decision, records progress, and opens the shortcoming's history — all
// without sideways scrolling. Then the Organization Board follows the campaign on a desktop: the
// plan is listed, and marked overdue once the business date passes its deadline. Screenshots go to
// test-artifacts/.
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import {
  confirmPopup,
  describeWithBrowser,
  loginThroughForm,
  openPage,
  PHONE,
  screenshot,
  useBrowserSuite,
  waitForText,
} from '../support/browser.js';

const NOW = '2025-01-10T08:00:00.000Z';
const TEXT = 'Còn ngại va chạm trong đấu tranh tự phê bình và phê bình';

describeWithBrowser('remediation plan on a phone (Chromium)', () => {
  const suite = useBrowserSuite();
  let f: CampaignFixture;

  beforeAll(async () => {
    const { ctx, data: tree } = suite.server;
    f = await makeCampaignFixture(ctx, { year: 2024, tree });
    await setSetting(ctx.db, BUSINESS_DATE, '2025-01-15', NOW);
    const base = { version: 1, created_at: NOW, updated_at: NOW };
    await ctx.db
      .insertInto('shortcomings')
      .values({
        ...base,
        id: newId(),
        subject_kind: 'member',
        subject_key: tree.members.thuy.id,
        unit_id: tree.cellA.id,
        member_id: tree.members.thuy.id,
        scope_path: tree.cellA.path,
        campaign_id: f.id,
        year_found: 2024,
        text: TEXT,
        cause_kind: 'subjective',
        cause: null,
        source: 'concluded_conference',
        resolved_year: null,
      })
      .execute();
    await ctx.db
      .insertInto('classifications')
      .values({
        ...base,
        id: newId(),
        campaign_id: f.id,
        subject_kind: 'member',
        subject_key: tree.members.thuy.id,
        unit_id: tree.cellA.id,
        member_id: tree.members.thuy.id,
        scope_path: tree.cellA.path,
        status: 'published',
        self_level: 'good',
        proposed_level: 'good',
        decided_level: 'good',
        decision_number: '12-QĐ/ĐU',
        decision_date: '2025-01-05',
        published_at: NOW,
        acknowledged_at: null,
      })
      .execute();
  });

  it('adds an item, files the plan, records progress and opens the history, within 360 px', async () => {
    const { page, context, errors, foreignRequests } = await openPage(suite.browser, suite.server.url, PHONE);
    const noOverflow = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    try {
      await loginThroughForm(page, 'dangvien.thuy', { from: '/' });
      await page.goto('/khac-phuc-cua-toi');
      const main = page.locator('main');
      await waitForText(main, 'Kế hoạch khắc phục của tôi');
      await waitForText(main, TEXT);
      await noOverflow();

      await page.getByRole('button', { name: 'Thêm biện pháp' }).first().click();
      await page.getByRole('textbox', { name: 'Biện pháp 1', exact: true }).fill('Chuẩn bị ý kiến góp ý trước mỗi kỳ sinh hoạt chi bộ');
      const deadline = page.getByPlaceholder('Thời hạn (dd/mm/yyyy)');
      await deadline.fill('30/06/2025');
      await deadline.press('Enter');
      await noOverflow();
      await screenshot(page, 'remediation-01-phone-plan');
      await page.getByRole('button', { name: 'Lưu' }).first().click();
      await waitForText(page.locator('body'), 'Đã lưu kế hoạch khắc phục.');

      await page.getByRole('button', { name: 'Ban hành kế hoạch' }).click();
      await confirmPopup(page, 'Ban hành');
      await waitForText(page.locator('body'), 'Đã ban hành kế hoạch khắc phục.');
      await waitForText(main, 'Ban hành ngày');

      await page.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Đã làm được gì').fill('Đã góp ý tại kỳ sinh hoạt tháng 1');
      await dialog.getByLabel('Tiến độ (%)').fill('40');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await waitForText(page.locator('body'), 'Đã cập nhật tiến độ.');
      await waitForText(main, 'Đã góp ý tại kỳ sinh hoạt tháng 1');
      await noOverflow();
      await screenshot(page, 'remediation-02-phone-progress');

      const item = await suite.server.ctx.db
        .selectFrom('remediation_items')
        .select(['status', 'progress_pct', 'deadline'])
        .executeTakeFirstOrThrow();
      expect(item).toEqual({ status: 'in_progress', progress_pct: 40, deadline: '2025-06-30' });

      await page.getByRole('link', { name: 'Quá trình qua các năm' }).click();
      await waitForText(main, 'Quá trình khắc phục qua các năm');
      await waitForText(main, 'Kế hoạch khắc phục năm 2024');
      await noOverflow();
      await screenshot(page, 'remediation-03-phone-history');
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the upper level the tracking list with the overdue mark after the deadline', async () => {
    await setSetting(suite.server.ctx.db, BUSINESS_DATE, '2025-07-15', NOW);
    const { page, context, errors, foreignRequests } = await openPage(suite.browser, suite.server.url);
    try {
      await loginThroughForm(page, 'bantochuc');
      await page.goto(`/khac-phuc/${f.id}`);
      const main = page.locator('main');
      await waitForText(main, 'Khắc phục hạn chế, khuyết điểm');
      await waitForText(main, 'Nguyễn Thị Thúy');
      await waitForText(main, '1 quá hạn');
      await waitForText(main, 'Quá hạn tính theo ngày 15/07/2025');
      await page.locator('.ant-table-row-expand-icon').first().click();
      await waitForText(main, 'Chuẩn bị ý kiến góp ý trước mỗi kỳ sinh hoạt chi bộ');
      await screenshot(page, 'remediation-04-tracking');
      await page.getByRole('link', { name: 'Nguyễn Thị Thúy' }).click();
      await waitForText(main, 'Kế hoạch khắc phục');
      expect(await page.getByRole('button', { name: 'Cập nhật tiến độ' }).count()).toBe(0);
      expect(await page.locator('[data-testid="overdue"]').count()).toBe(1);
      await screenshot(page, 'remediation-05-plan-read-only');
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
