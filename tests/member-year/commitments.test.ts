// Commitments (issue 3 item 5; design §2: the member writes their own commitment): the member
// writes, past years stay readable but closed, item ids stay the same across edits, other members
// see nothing, the chi bộ secretary reads, and two saves of the same version conflict.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import { loadCommitment } from '../../src/server/adapters/db/member-year.repository.js';
import { describeEachDialect } from '../support/each-dialect.js';
import type { TestClient } from '../support/http.js';
import { count, fixture, put, YEAR, type Fixture } from './support.js';

const VIETNAMESE = /[àáảãạăâđèéêìíòóôơùúưỳý]/i;

describeEachDialect('commitments', (dialect) => {
  let f: Fixture;
  let thuy: TestClient;
  let path: string;
  beforeAll(async () => {
    f = await fixture(dialect);
    thuy = await f.login('dangvien.thuy');
    path = `/api/members/${f.tree.members.thuy.id}/commitments`;
  });
  afterAll(async () => {
    await f.db.drop();
  });

  it('lets a member write their own commitment of the year, audited, with an id per item', async () => {
    const r = await put(thuy, `${path}/${YEAR}`, {
      items: [{ text: ' Học tập nghị quyết ' }, { text: 'Tham gia đầy đủ sinh hoạt chi bộ' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(1);
    expect(r.body.editable).toBe(true);
    expect(r.body.items.map((i: { text: string }) => i.text)).toEqual(['Học tập nghị quyết', 'Tham gia đầy đủ sinh hoạt chi bộ']);
    expect(new Set(r.body.items.map((i: { id: string }) => i.id)).size).toBe(2);
    const audit = await f.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', 'commitment')
      .where('entity_id', '=', r.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['commitment.create']);

    const list = await thuy.get(path);
    expect(list.status).toBe(200);
    expect(list.body.businessYear).toBe(YEAR);
    expect(list.body.canWrite).toBe(true);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].items).toEqual(r.body.items);
  });

  it('keeps the ids of the items kept when the commitment is edited (reviews check item by item)', async () => {
    const before = await thuy.get(path);
    const [first, second] = before.body.items[0].items as { id: string; text: string }[];
    const r = await put(thuy, `${path}/${YEAR}`, {
      version: 1,
      items: [{ id: second.id, text: 'Tham gia đầy đủ, đúng giờ sinh hoạt chi bộ' }, { text: 'Giúp đỡ quần chúng ưu tú' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(2);
    expect(r.body.items[0].id).toBe(second.id);
    expect(r.body.items[1].id).not.toBe(first.id);
    const stored = await loadCommitment(f.ctx.db, f.tree.members.thuy.id, YEAR);
    expect(stored?.items).toEqual(r.body.items);
    expect(stored?.version).toBe(2);
    const audit = await f.ctx.db.selectFrom('audit_events').selectAll().where('entity_id', '=', r.body.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['commitment.create', 'commitment.update']);
    expect(JSON.parse(audit[1].before_json!).items).toHaveLength(2);
  });

  it('refuses a save from a stale version with conflict.version and keeps what was saved', async () => {
    const stale = await put(thuy, `${path}/${YEAR}`, { version: 1, items: [{ text: 'Bản cũ' }] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict.version');
    expect(stale.body.error.message).toMatch(VIETNAMESE);
    const noVersion = await put(thuy, `${path}/${YEAR}`, { items: [{ text: 'Bản khác' }] });
    expect(noVersion.status).toBe(409);
    expect(noVersion.body.error.code).toBe('conflict.version');
    const stored = await loadCommitment(f.ctx.db, f.tree.members.thuy.id, YEAR);
    expect(stored?.version).toBe(2);
    expect(stored?.items.map((i) => i.text)).toEqual(['Tham gia đầy đủ, đúng giờ sinh hoạt chi bộ', 'Giúp đỡ quần chúng ưu tú']);
  });

  it('keeps past years readable but refuses to change them', async () => {
    const now = f.ctx.clock.now();
    await f.ctx.db
      .insertInto('commitments')
      .values({
        id: newId(),
        member_id: f.tree.members.thuy.id,
        year: YEAR - 1,
        items_json: JSON.stringify([{ id: newId(), text: 'Cam kết năm trước' }]),
        updated_by: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const list = await thuy.get(path);
    expect(list.body.items.map((c: { year: number; editable: boolean }) => [c.year, c.editable])).toEqual([
      [YEAR, true],
      [YEAR - 1, false],
    ]);
    const before = await count(f.ctx, 'audit_events');
    const r = await put(thuy, `${path}/${YEAR - 1}`, { version: 1, items: [{ text: 'Sửa lại' }] });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('commitment.past_year');
    expect(r.body.error.message).toContain(`năm ${YEAR - 1}`);
    expect(await count(f.ctx, 'audit_events')).toBe(before);
    expect((await loadCommitment(f.ctx.db, f.tree.members.thuy.id, YEAR - 1))?.items[0].text).toBe('Cam kết năm trước');
    const future = await put(thuy, `${path}/${YEAR + 1}`, { items: [{ text: 'Năm sau' }] });
    expect(future.status).toBe(400);
  });

  it('hides a member’s commitment from another member (404) and lets them not write it', async () => {
    const dang = await f.login('dangvien.dang');
    const r = await dang.get(path);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('member.not_found');
    const w = await put(dang, `${path}/${YEAR}`, { version: 2, items: [{ text: 'Viết hộ' }] });
    expect(w.status).toBe(404);
  });

  it('lets the chi bộ secretary and the unit committee read, but only the member write', async () => {
    for (const username of ['bithu.c1', 'capuy.p01', 'bantochuc']) {
      const c = await f.login(username);
      const r = await c.get(path);
      expect(r.status, username).toBe(200);
      expect(r.body.canWrite).toBe(false);
      expect(r.body.items[0].editable).toBe(false);
    }
    const secretary = await f.login('bithu.c1');
    const w = await put(secretary, `${path}/${YEAR}`, { version: 2, items: [{ text: 'Viết hộ' }] });
    expect(w.status).toBe(403);
    expect(w.body.error.code).toBe('auth.forbidden');
  });

  it('answers 404 to those who see the member but not the commitment, and to the school’s committee', async () => {
    const office = await f.login('vanphong');
    const r = await office.get(path);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('commitment.not_found');
    const school = await f.login('capuy.s01');
    expect((await school.get(path)).status).toBe(404);
  });

  it('refuses an empty commitment with a Vietnamese message', async () => {
    const dang = await f.login('dangvien.dang');
    const r = await put(dang, `/api/members/${f.tree.members.dang.id}/commitments/${YEAR}`, { items: [] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('request.invalid');
    expect(JSON.stringify(r.body.error.details)).toContain('ít nhất một nội dung');
  });
});
