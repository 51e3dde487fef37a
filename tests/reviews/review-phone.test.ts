// A member writes her self-review on a 360 px phone (issue 3 item 6): the review opens pre-filled
// from last year's open shortcoming and the suggested points, fits the screen without sideways
// scrolling, saves itself a moment after typing ("Đã lưu lúc hh:mm"), and keeps the text after a
// reload; submitting with a suggested point unanswered is refused with the server's message.
// Screenshots go to test-artifacts/.
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import {
  PHONE,
  describeWithBrowser,
  loginThroughForm,
  openPage,
  screenshot,
  useBrowserSuite,
  waitForText,
  submitDialog,
} from '../support/browser.js';

const NOW = '2024-11-20T08:00:00.000Z';

describeWithBrowser('self-review on a phone (Chromium)', () => {
  const suite = useBrowserSuite();
  let f: CampaignFixture;

  beforeAll(async () => {
    const { ctx, data: tree } = suite.server;
    f = await makeCampaignFixture(ctx, { year: 2024, tree });
    await ctx.db
      .insertInto('shortcomings')
      .values({
        id: newId(),
        subject_kind: 'member',
        subject_key: tree.members.thuy.id,
        unit_id: tree.cellA.id,
        member_id: tree.members.thuy.id,
        scope_path: tree.cellA.path,
        campaign_id: null,
        year_found: 2023,
        text: 'Chưa thường xuyên tham gia sinh hoạt ở nơi cư trú',
        cause_kind: 'subjective',
        cause: null,
        source: 'concluded_conference',
        resolved_year: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    const suggestionId = newId();
    await ctx.db
      .insertInto('suggestions')
      .values({
        id: suggestionId,
        campaign_id: f.id,
        target_kind: 'member',
        unit_id: tree.cellA.id,
        member_id: tree.members.thuy.id,
        scope_path: tree.cellA.path,
        title: 'Gợi ý kiểm điểm',
        status: 'issued',
        issued_at: NOW,
        created_by: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await ctx.db
      .insertInto('suggestion_items')
      .values([
        { id: newId(), suggestion_id: suggestionId, position: 1, text: 'Làm rõ việc chậm triển khai nghị quyết của chi bộ' },
        { id: newId(), suggestion_id: suggestionId, position: 2, text: 'Trách nhiệm trong công tác vận động quần chúng' },
      ])
      .execute();
  });

  it('opens pre-filled, fits 360 px, saves itself and refuses an incomplete submit', async () => {
    const { page, context, errors, foreignRequests } = await openPage(suite.browser, suite.server.url, PHONE);
    try {
      await loginThroughForm(page, 'dangvien.thuy', { from: '/' });
      await page.goto('/ban-kiem-diem-cua-toi');
      const main = page.locator('main');
      await waitForText(main, 'Bản kiểm điểm năm 2024');
      await waitForText(main, 'Chưa thường xuyên tham gia sinh hoạt ở nơi cư trú');
      await waitForText(main, 'Làm rõ việc chậm triển khai nghị quyết của chi bộ');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'reviews-01-phone-prefilled');

      const answer = page.getByRole('textbox', { name: '1. Làm rõ việc chậm triển khai nghị quyết của chi bộ' });
      await answer.fill('Do chủ quan, chưa sắp xếp thời gian hợp lý');
      await waitForText(main, 'Đã lưu lúc', 8000);
      await screenshot(page, 'reviews-02-phone-saved');

      await page.reload();
      await waitForText(main, 'Bản kiểm điểm năm 2024');
      expect(await page.getByRole('textbox', { name: '1. Làm rõ việc chậm triển khai nghị quyết của chi bộ' }).inputValue()).toBe(
        'Do chủ quan, chưa sắp xếp thời gian hợp lý',
      );

      await page.getByRole('button', { name: 'Nộp' }).first().click();
      await submitDialog(page, 'Nộp');
      await waitForText(main, 'chưa giải trình');
      await screenshot(page, 'reviews-03-phone-refused');
      const status = await suite.server.ctx.db
        .selectFrom('reviews')
        .select('status')
        .where('subject_key', '=', f.tree.members.thuy.id)
        .executeTakeFirstOrThrow();
      expect(status.status).toBe('draft');
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
