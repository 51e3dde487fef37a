// Conference mode with the network cut (issue 4, "Done when": the conference screen keeps minutes
// typed while the network is cut and sends them once when it returns). In a real Chromium against
// a real server: the chi bộ secretary starts the meeting, opens conference mode and adds an entry
// from the keyboard; the network goes off (context.setOffline) and two more entries are typed —
// shown as "Chưa gửi", kept in localStorage; the network comes back while the server's entries
// endpoint still cannot be reached, and the page is reloaded: the two are still there (Chromium
// cannot reload a page with the network off — there is no service worker — so the reload happens
// with only that endpoint cut); then the first re-send reaches the server but its answer is lost,
// so the browser sends that entry a second time. The database ends with the three entries, once
// each. Screenshots go to test-artifacts/.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppContext } from '../../src/server/features/context.js';
import { makeCampaignFixture, scheduledConference, type CampaignFixture } from '../support/campaign-factories.js';
import {
  confirmPopup,
  describeWithBrowser,
  loginThroughForm,
  openPage,
  screenshot,
  useBrowserSuite,
  waitForText,
  type WatchedPage,
} from '../support/browser.js';

/** The campaign over the server's small committee, chi bộ khối phố 1 scheduled for its meeting (as conferences.schedule does). */
async function seed(ctx: AppContext, tree: CampaignFixture['tree']): Promise<{ fx: CampaignFixture; conferenceId: string }> {
  const fx = await makeCampaignFixture(ctx, { tree });
  return { fx, conferenceId: await scheduledConference(ctx, fx, tree.cellA) };
}

const TEXTS = [
  'Chi bộ đã duy trì sinh hoạt định kỳ, nhưng nội dung còn đơn điệu.',
  'Cần phân công đảng viên phụ trách hộ gia đình cụ thể hơn.',
  'Việc thu nộp đảng phí quý III còn chậm.',
];

describeWithBrowser('conference mode keeps the minutes while the network is cut (Chromium)', () => {
  const suite = useBrowserSuite();
  let conferenceId: string;
  let watched: WatchedPage | undefined;
  beforeAll(async () => {
    ({ conferenceId } = await seed(suite.server.ctx, suite.server.data));
  });
  afterAll(async () => {
    await watched?.context.close().catch(() => undefined);
  });

  const entries = (page: Page) => page.getByTestId('entry');
  async function waitForCount(page: Page, selector: string, n: number, timeout = 20_000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const count = await page.locator(selector).count();
      if (count === n) return;
      if (Date.now() > deadline) throw new Error(`Expected ${n} × ${selector}, got ${count}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** Types one criticism from the keyboard: speaker, Enter to the content, Ctrl+Enter to add it. */
  async function typeEntry(page: Page, speaker: string, text: string) {
    const speakerField = page.getByLabel('Người phát biểu', { exact: true });
    await speakerField.click();
    await speakerField.fill(speaker);
    await speakerField.press('Enter');
    // Enter moved the focus to the content: type there without clicking.
    await page.keyboard.type(text);
    expect(await page.getByLabel('Nội dung', { exact: true }).inputValue()).toBe(text);
    await page.keyboard.press('Control+Enter');
    // The form is cleared and ready for the next speaker.
    await waitForText(page.getByTestId('entry-list'), text);
    expect(await speakerField.inputValue()).toBe('');
  }

  it('types offline, survives a reload, and sends each entry exactly once', async () => {
    watched = await openPage(suite.browser, suite.server.url);
    const { page, context, errors, foreignRequests } = watched;
    try {
      await loginThroughForm(page, 'bithu.c1');

      // The secretary starts the meeting and opens conference mode.
      await page.goto(`/hoi-nghi/${conferenceId}`);
      await waitForText(page.locator('h3'), 'Hội nghị kiểm điểm – Chi bộ khối phố 1');
      await page.getByRole('button', { name: /Bắt đầu hội nghị/ }).click();
      await confirmPopup(page, 'Bắt đầu');
      await waitForText(page.getByTestId('conference-status'), 'Đang họp');
      await page.getByRole('button', { name: /Vào chế độ họp/ }).click();
      await waitForText(page.getByTestId('entry-subject'), 'Tập thể Chi bộ khối phố 1');

      // Online: the first entry is stored at once.
      await typeEntry(page, 'Đồng chí Đặng Văn Hùng', TEXTS[0]);
      await waitForCount(page, '[data-testid="entry"][data-state="sent"]', 1);
      await screenshot(page, 'conference-01-online');

      // The network goes off: the two next entries stay on this machine, marked as not sent.
      await context.setOffline(true);
      await waitForText(page.getByTestId('offline-banner'), 'Mất kết nối — nội dung vẫn được lưu trên máy này và sẽ tự gửi khi có mạng');
      await typeEntry(page, 'Đồng chí Nguyễn Thị Thúy', TEXTS[1]);
      await typeEntry(page, 'Đồng chí Hoàng Văn Bình', TEXTS[2]);
      await waitForCount(page, '[data-testid="entry"][data-state="pending"]', 2);
      await waitForText(page.getByTestId('save-status'), '2 nội dung chưa gửi lên máy chủ');
      const queued = await page.evaluate((id) => localStorage.getItem(`tusoi.hoi-nghi.${id}.chua-gui`), conferenceId);
      expect(JSON.parse(queued ?? '[]').map((q: { draft: { text: string } }) => q.draft.text)).toEqual([TEXTS[1], TEXTS[2]]);
      await screenshot(page, 'conference-02-offline');

      // The network is back but the server's entries endpoint cannot be reached yet; reload the page.
      let endpoint: 'down' | 'lose-first-answer' | 'up' = 'down';
      let delivered = 0;
      await page.route('**/api/conferences/*/entries', async (route) => {
        if (endpoint === 'down') return route.abort('internetdisconnected');
        if (endpoint === 'lose-first-answer') {
          // The request reaches the server, which stores the entry; its answer never comes back.
          endpoint = 'up';
          await route.fetch();
          delivered++;
          return route.abort('connectionreset');
        }
        delivered++;
        return route.continue();
      });
      await context.setOffline(false);
      await page.reload();
      await waitForText(page.getByTestId('entry-subject'), 'Tập thể Chi bộ khối phố 1');
      await waitForCount(page, '[data-testid="entry"]', 3);
      await waitForCount(page, '[data-testid="entry"][data-state="pending"]', 2);
      await waitForText(page.getByTestId('offline-banner'), 'Mất kết nối');
      const afterReload = (await entries(page).allTextContents()).join('\n');
      for (const t of TEXTS) expect(afterReload).toContain(t);
      await screenshot(page, 'conference-03-reloaded');

      // The endpoint comes back; the first answer is lost on the way, so that entry is sent twice.
      endpoint = 'lose-first-answer';
      await waitForCount(page, '[data-testid="entry"][data-state="sent"]', 3, 40_000);
      await waitForText(page.getByTestId('save-status'), 'Mọi nội dung đã được lưu');
      expect(await page.getByTestId('offline-banner').count()).toBe(0);
      // Two entries waited; at least three sends reached the server: one of them went twice.
      expect(delivered).toBeGreaterThanOrEqual(3);
      await screenshot(page, 'conference-04-sent');
      expect(await page.evaluate((id) => localStorage.getItem(`tusoi.hoi-nghi.${id}.chua-gui`), conferenceId)).toBeNull();

      // Exactly the three entries, once each, in the database.
      const rows = await suite.server.ctx.db
        .selectFrom('conference_entries')
        .select(['text', 'speaker', 'kind', 'subject_kind'])
        .where('conference_id', '=', conferenceId)
        .orderBy('created_at')
        .execute();
      expect(rows.map((r) => r.text)).toEqual(TEXTS);
      expect(rows.map((r) => r.speaker)).toEqual(['Đồng chí Đặng Văn Hùng', 'Đồng chí Nguyễn Thị Thúy', 'Đồng chí Hoàng Văn Bình']);
      expect(new Set(rows.map((r) => `${r.kind}/${r.subject_kind}`))).toEqual(new Set(['criticism/unit']));
      // …and one "entry added" in the audit trail for each: the second send wrote nothing.
      const added = await suite.server.ctx.db
        .selectFrom('audit_events')
        .select('entity_id')
        .where('action', '=', 'conference.entry_add')
        .execute();
      expect(added).toHaveLength(3);

      // The conference page shows the same minutes, once each.
      await page.unroute('**/api/conferences/*/entries');
      await page.getByRole('link', { name: /Xem toàn bộ biên bản/ }).click();
      await waitForText(page.getByTestId('minutes'), TEXTS[2]);
      const minutes = (await page.getByTestId('minutes').textContent()) ?? '';
      for (const t of TEXTS) expect(minutes.split(t)).toHaveLength(2);
      await screenshot(page, 'conference-05-minutes');
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } catch (e) {
      await screenshot(page, 'conference-failure').catch(() => undefined);
      throw e;
    }
  }, 240_000);
});
