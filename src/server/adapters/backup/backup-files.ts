// Writing, checking and restoring backups (issue 6 item 4), shared by `tusoi backup`, `tusoi
// restore` and the scheduled backups of `tusoi serve`. A backup is written under a temporary name
// and renamed only once it has been read back and checked, so a file with the final name is
// always a whole, verified backup.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { partialNameOf } from '../../domain/backup-schedule.js';
import { openDatabase, type DbHandle } from '../db/dialect.js';
import { migrationLevel, migrationsFor } from '../db/migrate.js';
import {
  BackupError,
  applyArchive,
  archiveMigrations,
  assertToolCanDump,
  dumpDatabase,
  listArchive,
  readWholeArchive,
  requirePgTool,
  toolVersion,
  type ArchiveEntry,
} from './pg-tools.js';

export { BackupError } from './pg-tools.js';

export interface BackupReport {
  file: string;
  bytes: number;
  /** Last migration recorded in the backup. */
  level: string | null;
  tables: number;
}

/** The tables that make a database a Tự soi database. */
const CORE_TABLES = ['kysely_migration', 'org_units', 'members', 'accounts', 'audit_events'];

function temporaryBeside(target: string): string {
  return path.join(path.dirname(target), partialNameOf(path.basename(target), randomBytes(6).toString('hex')));
}

/** Makes `temp` the backup at `target` (replacing it only when the caller allowed it). */
function publish(temp: string, target: string): void {
  fs.renameSync(temp, target);
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface ServerFacts {
  versionNum: number;
  schema: string;
  tables: string[];
}

async function serverFacts(url: string): Promise<ServerFacts> {
  return withClient(url, async (client) => {
    const v = await client.query<{ server_version_num: string }>('show server_version_num');
    const s = await client.query<{ schema: string }>('select current_schema() as schema');
    const schema = s.rows[0].schema;
    const t = await client.query<{ tablename: string }>('select tablename from pg_tables where schemaname = $1 order by tablename', [
      schema,
    ]);
    return { versionNum: Number(v.rows[0].server_version_num), schema, tables: t.rows.map((r) => r.tablename) };
  });
}

/** The archive's tables (TABLE entries) of one schema, and which of them carry data. */
function archiveTables(entries: ArchiveEntry[], schema: string): { tables: Set<string>; data: Set<string> } {
  const tables = new Set(entries.filter((e) => e.type === 'TABLE' && e.schema === schema).map((e) => e.name));
  const data = new Set(entries.filter((e) => e.type === 'TABLE DATA' && e.schema === schema).map((e) => e.name));
  return { tables, data };
}

/**
 * `pg_dump --format=custom` of DATABASE_URL to `target`, through a temporary file: then the
 * archive is listed (every table of the database, with its data), read through to its end, and its
 * migration level read, before it takes its final name.
 */
export async function writePostgresBackup(url: string, target: string): Promise<BackupReport> {
  const pgDump = requirePgTool('pg_dump');
  const pgRestore = requirePgTool('pg_restore');
  const facts = await serverFacts(url);
  assertToolCanDump(await toolVersion(pgDump), facts.versionNum);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = temporaryBeside(target);
  try {
    await dumpDatabase(pgDump, url, temp);
    const entries = await listArchive(pgRestore, temp);
    const { tables, data } = archiveTables(entries, facts.schema);
    const missing = facts.tables.filter((t) => !tables.has(t) || !data.has(t));
    if (missing.length > 0) throw new BackupError(`Bản sao lưu thiếu bảng ${missing.slice(0, 5).join(', ')}: không dùng được.`);
    await readWholeArchive(pgRestore, temp);
    const migrations = await archiveMigrations(pgRestore, temp, facts.schema);
    const report: BackupReport = {
      file: target,
      bytes: fs.statSync(temp).size,
      level: migrations[migrations.length - 1] ?? null,
      tables: tables.size,
    };
    publish(temp, target);
    return report;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * An online copy of an open SQLite database (the server's own handle: the scheduled backup), through
 * a temporary file checked with integrity_check and foreign_key_check.
 */
export async function writeSqliteBackup(source: DbHandle, target: string): Promise<BackupReport> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = temporaryBeside(target);
  try {
    await source.backupTo(temp);
    const copy = await openDatabase({ dialect: 'sqlite', file: temp });
    let level: string | null;
    let tables: number;
    try {
      const problems = await copy.integrityCheck();
      if (problems.length > 0) throw new BackupError(`Bản sao lưu không toàn vẹn: ${problems.slice(0, 5).join('; ')}`);
      level = await migrationLevel(copy);
      tables = (await copy.db.introspection.getTables()).length;
      // Back to a single file (no -wal beside it) before it is renamed.
      await sql`pragma journal_mode = delete`.execute(copy.db);
    } finally {
      await copy.close();
    }
    const report: BackupReport = { file: target, bytes: fs.statSync(temp).size, level, tables };
    publish(temp, target);
    return report;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
  }
}

/** What a PostgreSQL backup file holds, checked before anything is restored from it. */
export interface PostgresBackupInspection {
  file: string;
  schema: string;
  entries: ArchiveEntry[];
  migrations: string[];
  level: string;
}

/**
 * Checks that `file` is a whole pg_dump archive of a Tự soi database this version can run: listed
 * and read to its end by pg_restore, with the core tables, and with no migration newer than the
 * software knows.
 */
export async function inspectPostgresBackup(handle: DbHandle, file: string): Promise<PostgresBackupInspection> {
  if (!fs.existsSync(file)) throw new BackupError(`Không tìm thấy tệp ${file}.`);
  if (!fs.statSync(file).isFile()) throw new BackupError(`${file} không phải một tệp.`);
  const pgRestore = requirePgTool('pg_restore');
  const entries = await listArchive(pgRestore, file);
  const schemas = new Set(entries.filter((e) => e.type === 'TABLE' && e.name === 'kysely_migration').map((e) => e.schema));
  const schema = schemas.size === 1 ? [...schemas][0] : 'public';
  const { tables, data } = archiveTables(entries, schema);
  const missing = CORE_TABLES.filter((t) => !tables.has(t) || !data.has(t));
  if (missing.length > 0) {
    throw new BackupError(`Tệp không phải bản sao lưu cơ sở dữ liệu Tự soi (thiếu bảng ${missing.join(', ')}).`);
  }
  await readWholeArchive(pgRestore, file);
  const migrations = await archiveMigrations(pgRestore, file, schema);
  if (migrations.length === 0) throw new BackupError('Tệp không phải bản sao lưu cơ sở dữ liệu Tự soi (chưa có bước cấu trúc nào).');
  const known = new Set(Object.keys(migrationsFor(handle)));
  const unknown = migrations.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new BackupError(
      `Bản sao lưu đến từ phiên bản Tự soi mới hơn (có bước cấu trúc ${unknown.join(', ')}); hãy cập nhật phần mềm trước.`,
    );
  }
  return { file, schema, entries, migrations, level: migrations[migrations.length - 1] };
}

/** Client sessions on the database other than the one asking: a running server keeps a few open. */
export async function otherPostgresSessions(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const r = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    return Number(r.rows[0]?.n ?? 0);
  });
}

/** Whether the database already holds Tự soi tables (an empty one needs no copy before a restore). */
export async function postgresHasTables(url: string): Promise<boolean> {
  return (await serverFacts(url)).tables.length > 0;
}

/**
 * The start of the restore transaction: every table, view and sequence of the schema that no
 * extension owns is dropped, so the database ends up exactly as the backup (a table added since by
 * a newer migration included), and the archive then recreates them. pg_trgm stays: the archive
 * says CREATE EXTENSION IF NOT EXISTS.
 */
function emptySchemaPreamble(schema: string): string {
  const literal = `'${schema.replace(/'/g, "''")}'`;
  return `
BEGIN;
SET client_min_messages = warning;
SET lock_timeout = '60s';
DO $tusoi_restore$
DECLARE
  item record;
BEGIN
  FOR item IN
    SELECT format('%I.%I', n.nspname, c.relname) AS name,
           CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                          WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${literal} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP %s IF EXISTS %s CASCADE', item.kind, item.name);
  END LOOP;
END
$tusoi_restore$;
`;
}

/**
 * Replaces the content of DATABASE_URL with the inspected archive, in one transaction (see
 * applyArchive). The archive's comment on the pg_trgm extension is left out: only the extension's
 * owner may set it, and it changes nothing.
 */
export async function restorePostgresBackup(url: string, inspection: PostgresBackupInspection): Promise<void> {
  const tools = { pgRestore: requirePgTool('pg_restore'), psql: requirePgTool('psql') };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-restore-'));
  try {
    const listFile = path.join(dir, 'toc.list');
    const lines = inspection.entries
      .filter((e) => !(e.type === 'COMMENT' && e.schema === '-' && e.name === 'EXTENSION'))
      .map((e) => e.line);
    fs.writeFileSync(listFile, `${lines.join('\n')}\n`);
    await applyArchive(tools, url, inspection.file, listFile, emptySchemaPreamble(inspection.schema));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
