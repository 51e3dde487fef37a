// A one-second memory of who a session or token belongs to. Every request needs its caller before
// anything else; on a busy list page that lookup was a third of the database round trips, and each
// round trip costs a system call or two. A second is the longest a revoked session or grant can
// still be honoured by another app server; this server forgets everything on each of its own
// writes (docs/decisions/0003-sessions-in-the-database.md).
import type { CallerRecord } from './principal.repository.js';

export interface CachedCaller {
  caller: CallerRecord;
  sessionId: string | null;
  csrfToken: string | null;
  /** Until when (clock ms) the entry may be used. */
  until: number;
}

export class CallerCache {
  private readonly entries = new Map<string, CachedCaller>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly capacity = 10_000,
  ) {}

  get(key: string, nowMs: number): CachedCaller | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until <= nowMs) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  set(key: string, value: Omit<CachedCaller, 'until'>, nowMs: number, notAfterMs = Infinity): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { ...value, until: Math.min(nowMs + this.ttlMs, notAfterMs) });
  }

  clear(): void {
    this.entries.clear();
  }
}
