// Account administration through HTTP, on both databases (issue 2 item 6; design §2 row "Accounts
// and role grants": admin RW over the subtree of the admin grant, everyone else —).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { accountRoutes } from '../../src/server/adapters/http/routes/accounts.routes.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

type Committee = Awaited<ReturnType<typeof makeSmallCommittee>>;

describeEachDialect('accounts administration', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let t: Committee;
  let admin: TestClient;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    t = await makeSmallCommittee(db.handle.db);
    admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function auditActions(accountId: string): Promise<string[]> {
    const rows = await db.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'account')
      .where('entity_id', '=', accountId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => r.action);
  }

  it('creates an account, grants a role the new user then holds, and revokes it', async () => {
    const created = await admin.post('/api/accounts', {
      username: 'Ban.ToChuc2',
      displayName: 'Trần Văn Bình',
      password: 'batdau2026',
      mustChangePassword: false,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ username: 'ban.tochuc2', displayName: 'Trần Văn Bình', grants: [], disabled: false });
    const id = created.body.id as string;

    const granted = await admin.post(`/api/accounts/${id}/grants`, { role: 'organizer', unitId: t.committee.id });
    expect(granted.status).toBe(200);
    expect(granted.body.grants).toEqual([
      expect.objectContaining({ role: 'organizer', unitId: t.committee.id, unitName: 'Thành ủy Hà Tĩnh', unitKind: 'committee' }),
    ]);

    const user = await TestClient.loggedIn(ctx, 'ban.tochuc2', 'batdau2026');
    const me = await user.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.grants).toEqual([expect.objectContaining({ role: 'organizer', unitId: t.committee.id })]);

    const grantId = granted.body.grants[0].id as string;
    const revoked = await admin.request('DELETE', `/api/accounts/${id}/grants/${grantId}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.grants).toEqual([]);
    expect((await user.get('/api/me')).body.grants).toEqual([]);

    // The account stays in its creator's list after its last grant is gone.
    const list = await admin.get('/api/accounts?q=tochuc2');
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([id]);

    expect(await auditActions(id)).toEqual(['account.create', 'account.grant_role', 'auth.login', 'account.revoke_role']);
  });

  it('refuses a taken username, a weak password and roles that do not fit the unit', async () => {
    const taken = await admin.post('/api/accounts', { username: 'thuongtruc', displayName: 'X', password: 'matkhau999' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('account.username_taken');
    const weak = await admin.post('/api/accounts', { username: 'yeu', displayName: 'Yếu', password: 'abcdefgh' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('request.invalid');

    const acc = await admin.post('/api/accounts', { username: 'thu.nghiem', displayName: 'Thử nghiệm', password: 'matkhau999' });
    const id = acc.body.id as string;
    // director is never granted (design §2): not even a valid role for the API.
    const director = await admin.post(`/api/accounts/${id}/grants`, { role: 'director', unitId: t.ward.id });
    expect(director.status).toBe(400);
    expect(director.body.error.code).toBe('request.invalid');
    const member = await admin.post(`/api/accounts/${id}/grants`, { role: 'member', unitId: t.cellA.id });
    expect(member.status).toBe(400);
    expect(member.body.error.code).toBe('account.invalid_grant');
    expect(member.body.error.message).toMatch(/đảng viên/);
    const standingOnWard = await admin.post(`/api/accounts/${id}/grants`, { role: 'standing', unitId: t.ward.id });
    expect(standingOnWard.body.error.code).toBe('account.invalid_grant');
    const secretaryOnWard = await admin.post(`/api/accounts/${id}/grants`, { role: 'cell_secretary', unitId: t.ward.id });
    expect(secretaryOnWard.body.error.code).toBe('account.invalid_grant');
    expect((await admin.post(`/api/accounts/${id}/grants`, { role: 'cell_secretary', unitId: t.cellB.id })).status).toBe(200);
    const twice = await admin.post(`/api/accounts/${id}/grants`, { role: 'cell_secretary', unitId: t.cellB.id });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('account.grant_exists');
  });

  it('links an account to a member, who may then hold the member role over their own chi bộ only', async () => {
    const acc = await admin.post('/api/accounts', {
      username: 'lan.tranthi',
      displayName: 'Trần Thị Lan',
      password: 'matkhau999',
      memberId: t.members.lan.id,
    });
    expect(acc.status).toBe(200);
    expect(acc.body.memberId).toBe(t.members.lan.id);
    const wrongCell = await admin.post(`/api/accounts/${acc.body.id}/grants`, { role: 'member', unitId: t.cellA.id });
    expect(wrongCell.body.error.code).toBe('account.invalid_grant');
    const own = await admin.post(`/api/accounts/${acc.body.id}/grants`, { role: 'member', unitId: t.cellB.id });
    expect(own.status).toBe(200);
    const second = await admin.post('/api/accounts', {
      username: 'lan.tranthi2',
      displayName: 'Trần Thị Lan',
      password: 'matkhau999',
      memberId: t.members.lan.id,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('account.member_has_account');
  });

  it('resets a password: old sessions end, and the user must change it before anything else', async () => {
    const acc = await makeAccount(db.handle.db, { username: 'quen.matkhau', grants: [{ role: 'office', unit: t.committee }] });
    const oldSession = await TestClient.loggedIn(ctx, 'quen.matkhau', TEST_PASSWORD);
    expect((await oldSession.get('/api/me')).status).toBe(200);

    const reset = await admin.post(`/api/accounts/${acc.id}/reset-password`, { newPassword: 'tam1thoi2' });
    expect(reset.status).toBe(200);
    expect(reset.body.mustChangePassword).toBe(true);

    const gone = await oldSession.get('/api/me');
    expect(gone.status).toBe(401);
    expect(gone.body.error.code).toBe('auth.unauthenticated');
    expect((await new TestClient(admin.app).login('quen.matkhau', TEST_PASSWORD)).status).toBe(401);

    const fresh = new TestClient(admin.app);
    const login = await fresh.login('quen.matkhau', 'tam1thoi2');
    expect(login.status).toBe(200);
    expect(login.body.mustChangePassword).toBe(true);
    const blocked = await fresh.get('/api/me/tokens');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('auth.password_change_required');
    expect((await fresh.get('/api/me')).body.mustChangePassword).toBe(true);

    const changed = await fresh.post('/api/me/password', { currentPassword: 'tam1thoi2', newPassword: 'riengtoi2026' });
    expect(changed.status).toBe(200);
    expect((await fresh.get('/api/me/tokens')).status).toBe(200);
    expect(await auditActions(acc.id)).toContain('account.reset_password');
  });

  it('disables an account (ending its sessions and tokens) and enables it again', async () => {
    const acc = await makeAccount(db.handle.db, { username: 'tam.khoa', grants: [{ role: 'office', unit: t.committee }] });
    const session = await TestClient.loggedIn(ctx, 'tam.khoa', TEST_PASSWORD);
    const token = await session.post('/api/me/tokens', { name: 'báo cáo' });
    expect(token.status).toBe(200);
    const script = new TestClient(admin.app);
    script.bearer = token.body.token;
    expect((await script.get('/api/me')).status).toBe(200);

    const disabled = await admin.post(`/api/accounts/${acc.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await session.get('/api/me')).status).toBe(401);
    expect((await script.get('/api/me')).status).toBe(401);
    const refused = await new TestClient(admin.app).login('tam.khoa', TEST_PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.account_disabled');

    const enabled = await admin.post(`/api/accounts/${acc.id}/enable`);
    expect(enabled.body.disabled).toBe(false);
    expect((await new TestClient(admin.app).login('tam.khoa', TEST_PASSWORD)).status).toBe(200);
    expect((await script.get('/api/me')).status).toBe(200);
    expect(await auditActions(acc.id)).toEqual(expect.arrayContaining(['account.disable', 'account.enable']));
  });

  it('does not let an administrator lock themselves out', async () => {
    const self = (await admin.get('/api/me')).body;
    const disable = await admin.post(`/api/accounts/${self.accountId}/disable`);
    expect(disable.status).toBe(400);
    expect(disable.body.error.code).toBe('account.self_action');
    const revoke = await admin.request('DELETE', `/api/accounts/${self.accountId}/grants/${self.grants[0].id}`);
    expect(revoke.body.error.code).toBe('account.self_action');
    const reset = await admin.post(`/api/accounts/${self.accountId}/reset-password`, { newPassword: 'khac12345' });
    expect(reset.body.error.code).toBe('account.self_action');
  });

  it('lists accounts with paging and a search that ignores diacritics', async () => {
    const all = await admin.get('/api/accounts?pageSize=200');
    expect(all.status).toBe(200);
    const names = all.body.items.map((a: { username: string }) => a.username);
    expect(names).toEqual([...names].sort());
    expect(all.body.total).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['admin', 'thuongtruc', 'capuy.p01', 'dangvien.thuy']));
    const page = await admin.get('/api/accounts?pageSize=2&page=2');
    expect(page.body.items.map((a: { username: string }) => a.username)).toEqual(names.slice(2, 4));
    // A display name is matched as typed; members' names also without diacritics (next query).
    const byName = await admin.get(`/api/accounts?q=${encodeURIComponent('Trần Văn Bình')}`);
    expect(byName.body.items.map((a: { username: string }) => a.username)).toEqual(['ban.tochuc2']);
    const byMember = await admin.get('/api/accounts?q=nguyen%20thi%20thuy');
    expect(byMember.body.items.map((a: { username: string }) => a.username)).toEqual(['dangvien.thuy']);
  });

  it('documents every accounts, tokens and audit operation in the OpenAPI document', async () => {
    const doc = (await admin.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { operationId: string; responses: object }>>;
    };
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    for (const id of [
      'accounts.list',
      'accounts.create',
      'accounts.get',
      'accounts.grant',
      'accounts.revoke',
      'accounts.reset-password',
      'accounts.disable',
      'accounts.enable',
      'accounts.bulk-members',
      'tokens.create',
      'tokens.list',
      'tokens.revoke',
      'audit.list',
    ]) {
      expect(ops).toContain(id);
    }
    expect(JSON.stringify(doc.paths['/api/accounts/{id}/grants'].post.responses)).toContain('account.invalid_grant');
  });

  describe('an administrator of one ward', () => {
    let wardAdmin: TestClient;
    let usernames: string[];
    beforeAll(async () => {
      await makeAccount(db.handle.db, { username: 'quantri.p01', grants: [{ role: 'admin', unit: t.ward }] });
      wardAdmin = await TestClient.loggedIn(ctx, 'quantri.p01', TEST_PASSWORD);
      const list = await wardAdmin.get('/api/accounts?pageSize=200');
      expect(list.status).toBe(200);
      usernames = list.body.items.map((a: { username: string }) => a.username);
    });

    it('sees the accounts of the ward and not those above or beside it', () => {
      expect(usernames).toEqual(expect.arrayContaining(['capuy.p01', 'bithu.c1', 'dangvien.thuy', 'quantri.p01', 'lan.tranthi']));
      for (const outside of ['admin', 'thuongtruc', 'bantochuc', 'vanphong']) expect(usernames).not.toContain(outside);
    });

    it('cannot grant over a unit outside the ward, nor open an account outside it', async () => {
      const acc = await wardAdmin.post('/api/accounts', { username: 'bithu.c2', displayName: 'Bí thư chi bộ 2', password: 'matkhau999' });
      expect(acc.status).toBe(200);
      expect((await wardAdmin.get('/api/accounts?q=bithu.c2')).body.total).toBe(1);
      const outside = await wardAdmin.post(`/api/accounts/${acc.body.id}/grants`, { role: 'cell_secretary', unitId: t.school.id });
      expect(outside.status).toBe(403);
      expect(outside.body.error.code).toBe('auth.forbidden');
      const inside = await wardAdmin.post(`/api/accounts/${acc.body.id}/grants`, { role: 'cell_secretary', unitId: t.cellB.id });
      expect(inside.status).toBe(200);
      const standing = t.accounts.standing.id;
      expect((await wardAdmin.get(`/api/accounts/${standing}`)).status).toBe(404);
      expect((await wardAdmin.post(`/api/accounts/${standing}/reset-password`, { newPassword: 'chiemquyen1' })).status).toBe(404);
      const memberOutside = await wardAdmin.post('/api/accounts', {
        username: 'an.phamvan',
        displayName: 'Phạm Văn An',
        password: 'matkhau999',
        memberId: t.members.school1.id,
      });
      expect(memberOutside.status).toBe(403);
    });

    it('cannot take over a committee-level account that also holds a grant in the ward', async () => {
      const leader = await makeAccount(db.handle.db, {
        username: 'lanhdao.hai.cap',
        grants: [
          { role: 'standing', unit: t.committee },
          { role: 'unit_committee', unit: t.ward },
        ],
      });
      expect((await wardAdmin.get(`/api/accounts/${leader.id}`)).status).toBe(200);
      for (const [path, body] of [
        [`/api/accounts/${leader.id}/reset-password`, { newPassword: 'chiemquyen1' }],
        [`/api/accounts/${leader.id}/disable`, {}],
      ] as const) {
        const r = await wardAdmin.post(path, body);
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('auth.forbidden');
      }
      const grants = (await admin.get(`/api/accounts/${leader.id}`)).body.grants as { id: string; role: string }[];
      const standingGrant = grants.find((g) => g.role === 'standing')!;
      const revoke = await wardAdmin.request('DELETE', `/api/accounts/${leader.id}/grants/${standingGrant.id}`);
      expect(revoke.status).toBe(403);
    });
  });

  describe('permissions of the other roles (design §2: accounts are "—" for all but admin)', () => {
    const others = ['thuongtruc', 'bantochuc', 'vanphong', 'capuy.p01', 'bithu.c1', 'dangvien.thuy'];
    function concrete(path: string): string {
      return path.replace(':grantId', 'grant000000').replace(':id', t.accounts.cellSecretaryA.id);
    }
    function bodyFor(operationId: string): unknown {
      switch (operationId) {
        case 'accounts.create':
          return { username: 'ke.gian', displayName: 'Kẻ gian', password: 'matkhau999' };
        case 'accounts.grant':
          return { role: 'admin', unitId: t.committee.id };
        case 'accounts.reset-password':
          return { newPassword: 'chiemquyen1' };
        case 'accounts.bulk-members':
          return { unitId: t.ward.id };
        default:
          return undefined;
      }
    }
    const adminOperations = accountRoutes.filter((r) => r.path.startsWith('/accounts'));

    it('covers every accounts operation', () => {
      expect(adminOperations.map((r) => r.operationId).sort()).toEqual(
        [
          'accounts.bulk-members',
          'accounts.create',
          'accounts.disable',
          'accounts.enable',
          'accounts.get',
          'accounts.grant',
          'accounts.list',
          'accounts.reset-password',
          'accounts.revoke',
        ].sort(),
      );
    });

    for (const username of others) {
      it(`refuses ${username} with 403 on every accounts operation`, async () => {
        const client = await TestClient.loggedIn(ctx, username, TEST_PASSWORD, admin.app);
        for (const r of adminOperations) {
          const res = await client.request(
            r.method.toUpperCase(),
            `/api${concrete(r.path)}`,
            bodyFor(r.operationId) ?? (r.method === 'get' || r.method === 'delete' ? undefined : {}),
          );
          expect([r.operationId, res.status, res.body.error?.code]).toEqual([r.operationId, 403, 'auth.forbidden']);
        }
      });
    }

    it('answers 401 to an anonymous request on every accounts and token operation', async () => {
      const anonymous = new TestClient(admin.app);
      for (const r of accountRoutes) {
        const res = await anonymous.request(r.method.toUpperCase(), `/api${concrete(r.path)}`, bodyFor(r.operationId));
        expect([r.operationId, res.status, res.body.error?.code]).toEqual([r.operationId, 401, 'auth.unauthenticated']);
      }
    });

    it('wrote no account for the refused attempts', async () => {
      const row = await db.handle.db.selectFrom('accounts').select('id').where('username', '=', 'ke.gian').executeTakeFirst();
      expect(row).toBeUndefined();
    });
  });
});
