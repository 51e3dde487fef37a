// Login throttling and lockout, the password policy, session revocation and the audit of
// authentication events (issue 6, web security item 6), through HTTP on both databases, with a
// clock the test moves. features/auth/login.ts: five failures in 15 minutes lock the username for 15
// minutes, the right password included, unknown names alike (no account discovery).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/server/adapters/clock.js';
import { createHttpApp } from '../../src/server/adapters/http/app.js';
import type { AppContext } from '../../src/server/features/context.js';
import { LOCK_MINUTES, MAX_FAILURES } from '../../src/server/features/auth/login.js';
import { contextFor } from '../../src/server/main.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient, type ApiResponse } from '../support/http.js';

const MINUTE = 60_000;

describeEachDialect('authentication hardening', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let tree: Awaited<ReturnType<typeof makeSmallCommittee>>;
  let nowMs = Date.parse('2026-03-02T08:00:00Z');
  const clock: Clock = { now: () => new Date(nowMs).toISOString(), nowMs: () => nowMs };

  const attempt = (username: string, password: string) => TestClient.for(ctx).post('/api/auth/login', { username, password });
  const accountId = async (username: string) =>
    (await ctx.db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const events = async (username: string) =>
    (
      await ctx.db
        .selectFrom('audit_events')
        .select(['action', 'actor_id', 'after_json', 'seq'])
        .where('entity_type', '=', 'account')
        .where('entity_id', '=', await accountId(username))
        .orderBy('seq')
        .execute()
    ).map((e) => ({ action: e.action, actor: e.actor_id, after: e.after_json ? JSON.parse(e.after_json) : null }));
  /** A request with a cookie captured earlier, as a stolen or kept cookie would be replayed. */
  const withCookie = async (cookie: string, path = '/api/me') =>
    (await createHttpApp(ctx, { webRoot: null }).request(path, { headers: { cookie } })).status;
  const cookieOf = (r: ApiResponse) => r.headers.get('set-cookie')!.split(';')[0];

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle, {}, clock);
    tree = await makeSmallCommittee(ctx.db);
    for (const username of ['khoa.a', 'khoa.b', 'khoa.c', 'khoa.d', 'phien.a', 'phien.b', 'phien.c', 'phien.d', 'chinh.sach']) {
      await makeAccount(ctx.db, { username, grants: [{ role: 'office', unit: tree.committee }] });
    }
  });
  afterAll(async () => db.drop());

  describe('throttling and lockout', () => {
    it('locks after five failures with a Vietnamese message, refuses the right password during the lock, and lifts it after 15 minutes', async () => {
      expect([MAX_FAILURES, LOCK_MINUTES]).toEqual([5, 15]);
      for (let i = 1; i <= 5; i++) {
        const r = await attempt('khoa.a', `sai-mat-khau-${i}`);
        expect(r.status).toBe(401);
        expect(r.body.error.code).toBe('auth.invalid_credentials');
      }
      const locked = await attempt('khoa.a', TEST_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body.error).toEqual({
        code: 'auth.throttled',
        message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
      });
      expect(locked.headers.get('set-cookie')).toBeNull();
      nowMs += 10 * MINUTE;
      const later = await attempt('khoa.a', TEST_PASSWORD);
      expect(later.status).toBe(429);
      expect(later.body.error.message).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 5 phút.');
      nowMs += 4 * MINUTE + 59_000; // 1 second before the end
      expect((await attempt('khoa.a', TEST_PASSWORD)).status).toBe(429);
      nowMs += 1_000;
      const after = await attempt('khoa.a', TEST_PASSWORD);
      expect(after.status).toBe(200);
      expect(after.headers.get('set-cookie')).toMatch(/tusoi_session=[^;]+/);
      // The success cleared the count: four new failures do not lock.
      for (let i = 0; i < 4; i++) await attempt('khoa.a', 'sai');
      expect((await attempt('khoa.a', TEST_PASSWORD)).status).toBe(200);
    });

    it('locks a username however it is typed, and an unknown username exactly like a real one', async () => {
      for (const typed of ['KHOA.B', ' khoa.b', 'Khoa.B ', 'khoa.b', 'kHoA.b']) expect((await attempt(typed, 'sai')).status).toBe(401);
      expect((await attempt('khoa.b', TEST_PASSWORD)).status).toBe(429);
      for (let i = 0; i < 5; i++) expect((await attempt('khong.ton.tai', 'sai')).status).toBe(401);
      const unknown = await attempt('khong.ton.tai', 'sai');
      const known = await attempt('khoa.b', 'sai');
      expect(unknown.status).toBe(429);
      expect(unknown.body).toEqual(known.body);
      // Others are not affected by someone else's lock.
      expect((await attempt('khoa.c', TEST_PASSWORD)).status).toBe(200);
      nowMs += 16 * MINUTE;
    });

    it('counts failures within 15 minutes only', async () => {
      for (let i = 0; i < 4; i++) await attempt('khoa.c', 'sai');
      nowMs += 16 * MINUTE;
      for (let i = 0; i < 4; i++) await attempt('khoa.c', 'sai');
      expect((await attempt('khoa.c', TEST_PASSWORD)).status).toBe(200);
    });

    it("is lifted by an administrator's password reset", async () => {
      for (let i = 0; i < 5; i++) await attempt('khoa.d', 'sai');
      expect((await attempt('khoa.d', TEST_PASSWORD)).status).toBe(429);
      const admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
      const reset = await admin.post(`/api/accounts/${await accountId('khoa.d')}/reset-password`, { newPassword: 'MoKhoa2026x' });
      expect(reset.status).toBe(200);
      expect((await attempt('khoa.d', 'MoKhoa2026x')).status).toBe(200);
    });

    it('audits every failure, the lock, and the success, never a password', async () => {
      const trail = await events('khoa.a');
      expect(trail.map((e) => e.action)).toEqual([
        ...Array(5).fill('auth.login_failed'),
        'auth.login',
        ...Array(4).fill('auth.login_failed'),
        'auth.login',
      ]);
      expect(trail.slice(0, 5).map((e) => e.after)).toEqual([1, 2, 3, 4, 5].map((n) => ({ failures: n, locked: n === 5 })));
      expect(trail.filter((e) => e.action === 'auth.login_failed').every((e) => e.actor === null)).toBe(true);
      expect(trail.find((e) => e.action === 'auth.login')!.actor).toBe(await accountId('khoa.a'));
      const all = JSON.stringify(await ctx.db.selectFrom('audit_events').selectAll().execute());
      for (const secret of [TEST_PASSWORD, 'sai-mat-khau-1', 'MoKhoa2026x']) expect(all).not.toContain(secret);
    });
  });

  describe('password policy', () => {
    const weak: [string, RegExp][] = [
      ['ngan1', /ít nhất 8 ký tự/],
      ['chicochuthoi', /cả chữ và số/],
      ['1234567890', /cả chữ và số/],
      ['Password123', /quá phổ biến/],
      ['matkhau123', /quá phổ biến/],
      ['a'.repeat(199) + '12', /./],
    ];

    it('refuses weak new passwords on change, naming the rule in Vietnamese, and keeps the old one', async () => {
      const c = await TestClient.loggedIn(ctx, 'chinh.sach', TEST_PASSWORD);
      for (const [password, rule] of weak) {
        const r = await c.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: password });
        expect(r.status, password).toBe(400);
        expect(r.body.error.code).toBe('request.invalid');
        expect(r.body.error.details.problems).toEqual([
          expect.objectContaining({ field: 'newPassword', message: expect.stringMatching(rule) }),
        ]);
      }
      const same = await c.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD.replace('123', '987') });
      expect(same.status).toBe(200);
      const again = await c.post('/api/me/password', { currentPassword: 'matkhau987', newPassword: 'matkhau987' });
      expect(again.status).toBe(400);
      expect(again.body.error).toEqual({ code: 'auth.weak_password', message: 'Mật khẩu mới phải khác mật khẩu cũ.' });
      expect((await attempt('chinh.sach', 'matkhau987')).status).toBe(200);
    });

    it('refuses them on an administrator’s reset and on account creation, writing nothing', async () => {
      const admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
      const target = await accountId('chinh.sach');
      const before = await ctx.db
        .selectFrom('accounts')
        .select(['password_hash', 'version'])
        .where('id', '=', target)
        .executeTakeFirstOrThrow();
      for (const [password, rule] of weak) {
        const r = await admin.post(`/api/accounts/${target}/reset-password`, { newPassword: password });
        expect(r.status, password).toBe(400);
        expect(r.body.error.details.problems[0].message).toMatch(rule);
        const created = await admin.post('/api/accounts', { username: 'yeu.qua', displayName: 'Yếu', password });
        expect(created.status, password).toBe(400);
      }
      expect(
        await ctx.db.selectFrom('accounts').select(['password_hash', 'version']).where('id', '=', target).executeTakeFirstOrThrow(),
      ).toEqual(before);
      expect(await ctx.db.selectFrom('accounts').select('id').where('username', '=', 'yeu.qua').executeTakeFirst()).toBeUndefined();
    });
  });

  describe('session revocation', () => {
    it('ends the session on the server at logout: the kept cookie no longer works, on any app server', async () => {
      const login = await attempt('phien.a', TEST_PASSWORD);
      const cookie = cookieOf(login);
      const elsewhere = contextFor(db.handle, {}, clock); // a second app server: its own caches
      const other = (path = '/api/me') => createHttpApp(elsewhere, { webRoot: null }).request(path, { headers: { cookie } });
      expect((await other()).status).toBe(200);
      const r = await createHttpApp(ctx, { webRoot: null }).request('/api/auth/logout', {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': login.body.csrfToken, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(r.status).toBe(200);
      expect(await withCookie(cookie)).toBe(401);
      expect(
        await ctx.db
          .selectFrom('sessions')
          .select('id')
          .where('account_id', '=', await accountId('phien.a'))
          .execute(),
      ).toEqual([]);
      // The other server may remember the session for one second at most (short-lived-cache.ts).
      nowMs += 1_001;
      expect((await other()).status).toBe(401);
    });

    it('ends every other session when the password changes, keeping the one that changed it', async () => {
      const a = await TestClient.loggedIn(ctx, 'phien.b', TEST_PASSWORD);
      const kept = cookieOf(await attempt('phien.b', TEST_PASSWORD));
      expect(await withCookie(kept)).toBe(200);
      expect((await a.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'DoiMatKhau2026' })).status).toBe(200);
      expect(await withCookie(kept)).toBe(401);
      expect((await a.get('/api/me')).status).toBe(200);
      expect((await attempt('phien.b', TEST_PASSWORD)).status).toBe(401);
    });

    it("ends all of an account's sessions and stops its API tokens when an administrator disables it or resets its password", async () => {
      const user = await TestClient.loggedIn(ctx, 'phien.c', TEST_PASSWORD);
      const cookie = cookieOf(await attempt('phien.c', TEST_PASSWORD));
      const token = (await user.post('/api/me/tokens', { name: 'Tập lệnh' })).body.token as string;
      const script = new TestClient(user.app);
      script.bearer = token;
      expect((await script.get('/api/me')).status).toBe(200);
      const admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
      const id = await accountId('phien.c');
      expect((await admin.post(`/api/accounts/${id}/disable`)).status).toBe(200);
      expect((await user.get('/api/me')).status).toBe(401);
      expect(await withCookie(cookie)).toBe(401);
      expect((await script.get('/api/me')).status).toBe(401);
      const refused = await attempt('phien.c', TEST_PASSWORD);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('auth.account_disabled');
      // Enabling it again brings no old session back.
      expect((await admin.post(`/api/accounts/${id}/enable`)).status).toBe(200);
      expect(await withCookie(cookie)).toBe(401);
      expect((await user.get('/api/me')).status).toBe(401);

      const again = cookieOf(await attempt('phien.d', TEST_PASSWORD));
      expect((await admin.post(`/api/accounts/${await accountId('phien.d')}/reset-password`, { newPassword: 'TamThoi2026x' })).status).toBe(
        200,
      );
      expect(await withCookie(again)).toBe(401);
    });

    it('audits logout, logout everywhere, password changes, resets, disabling and the refused login of a disabled account', async () => {
      const c = await TestClient.loggedIn(ctx, 'phien.a', TEST_PASSWORD);
      expect((await c.post('/api/auth/logout', { everywhere: true })).status).toBe(200);
      const admin = await accountId('admin');
      expect((await events('phien.a')).map((e) => [e.action, e.actor])).toEqual([
        ['auth.login', await accountId('phien.a')],
        ['auth.logout', await accountId('phien.a')],
        ['auth.login', await accountId('phien.a')],
        ['auth.logout_everywhere', await accountId('phien.a')],
      ]);
      expect((await events('phien.b')).map((e) => e.action)).toEqual([
        'auth.login',
        'auth.login',
        'account.password_changed',
        'auth.login_failed',
      ]);
      const c3 = await events('phien.c');
      expect(c3.map((e) => [e.action, e.actor])).toEqual([
        ['auth.login', await accountId('phien.c')],
        ['auth.login', await accountId('phien.c')],
        ['token.create', await accountId('phien.c')],
        ['account.disable', admin],
        ['auth.login_failed', null],
        ['account.enable', admin],
      ]);
      expect(c3[3].after).toEqual({ disabled: true, sessionsEnded: 2 });
      expect(c3[4].after).toEqual({ disabled: true });
      expect((await events('phien.d')).map((e) => [e.action, e.actor])).toEqual([
        ['auth.login', await accountId('phien.d')],
        ['account.reset_password', admin],
      ]);
      const all = JSON.stringify(await ctx.db.selectFrom('audit_events').selectAll().execute());
      for (const secret of ['DoiMatKhau2026', 'TamThoi2026x']) expect(all).not.toContain(secret);
    });
  });
});
