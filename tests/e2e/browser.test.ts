// The browser app's main path in a real Chromium against a real server (issue 2, "Done when": a
// browser test logs in, opens the tree, opens a unit, searches "thuy" and opens a member), and a
// member's own profile on a 360 px phone (issue 2 item 11). Screenshots go to test-artifacts/.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setSetting, BUSINESS_DATE } from '../../src/server/adapters/db/settings.repository.js';
import { TEST_PASSWORD, makeAccount, makeSmallCommittee } from '../support/factories.js';
import { PHONE, describeWithBrowser, loginThroughForm, openPage, screenshot, useBrowserSuite, waitForText } from '../support/browser.js';

/** From the home page: the anonymous visitor is sent to the login page. */
const login = (page: Page, username: string) => loginThroughForm(page, username, { from: '/' });

describeWithBrowser('browser app (Chromium)', () => {
  const suite = useBrowserSuite({
    seed: async (db) => {
      const data = await makeSmallCommittee(db);
      // A demo-like business date, so the banner (design §3, Setting) is on screen.
      await setSetting(db, BUSINESS_DATE, '2017-12-05', new Date().toISOString());
      // An account handed out with a one-time password (issue 2 item 6).
      await makeAccount(db, { username: 'moi.cap', mustChangePassword: true, grants: [{ role: 'office', unit: data.committee }] });
      return data;
    },
  });

  it('admin logs in, opens the tree and a unit, searches "thuy" and opens a member', async () => {
    const { page, context, errors, foreignRequests } = await openPage(suite.browser, suite.server.url);
    try {
      // A wrong password gets the server's Vietnamese message.
      await page.goto('/dang-nhap');
      await page.getByLabel('Tên đăng nhập').fill('admin');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau-1');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await waitForText(page.getByRole('alert'), 'Tên đăng nhập hoặc mật khẩu không đúng.');
      await screenshot(page, 'e2e-01-login-wrong-password');

      await login(page, 'admin');
      await waitForText(page.getByTestId('committee-name'), 'Thành ủy Hà Tĩnh');
      await waitForText(page.locator('body'), 'Ngày làm việc của hệ thống đang đặt là 05/12/2017 (dữ liệu minh họa)');
      await waitForText(page.locator('main'), 'Xin chào, admin');
      const nav = page.getByRole('navigation', { name: 'Danh mục chức năng' });
      for (const entry of ['Trang chủ', 'Tổ chức đảng', 'Đảng viên', 'Quản trị']) await waitForText(nav, entry);
      await screenshot(page, 'e2e-02-home-admin');

      // The tree: roots first, children loaded when a branch opens.
      await nav.getByRole('link', { name: 'Tổ chức đảng' }).click();
      await page.waitForURL(/\/to-chuc$/);
      const rootNode = page.locator('.ant-tree-treenode', { hasText: 'Thành ủy Hà Tĩnh' });
      await rootNode.waitFor();
      await rootNode.locator('.ant-tree-switcher').click();
      const wardNode = page.locator('.ant-tree-treenode', { hasText: 'Đảng bộ phường Bắc Hà' });
      await wardNode.waitFor();
      await waitForText(page.locator('.ant-tree'), 'Chi bộ Trường THPT Phan Đình Phùng');
      await screenshot(page, 'e2e-03-tree');

      // Units are found by name, diacritics ignored.
      await page.getByLabel('Tìm tổ chức đảng').fill('bac ha');
      await page.getByLabel('Tìm tổ chức đảng').press('Enter');
      const results = page.locator('.ant-table');
      await waitForText(results, 'Đảng bộ phường Bắc Hà');
      expect(await results.textContent()).not.toContain('Chi bộ Trường THPT');
      await page.getByLabel('Tìm tổ chức đảng').fill('');

      // A unit's page: breadcrumb, details, counts by status, sub-units.
      await page.locator('.ant-tree-treenode', { hasText: 'Đảng bộ phường Bắc Hà' }).locator('.ant-tree-title').click();
      await page.waitForURL(new RegExp(`/to-chuc/${suite.server.data.ward.id}$`));
      await waitForText(page.locator('h3'), 'Đảng bộ phường Bắc Hà');
      await waitForText(page.locator('.ant-breadcrumb'), 'Thành ủy Hà Tĩnh');
      await waitForText(page.locator('main'), 'P01');
      await waitForText(page.locator('main'), 'Đảng viên theo trạng thái');
      const subUnits = page.getByRole('tabpanel', { name: /Đơn vị trực thuộc/ });
      await waitForText(subUnits, 'Chi bộ khối phố 1');
      await waitForText(subUnits, 'Chi bộ khối phố 2');
      // The admin may write the tree: the actions are shown (design §4).
      for (const action of ['Sửa', 'Thêm đơn vị trực thuộc', 'Hợp nhất', 'Xuất Excel', 'Lịch sử']) {
        // The name of a button with an icon starts with the icon's label ("edit Sửa").
        expect(await page.getByRole('button', { name: new RegExp(`(^|\\s)${action}$`) }).count(), action).toBe(1);
      }
      await page.getByRole('tab', { name: /Đảng viên/ }).click();
      await waitForText(page.getByRole('tabpanel', { name: /Đảng viên/ }), 'Nguyễn Thị Thúy');
      await screenshot(page, 'e2e-04-unit');

      // Members: search ignores diacritics and case.
      await nav.getByRole('link', { name: 'Đảng viên' }).click();
      await page.waitForURL(/\/dang-vien$/);
      const table = page.locator('.ant-table');
      await waitForText(table, 'Trần Thị Lan'); // the unfiltered list first
      const searched = page.waitForResponse((r) => r.url().includes('/api/members?') && r.url().includes('q=thuy'));
      await page.getByLabel('Tìm đảng viên').fill('thuy');
      await page.getByLabel('Tìm đảng viên').press('Enter');
      expect((await searched).status()).toBe(200);
      await page.waitForURL(/q=thuy/);
      // The previous page stays on screen while the search runs: wait until it is replaced.
      await table.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      const rows = await table.locator('tbody tr.ant-table-row').allTextContents();
      expect(rows).toHaveLength(2);
      expect(rows.join(' ')).toContain('Nguyễn Thị Thúy');
      expect(rows.join(' ')).toContain('Lê Thủy');
      expect(rows.join(' ')).not.toContain('Trần Thị Lan');
      await screenshot(page, 'e2e-05-member-search');

      // The member's page: name, dd/mm/yyyy dates, histories.
      await table.getByRole('link', { name: 'Nguyễn Thị Thúy' }).click();
      await page.waitForURL(new RegExp(`/dang-vien/${suite.server.data.members.thuy.id}$`));
      await waitForText(page.locator('h3'), 'Nguyễn Thị Thúy');
      const profile = page.locator('main');
      await waitForText(profile, '01/05/1980'); // birth date of the factory
      await waitForText(profile, '01/03/2006'); // official date
      await waitForText(profile, 'Chi bộ khối phố 1');
      await waitForText(profile, 'Quá trình sinh hoạt đảng');
      await waitForText(page.locator('.ant-breadcrumb'), 'Đảng bộ phường Bắc Hà');
      await screenshot(page, 'e2e-06-member');

      // A Vietnamese 404 inside the app.
      await page.goto('/khong-co-trang-nay');
      await waitForText(page.locator('main'), 'Không tìm thấy trang');

      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } catch (e) {
      await screenshot(page, 'e2e-failure-admin').catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  });

  it('a member on a 360 px phone sees their own profile and nothing of the office screens', async () => {
    const { page, context, errors, foreignRequests, requests } = await openPage(suite.browser, suite.server.url, PHONE);
    try {
      await login(page, 'dangvien.thuy');
      await waitForText(page.getByTestId('committee-name'), 'Thành ủy Hà Tĩnh');
      await waitForText(page.locator('main'), 'Xin chào, dangvien.thuy');
      await waitForText(page.locator('main'), 'Hồ sơ của tôi');
      await screenshot(page, 'e2e-07-phone-home');

      // The sidebar is a drawer on a phone, with only what a member may open (design §4).
      await page.getByRole('button', { name: 'Mở danh mục' }).click();
      const nav = page.getByRole('navigation', { name: 'Danh mục chức năng' });
      await waitForText(nav, 'Hồ sơ của tôi');
      const menu = (await nav.textContent()) ?? '';
      expect(menu).toContain('Trang chủ');
      for (const hidden of ['Tổ chức đảng', 'Đảng viên', 'Quản trị', 'Kiểm điểm']) expect(menu).not.toContain(hidden);
      await screenshot(page, 'e2e-08-phone-menu');
      await nav.getByRole('link', { name: 'Hồ sơ của tôi' }).click();

      await page.waitForURL(/\/ho-so-cua-toi$/);
      await waitForText(page.locator('h3'), 'Nguyễn Thị Thúy');
      await waitForText(page.locator('main'), '01/05/1980');
      await waitForText(page.locator('main'), 'Chi bộ khối phố 1');
      // No action buttons for a member on their own profile.
      expect(await page.getByRole('button', { name: /(^|\s)(Sửa|Chuyển sinh hoạt|Đổi trạng thái|Lịch sử)$/ }).count()).toBe(0);
      // Nothing is wider than the phone.
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await screenshot(page, 'e2e-09-phone-profile');

      // Pages are split per route: the phone never downloaded the office screens.
      const officeChunks = requests.filter((u) =>
        /\/assets\/(OrgTreePage|UnitPage|MembersPage|AccountsPage|AuditPage|ImportPage)-/.test(u),
      );
      expect(officeChunks).toEqual([]);
      expect(requests.some((u) => /\/assets\/MemberPage-/.test(u))).toBe(true);

      // Office screens opened by their address are refused before any request.
      await page.goto('/to-chuc');
      await waitForText(page.locator('main'), 'Không có quyền truy cập');

      // Another member's page is refused with a Vietnamese message, and shows nothing of them.
      await page.goto(`/dang-vien/${suite.server.data.members.lan.id}`);
      await waitForText(page.locator('main'), 'Không');
      const refused = (await page.locator('main').textContent()) ?? '';
      expect(refused).toMatch(/Không (tìm thấy|có quyền)/);
      expect(refused).not.toContain('Trần Thị Lan');

      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } catch (e) {
      await screenshot(page, 'e2e-failure-phone').catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  });

  it('an account with a one-time password must change it before anything else', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    try {
      await login(page, 'moi.cap');
      await page.waitForURL(/\/doi-mat-khau$/);
      await waitForText(page.locator('body'), 'Đổi mật khẩu lần đầu');
      // Every other page sends the user back here.
      await page.goto('/dang-vien');
      await page.waitForURL(/\/doi-mat-khau$/);
      await page.getByLabel('Mật khẩu hiện tại').fill(TEST_PASSWORD);
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan1');
      await page.getByLabel('Nhập lại mật khẩu mới').fill('ngan1');
      await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
      // The shared contract's rule, in Vietnamese, before anything is sent.
      await waitForText(page.locator('form'), 'Mật khẩu phải có ít nhất 8 ký tự');
      await screenshot(page, 'e2e-10-forced-password');
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill('matkhaumoi9');
      await page.getByLabel('Nhập lại mật khẩu mới').fill('matkhaumoi9');
      // A POST with the session's CSRF token.
      await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
      await page.waitForURL((u) => u.pathname === '/');
      await waitForText(page.locator('main'), 'Xin chào, moi.cap');
      await page.goto('/dang-vien');
      await waitForText(page.locator('.ant-table'), 'Nguyễn Thị Thúy');
      expect(errors).toEqual([]);
    } catch (e) {
      await screenshot(page, 'e2e-failure-forced').catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  });
});
