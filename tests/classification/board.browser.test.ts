// The calibration board in a real Chromium against a real server (issue 4 items 4–5): the ward's
// proposals break the HTXS quota and the board says so with its arithmetic; a what-if level fixes
// it without writing; the committee decides the batch and publishes it; the member, who saw only
// her self level before, sees her result and acknowledges it. Screenshots go to test-artifacts/.
import { beforeAll, expect, it } from 'vitest';
import { loadPrincipal } from '../../src/server/adapters/auth/principal.repository.js';
import { propose } from '../../src/server/features/classification/propose.js';
import type { Level } from '../../src/shared/campaign-vocabulary.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import {
  chooseOption,
  confirmPopup,
  describeWithBrowser,
  useBrowserSuite,
  usePeople,
  waitForText,
  submitDialog,
} from '../support/browser.js';
import { makeMember, type UnitRef } from '../support/factories.js';
import { heldConference, seedTally } from './seed.js';

describeWithBrowser('the calibration board in the browser (Chromium)', () => {
  const suite = useBrowserSuite();
  let fx: CampaignFixture;

  beforeAll(async () => {
    const { ctx } = suite.server;
    const tree = suite.server.data;
    // Ten members in the ward: Thúy and Hùng at HTXS by the chi bộ's vote, eight at HTT.
    const extra: { id: string; unit: UnitRef }[] = [];
    for (let i = 0; i < 7; i++) {
      const unit = i % 2 === 0 ? tree.cellA : tree.cellB;
      extra.push({ ...(await makeMember(ctx.db, unit, `Phan Văn Thành Viên ${String.fromCharCode(65 + i)}`, { gender: 'male' })), unit });
    }
    fx = await makeCampaignFixture(ctx, { tree });
    const conferences = {
      [tree.cellA.id]: await heldConference(ctx, fx, tree.cellA),
      [tree.cellB.id]: await heldConference(ctx, fx, tree.cellB),
    };
    const members: { id: string; unit: UnitRef; level: Level }[] = [
      { id: tree.members.thuy.id, unit: tree.cellA, level: 'excellent' },
      { id: tree.members.dang.id, unit: tree.cellA, level: 'excellent' },
      { id: tree.members.lan.id, unit: tree.cellB, level: 'good' },
      ...extra.map((m) => ({ id: m.id, unit: m.unit, level: 'good' as Level })),
    ];
    for (const m of members) await seedTally(ctx, fx, conferences[m.unit.id], m.unit, m.id, m.level);
    // The proposals from the tally, made by the ward's committee through the use case.
    const committee = await loadPrincipal(ctx.db, tree.accounts.unitCommittee.id);
    await propose(ctx, committee, fx.id, {
      unitId: tree.ward.id,
      items: members.map((m) => ({ subjectKind: 'member', subjectKey: m.id, version: 0 })),
    });
  });
  const as = usePeople(suite);

  const boardPath = () => `/xep-loai/${fx.id}/don-vi/${fx.tree.ward.id}`;

  it('quota violation shown → fixed by a what-if → decided → published → the member sees and acknowledges it', async () => {
    // Before any decision the member sees her self level only.
    await as('dangvien.thuy', '/ket-qua-xep-loai-cua-toi', 'board-01-member-before', async (page) => {
      await waitForText(page.locator('main'), 'Kết quả xếp loại sẽ hiển thị sau khi cấp có thẩm quyền công bố.');
      expect(await page.locator('main').textContent()).not.toContain('Hoàn thành xuất sắc nhiệm vụ');
    });

    await as('capuy.p01', boardPath(), 'board-02-quota-violation', async (page) => {
      const quota = page.getByTestId(`quota-${fx.tree.ward.id}`);
      await waitForText(quota, 'Vượt tỷ lệ');
      // 8 HTT × 20 % = 1,6 → at most 1 HTXS; 2 proposed.
      await waitForText(quota, '8 đảng viên HTTNV × 20 % = 1,6 → tối đa 1 HTXSNV');
      await waitForText(page.getByTestId('board-failures'), '2 trường hợp không đạt điều kiện');
      // The row's red tag explains itself when expanded.
      await waitForText(page.locator('.ant-table'), 'R9');
    });

    await as('capuy.p01', boardPath(), 'board-03-what-if', async (page) => {
      await waitForText(page.getByTestId(`quota-${fx.tree.ward.id}`), 'Vượt tỷ lệ');
      await chooseOption(page, page.getByLabel('Thử mức cho Đặng Văn Hùng'), 'HTTNV');
      await waitForText(page.getByTestId('board-trial'), 'Đang thử 1 thay đổi');
      await waitForText(page.getByTestId(`quota-${fx.tree.ward.id}`), 'Trong tỷ lệ');

      // Decide the whole ward at the levels on screen: no check fails, so no reason is asked.
      await page.getByRole('button', { name: 'Chọn tất cả có thể quyết định' }).click();
      await page.getByRole('button', { name: /Quyết định xếp loại \(10\)/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số quyết định').fill('25-QĐ/ĐU');
      await dialog.getByLabel('Kết luận về Nguyễn Thị Thúy').fill('Tiêu biểu trong công tác dân vận.');
      await dialog.getByRole('button', { name: 'Ban hành quyết định' }).click();
      await waitForText(page.getByTestId('decisions'), '25-QĐ/ĐU');

      await page.getByTestId('decisions').getByRole('button', { name: 'Công bố' }).click();
      await confirmPopup(page, 'Công bố');
      await waitForText(page.getByTestId('decisions'), 'Đã công bố');
    });

    await as('dangvien.thuy', '/ket-qua-xep-loai-cua-toi', 'board-04-member-acknowledges', async (page) => {
      const card = page.getByTestId(`my-result-${fx.year}`);
      await waitForText(card, 'Hoàn thành xuất sắc nhiệm vụ');
      await waitForText(card, '25-QĐ/ĐU');
      await waitForText(card, 'Tiêu biểu trong công tác dân vận.');
      await card.getByRole('button', { name: 'Tôi đã biết kết quả' }).click();
      await waitForText(card, 'Đã xác nhận biết');
    });

    const dang = await suite.server.ctx.db
      .selectFrom('classifications')
      .select(['decided_level', 'status'])
      .where('subject_key', '=', fx.tree.members.dang.id)
      .where('annulled_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(dang).toEqual({ decided_level: 'good', status: 'published' });
  });

  it('the committee’s pages: the campaign’s boards and decisions, the commendation lists, the complaints', async () => {
    await as('bantochuc', `/xep-loai/${fx.id}`, 'board-05-campaign', async (page) => {
      await waitForText(page.locator('main'), 'Bảng cân nhắc xếp loại');
      await waitForText(page.getByTestId('decisions'), '25-QĐ/ĐU');
      await page.getByRole('link', { name: fx.tree.committee.name }).first().click();
      await waitForText(page.locator('h3'), `Bảng cân nhắc xếp loại — ${fx.tree.committee.name}`);
      await waitForText(page.locator('.ant-tabs'), 'Tổ chức đảng (');
    });
    await as('bantochuc', `/xep-loai/${fx.id}/khen-thuong`, 'board-06-commendations', async (page) => {
      await waitForText(page.locator('main'), 'Trong sạch, vững mạnh tiêu biểu');
      await waitForText(page.locator('main'), 'Nguyễn Thị Thúy');
    });
    await as('dangvien.thuy', '/ket-qua-xep-loai-cua-toi', 'board-07-complaint', async (page) => {
      const card = page.getByTestId(`my-result-${fx.year}`);
      await card.getByRole('button', { name: 'Gửi kiến nghị' }).click();
      await page.getByLabel('Nội dung kiến nghị').fill('Đề nghị xem xét lại kết quả của tôi.');
      await submitDialog(page, 'Gửi kiến nghị');
      await waitForText(card, 'Đang xem xét');
    });
    await as('thuongtruc', `/xep-loai/${fx.id}/kien-nghi`, 'board-08-complaints', async (page) => {
      await waitForText(page.locator('.ant-table'), 'Nguyễn Thị Thúy');
      await page.getByRole('button', { name: 'Giải quyết' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Lý do').fill('Kết quả đúng quy định.');
      await dialog.getByRole('button', { name: 'Ghi kết quả giải quyết' }).click();
      await waitForText(page.locator('main'), 'Không có kiến nghị nào');
    });
  });
});
