// Security headers and session cookie flags (issue 6, web security items 1–2), through HTTP on both
// databases: the Content-Security-Policy (scripts from the app's own origin only, no eval, no
// framing), nosniff, the referrer policy, X-Frame-Options, no X-Powered-By, HSTS exactly when the
// deployment serves HTTPS (TUSOI_SECURE_COOKIES=1) — on the HTML app, the API's JSON, its errors
// and file downloads; an attachment keeps its own sandboxing policy. The session cookie is
// HttpOnly, SameSite=Lax, Path=/, and Secure when TUSOI_SECURE_COOKIES=1, when set and when
// cleared.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpApp } from '../../src/server/adapters/http/app.js';
import type { AppContext } from '../../src/server/features/context.js';
import { configFromEnv, contextFor } from '../../src/server/main.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { TestClient, type ApiResponse } from '../support/http.js';

/** "default-src 'self'; script-src 'self'" → { 'default-src': ["'self'"], … }. */
function parseCsp(header: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

/** The headers every answer of the server carries, whatever produced it. */
function expectAppHeaders(r: ApiResponse, what: string, secure = false): void {
  const h = r.headers;
  const csp = parseCsp(h.get('content-security-policy'));
  expect(csp['default-src'], what).toEqual(["'self'"]);
  expect(csp['script-src'], what).toEqual(["'self'"]);
  expect(csp['object-src'], what).toEqual(["'none'"]);
  expect(csp['frame-ancestors'], what).toEqual(["'none'"]);
  expect(csp['base-uri'], what).toEqual(["'self'"]);
  expect(csp['form-action'], what).toEqual(["'self'"]);
  expect(h.get('content-security-policy'), what).not.toMatch(/unsafe-eval|\*/);
  // Only Ant Design's run-time styles may be inline; never a script.
  for (const [directive, sources] of Object.entries(csp)) {
    if (directive !== 'style-src') expect(sources, `${what}: ${directive}`).not.toContain("'unsafe-inline'");
  }
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('referrer-policy'), what).toBe('same-origin');
  expect(h.get('x-frame-options'), what).toBe('DENY');
  expect(h.get('x-powered-by'), what).toBeNull();
  if (secure)
    expect(h.get('strict-transport-security'), what).toMatch(/^max-age=(3153[6-9]\d{3}|3[2-9]\d{6}|[4-9]\d{7}|\d{9,}); includeSubDomains$/);
  else expect(h.get('strict-transport-security'), what).toBeNull();
}

/** The session cookie's attributes, lower-cased names: { 'tusoi_session': value, httponly: '', … }. */
function cookieAttributes(setCookie: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (setCookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k) out[k.toLowerCase()] = v.join('=');
  }
  return out;
}

describeEachDialect('security headers and cookie flags', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let secureCtx: AppContext;
  let f: CampaignFixture;
  let webRoot: string;
  let attachmentId: string;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    // The same database served as a deployment behind HTTPS would be, from its environment.
    secureCtx = contextFor(db.handle, configFromEnv({ TUSOI_SECURE_COOKIES: '1' }));
    f = await makeCampaignFixture(ctx, { year: 2024 });
    // A stand-in for the built browser app: the shell, a script and a style under /assets.
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-sec-web-'));
    fs.writeFileSync(
      path.join(webRoot, 'index.html'),
      '<!doctype html><title>Tự soi</title><script type="module" src="/assets/app.js"></script>',
    );
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log("tusoi")');
    // An HTML file attached to the plan: downloaded, never rendered as a page of the app.
    const organizer = await TestClient.loggedIn(ctx, 'bantochuc', TEST_PASSWORD);
    const form = new FormData();
    form.append('file', new Blob(['<script>alert(1)</script>'], { type: 'text/html' }), 'ke-hoach.html');
    const up = await organizer.request('POST', `/api/campaigns/${f.id}/plan/attachments`, form);
    expect(up.status).toBe(200);
    attachmentId = up.body.id;
  });
  afterAll(async () => {
    fs.rmSync(webRoot, { recursive: true, force: true });
    await db.drop();
  });

  it('sends the headers on the HTML app, its assets and client routes', async () => {
    for (const c of [ctx, secureCtx]) {
      const secure = c === secureCtx;
      const client = new TestClient(createHttpApp(c, { webRoot }));
      const shell = await client.get('/');
      expect(shell.status).toBe(200);
      expect(shell.headers.get('content-type')).toContain('text/html');
      expectAppHeaders(shell, 'GET /', secure);
      const route = await client.get('/kiem-diem/abc123/ban-kiem-diem/member/def456');
      expect(route.status).toBe(200);
      expectAppHeaders(route, 'client route', secure);
      const asset = await client.get('/assets/app.js');
      expect(asset.status).toBe(200);
      expectAppHeaders(asset, 'asset', secure);
      // Without a built app, the placeholder page and the HTML 404 too.
      const bare = new TestClient(createHttpApp(c, { webRoot: null }));
      expectAppHeaders(await bare.get('/'), 'placeholder', secure);
      const missing = await bare.get('/khong-co');
      expect(missing.status).toBe(404);
      expectAppHeaders(missing, 'HTML 404', secure);
    }
  });

  it('sends them on API JSON, on errors and on file downloads', async () => {
    for (const c of [ctx, secureCtx]) {
      const secure = c === secureCtx;
      const anonymous = new TestClient(createHttpApp(c, { webRoot: null }));
      const health = await anonymous.get('/api/health');
      expect(health.status).toBe(200);
      expectAppHeaders(health, 'health', secure);
      const refused = await anonymous.get('/api/me');
      expect(refused.status).toBe(401);
      expectAppHeaders(refused, '401', secure);
      const admin = await TestClient.loggedIn(c, 'admin', TEST_PASSWORD, createHttpApp(c, { webRoot: null }));
      const me = await admin.get('/api/me');
      expect(me.status).toBe(200);
      expectAppHeaders(me, 'me', secure);
      const notFound = await admin.get('/api/khong-co');
      expect(notFound.status).toBe(404);
      expectAppHeaders(notFound, 'API 404', secure);
      const invalid = await admin.post('/api/members', { unitId: 'x' });
      expect(invalid.status).toBe(400);
      expectAppHeaders(invalid, 'API 400', secure);
      // Downloads: an Excel export, a Word document, a PDF.
      const xlsx = await admin.get(`/api/members/export?unit=${f.tree.ward.id}`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment;/);
      expectAppHeaders(xlsx, 'xlsx', secure);
      const organizer = await TestClient.loggedIn(c, 'bantochuc', TEST_PASSWORD, createHttpApp(c, { webRoot: null }));
      for (const as of ['docx', 'pdf']) {
        const file = await organizer.get(`/api/documents/draft/${as}?kind=campaign_plan&campaignId=${f.id}`);
        expect(file.status, as).toBe(200);
        expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
        expect(file.headers.get('cache-control')).toBe('no-store');
        expectAppHeaders(file, as, secure);
      }
    }
  });

  it("serves an attachment as a download with its own sandboxing policy, not the app's", async () => {
    const organizer = await TestClient.loggedIn(ctx, 'bantochuc', TEST_PASSWORD);
    const r = await organizer.get(`/api/attachments/${attachmentId}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    // An uploaded page opened anyway runs no script and loads nothing, even from the app's origin.
    const csp = parseCsp(r.headers.get('content-security-policy'));
    expect(Object.keys(csp)).toEqual(['sandbox', 'default-src']);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-powered-by')).toBeNull();
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, without Secure on plain HTTP', async () => {
    const c = TestClient.for(ctx);
    const r = await c.login('thuongtruc', TEST_PASSWORD);
    expect(r.status).toBe(200);
    const a = cookieAttributes(r.headers.get('set-cookie'));
    expect(a.tusoi_session).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(a).toHaveProperty('httponly');
    expect(a.samesite).toBe('Lax');
    expect(a.path).toBe('/');
    expect(a).not.toHaveProperty('secure');
    // The token is in the cookie only: never in the JSON a script can read.
    expect(JSON.stringify(r.body)).not.toContain(a.tusoi_session);
    const out = await c.post('/api/auth/logout', {});
    expect(out.status).toBe(200);
    const cleared = cookieAttributes(out.headers.get('set-cookie'));
    expect(cleared.tusoi_session).toBe('');
    expect(cleared['max-age']).toBe('0');
    expect(cleared).toHaveProperty('httponly');
    expect(cleared.path).toBe('/');
  });

  it('adds Secure to the cookie, set and cleared, when TUSOI_SECURE_COOKIES=1', async () => {
    expect(configFromEnv({ TUSOI_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
    expect(configFromEnv({}).secureCookies).toBeUndefined();
    const c = TestClient.for(secureCtx);
    const r = await c.login('thuongtruc', TEST_PASSWORD);
    expect(r.status).toBe(200);
    const a = cookieAttributes(r.headers.get('set-cookie'));
    expect(a).toHaveProperty('secure');
    expect(a).toHaveProperty('httponly');
    expect(a.samesite).toBe('Lax');
    expect(a.path).toBe('/');
    const out = await c.post('/api/auth/logout', {});
    const cleared = cookieAttributes(out.headers.get('set-cookie'));
    expect(cleared['max-age']).toBe('0');
    expect(cleared).toHaveProperty('secure');
    expect(cleared).toHaveProperty('httponly');
    expect(cleared.samesite).toBe('Lax');
  });
});
