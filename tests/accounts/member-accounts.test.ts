// Bulk creation of members' accounts (issue 2 item 6): an .xlsx of usernames and one-time
// passwords that log in and must be changed, on both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { MEMBER_ACCOUNT_HEADERS, MEMBER_ACCOUNT_HEADER_ROW } from '../../src/server/features/accounts/member-accounts-xlsx.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

type Committee = Awaited<ReturnType<typeof makeSmallCommittee>>;

async function readSheet(body: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((row, n) => {
    if (n > MEMBER_ACCOUNT_HEADER_ROW) rows.push((row.values as unknown[]).slice(1).map((v) => String(v)));
  });
  return { ws, rows };
}

describeEachDialect('bulk member accounts', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let t: Committee;
  let admin: TestClient;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    t = await makeSmallCommittee(db.handle.db);
    await makeMember(db.handle.db, t.cellB, 'Võ Văn Chuyển', { status: 'transferred' });
    await makeMember(db.handle.db, t.cellB, 'Hồ Thị Mất', { status: 'deceased' });
    // Same name as a member below, and an account already named like his: the number follows.
    await makeMember(db.handle.db, t.cellB, 'Đặng Văn Hùng', { gender: 'male' });
    await makeAccount(db.handle.db, { username: 'hung.dangvan' });
    admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('hands out an .xlsx of new accounts whose passwords log in and must be changed', async () => {
    const r = await admin.post('/api/accounts/bulk-members', { unitId: t.ward.id });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="tai-khoan-dang-vien-.*\.xlsx"/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const { ws, rows } = await readSheet(r.body as ArrayBuffer);

    expect((ws.getRow(MEMBER_ACCOUNT_HEADER_ROW).values as unknown[]).slice(1)).toEqual([...MEMBER_ACCOUNT_HEADERS]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: MEMBER_ACCOUNT_HEADER_ROW });
    expect(String(ws.getCell(2, 1).value)).toMatch(/không thể xem lại/);
    expect(ws.getColumn(2).width).toBeGreaterThan(20);

    // Thúy has an account already; the transferred and the deceased get none; the exempt Lê Thủy does.
    // Chi bộ 1 before chi bộ 2 (by code), roster order (given name first) inside each.
    expect(rows.map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      ['1', 'Đặng Văn Hùng', 'Chi bộ khối phố 1', 'hung.dangvan2'],
      ['2', 'Đặng Văn Hùng', 'Chi bộ khối phố 2', 'hung.dangvan3'],
      ['3', 'Trần Thị Lan', 'Chi bộ khối phố 2', 'lan.tranthi'],
      ['4', 'Lê Thủy', 'Chi bộ khối phố 2', 'thuy.le'],
    ]);
    expect(r.headers.get('x-tusoi-created')).toBe('4');

    for (const [, , , username, password] of rows) {
      expect(password).toMatch(/^[a-z]{6}[2-9]{4}$/);
      const stored = await db.handle.db
        .selectFrom('accounts')
        .select(['password_hash', 'must_change_password'])
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      expect(stored.password_hash.startsWith('$argon2id$')).toBe(true);
      expect(stored.password_hash).not.toContain(password);
      const user = new TestClient(admin.app);
      const login = await user.login(username, password);
      expect(login.status).toBe(200);
      expect(login.body.mustChangePassword).toBe(true);
      const blocked = await user.get('/api/me/tokens');
      expect(blocked.body.error.code).toBe('auth.password_change_required');
    }

    const lan = (await admin.get('/api/accounts?q=lan.tranthi')).body.items[0];
    expect(lan).toMatchObject({ memberId: t.members.lan.id, mustChangePassword: true, displayName: 'Trần Thị Lan' });
    expect(lan.grants).toEqual([expect.objectContaining({ role: 'member', unitId: t.cellB.id })]);
    const me = await TestClient.loggedIn(ctx, 'lan.tranthi', rows[2][4], admin.app);
    expect((await me.get('/api/me')).body).toMatchObject({ memberId: t.members.lan.id, mustChangePassword: true });

    const events = await db.handle.db
      .selectFrom('audit_events')
      .select(['entity_id', 'action', 'actor_id'])
      .where('action', '=', 'account.create_for_member')
      .execute();
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.actor_id === t.accounts.admin.id)).toBe(true);
    const audited = JSON.stringify(await db.handle.db.selectFrom('audit_events').select('after_json').execute());
    for (const row of rows) expect(audited).not.toContain(row[4]);
  });

  it('gives nobody a second account when run again', async () => {
    const before = await db.handle.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await admin.post('/api/accounts/bulk-members', { unitId: t.ward.id });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-tusoi-created')).toBe('0');
    const { ws, rows } = await readSheet(r.body as ArrayBuffer);
    expect(rows).toEqual([]);
    expect(String(ws.getCell(2, 1).value)).toMatch(/Không có đảng viên nào/);
    const after = await db.handle.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("refuses a unit outside the caller's admin subtree and non-admins", async () => {
    await makeAccount(db.handle.db, { username: 'quantri.s01', grants: [{ role: 'admin', unit: t.school }] });
    const schoolAdmin = await TestClient.loggedIn(ctx, 'quantri.s01', TEST_PASSWORD, admin.app);
    const outside = await schoolAdmin.post('/api/accounts/bulk-members', { unitId: t.ward.id });
    expect(outside.status).toBe(403);
    const organizer = await TestClient.loggedIn(ctx, 'bantochuc', TEST_PASSWORD, admin.app);
    expect((await organizer.post('/api/accounts/bulk-members', { unitId: t.school.id })).status).toBe(403);
    const unknown = await admin.post('/api/accounts/bulk-members', { unitId: 'khongtontai00' });
    expect(unknown.status).toBe(404);
    const school = await schoolAdmin.post('/api/accounts/bulk-members', { unitId: t.school.id });
    expect(school.status).toBe(200);
    expect((await readSheet(school.body as ArrayBuffer)).rows.map((r) => r[3])).toEqual(['an.phamvan']);
  });
});
