// A 10,000-row member import through HTTP on both databases (issue 2 item 13 targets < 3 s; the
// figure is printed, not asserted: benchmarks are not timed tests, design §6).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/each-dialect.js';
import { counts, importFixture, memberFile, upload, type ImportFixture } from './support.js';

describeEachDialect('10,000-row member import', (dialect) => {
  let f: ImportFixture;
  beforeAll(async () => {
    f = await importFixture(dialect, { importJobThreshold: 20_000 });
  });
  afterAll(async () => {
    await f.db.drop();
  });

  it('validates and writes 10,000 rows in one request, then re-imports them unchanged', async () => {
    const file = await memberFile(10_000, ['P01.C1', 'P01.C2', 'S01']);
    const admin = await f.login('admin');
    const before = await counts(f.ctx);
    let t = performance.now();
    const r = await upload(admin, '/api/imports/members', file);
    const firstMs = performance.now() - t;
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body.summary).toEqual({ created: 10_000, updated: 0, unchanged: 0 });
    const after = await counts(f.ctx);
    expect(after.members - before.members).toBe(10_000);
    expect(after.audit - before.audit).toBe(10_000);

    t = performance.now();
    const again = await upload(admin, '/api/imports/members', file);
    const secondMs = performance.now() - t;
    expect(again.body.summary).toEqual({ created: 0, updated: 0, unchanged: 10_000 });
    expect(await counts(f.ctx)).toEqual(after);
    console.log(
      `[bench] members.import-10k [${dialect}]: ${(firstMs / 1000).toFixed(2)} s (file ${(file.length / 1024).toFixed(0)} KB); re-import unchanged ${(secondMs / 1000).toFixed(2)} s`,
    );
  });
});
