// Bulk inserts (dialect.ts insertMany): the same rows come back on both databases — texts with
// Vietnamese, quotes and braces, integers, nulls in text and integer columns — inside a transaction
// that can still roll them back, across more than one chunk.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';

describeEachDialect('insertMany', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await migratedDatabase(dialect);
  });
  afterAll(async () => db.drop());

  const rows = Array.from({ length: 25_001 }, (_, i) => ({
    key: `k${String(i).padStart(6, '0')}`,
    failures: i,
    window_start: i % 2 ? 'Nguyễn "Văn" {A}, \\ B' : 'Trần Thị Ánh',
    locked_until: i % 3 ? null : `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
  }));

  it('writes every row with its values, nulls included', async () => {
    const ctx = contextFor(db.handle);
    await ctx.db.transaction().execute((tx) => ctx.handle.insertMany(tx, 'login_throttle', rows));
    const back = await ctx.db.selectFrom('login_throttle').selectAll().orderBy('key').execute();
    expect(back).toHaveLength(rows.length);
    expect(back[0]).toEqual(rows[0]);
    expect(back[1]).toEqual(rows[1]);
    expect(back[25_000]).toEqual(rows[25_000]);
  });

  it('rolls back with the transaction', async () => {
    const ctx = contextFor(db.handle);
    const more = [{ key: 'rollback-1', failures: 1, window_start: 'x', locked_until: null }];
    await expect(
      ctx.db.transaction().execute(async (tx) => {
        await ctx.handle.insertMany(tx, 'login_throttle', more);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await ctx.db.selectFrom('login_throttle').select('key').where('key', '=', 'rollback-1').execute()).toEqual([]);
  });
});
