// Login, sessions, CSRF, throttling and logout through HTTP on both databases (issue 2 item 6).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import type { Clock } from '../../src/server/adapters/clock.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

describeEachDialect('authentication', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let nowMs = Date.parse('2026-03-01T08:00:00Z');
  const clock: Clock = { now: () => new Date(nowMs).toISOString(), nowMs: () => nowMs };

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle, {}, clock);
    await makeSmallCommittee(ctx.db);
  });
  afterAll(async () => db.drop());

  it('logs in with a session cookie that is HttpOnly and SameSite', async () => {
    const c = TestClient.for(ctx);
    const r = await c.login('admin', TEST_PASSWORD);
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/tusoi_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await c.get('/api/me');
    expect(me.body).toMatchObject({ username: 'admin', committee: { name: 'Thành ủy Hà Tĩnh' }, abilities: { manageAccounts: true } });
    expect(me.body.scopeRoots.map((u: { name: string }) => u.name)).toEqual(['Thành ủy Hà Tĩnh']);
    // Only the hash of the token is stored.
    const token = /tusoi_session=([^;]+)/.exec(cookie)![1];
    const stored = await ctx.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(token);
  });

  it('refuses a wrong password with the same message as an unknown user', async () => {
    const wrong = await TestClient.for(ctx).post('/api/auth/login', { username: 'admin', password: 'sai-mat-khau' });
    const unknown = await TestClient.for(ctx).post('/api/auth/login', { username: 'khongco', password: 'sai-mat-khau' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('throttles after five failures with a clear Vietnamese message, even for the right password', async () => {
    for (let i = 0; i < 5; i++) await TestClient.for(ctx).post('/api/auth/login', { username: 'vanphong', password: 'sai' + i });
    const locked = await TestClient.for(ctx).post('/api/auth/login', { username: 'vanphong', password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('auth.throttled');
    expect(locked.body.error.message).toMatch(/thử lại sau 15 phút/);
    nowMs += 16 * 60_000;
    expect((await TestClient.for(ctx).login('vanphong', TEST_PASSWORD)).status).toBe(200);
    const failures = await ctx.db.selectFrom('audit_events').select('action').where('action', '=', 'auth.login_failed').execute();
    expect(failures.length).toBeGreaterThanOrEqual(5);
  });

  it('requires the CSRF header on writes made with the cookie', async () => {
    const c = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
    const token = c.csrfToken;
    c.csrfToken = null;
    const r = await c.post('/api/auth/logout', {});
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('auth.csrf');
    c.csrfToken = 'khong-dung';
    expect((await c.post('/api/auth/logout', {})).status).toBe(403);
    c.csrfToken = token;
    expect((await c.post('/api/auth/logout', {})).status).toBe(200);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('slides the expiry while used and ends an idle session', async () => {
    const c = await TestClient.loggedIn(ctx, 'thuongtruc', TEST_PASSWORD);
    nowMs += 7 * 60 * 60_000; // 7 hours later, still inside the 8-hour idle window
    expect((await c.get('/api/me')).status).toBe(200);
    nowMs += 7 * 60 * 60_000; // 14 hours after login, but 7 after the last use
    expect((await c.get('/api/me')).status).toBe(200);
    nowMs += 9 * 60 * 60_000; // idle longer than the window
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('logs out everywhere', async () => {
    const a = await TestClient.loggedIn(ctx, 'bantochuc', TEST_PASSWORD);
    const b = await TestClient.loggedIn(ctx, 'bantochuc', TEST_PASSWORD);
    expect((await a.post('/api/auth/logout', { everywhere: true })).status).toBe(200);
    expect((await a.get('/api/me')).status).toBe(401);
    expect((await b.get('/api/me')).status).toBe(401);
  });

  it('changes the own password and ends other sessions', async () => {
    const a = await TestClient.loggedIn(ctx, 'bithu.c1', TEST_PASSWORD);
    const other = await TestClient.loggedIn(ctx, 'bithu.c1', TEST_PASSWORD);
    const weak = await a.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'ngan' });
    expect(weak.status).toBe(400);
    const wrong = await a.post('/api/me/password', { currentPassword: 'sai', newPassword: 'MatKhauMoi2026' });
    expect(wrong.body.error.code).toBe('auth.wrong_password');
    expect((await a.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'MatKhauMoi2026' })).status).toBe(200);
    expect((await a.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await TestClient.for(ctx).login('bithu.c1', 'MatKhauMoi2026')).status).toBe(200);
  });

  it('serves health and an OpenAPI document with an operationId for every operation', async () => {
    const c = TestClient.for(ctx);
    const health = await c.get('/api/health');
    expect(health.body).toMatchObject({ status: 'ok', dialect, migration: expect.stringMatching(/^\d{4}-/) });
    const doc = (await c.get('/api/openapi.json')).body;
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p));
    expect(ops.length).toBeGreaterThan(10);
    for (const op of ops) expect(op.operationId).toMatch(/^[a-z-]+\.[a-z-]+$/);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    expect(ops.map((o) => o.operationId)).toEqual(
      expect.arrayContaining(['org-units.list', 'org-units.get', 'members.list', 'members.get', 'me.get']),
    );
  });

  it('answers unknown API paths with a Vietnamese 404 and never a stack trace', async () => {
    const r = await (await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD)).get('/api/khong-co');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('request.not_found');
    const bad = await TestClient.for(ctx).request('POST', '/api/auth/login', undefined, { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
