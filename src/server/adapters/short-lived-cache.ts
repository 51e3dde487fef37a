// A one-second memory for what every request asks first: who the session or token belongs to, and
// where a unit sits in the tree. On a busy list page those lookups were half of the database round
// trips, and each round trip costs system calls. A second is the longest another app server may
// still honour a revoked session or grant, or see a moved unit at its old place (a list that
// comes back empty, never one outside the caller's scope); this server forgets everything on each
// of its own writes (docs/decisions/0003-sessions-in-the-database.md).
import type { CallerRecord } from './auth/principal.repository.js';
import type { CampaignRow, OrgUnitRow } from './db/schema.js';
import type { CockpitResponse } from '../../shared/contracts/campaigns.js';

export class ShortLivedCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  /** Loads under way: callers asking for the same key meanwhile wait for the same load. */
  private readonly loading = new Map<string, Promise<T>>();
  /** Counts the clears: a load that began before a clear read what the clear forgets, and is not kept. */
  private generation = 0;

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

  /**
   * The value kept for `key`, or the one `load` gives, then kept. Concurrent callers share one load:
   * a page asked for by many at once when its entry expires is read once, not once per caller.
   * `alone`: a caller inside a transaction loads on its own connection and never waits for another
   * caller's load, which may itself wait for a pooled connection that such transactions hold.
   */
  async getOrLoad(key: string, nowMs: number, load: () => Promise<T>, alone = false): Promise<T> {
    const kept = this.get(key, nowMs);
    if (kept !== null) return kept;
    if (alone) {
      const generation = this.generation;
      const value = await load();
      if (generation === this.generation) this.set(key, value, nowMs);
      return value;
    }
    const pending = this.loading.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const loaded = load().then(
      (value) => {
        if (this.loading.get(key) === loaded) this.loading.delete(key);
        if (generation === this.generation) this.set(key, value, nowMs);
        return value;
      },
      (error: unknown) => {
        if (this.loading.get(key) === loaded) this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, loaded);
    return loaded;
  }

  /**
   * Runs `load` and keeps the part of its result that `valueOf` takes (a list's total read with its
   * first page), unless a clear came while it ran: what it read may be what the clear forgets.
   */
  async loadAndKeep<R>(key: string, nowMs: number, load: () => Promise<R>, valueOf: (result: R) => T): Promise<R> {
    const generation = this.generation;
    const result = await load();
    if (generation === this.generation) this.set(key, valueOf(result), nowMs);
    return result;
  }

  /** Keeps `value` for the TTL, never past `notAfterMs` (a session's own expiry). */
  set(key: string, value: T, nowMs: number, notAfterMs = Infinity): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: Math.min(nowMs + this.ttlMs, notAfterMs) });
  }

  clear(): void {
    this.entries.clear();
    // A load under way keeps its waiting callers but is not shared with later ones, nor kept.
    this.loading.clear();
    this.generation++;
  }
}

export interface UnitStageCount {
  stage: string;
  needsAppraisal: boolean;
  /** The unit's own sector (org_units.sector), the cockpit's sector filter. */
  sector: string | null;
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
  /** Settings by key (the business date, read by every cockpit page), as long as units. */
  readonly settings = new ShortLivedCache<{ value: string | null }>(1000, 100);
  /** Campaign rows, read first by every campaign page (campaigns.repository loadCampaignAccess, outside transactions). */
  readonly campaigns = new ShortLivedCache<CampaignRow | undefined>(1000, 500);
  /** The units a campaign assigns each account to direct, by campaign, as long as grants (campaigns.repository). */
  readonly directorPaths = new ShortLivedCache<Map<string, string[]>>(1000, 500);
  /**
   * Campaign cockpits by campaign, business date, the caller's scope and the query: a province's
   * cockpit counts ten thousand units and their members' reviews, and the season's offices and
   * committees ask for the same pages over and over. Five seconds is how old another server's
   * progress may look here; the caller's access is checked before every lookup.
   */
  readonly cockpits = new ShortLivedCache<CockpitResponse>(5000, 2000);
  /** The parts of a cockpit that other queries share, as long: the units by stage and sector of a scope… */
  readonly cockpitStages = new ShortLivedCache<UnitStageCount[]>(5000, 2000);
  /**
   * …the member reviews by status under one unit, whoever lists it, for thirty seconds: the
   * province's pages list a few thousand units between them, each counted over its subtree…
   */
  readonly unitReviewProgress = new ShortLivedCache<UnitReviewProgress>(30_000, 50_000);
  /** …and the directors of a campaign. */
  readonly campaignDirectors = new ShortLivedCache<{ accountId: string; name: string }[]>(30_000, 200);
  /**
   * The totals of member rosters by scope, unit and status, five seconds like the cockpit: counting
   * a province's 151,394 members took SQLite 16 ms, on its one thread, for each page of the list,
   * where the page itself took 0.2 ms. Another server's new member may be counted that much later.
   */
  readonly memberTotals = new ShortLivedCache<number>(5000, 20_000);

  clear(): void {
    this.callers.clear();
    this.units.clear();
    this.settings.clear();
    this.campaigns.clear();
    this.directorPaths.clear();
    this.cockpits.clear();
    this.cockpitStages.clear();
    this.unitReviewProgress.clear();
    this.campaignDirectors.clear();
    this.memberTotals.clear();
  }
}
