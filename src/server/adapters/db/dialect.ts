// The one file that branches on the database (design §4). Everything else speaks Kysely and the
// helpers exported here, so SQLite (embedded default) and PostgreSQL (province scale) stay one code path.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type LogConfig,
  type PostgresPool,
  type PostgresPoolClient,
  type RawBuilder,
} from 'kysely';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/** `DATABASE_URL` is `file:…` or `postgres://…`; unset means `<data dir>/tusoi.sqlite`. */
export function databaseConfigFrom(env: { DATABASE_URL?: string; TUSOI_DATA_DIR?: string }): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', url };
  if (url && url.startsWith('file:')) return { dialect: 'sqlite', file: path.resolve(url.slice('file:'.length)) };
  if (url) throw new Error(`DATABASE_URL không hợp lệ: "${url}". Dùng file:<đường dẫn> hoặc postgres://…`);
  const dir = path.resolve(env.TUSOI_DATA_DIR ?? 'data');
  return { dialect: 'sqlite', file: path.join(dir, 'tusoi.sqlite') };
}

/**
 * Several server processes may share the database: PostgreSQL, made for it. SQLite takes one
 * writer at a time, and its single process is how Tự soi keeps writes from ever waiting on a lock.
 */
export function allowsSeveralProcesses(config: DatabaseConfig): boolean {
  return config.dialect === 'postgres';
}

/** Column types that differ between the two databases, for migrations. */
export interface DdlTypes {
  /** Text compared byte by byte: paths and sort keys must order the same on both databases. */
  binaryText: RawBuilder<unknown>;
  blob: 'blob' | 'bytea';
}

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  ddl: DdlTypes;
  /** Creates the extras that only one database has (trigram indexes on PostgreSQL). */
  createSearchIndex(db: Kysely<any>, table: string, column: string): Promise<void>;
  /** `PRAGMA integrity_check` / a catalog sanity query; returns problems found. */
  integrityCheck(): Promise<string[]>;
  /** Online, consistent copy of an SQLite database to `file` (PostgreSQL uses pg_dump). */
  backupTo(file: string): Promise<void>;
  /**
   * Inserts many rows of one table in the caller's transaction, the fastest way each database
   * offers: multi-row INSERTs on SQLite, one `INSERT … SELECT FROM unnest(arrays)` per 20,000 rows on
   * PostgreSQL (binding 8,000 parameters per statement costs more than the insert itself there).
   */
  insertMany(executor: Kysely<any>, table: keyof Database & string, rows: readonly Record<string, unknown>[]): Promise<void>;
  /**
   * After a bulk load (the demo data): fresh statistics for the planner, and on PostgreSQL the
   * visibility map too (VACUUM), without which an index-only scan reads every row's table page
   * until autovacuum comes by. Outside any transaction.
   */
  afterBulkLoad(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<DbHandle> {
  return config.dialect === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url);
}

function openSqlite(file: string): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }), log: slowQueryLog() });
  return {
    db,
    dialect: 'sqlite',
    ddl: { binaryText: sql`text`, blob: 'blob' },
    async createSearchIndex() {
      // SQLite has no trigram index without extensions; the folded column is scanned.
    },
    async integrityCheck() {
      const rows = raw.pragma('integrity_check') as { integrity_check: string }[];
      const fk = raw.pragma('foreign_key_check') as unknown[];
      const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      if (fk.length > 0) problems.push(`${fk.length} foreign key violations`);
      return problems;
    },
    async backupTo(target: string) {
      await raw.backup(target);
    },
    async insertMany(executor, table, rows) {
      if (rows.length === 0) return;
      // SQLite binds at most 32,766 parameters per statement.
      const chunk = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]).length));
      for (let i = 0; i < rows.length; i += chunk)
        await executor
          .insertInto(table)
          .values(rows.slice(i, i + chunk))
          .execute();
    },
    async afterBulkLoad() {
      await sql`analyze`.execute(db);
    },
    async close() {
      await db.destroy();
      // Kysely closes the connection only if it ran a query; a handle used for backupTo alone (tusoi
      // backup) stayed open, and kept the file busy for a restore in the same process.
      if (raw.open) raw.close();
    },
  };
}

/**
 * Kysely's SQLite driver prepares every statement anew, which costs more than running it for the
 * short queries of a page (stack notes: selects 2.6× slower). Statements are kept by their SQL text,
 * least recently used out first. Reuse is safe: Kysely runs one query at a time on the connection.
 */
function withStatementCache(raw: SQLite.Database, capacity = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => raw.close(),
    prepare(sqlText: string): SQLite.Statement {
      let stmt = cache.get(sqlText);
      if (stmt) {
        cache.delete(sqlText);
      } else {
        stmt = raw.prepare(sqlText);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sqlText, stmt);
      return stmt;
    },
  };
}

/**
 * TUSOI_SLOW_QUERY_MS=<n>: every statement that takes n ms or more is written to stderr with its
 * duration and SQL (never its parameters, which hold people's data), so an office can see what a
 * slow page waits for. Off by default.
 */
function slowQueryLog(): LogConfig | undefined {
  const limit = Number(process.env.TUSOI_SLOW_QUERY_MS);
  if (!process.env.TUSOI_SLOW_QUERY_MS || !Number.isFinite(limit)) return undefined;
  return (event) => {
    if (event.queryDurationMillis < limit) return;
    const text = event.query.sql.replace(/\s+/g, ' ');
    console.warn(`[tusoi] truy vấn chậm ${event.queryDurationMillis.toFixed(1)} ms${event.level === 'error' ? ' (lỗi)' : ''}: ${text}`);
  };
}

let pgTypesSet = false;
function openPostgres(url: string): DbHandle {
  if (!pgTypesSet) {
    // COUNT(*) and other int8 values: numbers, as on SQLite (our counts stay far below 2^53).
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));
    pgTypesSet = true;
  }
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.TUSOI_PG_POOL ?? 10) });
  // An idle connection that the server closes (restart, failover) must not bring the app down: the
  // pool drops it and opens another on the next query.
  pool.on('error', (error) => console.warn(`[tusoi] kết nối PostgreSQL bị đóng: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }), log: slowQueryLog() });
  return {
    db,
    dialect: 'postgres',
    ddl: { binaryText: sql`text collate "C"`, blob: 'bytea' },
    async createSearchIndex(trx: Kysely<any>, table: string, column: string) {
      await sql`create extension if not exists pg_trgm`.execute(trx);
      await sql`create index if not exists ${sql.raw(`${table}_${column}_trgm`)} on ${sql.table(table)} using gin (${sql.ref(column)} gin_trgm_ops)`.execute(
        trx,
      );
    },
    async integrityCheck() {
      const r = await sql<{ ok: number }>`select 1 as ok`.execute(db);
      return r.rows.length === 1 ? [] : ['postgres did not answer'];
    },
    async backupTo() {
      throw new Error('Sao lưu PostgreSQL dùng pg_dump (xem README).');
    },
    async insertMany(executor, table, rows) {
      if (rows.length === 0) return;
      const types = await pgColumnTypes(executor, table);
      const columns = Object.keys(rows[0]);
      for (let i = 0; i < rows.length; i += 20_000) {
        const chunk = rows.slice(i, i + 20_000);
        const arrays = columns.map((c) => sql`${chunk.map((r) => r[c] ?? null)}::${sql.raw(arrayType(types, table, c))}`);
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(
          executor,
        );
      }
    },
    async afterBulkLoad() {
      await sql`vacuum (analyze)`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Statements worth keeping prepared: the app's queries and row writes, not DDL or bulk loads. */
const PREPARABLE = /^\s*(select|with|insert|update|delete)\b/i;
const PREPARABLE_MAX_LENGTH = 8_000;

/**
 * Named (prepared) statements on PostgreSQL, per connection, the most recently used 300 kept: in
 * the season's load, planning took 41 % of the database's time (the caller's lookup planned in
 * 0.7 ms and ran in 0.07 ms). A named statement is parsed and planned once per connection and
 * then re-planned only when PostgreSQL finds a custom plan cheaper (plan_cache_mode auto). A
 * statement whose result columns changed under it (a migration on a live connection) is run again
 * unprepared; inside a transaction that error stands, as the transaction is already aborted.
 */
function withPreparedStatements(pool: pg.Pool, capacity = 300): PostgresPool {
  const names = new WeakMap<pg.PoolClient, Map<string, string>>();
  let sequence = 0;
  return {
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect();
      let prepared = names.get(client);
      if (!prepared) names.set(client, (prepared = new Map()));
      const statements = prepared;
      const query = async (text: string, values: readonly unknown[]) => {
        if (!PREPARABLE.test(text) || text.length > PREPARABLE_MAX_LENGTH) return client.query(text, values as unknown[]);
        let name = statements.get(text);
        if (name) statements.delete(text);
        else {
          name = `tusoi_${++sequence}`;
          if (statements.size >= capacity) {
            const [oldText, oldName] = statements.entries().next().value as [string, string];
            statements.delete(oldText);
            // Queued before this statement on the same connection; its failure changes nothing.
            client.query(`deallocate ${oldName}`).catch(() => undefined);
            // node-pg remembers the names it parsed and has no public way to forget one.
            delete (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection?.parsedStatements?.[
              oldName
            ];
          }
        }
        statements.set(text, name);
        try {
          return await client.query({ name, text, values: values as unknown[] });
        } catch (error) {
          if (!/cached plan must not change result type/.test(String((error as Error).message))) throw error;
          statements.delete(text);
          return client.query(text, values as unknown[]);
        }
      };
      return { query, release: (destroy?: boolean) => client.release(destroy) } as unknown as PostgresPoolClient;
    },
  };
}

const pgTypeCache = new Map<string, Map<string, string>>();

/** The SQL type of each column of a table, from the catalog (cached: the schema changes only by migration). */
async function pgColumnTypes(executor: Kysely<any>, table: string): Promise<Map<string, string>> {
  let types = pgTypeCache.get(table);
  if (!types) {
    const r = await sql<{ column_name: string; udt_name: string }>`
      select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(
      executor,
    );
    types = new Map(r.rows.map((c) => [c.column_name, c.udt_name]));
    pgTypeCache.set(table, types);
  }
  return types;
}

function arrayType(types: Map<string, string>, table: string, column: string): string {
  const t = types.get(column);
  if (!t || !/^[a-z0-9_]+$/.test(t)) throw new Error(`insertMany: ${table}.${column} không có trong cơ sở dữ liệu`);
  return `${t}[]`;
}

/**
 * A write refused by a unique constraint: two requests raced past the same check. The HTTP layer
 * answers it as a conflict (409), not as a server error.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column LIKE '%q%'` with q's wildcards escaped; the ESCAPE clause makes both databases agree. */
export function likeContains(column: string, value: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`%${escapeLike(value)}%`} escape '\\'`;
}

/**
 * `column LIKE '% q%'`: q starts a word of a search text stored with a leading space
 * (`nameSearchText`), so "thuy" finds "Thúy" and "nguyen van" finds "Nguyễn Văn …" but "an"
 * does not find every "Thanh".
 */
export function likeWordPrefix(column: string, value: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`% ${escapeLike(value)}%`} escape '\\'`;
}

/**
 * No word of `column` before position `offsetColumn` starts with `value`: the text up to there
 * holds no " value" (the same LIKE as likeWordPrefix, on a substring).
 */
export function noWordPrefixBefore(column: string, offsetColumn: string, value: string): RawBuilder<boolean> {
  const text = sql.ref(column);
  return sql<boolean>`substr(${text}, 1, ${sql.ref(offsetColumn)} - 1) not like ${`% ${escapeLike(value)}%`} escape '\\'`;
}

/**
 * `(select value)`: a value the query planner cannot look at. A statement run thousands of times
 * a minute with ranges of every size (a unit's subtree) is then planned once per connection and
 * reused (PostgreSQL's generic plan); with the value in sight, PostgreSQL found each range's own
 * plan cheaper and planned every execution anew, which took longer than running it. Only for a
 * statement whose plan is right whatever the value; SQLite plans it as it does a plain parameter.
 */
export function unplannedValue<T>(value: T): RawBuilder<T> {
  return sql<T>`(select ${value})`;
}

/**
 * Subtree of a materialized path as a range, so it uses the path index on both databases (LIKE
 * would not: SQLite's is case-insensitive, PostgreSQL's needs text_pattern_ops). Paths are
 * "/<id>/…/" with ids in [0-9a-z], and "0" is the character right after "/".
 */
export function subtreeRange(pathPrefix: string): { from: string; to: string } {
  return { from: pathPrefix, to: `${pathPrefix.slice(0, -1)}0` };
}
