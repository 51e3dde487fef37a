// What every use case receives: the database, the clock, and the caller. Built once in main.ts.
import type { Kysely, Transaction } from 'kysely';
import type { DbHandle } from '../adapters/db/dialect.js';
import type { Database } from '../adapters/db/schema.js';
import type { Clock } from '../adapters/clock.js';
import type { Principal } from '../domain/policy.js';
import type { RequestCaches } from '../adapters/short-lived-cache.js';

export interface AppContext {
  /** Short-lived memories of callers, units and cockpits (one per process: see short-lived-cache.ts). */
  caches: RequestCaches;
  handle: DbHandle;
  db: Kysely<Database>;
  clock: Clock;
  config: AppConfig;
}

export interface AppConfig {
  /** Upper bound of an uploaded file (design §3, File: 20 MB by default). */
  maxUploadBytes: number;
  /** Sliding session lifetime. */
  sessionIdleMinutes: number;
  /** Rows above which an import runs as a background job. */
  importJobThreshold: number;
  secureCookies: boolean;
}

export const defaultConfig: AppConfig = {
  maxUploadBytes: 20 * 1024 * 1024,
  sessionIdleMinutes: 8 * 60,
  importJobThreshold: 2000,
  secureCookies: false,
};

export type Tx = Transaction<Database> | Kysely<Database>;

/** What a repository needs to use the server's short-lived caches from inside a transaction. */
export type ServerCaches = Pick<AppContext, 'caches' | 'clock'>;

/** The caller of a use case: an authenticated principal (CLI commands use the system actor). */
export type Caller = Principal;
