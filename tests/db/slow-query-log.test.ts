// TUSOI_SLOW_QUERY_MS (README, Configuration): a statement at or over the limit is written to stderr
// with its SQL and duration, never with its values (they hold people's data); unset, nothing is.
import { afterEach, expect, it, vi } from 'vitest';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';

describeEachDialect('the slow query log', (dialect) => {
  let db: TestDatabase | null = null;
  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await db?.drop();
    db = null;
  });

  async function warningsOf(limit: string): Promise<string[]> {
    vi.stubEnv('TUSOI_SLOW_QUERY_MS', limit);
    db = await migratedDatabase(dialect);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.handle.db.selectFrom('members').select('id').where('full_name', '=', 'Nguyễn Thị Bí Mật').execute();
    return warn.mock.calls.map((c) => c.map(String).join(' ')).filter((line) => line.includes('truy vấn chậm'));
  }

  it('writes each statement over the limit with its SQL and duration, without its values', async () => {
    const lines = await warningsOf('0');
    const line = lines.find((l) => l.includes('from "members"'));
    expect(line).toMatch(/truy vấn chậm \d+(\.\d)? ms: select "id" from "members" where "full_name" = (\?|\$1)/);
    expect(lines.join('\n')).not.toContain('Bí Mật');
  });

  it('writes nothing when it is not set', async () => {
    expect(await warningsOf('')).toEqual([]);
  });
});
