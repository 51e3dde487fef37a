// A unique constraint refusing a write is recognised on both databases, so races answer 409.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/server/adapters/db/dialect.js';
import { contextFor } from '../../src/server/main.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeUnit } from '../support/factories.js';

describeEachDialect('unique violations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await migratedDatabase(dialect);
  });
  afterAll(async () => db.drop());

  it('are told apart from other errors', async () => {
    const ctx = contextFor(db.handle);
    await makeAccount(ctx.db, { username: 'trung' });
    const error = await makeAccount(ctx.db, { username: 'trung' }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    const other = await ctx.db
      .insertInto('members')
      .values({ id: 'x1' } as never)
      .execute()
      .catch((e: unknown) => e);
    expect(other).toBeInstanceOf(Error);
    expect(isUniqueViolation(other)).toBe(false);
  });

  it('keep one account per member', async () => {
    const ctx = contextFor(db.handle);
    const unit = await makeUnit(ctx.db, { kind: 'grassroots_cell', code: 'C1', name: 'Chi bộ 1' });
    const m = await makeMember(ctx.db, unit, 'Lê Văn Tám');
    await makeAccount(ctx.db, { username: 'tam.levan', memberId: m.id });
    const second = await makeAccount(ctx.db, { username: 'tam.levan2', memberId: m.id }).catch((e: unknown) => e);
    expect(isUniqueViolation(second)).toBe(true);
    await makeAccount(ctx.db, { username: 'canbo1' });
    await makeAccount(ctx.db, { username: 'canbo2' }); // staff accounts without a member do not collide
  });
});
