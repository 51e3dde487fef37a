// Announcements, "tin mới cập nhật" (issue 5 item 5), through HTTP on both databases: posting,
// editing and withdrawing with their audit rows; 422 naming each bad field with nothing written;
// 409 on a stale version; who reads what (design §2 row "Documents, register, announcements": an
// item is read in the subtree of its unit and by the levels above it, not in a sibling ward) and
// who may post for which unit; newest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeSmallCommittee, makeUnit, TEST_PASSWORD } from '../support/factories.js';
import { clientsByUsername } from '../support/http.js';
import { canPostAnnouncement, canReadAnnouncement } from '../../src/server/domain/announcement-policy.js';
import type { Principal } from '../../src/server/domain/policy.js';
import type { Role } from '../../src/shared/vocabulary.js';

// The rule itself, from the table of design §2 (row "Documents, register, announcements"), on a
// committee /c/ with wards /c/a/ and /c/b/ and a chi bộ /c/a/x/: the grant on the left, then
// whether it posts for, and reads, the committee, ward A, ward B and the chi bộ of ward A.
describe('announcement policy (design §2)', () => {
  const units = ['/c/', '/c/a/', '/c/b/', '/c/a/x/'];
  const who = (role: Role, unitPath: string, memberUnitPath: string | null = null): Principal => ({
    accountId: 'x',
    memberId: memberUnitPath ? 'm' : null,
    memberUnitPath,
    grants: [{ role, unitPath, unitKind: 'committee' }],
  });
  const table: [string, Principal, string, string][] = [
    //                                          post   read  (committee, A, B, chi bộ of A)
    ['office of the committee', who('office', '/c/'), 'YYYY', 'YYYY'],
    ['organizer of the committee', who('organizer', '/c/'), 'YYYY', 'YYYY'],
    ['standing of the committee', who('standing', '/c/'), 'NNNN', 'YYYY'],
    ['admin of the committee', who('admin', '/c/'), 'NNNN', 'YYYY'],
    ['unit_committee of ward A', who('unit_committee', '/c/a/'), 'NYNY', 'YYNY'],
    ['cell_secretary in ward A', who('cell_secretary', '/c/a/x/'), 'NNNN', 'YYNY'],
    ['member in ward A', who('member', '/c/a/x/', '/c/a/x/'), 'NNNN', 'YYNY'],
  ];
  it.each(table)('%s', (_name, principal, posts, reads) => {
    expect(units.map((u) => (canPostAnnouncement(principal, u) ? 'Y' : 'N')).join('')).toBe(posts);
    expect(units.map((u) => (canReadAnnouncement(principal, u) ? 'Y' : 'N')).join('')).toBe(reads);
  });
});

describeEachDialect('announcements', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let tree: Awaited<ReturnType<typeof makeSmallCommittee>>;
  let ward2: Awaited<ReturnType<typeof makeUnit>>;
  const as = clientsByUsername(() => ctx, TEST_PASSWORD);
  const count = async (table: 'announcements' | 'audit_events') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditOf = (id: string) =>
    ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'seq', 'before_json', 'after_json', 'scope_path'])
      .where('entity_type', '=', 'announcement')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
  const titles = async (username: string, query = '') =>
    ((await (await as(username)).get(`/api/announcements${query}`)).body.items as { title: string }[]).map((a) => a.title);
  const post = async (username: string, body: Record<string, unknown>) => (await as(username)).post('/api/announcements', body);

  /** Ids of the items posted by the first tests, used by the later ones. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    tree = await makeSmallCommittee(ctx.db);
    // A second ward beside the first, with its own committee account and a member of its own.
    ward2 = await makeUnit(ctx.db, { parent: tree.committee, kind: 'grassroots_party', code: 'P02', name: 'Đảng bộ phường Nam Hà' });
    const ward2Cell = await makeUnit(ctx.db, { parent: ward2, kind: 'cell', code: 'P02.C1', name: 'Chi bộ khối phố 3' });
    const hoa = await makeMember(ctx.db, ward2Cell, 'Võ Thị Hoa');
    await makeAccount(ctx.db, { username: 'capuy.p02', grants: [{ role: 'unit_committee', unit: ward2 }] });
    await makeAccount(ctx.db, { username: 'dangvien.hoa', memberId: hoa.id, grants: [{ role: 'member', unit: ward2Cell }] });
    await setSetting(ctx.db, BUSINESS_DATE, '2017-12-05', new Date().toISOString());
  });
  afterAll(async () => db.drop());

  describe('posting', () => {
    it('the office posts for the committee; the date defaults to the business date; one audit row in the same write', async () => {
      await as('vanphong'); // its login is audited too: counted before
      const before = await count('audit_events');
      const r = await post('vanphong', {
        unitId: tree.committee.id,
        title: '  Thành ủy ban hành Kế hoạch kiểm điểm năm 2017  ',
        body: 'Các tổ chức cơ sở đảng hoàn thành trước ngày 31/12/2017.',
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        unitId: tree.committee.id,
        unitName: 'Thành ủy Hà Tĩnh',
        title: 'Thành ủy ban hành Kế hoạch kiểm điểm năm 2017',
        publishedOn: '2017-12-05',
        withdrawnAt: null,
        version: 1,
        abilities: { canEdit: true },
      });
      ids.city = r.body.id;
      const audit = await auditOf(ids.city);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'announcement.post',
        actor_id: tree.accounts.office.id,
        seq: 1,
        scope_path: tree.committee.path,
      });
      expect(JSON.parse(audit[0].after_json!)).toMatchObject({
        title: 'Thành ủy ban hành Kế hoạch kiểm điểm năm 2017',
        publishedOn: '2017-12-05',
      });
      expect(await count('audit_events')).toBe(before + 1);
    });

    it('a grassroots committee posts for its own ward, with a date of its choosing', async () => {
      const r = await post('capuy.p01', {
        unitId: tree.ward.id,
        title: 'Đảng ủy phường Bắc Hà triển khai nghị quyết Trung ương 6',
        publishedOn: '2017-08-20',
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ unitName: 'Đảng bộ phường Bắc Hà', publishedOn: '2017-08-20', body: null });
      ids.ward = r.body.id;
      const w2 = await post('capuy.p02', { unitId: ward2.id, title: 'Đảng ủy phường Nam Hà sơ kết quý III', publishedOn: '2017-10-02' });
      expect(w2.status).toBe(200);
      ids.ward2 = w2.body.id;
      expect((await auditOf(ids.ward2))[0]).toMatchObject({ action: 'announcement.post', scope_path: ward2.path });
    });

    it('refuses a grassroots committee posting for another ward or for the committee (403), writing nothing', async () => {
      const before = [await count('announcements'), await count('audit_events')];
      const other = await post('capuy.p01', { unitId: ward2.id, title: 'Tin của phường khác' });
      expect(other.status).toBe(403);
      expect(other.body.error.code).toBe('auth.forbidden');
      expect(other.body.error.message).toContain('Đảng bộ phường Nam Hà');
      const root = await post('capuy.p01', { unitId: tree.committee.id, title: 'Tin thay Thành ủy' });
      expect(root.status).toBe(403);
      expect([await count('announcements'), await count('audit_events')]).toEqual(before);
    });

    it('refuses members, chi bộ secretaries, the Standing Committee and the administrator (read only, design §2)', async () => {
      const before = await count('announcements');
      for (const [username, unitId] of [
        ['dangvien.thuy', tree.cellA.id],
        ['bithu.c1', tree.cellA.id],
        ['thuongtruc', tree.committee.id],
        ['admin', tree.committee.id],
      ] as const) {
        const r = await post(username, { unitId, title: 'Tin thử' });
        expect(r.status, username).toBe(403);
        expect(r.body.error.code).toBe('auth.forbidden');
      }
      expect(await count('announcements')).toBe(before);
    });

    it('answers 422 naming every bad field, in Vietnamese, and writes nothing', async () => {
      const before = [await count('announcements'), await count('audit_events')];
      const r = await post('vanphong', { unitId: '', title: '   ', body: 'x'.repeat(5001), publishedOn: '2017-02-30' });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('announcement.invalid');
      const problems = r.body.error.details.problems as { field: string; message: string }[];
      expect(problems.map((p) => p.field).sort()).toEqual(['body', 'publishedOn', 'title', 'unitId']);
      expect(problems.find((p) => p.field === 'title')?.message).toBe('Cần nhập tiêu đề tin');
      expect(problems.find((p) => p.field === 'body')?.message).toBe('Nội dung tin không được dài quá 5000 ký tự');
      expect(r.body.error.message).toMatch(/^Tin chưa hợp lệ/);
      const long = await post('vanphong', { unitId: tree.committee.id, title: 'T'.repeat(301) });
      expect(long.status).toBe(422);
      expect(long.body.error.details.problems).toEqual([{ field: 'title', message: 'Tiêu đề tin không được dài quá 300 ký tự' }]);
      expect([await count('announcements'), await count('audit_events')]).toEqual(before);
    });
  });

  describe('reading', () => {
    it('a member reads the committee-wide item and her own ward’s, not another ward’s', async () => {
      expect(await titles('dangvien.thuy')).toEqual([
        'Thành ủy ban hành Kế hoạch kiểm điểm năm 2017',
        'Đảng ủy phường Bắc Hà triển khai nghị quyết Trung ương 6',
      ]);
      expect(await titles('dangvien.hoa')).toEqual([
        'Thành ủy ban hành Kế hoạch kiểm điểm năm 2017',
        'Đảng ủy phường Nam Hà sơ kết quý III',
      ]);
      expect(await titles('bithu.c1')).not.toContain('Đảng ủy phường Nam Hà sơ kết quý III');
    });

    it('the upper level reads what the wards post, newest first by date', async () => {
      const expected = [
        'Thành ủy ban hành Kế hoạch kiểm điểm năm 2017',
        'Đảng ủy phường Nam Hà sơ kết quý III',
        'Đảng ủy phường Bắc Hà triển khai nghị quyết Trung ương 6',
      ];
      expect(await titles('thuongtruc')).toEqual(expected);
      expect(await titles('admin')).toEqual(expected);
      const r = await (await as('thuongtruc')).get('/api/announcements');
      expect(r.body.total).toBe(3);
      expect(r.body.postingUnits).toEqual([]);
      expect(r.body.items.map((a: { abilities: { canEdit: boolean } }) => a.abilities.canEdit)).toEqual([false, false, false]);
    });

    it('gives the home card the newest few with limit, and pages the full list', async () => {
      expect(await titles('vanphong', '?limit=1')).toEqual(['Thành ủy ban hành Kế hoạch kiểm điểm năm 2017']);
      expect(await titles('vanphong', '?page=2&pageSize=2')).toEqual(['Đảng ủy phường Bắc Hà triển khai nghị quyết Trung ương 6']);
    });

    it('tells each caller what they may change and for which units they may post', async () => {
      const ward = await (await as('capuy.p01')).get('/api/announcements');
      expect(ward.body.postingUnits).toEqual([{ id: tree.ward.id, name: 'Đảng bộ phường Bắc Hà', kind: 'grassroots_party' }]);
      expect(ward.body.businessDate).toBe('2017-12-05');
      expect(
        ward.body.items.map((a: { title: string; abilities: { canEdit: boolean } }) => [a.title.slice(0, 20), a.abilities.canEdit]),
      ).toEqual([
        ['Thành ủy ban hành Kế', false],
        ['Đảng ủy phường Bắc H', true],
      ]);
      const office = await (await as('vanphong')).get('/api/announcements');
      expect(office.body.postingUnits.map((u: { name: string }) => u.name)).toEqual(['Thành ủy Hà Tĩnh']);
      expect(office.body.items.every((a: { abilities: { canEdit: boolean } }) => a.abilities.canEdit)).toBe(true);
    });
  });

  describe('changing', () => {
    it('updates with the version read, audited with before and after; a stale version is 409 and changes nothing', async () => {
      const c = await as('capuy.p01');
      const r = await c.patch(`/api/announcements/${ids.ward}`, {
        version: 1,
        title: 'Đảng ủy phường Bắc Hà triển khai Nghị quyết Trung ương 6 khóa XII',
        body: 'Đến toàn thể các chi bộ.',
        publishedOn: '2017-08-21',
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ version: 2, publishedOn: '2017-08-21', body: 'Đến toàn thể các chi bộ.' });
      const audit = await auditOf(ids.ward);
      expect(audit.map((a) => [a.action, a.seq])).toEqual([
        ['announcement.post', 1],
        ['announcement.update', 2],
      ]);
      expect(JSON.parse(audit[1].before_json!)).toMatchObject({ publishedOn: '2017-08-20', body: null });
      expect(JSON.parse(audit[1].after_json!)).toMatchObject({ publishedOn: '2017-08-21', body: 'Đến toàn thể các chi bộ.' });

      // The office, over the whole committee, edits the ward's item too, but from the stale version.
      const stale = await (await as('vanphong')).patch(`/api/announcements/${ids.ward}`, { version: 1, title: 'Ghi đè' });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict.version');
      const row = await ctx.db.selectFrom('announcements').selectAll().where('id', '=', ids.ward).executeTakeFirstOrThrow();
      expect([row.title, row.version]).toEqual(['Đảng ủy phường Bắc Hà triển khai Nghị quyết Trung ương 6 khóa XII', 2]);
      expect(await auditOf(ids.ward)).toHaveLength(2);
    });

    it('checks an update like a post (422), and keeps other units’ items out of reach', async () => {
      const bad = await (await as('capuy.p01')).patch(`/api/announcements/${ids.ward}`, { version: 2, title: '' });
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.problems).toEqual([{ field: 'title', message: 'Cần nhập tiêu đề tin' }]);
      // Another ward does not even see the item; the Standing Committee sees it but only reads.
      const other = await (await as('capuy.p02')).patch(`/api/announcements/${ids.ward}`, { version: 2, title: 'Sửa hộ' });
      expect(other.status).toBe(404);
      expect(other.body.error.code).toBe('announcement.not_found');
      const standing = await (await as('thuongtruc')).patch(`/api/announcements/${ids.ward}`, { version: 2, title: 'Sửa hộ' });
      expect(standing.status).toBe(403);
      const member = await (await as('dangvien.thuy')).post(`/api/announcements/${ids.ward}/withdraw`, { version: 2 });
      expect(member.status).toBe(403);
      expect((await auditOf(ids.ward)).length).toBe(2);
    });

    it('withdraws: the item leaves every list, its row and history stay, and it cannot be changed again', async () => {
      const c = await as('capuy.p01');
      const stale = await c.post(`/api/announcements/${ids.ward}/withdraw`, { version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict.version');
      const r = await c.post(`/api/announcements/${ids.ward}/withdraw`, { version: 2 });
      expect(r.status).toBe(200);
      expect(r.body.withdrawnAt).not.toBeNull();
      expect(r.body.abilities.canEdit).toBe(false);
      expect(await titles('dangvien.thuy')).toEqual(['Thành ủy ban hành Kế hoạch kiểm điểm năm 2017']);
      expect(await titles('thuongtruc')).not.toContain('Đảng ủy phường Bắc Hà triển khai Nghị quyết Trung ương 6 khóa XII');
      const audit = await auditOf(ids.ward);
      expect(audit.map((a) => a.action)).toEqual(['announcement.post', 'announcement.update', 'announcement.withdraw']);
      expect(JSON.parse(audit[2].after_json!).withdrawnAt).toBe(r.body.withdrawnAt);
      const again = await c.post(`/api/announcements/${ids.ward}/withdraw`, { version: 3 });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('announcement.withdrawn');
      expect(await count('announcements')).toBe(3);
    });
  });

  it('documents the four operations with their error codes in the OpenAPI document', async () => {
    const doc = (await (await as('admin')).get('/api/openapi.json')).body;
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p));
    expect(ops.map((o) => o.operationId).filter((id) => id.startsWith('announcements.'))).toEqual(
      expect.arrayContaining(['announcements.list', 'announcements.post', 'announcements.update', 'announcements.withdraw']),
    );
    const post = doc.paths['/api/announcements'].post;
    expect(post.responses['422']['x-error-codes']).toContain('announcement.invalid');
  });
});
