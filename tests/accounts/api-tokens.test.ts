// Personal API tokens (issue 2 item 6: "API tokens for scripts (Authorization: Bearer, stored
// hashed)"), on both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sha256 } from '../../src/server/adapters/clock.js';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

describeEachDialect('api tokens', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let secretary: TestClient;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    await makeSmallCommittee(db.handle.db);
    secretary = await TestClient.loggedIn(ctx, 'bithu.c1', TEST_PASSWORD);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('creates a token shown once, stored hashed, that works as a Bearer token until revoked', async () => {
    const created = await secretary.post('/api/me/tokens', { name: 'Báo cáo hằng tuần' });
    expect(created.status).toBe(200);
    const token = created.body.token as string;
    expect(token).toMatch(/^tusoi_[A-Za-z0-9_-]{40,}$/);
    const row = await db.handle.db.selectFrom('api_tokens').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const script = new TestClient(secretary.app);
    script.bearer = token;
    const me = await script.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('bithu.c1');

    // A token cannot mint another one (a leaked token must not outlive its revocation).
    const minted = await script.post('/api/me/tokens', { name: 'con' });
    expect(minted.status).toBe(403);
    expect(minted.body.error.code).toBe('auth.forbidden');
    expect(minted.body.error.message).toMatch(/đăng nhập/);

    const list = await secretary.get('/api/me/tokens');
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'Báo cáo hằng tuần', revokedAt: null })]);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(list.body.items[0].lastUsedAt).not.toBeNull();

    const revoked = await secretary.request('DELETE', `/api/me/tokens/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect((await script.get('/api/me')).status).toBe(401);
    expect((await secretary.get('/api/me/tokens')).body.items[0].revokedAt).not.toBeNull();
    // Twice is harmless.
    expect((await secretary.request('DELETE', `/api/me/tokens/${created.body.id}`)).status).toBe(200);
    const actions = await db.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'token.%')
      .orderBy('at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['token.create', 'token.revoke']);
  });

  it("lists and revokes only the caller's own tokens", async () => {
    const mine = await secretary.post('/api/me/tokens', { name: 'của bí thư' });
    const member = await TestClient.loggedIn(ctx, 'dangvien.thuy', TEST_PASSWORD, secretary.app);
    expect((await member.get('/api/me/tokens')).body.items).toEqual([]);
    const steal = await member.request('DELETE', `/api/me/tokens/${mine.body.id}`);
    expect(steal.status).toBe(404);
    expect(steal.body.error.code).toBe('token.not_found');
    const script = new TestClient(secretary.app);
    script.bearer = mine.body.token;
    expect((await script.get('/api/me')).status).toBe(200);
  });

  it('refuses an empty name and a made-up token', async () => {
    expect((await secretary.post('/api/me/tokens', { name: '   ' })).status).toBe(400);
    const script = new TestClient(secretary.app);
    script.bearer = 'tusoi_khongphaima';
    expect((await script.get('/api/me')).status).toBe(401);
  });
});
