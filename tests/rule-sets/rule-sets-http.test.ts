// Rule sets through HTTP on both databases (issue 3 item 1): staff list and read them, a member
// is refused, an unknown id is a 404 with its code and a Vietnamese message. Rule sets are not
// database data; this checks the route, its authorization and its contract on each dialect.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { listRuleSetsResponse, ruleSetDetail } from '../../src/shared/contracts/rule-sets.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient } from '../support/http.js';

describeEachDialect('rule sets over HTTP', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    await makeSmallCommittee(ctx.db);
  });
  afterAll(async () => db.drop());

  it('lists the five periods, oldest first, for staff', async () => {
    const r = await (await as('admin')).get('/api/rule-sets');
    expect(r.status).toBe(200);
    const body = listRuleSetsResponse.parse(r.body);
    expect(body.items.map((i) => i.id)).toEqual(['hd27-2014', 'hd16-2018', 'hd21-2019', 'hd25-2023', 'hd43-2025']);
    expect(body.items.map((i) => i.scoring)).toEqual(['qualitative', 'grades', 'grades', 'grades', 'points']);
    expect(body.items[4].years).toEqual({ from: 2025, to: null });
  });

  it('gives a whole rule set, in the contract, with its forms keyed by meaning', async () => {
    const c = await as('bantochuc');
    const r = await c.get('/api/rule-sets/hd25-2023');
    expect(r.status).toBe(200);
    const rs = ruleSetDetail.parse(r.body);
    expect(rs.forms.member_no_post?.letter).toBe('02A');
    expect(rs.forms.member_leader?.letter).toBe('02B');
    const current = ruleSetDetail.parse((await c.get('/api/rule-sets/hd43-2025')).body);
    expect(current.forms.member_leader?.letter).toBe('2A');
    expect(current.forms.member_outside?.letter).toBe('2C');
    expect(current.points?.bands).toEqual({ excellent: 90, good: 70, satisfactory: 50 });
  });

  it('is open to every staff role, down to a chi bộ secretary', async () => {
    for (const username of ['thuongtruc', 'vanphong', 'capuy.p01', 'bithu.c1']) {
      const r = await (await as(username)).get('/api/rule-sets/hd27-2014');
      expect(r.status, username).toBe(200);
      expect(r.body.unitLevels[0].label).toBe('Trong sạch, vững mạnh');
    }
  });

  it('refuses a member with auth.forbidden', async () => {
    const c = await as('dangvien.thuy');
    for (const path of ['/api/rule-sets', '/api/rule-sets/hd43-2025']) {
      const r = await c.get(path);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('auth.forbidden');
    }
  });

  it('asks an anonymous caller to log in', async () => {
    const r = await TestClient.for(ctx).get('/api/rule-sets');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('auth.unauthenticated');
  });

  it('answers an unknown id with rule_set.not_found in Vietnamese', async () => {
    const r = await (await as('admin')).get('/api/rule-sets/hd99-2030');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('rule_set.not_found');
    expect(r.body.error.message).toBe('Không tìm thấy bộ quy định.');
  });

  it('documents both operations in the OpenAPI document', async () => {
    const r = await TestClient.for(ctx).get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.paths['/api/rule-sets'].get.operationId).toBe('rule-sets.list');
    expect(r.body.paths['/api/rule-sets/{id}'].get.operationId).toBe('rule-sets.get');
    expect(r.body.paths['/api/rule-sets/{id}'].get.responses['404']['x-error-codes']).toContain('rule_set.not_found');
  });
});
