// Browser tests drive Debian's Chromium through playwright-core (never a downloaded browser; see
// the stack notes). Outside CI a missing Chromium skips them; with CI=true it fails them, like
// PostgreSQL in each-dialect.ts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI } from './databases.js';
import { TEST_PASSWORD } from './factories.js';
import { startTestServer, type SmallCommittee, type TestServer, type TestServerOptions } from './server.js';
import { PROJECT_ROOT, WEB_ROOT } from '../../src/server/main.js';

export const CHROMIUM_PATH = process.env.TUSOI_CHROMIUM ?? '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps trying hosts it cannot reach. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'test-artifacts');

export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A describe block that needs Chromium: skipped without it outside CI, failed without it in CI. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (chromiumAvailable()) describe(name, body);
  else if (!IN_CI) describe.skip(`${name} (Chromium không có ở ${CHROMIUM_PATH})`, body);
  // In CI the absence is a failed test of its own, counted as such in "N passed, N failed".
  else
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}, and CI=true turns that into a failure (apt-get install chromium).`);
      });
    });
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}, and CI=true turns that into a failure (apt-get install chromium).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

// ---- the built browser app ----------------------------------------------------------------------

const WEB_SOURCES = ['index.html', 'vite.config.ts', 'package-lock.json', 'src/web', 'src/shared'];

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** dist/web is fresh when it was built after the last change to any source of the browser app. */
export function webBuildIsFresh(dir: string = WEB_ROOT): boolean {
  const index = fs.statSync(path.join(dir, 'index.html'), { throwIfNoEntry: false });
  if (!index) return false;
  const newestSource = Math.max(...WEB_SOURCES.map((s) => newestMtime(path.join(PROJECT_ROOT, s))));
  return index.mtimeMs > newestSource;
}

export interface WebBuild {
  dir: string;
  /** True when this run built it (into a private directory, removed by dispose). */
  built: boolean;
  dispose(): void;
}

/**
 * The browser app to serve: dist/web when fresh, otherwise a production build (≈ 2–3 s with Vite 8)
 * into a directory of this run only, so that parallel test runs never empty each other's files.
 * The build runs in its own process with NODE_ENV=production: under Vitest NODE_ENV is "test",
 * which would give React's development build.
 */
export async function ensureWebBuild(): Promise<WebBuild> {
  if (webBuildIsFresh()) return { dir: WEB_ROOT, built: false, dispose: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-web-'));
  try {
    await promisify(execFile)(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NODE_ENV: 'production' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: string; stdout?: string; message: string };
    throw new Error(`vite build failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
  return { dir, built: true, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// ---- the server and the browser of a test file ---------------------------------------------------

export interface BrowserSuite<T> {
  /** The running server (available from the tests and from beforeAll hooks declared after the call). */
  readonly server: TestServer<T>;
  readonly browser: Browser;
}

/**
 * For a describeWithBrowser block: before its tests, the browser app (ensureWebBuild), a seeded
 * server serving it and Chromium; after them, all three closed again.
 */
export function useBrowserSuite<T = SmallCommittee>(options: Omit<TestServerOptions<T>, 'webRoot'> = {}): BrowserSuite<T> {
  let web: WebBuild | undefined;
  let server: TestServer<T> | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    web = await ensureWebBuild();
    server = await startTestServer({ ...options, webRoot: web.dir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.dispose();
  });

  return {
    get server() {
      if (!server) throw new Error('The test server is not started yet (use it in a test or a later beforeAll).');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched yet (use it in a test or a later beforeAll).');
      return browser;
    },
  };
}

/**
 * People taking turns in one browser test, each in a context of their own, signed in once. `as`
 * opens a path as that person, runs the turn, takes a screenshot (and one on failure), and checks
 * that the page raised no error and asked nothing of a foreign host.
 */
export function usePeople<T>(suite: BrowserSuite<T>) {
  const people = new Map<string, WatchedPage>();
  afterAll(async () => {
    for (const p of people.values()) await p.context.close().catch(() => undefined);
  });
  return async function as(username: string, path: string, shot: string, body: (page: Page) => Promise<void>): Promise<void> {
    let watched = people.get(username);
    if (!watched) {
      watched = await openPage(suite.browser, suite.server.url);
      people.set(username, watched);
      await loginThroughForm(watched.page, username);
    }
    const { page, errors, foreignRequests } = watched;
    try {
      await page.goto(path);
      await body(page);
      await screenshot(page, shot);
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } catch (e) {
      await screenshot(page, `${shot}-failure`).catch(() => undefined);
      throw e;
    }
  };
}

// ---- pages ----------------------------------------------------------------------------------------

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions of the page (resource 4xx left out: login probes /api/me). */
  errors: string[];
  /** Requests that left the server under test (the app must work offline: no CDN, no fonts from afar). */
  foreignRequests: string[];
  /** Every URL the page requested, in order (to check what a page downloads). */
  requests: string[];
}

/** A 360 px phone (issue 2 item 11): the narrowest screen the app must fit. */
export const PHONE: PageOptions = { viewport: { width: 360, height: 740 }, mobile: true };

export interface PageOptions {
  viewport?: { width: number; height: number };
  mobile?: boolean;
}

export async function openPage(browser: Browser, baseURL: string, options: PageOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? { width: 1366, height: 860 },
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const requests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    requests.push(url);
    if (!url.startsWith(baseURL) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  return { page, context, errors, foreignRequests, requests };
}

/**
 * Signs in through the login form. Starting from another page (e.g. '/') also checks that the
 * anonymous visitor is sent to the login page first.
 */
export async function loginThroughForm(page: Page, username: string, options: { password?: string; from?: string } = {}): Promise<void> {
  const from = options.from ?? '/dang-nhap';
  await page.goto(from);
  if (from !== '/dang-nhap') await page.waitForURL(/\/dang-nhap/);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(options.password ?? TEST_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until the locator's text contains `text` (Playwright's expect is not in playwright-core). */
export async function waitForText(locator: Locator, text: string, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    last =
      (await locator
        .first()
        .textContent({ timeout: Math.max(1, deadline - Date.now()) })
        .catch(() => null)) ?? '';
    if (last.includes(text)) return;
    if (Date.now() > deadline) {
      // When the element is not there at all, what the page shows instead is the useful clue.
      const shown = last
        ? ''
        : ((await locator
            .page()
            .locator('body')
            .innerText({ timeout: 1000 })
            .catch(() => null)) ?? '');
      throw new Error(
        `Expected text "${text}" at ${locator.page().url()}, got "${last.slice(0, 300)}"` +
          (last ? '' : `; the element is missing and the page shows: "${shown.replace(/\s+/g, ' ').slice(0, 800)}"`),
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Picks `label` in the antd Select whose input is `field`, from the keyboard, and waits until the
 * select shows it. Clicking an option proved flaky under load (the dropdown still animating, or its
 * virtual list re-rendering under the pointer), so the select is opened and the active option moved
 * with the arrow keys until it is `label`, then chosen with Enter — as a keyboard user would.
 */
export async function chooseOption(page: Page, field: Locator, label: string): Promise<void> {
  const box = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt++) {
    await field.focus();
    await field.press('ArrowDown'); // opens the list
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.first().waitFor({ state: 'visible', timeout: 5_000 });
    const active = dropdown.locator('.ant-select-item-option-active');
    let found = false;
    for (let step = 0; step < 60 && !found; step++) {
      found =
        (
          (await active
            .first()
            .textContent({ timeout: 2_000 })
            .catch(() => null)) ?? ''
        ).trim() === label;
      if (!found) await field.press('ArrowDown');
    }
    if (found) await field.press('Enter');
    try {
      if (!found) throw new Error(`Option "${label}" not found`);
      await waitForText(box, label, 2_000);
      return;
    } catch (e) {
      await field.press('Escape').catch(() => undefined);
      if (attempt >= 3) throw e;
    }
  }
}

/**
 * Confirms an antd Popconfirm with its button `name`, then waits until the popup is gone. Under load
 * a click can land while the popup is still animating in and be lost, so the button is clicked again
 * (up to three times) while the popup stays open; a confirmation already under way shows a loading
 * button, which takes no second click.
 */
export async function confirmPopup(page: Page, name: string): Promise<void> {
  const popup = page.locator('.ant-popconfirm:visible');
  for (let attempt = 1; ; attempt++) {
    await popup.getByRole('button', { name, exact: true }).click({ timeout: 10_000 });
    try {
      await popup.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/**
 * Presses a modal dialog's button until the dialog closes: a click landing while the dialog is
 * still animating open is lost under load (a CI run's year walk then waited 30 s on an open
 * dialog). Pressing again is harmless: antd ignores a press while the button is busy with its
 * request (loading). Up to three presses, eight seconds apart.
 */
export async function submitDialog(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  for (let attempt = 1; ; attempt++) {
    try {
      await dialog.getByRole('button', { name }).click({ timeout: 10_000 });
    } catch (e) {
      // Closed meanwhile by the previous press.
      if (!(await dialog.isVisible())) return;
      throw e;
    }
    try {
      await dialog.waitFor({ state: 'hidden', timeout: attempt < 3 ? 8_000 : 30_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/**
 * Opens an antd Collapse panel by its header (role button) and waits until it says it is expanded;
 * a click landing while an outer panel is still animating open is lost under load, so it is
 * clicked again (up to three times).
 */
export async function expandPanel(header: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if ((await header.getAttribute('aria-expanded')) === 'true') return;
    await header.click();
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      if ((await header.getAttribute('aria-expanded')) === 'true') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (attempt >= 3) throw new Error(`The panel "${(await header.textContent()) ?? ''}" did not open`);
  }
}
