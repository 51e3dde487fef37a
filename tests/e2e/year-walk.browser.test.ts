// The year after the gate, end to end in a real Chromium against a real server (issue 4, "Done
// when": conference → votes → a quota violation shown → fixed → decided → published → the member
// sees and acknowledges it → a remediation item → the next year's review shows it as carry-over).
// The 2024 campaign (QĐ 124 + HD 25: HTXS ≤ 20 % of HTT per grassroots unit) over the small
// committee: chi bộ khối phố 1 (Thúy, Hùng) holds its meeting in the browser; chi bộ khối phố 2 has
// already voted Lan at HTT. Screenshots go to test-artifacts/.
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadPrincipal } from '../../src/server/adapters/auth/principal.repository.js';
import { createCampaign } from '../../src/server/features/campaigns/create-campaign.js';
import { snapshotPopulation } from '../../src/server/features/campaigns/snapshot-population.js';
import { propose } from '../../src/server/features/classification/propose.js';
import { makeCampaignFixture, scheduledConference, type CampaignFixture } from '../support/campaign-factories.js';
import {
  chooseOption,
  confirmPopup,
  describeWithBrowser,
  useBrowserSuite,
  usePeople,
  waitForText,
  submitDialog,
} from '../support/browser.js';
import { heldConference, seedTally } from '../classification/seed.js';

const CONCLUSION = 'Chưa chủ động nắm bắt tình hình an ninh trật tự ở khu dân cư được phân công phụ trách.';
const ACTION = 'Mỗi tháng đi cơ sở ít nhất hai buổi, báo cáo chi ủy tình hình khu dân cư';

describeWithBrowser('a review year after the gate, end to end (Chromium)', () => {
  const suite = useBrowserSuite();
  let fx: CampaignFixture;
  let conferenceId: string;

  beforeAll(async () => {
    const { ctx } = suite.server;
    const tree = suite.server.data;
    fx = await makeCampaignFixture(ctx, { tree });
    // Chi bộ khối phố 1 has passed the gate: its meeting is scheduled (as conferences.schedule does).
    conferenceId = await scheduledConference(ctx, fx, tree.cellA);
    // Chi bộ khối phố 2 met earlier: Lan at HTT by its vote, proposed by the ward's committee.
    const cellB = await heldConference(ctx, fx, tree.cellB);
    await seedTally(ctx, fx, cellB, tree.cellB, tree.members.lan.id, 'good');
    const committee = await loadPrincipal(ctx.db, tree.accounts.unitCommittee.id);
    await propose(ctx, committee, fx.id, {
      unitId: tree.ward.id,
      items: [{ subjectKind: 'member', subjectKey: tree.members.lan.id, version: 0 }],
    });
  });
  const as = usePeople(suite);

  /** Fills one member's tally in conference mode: every present official member voted for `levelShort`. */
  async function tally(page: Page, levelShort: string) {
    const form = page.getByTestId('tally-form');
    await form.getByLabel('Số có mặt').fill('2');
    await form.getByLabel('Số phiếu hợp lệ').fill('2');
    await form.getByLabel('Số phiếu không hợp lệ').fill('0');
    for (const short of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'])
      await form.getByLabel(`Phiếu «${short}»`).fill(short === levelShort ? '2' : '0');
    await waitForText(form, `Mức đề xuất: ${levelShort === 'HTTNV' ? 'Hoàn thành tốt' : 'Hoàn thành xuất sắc'} nhiệm vụ (${levelShort})`);
    await form.getByRole('button', { name: 'Lưu kết quả biểu quyết' }).click();
    await waitForText(form, 'Đã lưu: mức đề xuất');
  }

  it('conference → votes → quota violation → fixed → decided → published → acknowledged → remediation → next year’s carry-over', async () => {
    // 1. The chi bộ's secretary holds the meeting in conference mode.
    await as('bithu.c1', `/hoi-nghi/${conferenceId}`, 'walk-01-conference', async (page) => {
      await page.getByRole('button', { name: /Bắt đầu hội nghị/ }).click();
      await confirmPopup(page, 'Bắt đầu');
      await waitForText(page.getByTestId('conference-status'), 'Đang họp');
      await page.getByRole('button', { name: /Vào chế độ họp/ }).click();
      await waitForText(page.getByTestId('entry-subject'), 'Tập thể Chi bộ khối phố 1');

      await page.getByRole('tab', { name: 'Điểm danh' }).click();
      await page.getByRole('button', { name: /Đánh dấu có mặt cho 2 đồng chí/ }).click();
      await waitForText(page.getByTestId('quorum-short'), 'Có mặt 2/2');
      await page.getByRole('tab', { name: 'Phần chung' }).click();
      await page.getByLabel('Người chủ trì').fill('Đồng chí Đặng Văn Hùng');
      await page.getByLabel('Thư ký hội nghị').fill('Đồng chí Nguyễn Thị Thúy');
      await page.getByRole('button', { name: /Lưu thông tin chung/ }).click();
      await waitForText(page.locator('body'), 'Đã lưu');

      // The collective first: a criticism with its reply, then on to the members.
      await page.getByLabel('Người phát biểu', { exact: true }).fill('Đồng chí Nguyễn Thị Thúy');
      await page.getByLabel('Nội dung', { exact: true }).fill('Sinh hoạt chi bộ còn đơn điệu, chưa sát tình hình khu dân cư.');
      await page.keyboard.press('Control+Enter');
      await waitForText(page.getByTestId('entry-list'), 'Sinh hoạt chi bộ còn đơn điệu');
      await page.getByRole('button', { name: /Xong phần này, chuyển tiếp/ }).click();

      // Then each member in the enforced order (roster order here: Hùng, then Thúy).
      await waitForText(page.getByTestId('entry-subject'), 'Đặng Văn Hùng');
      await page.getByRole('tab', { name: 'Biểu quyết' }).click();
      await tally(page, 'HTTNV');
      await page.getByRole('button', { name: /Xong phần này, chuyển tiếp/ }).click();

      await waitForText(page.getByTestId('entry-subject'), 'Nguyễn Thị Thúy');
      await chooseOption(page, page.locator('#entry-kind'), 'Kết luận hạn chế, khuyết điểm');
      await page.getByLabel('Hạn chế, khuyết điểm hội nghị chỉ ra').fill(CONCLUSION);
      await page.keyboard.press('Control+Enter');
      await waitForText(page.getByTestId('entry-list'), CONCLUSION);
      await tally(page, 'HTXSNV');
      await page.getByRole('button', { name: /Xong phần này, chuyển tiếp/ }).click();

      // Close from the conference page: minutes, quorum and the agenda are all there.
      await page.goto(`/hoi-nghi/${conferenceId}`);
      await page.getByRole('button', { name: /Kết thúc hội nghị/ }).click();
      await confirmPopup(page, 'Kết thúc');
      await waitForText(page.getByTestId('conference-status'), 'Đã kết thúc');
    });

    // 2. The ward's committee proposes from the tallies, sees the quota broken, fixes it, decides and publishes.
    const boardPath = `/xep-loai/${fx.id}/don-vi/${fx.tree.ward.id}`;
    await as('capuy.p01', boardPath, 'walk-02-board', async (page) => {
      for (const name of ['Đặng Văn Hùng', 'Nguyễn Thị Thúy'])
        await page
          .getByRole('row', { name: new RegExp(name) })
          .getByRole('checkbox')
          .check();
      await page.getByRole('button', { name: /Đề xuất mức \(2\)/ }).click();
      await submitDialog(page, 'Ghi đề xuất');
      await waitForText(page.locator('body'), 'Đã đề xuất mức xếp loại cho 2 đối tượng', 30_000);
      const quota = page.getByTestId(`quota-${fx.tree.ward.id}`);
      // 2 HTT (Hùng, Lan) × 20 % = 0,4 → no HTXS allowed; Thúy proposed at HTXS.
      await waitForText(quota, 'Vượt tỷ lệ');
      await waitForText(quota, '2 đảng viên HTTNV × 20 % = 0,4 → tối đa 0 HTXSNV');

      await chooseOption(page, page.getByLabel('Thử mức cho Nguyễn Thị Thúy'), 'HTTNV');
      await waitForText(quota, 'Trong tỷ lệ');
      await page.getByRole('button', { name: 'Chọn tất cả có thể quyết định' }).click();
      await page.getByRole('button', { name: /Quyết định xếp loại \(3\)/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số quyết định').fill('31-QĐ/ĐU');
      await dialog.getByRole('button', { name: 'Ban hành quyết định' }).click();
      await waitForText(page.getByTestId('decisions'), '31-QĐ/ĐU');
      await page.getByTestId('decisions').getByRole('button', { name: 'Công bố' }).click();
      await confirmPopup(page, 'Công bố');
      await waitForText(page.getByTestId('decisions'), 'Đã công bố');
    });

    // 3. Thúy sees her published result and acknowledges it.
    await as('dangvien.thuy', '/ket-qua-xep-loai-cua-toi', 'walk-03-result', async (page) => {
      const card = page.getByTestId(`my-result-${fx.year}`);
      await waitForText(card, 'Hoàn thành tốt nhiệm vụ');
      await waitForText(card, '31-QĐ/ĐU');
      await card.getByRole('button', { name: 'Tôi đã biết kết quả' }).click();
      await waitForText(card, 'Đã xác nhận biết');
    });

    // 4. She files her remediation plan: one item against what the conference pointed out.
    await as('dangvien.thuy', '/khac-phuc-cua-toi', 'walk-04-remediation', async (page) => {
      await waitForText(page.locator('main'), CONCLUSION);
      await page.getByRole('button', { name: 'Thêm biện pháp' }).first().click();
      await page.getByRole('textbox', { name: 'Biện pháp 1', exact: true }).fill(ACTION);
      const deadline = page.getByPlaceholder('Thời hạn (dd/mm/yyyy)');
      await deadline.fill('30/06/2025');
      await deadline.press('Enter');
      await page.getByRole('button', { name: 'Lưu' }).first().click();
      await waitForText(page.locator('body'), 'Đã lưu kế hoạch khắc phục.');
      await page.getByRole('button', { name: 'Ban hành kế hoạch' }).click();
      await confirmPopup(page, 'Ban hành');
      await waitForText(page.locator('body'), 'Đã ban hành kế hoạch khắc phục.');
    });

    // 5. The next year's campaign: her 2025 review carries the shortcoming over, with her item.
    const { ctx } = suite.server;
    const organizer = await loadPrincipal(ctx.db, fx.accounts.organizer.id);
    const next = await createCampaign(ctx, organizer, { ownerUnitId: fx.tree.committee.id, reviewYear: 2025, config: {}, milestones: [] });
    await snapshotPopulation(ctx, organizer, next.id);
    await as(
      'dangvien.thuy',
      `/kiem-diem/${next.id}/ban-kiem-diem/member/${fx.tree.members.thuy.id}`,
      'walk-05-carry-over',
      async (page) => {
        await waitForText(page.locator('main'), CONCLUSION);
        const items = page.getByTestId('carry-remediation-1');
        await waitForText(items, ACTION);
        await waitForText(items, 'Chưa thực hiện');
      },
    );

    const thuy = await ctx.db
      .selectFrom('classifications')
      .select(['decided_level', 'status', 'acknowledged_at'])
      .where('campaign_id', '=', fx.id)
      .where('subject_key', '=', fx.tree.members.thuy.id)
      .where('annulled_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(thuy.decided_level).toBe('good');
    expect(thuy.status).toBe('published');
    expect(thuy.acknowledged_at).not.toBeNull();
  }, 240_000);
});
