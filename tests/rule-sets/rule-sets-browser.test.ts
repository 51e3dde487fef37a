// The rule-set pages in Chromium (issue 3 item 1): the table of periods, then one period with its
// levels, forms by meaning (the 2025 letters 2A / 2B / 2C), the 27 manifestations and the
// configurable items tagged "Mặc định" and "Chưa xác nhận". Screenshots go to test-artifacts/.
import { expect, it } from 'vitest';
import {
  describeWithBrowser,
  expandPanel,
  loginThroughForm,
  openPage,
  screenshot,
  useBrowserSuite,
  waitForText,
} from '../support/browser.js';

describeWithBrowser('rule-set pages (Chromium)', () => {
  const suite = useBrowserSuite();

  it('staff open the list of periods and read the 2025 rule set', async () => {
    const { page, context, errors, foreignRequests } = await openPage(suite.browser, suite.server.url);
    try {
      await loginThroughForm(page, 'bantochuc');
      await page.goto('/quan-tri/bo-quy-dinh');
      const table = page.locator('.ant-table');
      await waitForText(table, 'HD 43-HD/BTCTW');
      for (const text of [
        '2008 – 2017',
        'Năm 2018',
        '2019 – 2022',
        '2023 – 2024',
        'Từ năm 2025',
        'Thang điểm 100',
        'Cấp độ',
        'Định tính',
      ]) {
        await waitForText(table, text);
      }
      await screenshot(page, 'rule-sets-01-list');

      await page.getByRole('link', { name: /QĐ 366-QĐ\/TW/ }).click();
      await page.waitForURL(/\/quan-tri\/bo-quy-dinh\/hd43-2025$/);
      const main = page.locator('main');
      await waitForText(main, 'Nhóm I (tiêu chí chung) 30 điểm + nhóm II (kết quả thực hiện nhiệm vụ) 70 điểm');
      await waitForText(main, 'Hoàn thành xuất sắc nhiệm vụ');
      await waitForText(main, 'Từ 90');

      await expandPanel(page.getByRole('button', { name: /Đối tượng kiểm điểm, xếp loại/ }));
      await waitForText(main, 'Mới kết nạp chưa đủ 6 tháng');
      await waitForText(main, 'Không kiểm điểm');

      await expandPanel(page.getByRole('button', { name: /Biểu mẫu kiểm điểm theo đối tượng/ }));
      await waitForText(main, 'Mẫu 2A');
      await waitForText(main, 'Mẫu 2B');
      await waitForText(main, 'Mẫu 2C');
      await expandPanel(page.getByRole('button', { name: /Cá nhân giữ chức vụ lãnh đạo, quản lý/ }));
      await waitForText(main, 'Mẫu 2A (02A-HD KĐ.ĐG 2025)');
      await waitForText(main, 'Tối đa 70 điểm');

      await expandPanel(page.getByRole('button', { name: /27 biểu hiện/ }));
      await waitForText(main, 'Suy thoái về đạo đức, lối sống');
      await waitForText(main, 'C9');

      await expandPanel(page.getByRole('button', { name: /Nội dung cấp ủy có thể điều chỉnh/ }));
      await waitForText(main, 'Mặc định');
      await waitForText(main, 'Chưa xác nhận');
      await waitForText(main, '31/12 của năm đánh giá');
      await screenshot(page, 'rule-sets-02-hd43');

      // HD 25: the same meaning, the other letters.
      await page.goto('/quan-tri/bo-quy-dinh/hd25-2023');
      await expandPanel(page.getByRole('button', { name: /Biểu mẫu kiểm điểm theo đối tượng/ }));
      await expandPanel(page.getByRole('button', { name: /Cá nhân không giữ chức vụ lãnh đạo, quản lý/ }));
      await waitForText(main, 'Mẫu 02A-HD KĐ.ĐG 2023');
      await waitForText(main, 'Tự đánh giá cấp độ');
      await screenshot(page, 'rule-sets-03-hd25-forms');

      // An unknown id gets the Vietnamese 404.
      await page.goto('/quan-tri/bo-quy-dinh/hd99-2030');
      await waitForText(main, 'Không tìm thấy bộ quy định.');

      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } catch (e) {
      await screenshot(page, 'rule-sets-failure').catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  });
});
