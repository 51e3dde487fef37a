// The appraisal gate in a real Chromium against a real server (issue 3, "Done when": a browser
// test walks the gate: draft → submit → returned with findings → fix → cleared → conference
// scheduling allowed). The ward has suggested points, so the Organization Board appraises its
// dossier (regulations §3.1 bước 4; Hà Tĩnh 2017). Screenshots go to test-artifacts/.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newId } from '../../src/server/adapters/clock.js';
import type { AppContext } from '../../src/server/features/context.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import {
  chooseOption,
  confirmPopup,
  describeWithBrowser,
  loginThroughForm,
  openPage,
  screenshot,
  useBrowserSuite,
  waitForText,
  type WatchedPage,
} from '../support/browser.js';

/** The campaign over the server's small committee, made through the use cases in the server's own context. */
async function seed(ctx: AppContext, tree: CampaignFixture['tree']): Promise<CampaignFixture> {
  const { db } = ctx;
  const fx = await makeCampaignFixture(ctx, { tree });
  const now = new Date().toISOString();
  // Suggested points were issued to the ward: its dossier waits on the Board's appraisal.
  await db
    .updateTable('campaign_units')
    .set({ needs_appraisal: 1 })
    .where('campaign_id', '=', fx.id)
    .where('unit_id', '=', fx.tree.ward.id)
    .execute();
  // The reviews are written on their own pages (features/reviews); here they are already submitted.
  for (const kind of ['collective', 'leadership'] as const) {
    await db
      .insertInto('reviews')
      .values({
        id: newId(),
        campaign_id: fx.id,
        subject_kind: kind,
        subject_key: fx.tree.ward.id,
        unit_id: fx.tree.ward.id,
        member_id: null,
        scope_path: fx.tree.ward.path,
        form_meaning: kind === 'collective' ? 'collective' : 'leadership_collective',
        status: 'submitted',
        content_json: '{}',
        self_level: null,
        self_score: null,
        proxy_entered: 0,
        submitted_at: now,
        finalized_at: null,
        status_reason: null,
        updated_by: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return fx;
}

describeWithBrowser('the appraisal gate in the browser (Chromium)', () => {
  const suite = useBrowserSuite();
  let fx: CampaignFixture;
  beforeAll(async () => {
    fx = await seed(suite.server.ctx, suite.server.data);
  });
  const dossierPath = () => `/kiem-diem/${fx.id}/don-vi/${fx.tree.ward.id}`;

  /** The two people of the gate, each signed in once in a browser context of their own. */
  const people = new Map<string, WatchedPage>();
  afterAll(async () => {
    for (const p of people.values()) await p.context.close().catch(() => undefined);
  });

  /** One person's turn on the ward's dossier, freshly loaded (what the other did is on screen). */
  async function as(username: string, shot: string, body: (page: Page) => Promise<void>): Promise<void> {
    let watched = people.get(username);
    if (!watched) {
      watched = await openPage(suite.browser, suite.server.url);
      people.set(username, watched);
      await loginThroughForm(watched.page, username);
    }
    const { page, errors, foreignRequests } = watched;
    try {
      await page.goto(dossierPath());
      await waitForText(page.locator('h3'), 'Đảng bộ phường Bắc Hà');
      await body(page);
      await screenshot(page, shot);
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } catch (e) {
      await screenshot(page, `${shot}-failure`).catch(() => undefined);
      throw e;
    }
  }

  const stage = (page: Page) => page.getByTestId('dossier-stage');

  it('draft → submit → returned with findings → fix → cleared → conference scheduled', async () => {
    // The unit committee prepares and submits; the conference cannot be scheduled yet, and the page says why.
    await as('capuy.p01', 'gate-01-submitted', async (page) => {
      await waitForText(stage(page), 'Chưa bắt đầu');
      await page.getByRole('button', { name: /Bắt đầu chuẩn bị hồ sơ/ }).click();
      await waitForText(stage(page), 'Đang chuẩn bị');
      await waitForText(page.locator('main'), 'Báo cáo kiểm điểm tập thể');
      await page.getByRole('button', { name: /Nộp hồ sơ/ }).click();
      await confirmPopup(page, 'Nộp');
      await waitForText(stage(page), 'Đã nộp hồ sơ');
      await waitForText(page.getByTestId('gate-message'), 'chưa được Ban Tổ chức thẩm định đạt yêu cầu');
      expect(await page.getByRole('button', { name: /Lên lịch hội nghị/ }).isDisabled()).toBe(true);
    });

    // The Organization Board opens a round and returns the dossier with a finding on section IV.
    await as('bantochuc', 'gate-02-returned', async (page) => {
      await page.getByRole('button', { name: /Bắt đầu thẩm định/ }).click();
      await waitForText(stage(page), 'Đang thẩm định');
      await page.getByRole('button', { name: /Trả lại hồ sơ/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Lý do trả lại').fill('Chưa giải trình đủ các vấn đề được gợi ý.');
      await dialog.getByRole('button', { name: /Thêm ý kiến/ }).click();
      await chooseOption(page, dialog.getByLabel('Mục của ý kiến 1'), 'IV. Giải trình vấn đề được gợi ý kiểm điểm');
      await dialog.getByLabel('Nội dung ý kiến 1').fill('Chưa giải trình gợi ý số 2 về giải phóng mặt bằng.');
      await dialog.getByRole('button', { name: /Trả lại hồ sơ/ }).click();
      await waitForText(stage(page), 'Trả lại để bổ sung');
      await waitForText(page.getByTestId('appraisal-round-1'), 'Chưa giải trình gợi ý số 2');
    });

    // The unit committee sees the findings, takes the dossier back, fixes it (adds a file) and resubmits.
    await as('capuy.p01', 'gate-03-resubmitted', async (page) => {
      const findings = page.getByTestId('returned-findings');
      await waitForText(findings, 'Chưa giải trình đủ các vấn đề được gợi ý.');
      await waitForText(findings, 'IV. Giải trình vấn đề được gợi ý kiểm điểm');
      await waitForText(findings, 'Chưa giải trình gợi ý số 2 về giải phóng mặt bằng.');
      await page.getByRole('button', { name: /Tiếp tục chuẩn bị hồ sơ/ }).click();
      await waitForText(stage(page), 'Đang chuẩn bị');
      // The findings stay in view while the dossier is fixed.
      await waitForText(page.getByTestId('returned-findings'), 'Chưa giải trình gợi ý số 2');
      await page.locator('input[type=file]').setInputFiles({
        name: 'giai-trinh-bo-sung.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Giải trình bổ sung gợi ý số 2'),
      });
      await waitForText(page.locator('main'), 'giai-trinh-bo-sung.txt');
      await page.getByRole('button', { name: /Nộp hồ sơ/ }).click();
      await confirmPopup(page, 'Nộp');
      await waitForText(stage(page), 'Đã nộp hồ sơ');
    });

    // The Board opens round 2 and clears the dossier.
    await as('bantochuc', 'gate-04-cleared', async (page) => {
      await page.getByRole('button', { name: /Bắt đầu thẩm định/ }).click();
      await waitForText(stage(page), 'Đang thẩm định');
      await page.getByRole('button', { name: /Xác nhận thẩm định đạt/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Nhận xét kết luận (không bắt buộc)').fill('Đã bổ sung đầy đủ theo ý kiến thẩm định.');
      await dialog.getByRole('button', { name: 'Xác nhận đạt' }).click();
      await waitForText(stage(page), 'Đã thẩm định đạt');
      await waitForText(page.getByTestId('appraisal-round-2'), 'Đạt yêu cầu');
    });

    // Now the unit committee may schedule its conference.
    await as('capuy.p01', 'gate-05-scheduled', async (page) => {
      await waitForText(stage(page), 'Đã thẩm định đạt');
      expect(await page.getByTestId('gate-message').count()).toBe(0);
      const schedule = page.getByRole('button', { name: /Lên lịch hội nghị/ });
      expect(await schedule.isEnabled()).toBe(true);
      await schedule.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Ngày họp').fill('15/12/2024');
      await dialog.getByLabel('Ngày họp').press('Enter');
      await dialog.getByLabel('Giờ họp').fill('08:00');
      await dialog.getByLabel('Địa điểm').fill('Hội trường UBND phường Bắc Hà');
      await dialog.getByRole('button', { name: 'Lên lịch', exact: true }).click();
      await waitForText(stage(page), 'Đã lên lịch hội nghị');
      await waitForText(page.getByTestId('conference'), '15/12/2024 08:00, Hội trường UBND phường Bắc Hà');
    });

    const row = await suite.server.ctx.db
      .selectFrom('campaign_units')
      .select(['stage', 'appraisal_round'])
      .where('campaign_id', '=', fx.id)
      .where('unit_id', '=', fx.tree.ward.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ stage: 'conference_scheduled', appraisal_round: 2 });
    // Five turns of two people on a shared 2-core machine.
  }, 240_000);
});
