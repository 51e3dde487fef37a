// XSS payloads rendered inert in a real Chromium (issue 6, web security item 4): the payloads of
// xss-payloads.ts, stored through the API in a member's profile, a review, a conference's minutes
// and entries, a remediation plan, an announcement and an issued document, are opened on the pages
// that show them. On every page: no dialog opened, no element the payloads would inject exists
// (no <img src=x>, no <svg onload>, no inline handler, no script of theirs, no javascript: link),
// the CSP reported no violation (so nothing was even tried), and the text is shown literally, as
// typed. Screenshots go to test-artifacts/.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import {
  describeWithBrowser,
  expandPanel,
  loginThroughForm,
  openPage,
  screenshot,
  useBrowserSuite,
  waitForText,
  type WatchedPage,
} from '../support/browser.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';
import { PAYLOADS, seedPayloads, shown, type SeededPayloads } from './xss-payloads.js';

/** What a page did that a payload would have made it do. */
interface Evidence {
  dialogs: string[];
  injected: string[];
  cspViolations: string[];
  text: string;
}

async function evidence(page: Page, dialogs: string[]): Promise<Evidence> {
  const found = await page.evaluate(() => {
    const injected: string[] = [];
    for (const el of Array.from(document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]')))
      injected.push(el.outerHTML.slice(0, 120));
    for (const el of Array.from(document.querySelectorAll('script')))
      if (/xss-|alert\(/.test(el.textContent ?? '')) injected.push(el.outerHTML.slice(0, 120));
    for (const el of Array.from(document.querySelectorAll('a[href], iframe[src], form[action]'))) {
      const url = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '';
      if (/^\s*javascript:/i.test(url)) injected.push(el.outerHTML.slice(0, 120));
    }
    const w = window as unknown as { __csp?: string[] };
    // What a field being edited holds is shown too: a payload must sit there as plain text.
    const values = Array.from(document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')).map((el) => el.value);
    return { injected, cspViolations: w.__csp ?? [], text: [document.body.innerText, ...values].join('\n') };
  });
  return { dialogs: [...dialogs], ...found };
}

describeWithBrowser('XSS payloads in the browser (Chromium)', () => {
  const suite = useBrowserSuite();
  let f: CampaignFixture;
  let seeded: SeededPayloads;
  const people = new Map<string, WatchedPage & { dialogs: string[] }>();

  /** One signed-in page per person, watching for dialogs and CSP violations from the first script on. */
  async function pageOf(username: string) {
    let p = people.get(username);
    if (!p) {
      const watched = await openPage(suite.browser, suite.server.url);
      const dialogs: string[] = [];
      watched.page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      await watched.context.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`),
        );
      });
      await loginThroughForm(watched.page, username);
      p = { ...watched, dialogs };
      people.set(username, p);
    }
    return p;
  }

  /** Opens `path` as `username`, lets `ready` wait for the page, and checks it is inert and literal. */
  async function check(username: string, path: string, shot: string, ready: (page: Page) => Promise<void>, expected: string[]) {
    const { page, dialogs, errors, foreignRequests } = await pageOf(username);
    try {
      await page.goto(path);
      await ready(page);
      // Give a deferred handler (an image's onerror, a timer) the chance to run.
      await page.waitForTimeout(300);
      const e = await evidence(page, dialogs);
      expect(e.dialogs, path).toEqual([]);
      expect(e.injected, path).toEqual([]);
      expect(e.cspViolations, path).toEqual([]);
      for (const payload of expected) expect(e.text, `${path}: ${payload}`).toContain(shown(payload));
      expect(errors, path).toEqual([]);
      expect(foreignRequests, path).toEqual([]);
      await screenshot(page, shot);
    } catch (err) {
      await screenshot(page, `${shot}-failure`).catch(() => undefined);
      throw err;
    }
  }

  beforeAll(async () => {
    const ctx = suite.server.ctx;
    f = await makeCampaignFixture(ctx, { year: 2024, tree: suite.server.data });
    await setSetting(ctx.db, BUSINESS_DATE, '2024-11-20', new Date().toISOString());
    const clients = new Map<string, TestClient>();
    seeded = await seedPayloads(ctx, f, async (username) => {
      let c = clients.get(username);
      if (!c) clients.set(username, (c = await TestClient.loggedIn(ctx, username, TEST_PASSWORD)));
      return c;
    });
  });

  it('shows the member’s name and posts literally on the member page', async () => {
    await check('bantochuc', `/dang-vien/${seeded.memberId}`, 'xss-01-member', (page) => waitForText(page.locator('main'), 'xss-7'), [
      PAYLOADS.script,
      PAYLOADS.img,
      PAYLOADS.template,
      PAYLOADS.formula,
      PAYLOADS.jsUrl,
      PAYLOADS.rtl,
      PAYLOADS.nfd,
    ]);
  });

  it('shows the review literally', async () => {
    await check(
      'bantochuc',
      `/kiem-diem/${f.id}/ban-kiem-diem/member/${seeded.memberId}`,
      'xss-02-review',
      (page) => waitForText(page.locator('main'), 'xss-5'),
      [PAYLOADS.script, PAYLOADS.img, PAYLOADS.svg, PAYLOADS.field, PAYLOADS.jsUrl, PAYLOADS.template, PAYLOADS.rtl, PAYLOADS.nfd],
    );
  });

  it('shows the conference’s minutes and entries literally', async () => {
    await check(
      'bantochuc',
      `/hoi-nghi/${seeded.conferenceId}`,
      'xss-03-conference',
      (page) => waitForText(page.locator('main'), 'xss-5'),
      [PAYLOADS.script, PAYLOADS.img, PAYLOADS.svg, PAYLOADS.template, PAYLOADS.jsUrl, PAYLOADS.field, PAYLOADS.nfd],
    );
  });

  it('shows the remediation plan literally', async () => {
    await check(
      'bantochuc',
      `/khac-phuc/${f.id}/member/${seeded.memberId}`,
      'xss-04-remediation',
      (page) => waitForText(page.locator('main'), 'xss-5'),
      [PAYLOADS.minus, PAYLOADS.svg, PAYLOADS.formula, PAYLOADS.script, PAYLOADS.img, PAYLOADS.jsUrl],
    );
  });

  it('shows the announcement literally on the home page and the news page', async () => {
    const title = `${PAYLOADS.script} ${PAYLOADS.img}`;
    await check(
      'bantochuc',
      '/',
      'xss-05-home',
      async (page) => {
        const card = page.getByTestId('announcements-card');
        await waitForText(card, 'xss-2');
        await expandPanel(card.getByRole('button', { name: /xss-1/ }));
        await waitForText(card, 'xss-7');
      },
      [title, PAYLOADS.template, PAYLOADS.svg, PAYLOADS.jsUrl, PAYLOADS.field, PAYLOADS.nfd],
    );
    await check('bantochuc', '/tin-moi', 'xss-06-news', (page) => waitForText(page.getByTestId('announcement'), 'xss-7'), [
      title,
      PAYLOADS.svg,
      PAYLOADS.nfd,
    ]);
  });

  it('shows the issued document’s signature and recipients literally in its preview', async () => {
    await check(
      'bantochuc',
      `/bao-cao/${f.id}?tab=so-van-ban`,
      'xss-07-register',
      async (page) => {
        await waitForText(page.locator('main'), 'Số 1-KH/TU');
        await page.getByRole('button', { name: 'Xem' }).first().click();
        await waitForText(page.getByRole('dialog'), 'xss-6');
      },
      [PAYLOADS.script, PAYLOADS.img, PAYLOADS.template, PAYLOADS.nfd, PAYLOADS.formula, PAYLOADS.jsUrl, PAYLOADS.field, PAYLOADS.rtl],
    );
  });
});
