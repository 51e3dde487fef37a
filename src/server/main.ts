// Composition root: configuration → database → migrations → HTTP server.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { databaseConfigFrom, openDatabase, type DatabaseConfig, type DbHandle } from './adapters/db/dialect.js';
import { migrateToLatest } from './adapters/db/migrate.js';
import { systemClock, type Clock } from './adapters/clock.js';
import { RequestCaches } from './adapters/short-lived-cache.js';
import { defaultConfig, type AppConfig, type AppContext } from './features/context.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_ROOT = path.join(PROJECT_ROOT, 'dist', 'web');

export function contextFor(handle: DbHandle, overrides: Partial<AppConfig> = {}, clock: Clock = systemClock): AppContext {
  return { handle, db: handle.db, clock, config: { ...defaultConfig, ...overrides }, caches: new RequestCaches() };
}

/** Settings a deployment may change through its environment (README, Configuration). */
export function configFromEnv(env: NodeJS.ProcessEnv): Partial<AppConfig> {
  const out: Partial<AppConfig> = {};
  if (env.TUSOI_SECURE_COOKIES === '1') out.secureCookies = true;
  if (env.TUSOI_MAX_UPLOAD_MB && Number(env.TUSOI_MAX_UPLOAD_MB) > 0) out.maxUploadBytes = Number(env.TUSOI_MAX_UPLOAD_MB) * 1024 * 1024;
  return out;
}

export async function openContext(
  config: DatabaseConfig = databaseConfigFrom(process.env),
  overrides: Partial<AppConfig> = {},
): Promise<AppContext> {
  const handle = await openDatabase(config);
  await migrateToLatest(handle);
  return contextFor(handle, { ...configFromEnv(process.env), ...overrides });
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(
  ctx: AppContext,
  options: { port: number; host?: string; webRoot?: string | null },
): Promise<RunningServer> {
  // Loaded here, not at the top: CLI commands that only touch the database skip the HTTP app.
  const { createHttpApp } = await import('./adapters/http/app.js');
  const app = createHttpApp(ctx, { webRoot: options.webRoot === undefined ? WEB_ROOT : options.webRoot });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '0.0.0.0' }, (info) => {
      resolve({
        url: `http://localhost:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
    // A port already in use, or one not allowed, is the caller's to report in Vietnamese.
    server.once('error', reject);
  });
}
