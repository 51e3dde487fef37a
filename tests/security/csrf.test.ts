// CSRF (issue 6, web security item 3), through HTTP on both databases. The browser sends the session
// cookie on its own, also on a request another site makes it send; only the app's own script sends
// the session's x-csrf-token header. So every operation that is not a GET, walked from the OpenAPI
// document (a new route is covered the day it is added), is refused with 403 auth.csrf when the
// cookie comes without the header, with a wrong one, or with another session's — before anything
// is read or written. A script's Bearer token is no ambient credential and needs no header.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeSmallCommittee, TEST_PASSWORD } from '../support/factories.js';
import { TestClient, type ApiResponse } from '../support/http.js';

interface Operation {
  method: string;
  path: string;
  operationId: string;
  multipart: boolean;
  public: boolean;
}

/** Every operation of the OpenAPI document that is not a GET. */
async function writeOperations(client: TestClient): Promise<Operation[]> {
  const doc = (await client.get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { operationId: string; security: unknown[]; requestBody?: { content: Record<string, unknown> } }>>;
  };
  const ops: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (method === 'get') continue;
      // Any well-formed id fills a path parameter: the CSRF check comes before the parameters are read.
      const path = template.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'subjectKind' ? 'member' : name === 'year' ? '2024' : name === 'as' ? 'docx' : 'khongco0000000001',
      );
      ops.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        multipart: !!op.requestBody?.content['multipart/form-data'],
        public: op.security.length === 0,
      });
    }
  }
  return ops;
}

function send(client: TestClient, op: Operation): Promise<ApiResponse> {
  return client.request(op.method, op.path, op.multipart ? new FormData() : {});
}

describeEachDialect('CSRF on every write operation', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let ops: Operation[];

  const auditCount = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    await makeSmallCommittee(ctx.db);
    ops = await writeOperations(TestClient.for(ctx));
  });
  afterAll(async () => db.drop());

  it('walks a complete list: every write operation of the API but the login', () => {
    expect(ops.length).toBeGreaterThan(70);
    expect(ops.filter((o) => o.public).map((o) => o.operationId)).toEqual(['auth.login']);
    expect(ops.map((o) => o.operationId)).toEqual(
      expect.arrayContaining([
        'auth.logout',
        'me.change-password',
        'members.import',
        'accounts.reset-password',
        'accounts.revoke',
        'reviews.save',
        'announcements.post',
        'documents.issue',
        'conferences.save-entry',
        'remediation.save',
      ]),
    );
    expect(new Set(ops.map((o) => o.method))).toEqual(new Set(['POST', 'PUT', 'PATCH', 'DELETE']));
  });

  it('refuses a cookie session without the header, with a wrong one or with another session’s: 403 auth.csrf, nothing written', async () => {
    const admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
    const other = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
    const ownToken = admin.csrfToken;
    expect(other.csrfToken).not.toBe(ownToken);
    const before = await auditCount();
    const failures: string[] = [];
    for (const op of ops.filter((o) => !o.public)) {
      for (const token of [null, 'khong-dung', `${ownToken}x`, ownToken!.slice(0, -1), other.csrfToken]) {
        admin.csrfToken = token;
        const r = await send(admin, op);
        if (r.status !== 403 || r.body?.error?.code !== 'auth.csrf')
          failures.push(`${op.operationId} (${token}): ${r.status} ${r.body?.error?.code}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await auditCount()).toBe(before);
    // The session itself is still alive: the refusals ended nothing.
    admin.csrfToken = ownToken;
    expect((await admin.get('/api/me')).status).toBe(200);
  });

  it('lets the same requests through the CSRF check with the right header', async () => {
    const admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
    const refusedByCsrf: string[] = [];
    // Logging out last: it ends the session the others use.
    const ordered = [...ops.filter((o) => !o.public && o.operationId !== 'auth.logout'), ops.find((o) => o.operationId === 'auth.logout')!];
    for (const op of ordered) {
      const r = await send(admin, op);
      if (r.status === 401 || r.body?.error?.code === 'auth.csrf') refusedByCsrf.push(`${op.operationId}: ${r.status}`);
    }
    expect(refusedByCsrf).toEqual([]);
  });

  it('needs no header with a Bearer token', async () => {
    const admin = await TestClient.loggedIn(ctx, 'admin', TEST_PASSWORD);
    const created = await admin.post('/api/me/tokens', { name: 'Kiểm tra CSRF' });
    expect(created.status).toBe(200);
    const script = new TestClient(admin.app);
    script.bearer = created.body.token;
    const refused: string[] = [];
    for (const op of ops.filter((o) => !o.public)) {
      const r = await send(script, op);
      if (r.status === 401 || r.body?.error?.code === 'auth.csrf') refused.push(`${op.operationId}: ${r.status} ${r.body?.error?.code}`);
    }
    expect(refused).toEqual([]);
    // And a Bearer write really acts: the token's holder posts an announcement without the header.
    const office = await TestClient.loggedIn(ctx, 'vanphong', TEST_PASSWORD);
    const officeToken = (await office.post('/api/me/tokens', { name: 'Đăng tin' })).body.token as string;
    const officeScript = new TestClient(office.app);
    officeScript.bearer = officeToken;
    const unitId = (await office.get('/api/me')).body.grants[0].unitId as string;
    const posted = await officeScript.post('/api/announcements', { unitId, title: 'Tin đăng bằng mã truy cập' });
    expect(posted.status).toBe(200);
  });
});
