// A real Tự soi server for browser tests: a migrated test database, seeded, served over HTTP on a
// free port of the loopback interface, with the built browser app (or none).
import { migratedDatabase, type TestDatabase } from './databases.js';
import { makeSmallCommittee } from './factories.js';
import { contextFor, startServer, type RunningServer } from '../../src/server/main.js';
import type { AppContext, Tx } from '../../src/server/features/context.js';
import type { DialectName } from '../../src/server/adapters/db/dialect.js';

export type SmallCommittee = Awaited<ReturnType<typeof makeSmallCommittee>>;

export interface TestServer<T> {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  ctx: AppContext;
  database: TestDatabase;
  /** What the seed returned (ids, accounts). */
  data: T;
  close(): Promise<void>;
}

export interface TestServerOptions<T> {
  /** Fills the database before the server starts; the small committee by default. */
  seed?: (db: Tx) => Promise<T>;
  /** The built browser app to serve (dist/web or a test build); null serves the API only. */
  webRoot?: string | null;
  /** SQLite by default: browser tests exercise the UI, data paths are tested on both elsewhere. */
  dialect?: DialectName;
}

export async function startTestServer<T = SmallCommittee>(options: TestServerOptions<T> = {}): Promise<TestServer<T>> {
  const database = await migratedDatabase(options.dialect ?? 'sqlite');
  let running: RunningServer | null = null;
  try {
    const ctx = contextFor(database.handle);
    const seed = options.seed ?? ((db: Tx) => makeSmallCommittee(db) as Promise<unknown> as Promise<T>);
    const data = await seed(ctx.db);
    running = await startServer(ctx, { port: 0, host: '127.0.0.1', webRoot: options.webRoot ?? null });
    const server = running;
    return {
      url: `http://127.0.0.1:${server.port}`,
      ctx,
      database,
      data,
      async close() {
        await server.close();
        await database.drop();
      },
    };
  } catch (e) {
    if (running) await running.close().catch(() => undefined);
    await database.drop();
    throw e;
  }
}
