// Announcements in a real Chromium against a real server (issue 5 item 5): the office posts an item
// on /tin-moi with a dd/mm/yyyy date, then a member signs in and finds it on Trang chủ as
// "Tiêu đề (dd/mm)", opening it to its text. Screenshots go to test-artifacts/.
import { expect, it } from 'vitest';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { makeSmallCommittee } from '../support/factories.js';
import { describeWithBrowser, expandPanel, screenshot, useBrowserSuite, usePeople, waitForText } from '../support/browser.js';

const TITLE = 'Thành ủy quán triệt Nghị quyết Hội nghị Trung ương 6 khóa XII';
const BODY = 'Các đảng bộ, chi bộ cơ sở quán triệt đến toàn thể đảng viên trước ngày 15/12/2017.';

describeWithBrowser('announcements (Chromium)', () => {
  const suite = useBrowserSuite({
    seed: async (db) => {
      const data = await makeSmallCommittee(db);
      await setSetting(db, BUSINESS_DATE, '2017-12-05', new Date().toISOString());
      return data;
    },
  });
  const as = usePeople(suite);

  it('the office posts an item; a member sees it on the home page with its (dd/mm) date', async () => {
    await as('vanphong', '/', 'announcements-01-office-posts', async (page) => {
      // Staff reach the page from the menu.
      await page.getByRole('navigation', { name: 'Danh mục chức năng' }).getByRole('link', { name: 'Tin mới' }).click();
      await page.waitForURL(/\/tin-moi$/);
      await waitForText(page.locator('main'), 'Chưa có tin nào.');
      await page.getByRole('button', { name: /Đăng tin/ }).click();
      const dialog = page.getByRole('dialog');
      await waitForText(dialog, 'Thành ủy Hà Tĩnh'); // the one unit the office posts for, chosen already
      // Nothing typed: the form says what is missing, in Vietnamese, before any request.
      await dialog.getByRole('button', { name: 'Đăng tin', exact: true }).click();
      await waitForText(dialog, 'Nhập tiêu đề tin');
      await dialog.getByLabel('Tiêu đề').fill(TITLE);
      await dialog.getByLabel('Nội dung').fill(BODY);
      await dialog.getByLabel('Ngày đăng').fill('20/11/2017');
      await dialog.getByLabel('Ngày đăng').press('Enter');
      await dialog.getByRole('button', { name: 'Đăng tin', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      const item = page.getByTestId('announcement');
      await waitForText(item, TITLE);
      await waitForText(item, '20/11/2017');
      await waitForText(item, 'Thành ủy Hà Tĩnh');
    });

    const row = await suite.server.ctx.db.selectFrom('announcements').selectAll().executeTakeFirstOrThrow();
    expect([row.title, row.body, row.published_on, row.unit_id]).toEqual([TITLE, BODY, '2017-11-20', suite.server.data.committee.id]);

    await as('dangvien.thuy', '/', 'announcements-03-member-list', async (page) => {
      const card = page.getByTestId('announcements-card');
      await waitForText(card, `${TITLE} (20/11)`);
      await expandPanel(card.getByRole('button', { name: new RegExp(TITLE) }));
      await waitForText(card, BODY);
      await screenshot(page, 'announcements-02-member-home');
      // A member has no menu entry; the card's link takes her to the full list, where she cannot post.
      await card.getByRole('link', { name: 'Xem tất cả' }).click();
      await page.waitForURL(/\/tin-moi$/);
      await waitForText(page.getByTestId('announcement'), TITLE);
      expect(await page.getByRole('button', { name: /Đăng tin|Sửa|Gỡ/ }).count()).toBe(0);
    });
  });
});
