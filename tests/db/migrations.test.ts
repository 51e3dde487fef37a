// Migrations from zero and step by step give the same schema, on both databases (issue 2 item 2).
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, migrateUpOne, migrationLevel, migrationsFor } from '../../src/server/adapters/db/migrate.js';
import type { DbHandle } from '../../src/server/adapters/db/dialect.js';
import { emptyDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';

async function schemaOf(handle: DbHandle) {
  const tables = await handle.db.introspection.getTables();
  const columns = tables
    .filter((t) => !t.name.startsWith('kysely_'))
    .map((t) => ({
      table: t.name,
      columns: t.columns.map((c) => `${c.name}:${c.dataType}:${c.isNullable ? 'null' : 'notnull'}`).sort(),
    }))
    .sort((a, b) => a.table.localeCompare(b.table));
  const indexes =
    handle.dialect === 'sqlite'
      ? (
          await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master where type = 'index' order by name`.execute(
            handle.db,
          )
        ).rows
      : (
          await sql<{
            name: string;
            sql: string;
          }>`select indexname as name, indexdef as sql from pg_indexes where schemaname = 'public' order by indexname`.execute(handle.db)
        ).rows;
  return { columns, indexes };
}

describeEachDialect('migrations', (dialect) => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('applies from zero and step by step to the same schema', async () => {
    const whole = await emptyDatabase(dialect);
    const steps = await emptyDatabase(dialect);
    dbs.push(whole, steps);
    const applied = await migrateToLatest(whole.handle);
    const names = Object.keys(migrationsFor(whole.handle));
    expect(applied).toEqual(names);
    const stepNames: string[] = [];
    for (let i = 0; i < names.length; i++) {
      stepNames.push(...(await migrateUpOne(steps.handle)));
      expect(await migrationLevel(steps.handle)).toBe(names[i]);
    }
    expect(stepNames).toEqual(names);
    expect(await migrateUpOne(steps.handle)).toEqual([]);
    expect(await schemaOf(steps.handle)).toEqual(await schemaOf(whole.handle));
    expect((await schemaOf(whole.handle)).columns.map((t) => t.table)).toContain('members');
  });

  it('is idempotent: migrating an up-to-date database changes nothing', async () => {
    const db = await emptyDatabase(dialect);
    dbs.push(db);
    await migrateToLatest(db.handle);
    const before = await schemaOf(db.handle);
    expect(await migrateToLatest(db.handle)).toEqual([]);
    expect(await schemaOf(db.handle)).toEqual(before);
  });

  it("0007 writes each member's name words again with the member's path, roster key, folded name and the word's place", async () => {
    const db = await emptyDatabase(dialect);
    dbs.push(db);
    while ((await migrationLevel(db.handle)) !== '0006-documents') await migrateUpOne(db.handle);
    const now = '2026-11-01T00:00:00.000Z';
    await db.handle.db
      .insertInto('org_units')
      .values({
        id: 'u1',
        parent_id: null,
        path: '/u1/',
        depth: 0,
        kind: 'cell',
        code: 'C1',
        name: 'Chi bộ 1',
        name_search: ' chi bo 1',
        version: 1,
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
    const member = (id: string, name: string, search: string, key: string) => ({
      id,
      unit_id: 'u1',
      unit_path: '/u1/',
      family_name: name.split(' ')[0],
      middle_name: '',
      given_name: name.split(' ').slice(1).join(' '),
      full_name: name,
      name_search: search,
      sort_key: key,
      gender: 'female',
      is_leader: 0,
      is_head: 0,
      is_civil_servant: 0,
      status: 'active',
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await db.handle.db
      .insertInto('members')
      .values([member('m1', 'Lê Thủy', ' le thuy', 'k1'), member('m2', 'Trần Lan', ' tran lan', 'k2')] as never)
      .execute();
    await db.handle.db
      .insertInto('member_name_words')
      .values([
        { word: 'le', member_id: 'm1' },
        { word: 'thuy', member_id: 'm1' },
        { word: 'lan', member_id: 'm2' },
        { word: 'tran', member_id: 'm2' },
      ] as never)
      .execute();
    await migrateToLatest(db.handle);
    const words = await db.handle.db.selectFrom('member_name_words').selectAll().orderBy('word').execute();
    expect(words).toEqual([
      { word: 'lan', member_id: 'm2', unit_path: '/u1/', sort_key: 'k2', name_search: ' tran lan', word_offset: 6 },
      { word: 'le', member_id: 'm1', unit_path: '/u1/', sort_key: 'k1', name_search: ' le thuy', word_offset: 1 },
      { word: 'thuy', member_id: 'm1', unit_path: '/u1/', sort_key: 'k1', name_search: ' le thuy', word_offset: 4 },
      { word: 'tran', member_id: 'm2', unit_path: '/u1/', sort_key: 'k2', name_search: ' tran lan', word_offset: 1 },
    ]);
  });
});

describe('both dialects', () => {
  it('have the same tables and columns', async () => {
    const { postgresAvailable, IN_CI } = await import('../support/databases.js');
    if (!(await postgresAvailable()) && !IN_CI) return;
    const s = await emptyDatabase('sqlite');
    const p = await emptyDatabase('postgres');
    try {
      await migrateToLatest(s.handle);
      await migrateToLatest(p.handle);
      const names = async (h: DbHandle) =>
        (await schemaOf(h)).columns.map(
          (t) =>
            `${t.table}(${t.columns
              .map((c) => c.split(':')[0])
              .sort()
              .join(',')})`,
        );
      expect(await names(p.handle)).toEqual(await names(s.handle));
    } finally {
      await s.drop();
      await p.drop();
    }
  });
});
