// A one-second memory for what every request asks first: who the session or token belongs to, and
// where a unit sits in the tree. On a busy list page those lookups were half of the database round
// trips, and each round trip costs system calls. A second is the longest another app server may
// still honour a revoked session or grant, or see a moved unit at its old place (a list that
// comes back empty, never one outside the caller's scope); this server forgets everything on each
// of its own writes (docs/decisions/0003-sessions-in-the-database.md).
import type { CallerRecord } from './auth/principal.repository.js';
import type { OrgUnitRow } from './db/schema.js';
import type { CockpitResponse } from '../../shared/contracts/campaigns.js';

export class ShortLivedCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly capacity = 10_000,
  ) {}

  get(key: string, nowMs: number): T | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until <= nowMs) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  /** The value kept for `key`, or the one `load` gives, then kept. */
  async getOrLoad(key: string, nowMs: number, load: () => Promise<T>): Promise<T> {
    const kept = this.get(key, nowMs);
    if (kept !== null) return kept;
    const value = await load();
    this.set(key, value, nowMs);
    return value;
  }

  /** Keeps `value` for the TTL, never past `notAfterMs` (a session's own expiry). */
  set(key: string, value: T, nowMs: number, notAfterMs = Infinity): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: Math.min(nowMs + this.ttlMs, notAfterMs) });
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface UnitStageCount {
  stage: string;
  needsAppraisal: boolean;
  n: number;
}

export interface UnitReviewProgress {
  members: number;
  submitted: number;
  finalized: number;
}

export interface CachedCaller {
  caller: CallerRecord;
  sessionId: string | null;
  csrfToken: string | null;
}

/**
 * The per-process caches of a running server; cleared together on every write it serves, except
 * the writes that change nothing they hold (a draft's text, a tally: RouteDef.keepsCaches).
 */
export class RequestCaches {
  readonly callers = new ShortLivedCache<CachedCaller>();
  readonly units = new ShortLivedCache<OrgUnitRow>();
  /** The units a campaign assigns an account to direct, as long as grants (campaigns.repository). */
  readonly directorPaths = new ShortLivedCache<string[]>();
  /**
   * Campaign cockpits by campaign, business date, the caller's scope and the query: a province's
   * cockpit counts ten thousand units and their members' reviews, and the season's offices and
   * committees ask for the same pages over and over. Five seconds is how old another server's
   * progress may look here; the caller's access is checked before every lookup.
   */
  readonly cockpits = new ShortLivedCache<CockpitResponse>(5000, 2000);
  /** The parts of a cockpit that other queries share, as long: the units by stage of a scope… */
  readonly cockpitStages = new ShortLivedCache<UnitStageCount[]>(5000, 2000);
  /**
   * …the member reviews by status under one unit, whoever lists it, for thirty seconds: the
   * province's pages list a few thousand units between them, each counted over its subtree…
   */
  readonly unitReviewProgress = new ShortLivedCache<UnitReviewProgress>(30_000, 50_000);
  /** …and the directors of a campaign. */
  readonly campaignDirectors = new ShortLivedCache<{ accountId: string; name: string }[]>(30_000, 200);

  clear(): void {
    this.callers.clear();
    this.units.clear();
    this.directorPaths.clear();
    this.cockpits.clear();
    this.cockpitStages.clear();
    this.unitReviewProgress.clear();
    this.campaignDirectors.clear();
  }
}
