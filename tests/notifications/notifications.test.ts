// The caller's notifications through HTTP on both databases (issue 3 item 9): private to their
// account, unread count, read one / read all (audited), and the digest and e-mail preferences.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { notify } from '../../src/server/adapters/db/notifications.repository.js';
import { APP_LINKS } from '../../src/server/features/notifications/app-links.js';
import { PATHS } from '../../src/web/app/menu.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

describeEachDialect('notifications', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let tree: Awaited<ReturnType<typeof makeSmallCommittee>>;
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);
  const auditCount = async (entityType: string, entityId: string, action: string) =>
    (
      await ctx.db
        .selectFrom('audit_events')
        .select('id')
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .where('action', '=', action)
        .execute()
    ).length;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    tree = await makeSmallCommittee(ctx.db);
    for (const [i, title] of ['Hồ sơ bị trả lại', 'Được phân công phụ trách', 'Hồ sơ đã được thẩm định đạt'].entries()) {
      await notify(ctx.db, {
        accountIds: [tree.accounts.member.id],
        kind: i === 0 ? 'returned' : i === 1 ? 'assignment' : 'cleared',
        title,
        link: '/kiem-diem',
        at: `2024-11-0${i + 1}T08:00:00.000Z`,
      });
    }
    await notify(ctx.db, {
      accountIds: [tree.accounts.organizer.id],
      kind: 'submitted',
      title: 'Đơn vị đã nộp hồ sơ',
      at: '2024-11-05T08:00:00.000Z',
    });
  });
  afterAll(async () => db.drop());

  it('answers 401 without a session', async () => {
    const r = await TestClient.for(ctx).get('/api/notifications');
    expect(r.status).toBe(401);
  });

  it('lists only the caller’s own notices, newest first, with the unread count', async () => {
    const member = await as('dangvien.thuy');
    const r = await member.get('/api/notifications');
    expect(r.status).toBe(200);
    expect(r.body.items.map((n: { title: string }) => n.title)).toEqual([
      'Hồ sơ đã được thẩm định đạt',
      'Được phân công phụ trách',
      'Hồ sơ bị trả lại',
    ]);
    expect(r.body).toMatchObject({ total: 3, unread: 3 });
    expect((await member.get('/api/notifications/unread-count')).body).toEqual({ count: 3 });
    const organizer = await as('bantochuc');
    const o = await organizer.get('/api/notifications');
    expect(o.body.items.map((n: { title: string }) => n.title)).toEqual(['Đơn vị đã nộp hồ sơ']);
    expect((await organizer.get('/api/notifications?page=2&pageSize=1')).body.items).toEqual([]);
  });

  it('another account can neither read nor mark someone else’s notice (404), and nothing changes', async () => {
    const member = await as('dangvien.thuy');
    const target = (await member.get('/api/notifications')).body.items[0];
    const organizer = await as('bantochuc');
    const r = await organizer.post(`/api/notifications/${target.id}/read`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('notification.not_found');
    expect(r.body.error.message).toMatch(/thông báo/);
    const admin = await as('admin');
    expect((await admin.post(`/api/notifications/${target.id}/read`)).status).toBe(404);
    expect((await admin.get('/api/notifications')).body.items).toEqual([]);
    expect((await member.get('/api/notifications/unread-count')).body.count).toBe(3);
  });

  it('marks one read (audited once, even when marked twice) and filters unread ones', async () => {
    const member = await as('dangvien.thuy');
    const target = (await member.get('/api/notifications')).body.items[2];
    const r = await member.post(`/api/notifications/${target.id}/read`);
    expect(r.status).toBe(200);
    expect(r.body.readAt).toBeTruthy();
    expect((await member.post(`/api/notifications/${target.id}/read`)).status).toBe(200);
    expect(await auditCount('account', tree.accounts.member.id, 'notification.read')).toBe(1);
    expect((await member.get('/api/notifications/unread-count')).body.count).toBe(2);
    const unread = (await member.get('/api/notifications?unread=1')).body;
    expect(unread.total).toBe(2);
    expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(target.id);
    expect((await member.get('/api/notifications?unread=0')).body.total).toBe(3);
  });

  it('marks all read in one step, audited, and leaves other accounts’ notices unread', async () => {
    const member = await as('dangvien.thuy');
    const r = await member.post('/api/notifications/read-all');
    expect(r.body).toEqual({ updated: 2 });
    expect((await member.get('/api/notifications/unread-count')).body.count).toBe(0);
    expect(await auditCount('account', tree.accounts.member.id, 'notification.read_all')).toBe(1);
    // Nothing left: no change, no audit event.
    expect((await member.post('/api/notifications/read-all')).body).toEqual({ updated: 0 });
    expect(await auditCount('account', tree.accounts.member.id, 'notification.read_all')).toBe(1);
    expect((await (await as('bantochuc')).get('/api/notifications/unread-count')).body.count).toBe(1);
  });

  it('refuses a malformed id with a 400', async () => {
    const member = await as('dangvien.thuy');
    expect((await member.post('/api/notifications/KHONG-HOP-LE/read')).status).toBe(400);
  });

  it('keeps the digest and e-mail preferences per account, validates the address, audits the change', async () => {
    const member = await as('dangvien.thuy');
    expect((await member.get('/api/notifications/preferences')).body).toMatchObject({ dailyDigest: false, email: null });
    const bad = await member.request('PUT', '/api/notifications/preferences', { dailyDigest: true, email: 'khong-phai-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.invalid');
    expect(JSON.stringify(bad.body.error.details)).toMatch(/thư điện tử/);
    expect((await member.get('/api/notifications/preferences')).body.dailyDigest).toBe(false);

    const ok = await member.request('PUT', '/api/notifications/preferences', { dailyDigest: true, email: ' Thuy@Example.VN ' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ dailyDigest: true, email: 'thuy@example.vn' });
    expect((await member.get('/api/notifications/preferences')).body).toMatchObject({ dailyDigest: true, email: 'thuy@example.vn' });
    expect(await auditCount('notification_preferences', tree.accounts.member.id, 'notification_preferences.update')).toBe(1);

    // Saving the same values changes nothing and records nothing; clearing the address is allowed.
    await member.request('PUT', '/api/notifications/preferences', { dailyDigest: true, email: 'thuy@example.vn' });
    expect(await auditCount('notification_preferences', tree.accounts.member.id, 'notification_preferences.update')).toBe(1);
    const cleared = await member.request('PUT', '/api/notifications/preferences', { dailyDigest: false, email: '' });
    expect(cleared.body).toMatchObject({ dailyDigest: false, email: null });
    expect(await auditCount('notification_preferences', tree.accounts.member.id, 'notification_preferences.update')).toBe(2);
    // Another account's preferences are untouched.
    expect((await (await as('bantochuc')).get('/api/notifications/preferences')).body).toMatchObject({ dailyDigest: false, email: null });
  });

  it('links to the same paths as the browser app', () => {
    expect(APP_LINKS.campaign('c1')).toBe(PATHS.campaign('c1'));
    expect(APP_LINKS.dossier('c1', 'u1')).toBe(PATHS.dossier('c1', 'u1'));
    expect(APP_LINKS.myReview).toBe(PATHS.myReview);
    expect(APP_LINKS.myCommitment).toBe(PATHS.myCommitment);
    expect(APP_LINKS.notifications).toBe(PATHS.notifications);
  });
});
