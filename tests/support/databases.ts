// Real databases for tests (no mocks): a fresh SQLite file per call, and on PostgreSQL a fresh
// database copied from a migrated template that the global setup made. Outside CI, a missing
// PostgreSQL skips its half of the tests; with CI=true it fails them (DEVELOPERS.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DbHandle, type DialectName } from '../../src/server/adapters/db/dialect.js';
import { migrateToLatest } from '../../src/server/adapters/db/migrate.js';

export const PG_ADMIN_URL = process.env.TUSOI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const IN_CI = process.env.CI === 'true';

export function pgUrlFor(database: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

let pgAvailable: boolean | null = null;
export async function postgresAvailable(): Promise<boolean> {
  if (pgAvailable !== null) return pgAvailable;
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    pgAvailable = true;
  } catch {
    pgAvailable = false;
  } finally {
    await client.end().catch(() => undefined);
  }
  return pgAvailable;
}

async function adminQuery(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** The dialects a data-path test runs on: both, always; PostgreSQL is skipped only outside CI. */
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  handle: DbHandle;
  dialect: DialectName;
  /** For child processes (the CLI, a second server): DATABASE_URL of this database. */
  url: string;
  drop(): Promise<void>;
}

/** An empty, unmigrated database (for migration tests). */
export async function emptyDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-test-'));
    const file = path.join(dir, 'test.sqlite');
    const handle = await openDatabase({ dialect: 'sqlite', file });
    return {
      handle,
      dialect,
      url: `file:${file}`,
      async drop() {
        await handle.close().catch(() => undefined);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = uniqueName('tusoi_t');
  await adminQuery(`create database ${name}`);
  return pgDatabase(name);
}

async function pgDatabase(name: string): Promise<TestDatabase> {
  const url = pgUrlFor(name);
  const handle = await openDatabase({ dialect: 'postgres', url });
  return {
    handle,
    dialect: 'postgres',
    url,
    async drop() {
      await handle.close().catch(() => undefined);
      await adminQuery(`drop database if exists ${name} with (force)`).catch(() => undefined);
    },
  };
}

/** A migrated, empty database. On PostgreSQL it is a copy of the template (fast). */
export async function migratedDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const db = await emptyDatabase('sqlite');
    await migrateToLatest(db.handle);
    return db;
  }
  const name = uniqueName('tusoi_t');
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`create database ${name} template ${inject('pgTemplate')}`);
      break;
    } catch (e) {
      // Two copies of one template at the same instant can collide; try again shortly.
      if (attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
    }
  }
  return pgDatabase(name);
}

/**
 * Creates the migrated template once per test run (vitest global setup). Its name is unique to the
 * run, so two runs on one machine (two developers, or a developer and CI) never drop each other's.
 */
export async function prepareTemplate(): Promise<string> {
  const name = uniqueName('tusoi_tpl');
  await adminQuery(`create database ${name}`);
  const handle = await openDatabase({ dialect: 'postgres', url: pgUrlFor(name) });
  try {
    await migrateToLatest(handle);
  } finally {
    await handle.close();
  }
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`drop database if exists ${name} with (force)`);
}
