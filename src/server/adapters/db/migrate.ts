import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { DbHandle } from './dialect.js';
import { migration0001 } from './migrations/0001-org-units-and-members.js';
import { migration0002 } from './migrations/0002-accounts-audit-jobs.js';
import { migration0003 } from './migrations/0003-member-name-words.js';
import { migration0004 } from './migrations/0004-campaigns.js';
import { migration0005 } from './migrations/0005-conference-classification.js';
import { migration0006 } from './migrations/0006-documents.js';
import { migration0007 } from './migrations/0007-name-words-scope.js';

/** Migrations in order; names sort lexically, as Kysely's Migrator requires. */
export function migrationsFor(handle: DbHandle): Record<string, Migration> {
  return {
    '0001-org-units-and-members': migration0001(handle),
    '0002-accounts-audit-jobs': migration0002(handle),
    '0003-member-name-words': migration0003(handle),
    '0004-campaigns': migration0004(handle),
    '0005-conference-classification': migration0005(handle),
    '0006-documents': migration0006(handle),
    '0007-name-words-scope': migration0007(handle),
  };
}

export function migratorFor(handle: DbHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrationsFor(handle) },
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Cập nhật cấu trúc dữ liệu thất bại${failed ? ` ở bước ${failed.migrationName}` : ''}: ${String(result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
  return check(await migratorFor(handle).migrateToLatest());
}

export async function migrateUpOne(handle: DbHandle): Promise<string[]> {
  return check(await migratorFor(handle).migrateUp());
}

/** Name of the last applied migration (the "migration level" of /api/health). */
export async function migrationLevel(handle: DbHandle): Promise<string | null> {
  const all = await migratorFor(handle).getMigrations();
  const applied = all.filter((m) => m.executedAt);
  return applied.length ? applied[applied.length - 1].name : null;
}
