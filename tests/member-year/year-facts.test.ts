// The facts of the year by hand (issue 3 item 5; design §3, MemberYearFacts): recorded by the unit
// committee, audited with before and after, version-locked; read where reviews are read; the list
// is scoped in SQL to the caller's subtrees, in roster order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadYearFacts } from '../../src/server/adapters/db/member-year.repository.js';
import { describeEachDialect } from '../support/each-dialect.js';
import type { TestClient } from '../support/http.js';
import { closedCampaign, count, fixture, put, YEAR, type Fixture } from './support.js';

const FACTS = {
  disciplines: [{ form: 'reprimand', date: `${YEAR}-02-15`, reason: 'Vi phạm quy định sinh hoạt', selfDetected: true, remedied: true }],
  civilServiceRating: 'good',
  targetsCompletedPct: 90,
  sickLeaveDays: 12,
  maternityLeaveDays: null,
  degradationConcluded: false,
  confidenceLowPct: null,
  note: 'Ghi chú của cấp ủy',
};

describeEachDialect('facts of the year', (dialect) => {
  let f: Fixture;
  let committee: TestClient;
  let path: string;
  beforeAll(async () => {
    f = await fixture(dialect);
    committee = await f.login('capuy.p01');
    path = `/api/members/${f.tree.members.thuy.id}/year-facts/${YEAR}`;
  });
  afterAll(async () => {
    await f.db.drop();
  });

  it('shows nothing recorded yet, with the right to write for the unit committee', async () => {
    const r = await committee.get(path);
    expect(r.status).toBe(200);
    expect(r.body.facts).toBeNull();
    expect(r.body.canWrite).toBe(true);
    expect(r.body.memberName).toBe('Nguyễn Thị Thúy');
  });

  it('records the facts by the unit committee, with an audit event holding what was written', async () => {
    const r = await put(committee, path, FACTS);
    expect(r.status).toBe(200);
    expect(r.body.facts.version).toBe(1);
    expect(r.body.facts.disciplines).toEqual([{ ...FACTS.disciplines[0], dutyRelated: false }]);
    expect(r.body.facts.civilServiceRating).toBe('good');
    const audit = await f.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', 'member_year_facts')
      .where('entity_id', '=', r.body.facts.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('member_year_facts.create');
    expect(audit[0].scope_path).toBe(f.tree.cellA.path);
    expect(JSON.parse(audit[0].after_json!)).toMatchObject({ memberId: f.tree.members.thuy.id, year: YEAR, targetsCompletedPct: 90 });

    const loaded = await loadYearFacts(f.ctx.db, [f.tree.members.thuy.id, f.tree.members.dang.id], YEAR);
    expect([...loaded.keys()]).toEqual([f.tree.members.thuy.id]);
    expect(loaded.get(f.tree.members.thuy.id)).toMatchObject({
      sickLeaveDays: 12,
      degradationConcluded: false,
      note: 'Ghi chú của cấp ủy',
    });
    expect(loaded.get(f.tree.members.thuy.id)!.disciplines[0].selfDetected).toBe(true);
  });

  it('updates at the version read, audits before and after, and refuses a stale version', async () => {
    const r = await put(committee, path, { ...FACTS, version: 1, degradationConcluded: true, degradationNote: 'Kết luận số 12-KL/ĐU' });
    expect(r.status).toBe(200);
    expect(r.body.facts.version).toBe(2);
    const events = await f.ctx.db.selectFrom('audit_events').selectAll().where('entity_id', '=', r.body.facts.id).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['member_year_facts.create', 'member_year_facts.update']);
    expect(JSON.parse(events[1].before_json!).degradationConcluded).toBe(false);
    expect(JSON.parse(events[1].after_json!).degradationConcluded).toBe(true);

    const stale = await put(committee, path, { ...FACTS, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict.version');
    expect((await committee.get(path)).body.facts.degradationConcluded).toBe(true);
  });

  it('refuses a discipline dated outside the year, and a year still to come', async () => {
    const before = await count(f.ctx, 'audit_events');
    const r = await put(committee, path, { ...FACTS, version: 2, disciplines: [{ form: 'warning', date: `${YEAR - 1}-12-30` }] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('facts.invalid');
    expect(r.body.error.message).toContain(`30/12/${YEAR - 1}`);
    const future = await put(committee, `/api/members/${f.tree.members.thuy.id}/year-facts/${YEAR + 1}`, FACTS);
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('facts.invalid');
    const bad = await put(committee, path, { ...FACTS, version: 2, targetsCompletedPct: 150 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.invalid');
    expect(await count(f.ctx, 'audit_events')).toBe(before);
  });

  it('refuses the facts of a year whose campaign is closed', async () => {
    await closedCampaign(f.ctx, f.tree.committee, YEAR - 2);
    const r = await put(committee, `/api/members/${f.tree.members.thuy.id}/year-facts/${YEAR - 2}`, { ...FACTS, disciplines: [] });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('campaign.closed');
  });

  it('lets the chi bộ secretary and the member read, but not write', async () => {
    const secretary = await f.login('bithu.c1');
    const read = await secretary.get(path);
    expect(read.status).toBe(200);
    expect(read.body.canWrite).toBe(false);
    const w = await put(secretary, path, { ...FACTS, version: 2 });
    expect(w.status).toBe(403);
    expect(w.body.error.code).toBe('auth.forbidden');

    const thuy = await f.login('dangvien.thuy');
    expect((await thuy.get(path)).status).toBe(200);
    expect((await put(thuy, path, { ...FACTS, version: 2 })).status).toBe(403);
    expect((await committee.get(path)).body.facts.version).toBe(2);
  });

  it('hides the facts from another member, from the office and from another unit’s committee', async () => {
    const dang = await f.login('dangvien.dang');
    const r = await dang.get(path);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('member.not_found');
    const office = await f.login('vanphong');
    const o = await office.get(path);
    expect(o.status).toBe(404);
    expect(o.body.error.code).toBe('facts.not_found');
    const school = await f.login('capuy.s01');
    expect((await school.get(path)).status).toBe(404);
    expect((await put(school, path, { ...FACTS, version: 2 })).status).toBe(404);
  });

  it('shows a member’s facts by year for the member page', async () => {
    const r = await committee.get(`/api/members/${f.tree.members.thuy.id}/year-facts`);
    expect(r.status).toBe(200);
    expect(r.body.canWrite).toBe(true);
    expect(r.body.items.map((i: { year: number }) => i.year)).toEqual([YEAR]);
  });

  it('lists the unit’s members with their facts in roster order, scoped to the caller', async () => {
    const ward = await committee.get(`/api/year-facts?unitId=${f.tree.ward.id}&year=${YEAR}`);
    expect(ward.status).toBe(200);
    expect(ward.body.year).toBe(YEAR);
    // Roster order: by given name in Vietnamese order (Hùng, Lan, Thủy before Thúy: hỏi before sắc).
    expect(ward.body.items.map((i: { fullName: string }) => i.fullName)).toEqual([
      'Đặng Văn Hùng',
      'Trần Thị Lan',
      'Lê Thủy',
      'Nguyễn Thị Thúy',
    ]);
    expect(ward.body.total).toBe(4);
    const thuy = ward.body.items.find((i: { memberId: string }) => i.memberId === f.tree.members.thuy.id);
    expect(thuy.facts.targetsCompletedPct).toBe(90);
    expect(thuy.canWrite).toBe(true);
    expect(ward.body.items.find((i: { memberId: string }) => i.memberId === f.tree.members.dang.id).facts).toBeNull();

    const page2 = await committee.get(`/api/year-facts?unitId=${f.tree.ward.id}&year=${YEAR}&page=2&pageSize=3`);
    expect(page2.body.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Thị Thúy']);
    expect(page2.body.total).toBe(4);

    // The school's unit committee sees its own members only, and not the ward at all.
    const school = await f.login('capuy.s01');
    const own = await school.get(`/api/year-facts?year=${YEAR}`);
    expect(own.body.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Phạm Văn An']);
    const other = await school.get(`/api/year-facts?unitId=${f.tree.ward.id}&year=${YEAR}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('org_unit.not_found');
    const whole = await school.get(`/api/year-facts?unitId=${f.tree.committee.id}&year=${YEAR}`);
    expect(whole.status).toBe(404);

    // The chi bộ secretary sees the chi bộ; the office, who reads no reviews, sees no one.
    const secretary = await f.login('bithu.c1');
    const cell = await secretary.get(`/api/year-facts?year=${YEAR}`);
    expect(cell.body.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Đặng Văn Hùng', 'Nguyễn Thị Thúy']);
    expect(cell.body.items.every((i: { canWrite: boolean }) => !i.canWrite)).toBe(true);
    const office = await f.login('vanphong');
    const none = await office.get(`/api/year-facts?unitId=${f.tree.committee.id}&year=${YEAR}`);
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
    const organizer = await f.login('bantochuc');
    expect((await organizer.get(`/api/year-facts?year=${YEAR}`)).body.total).toBe(5);
  });

  it('defaults the year to the business year', async () => {
    const r = await committee.get(`/api/year-facts?unitId=${f.tree.cellA.id}`);
    expect(r.body.year).toBe(YEAR);
  });
});
