// The statistics of a campaign (issue 5 item 4), as pure rules: who reads them and over which
// subtrees, how grouped counts become level distributions, the HTXS quota use and the overdue
// marks. The use case (features/reports/campaign-statistics.ts) reads grouped rows in SQL and
// hands them here; nothing here touches the database.
import { LEVELS, type Level, type MilestoneKind, type UnitStage } from '../../shared/campaign-vocabulary.js';
import type { Role } from '../../shared/vocabulary.js';
import type { CampaignCaller } from './campaign-policy.js';
import { unitOverdue, type MilestoneDue } from './campaign-progress.js';
import { isWithinPath } from './org-tree.js';
import { minimalPaths } from './policy.js';

/**
 * Design §2, rows "Documents, register, announcements" (reports and statistics: office "RW",
 * admin, standing, director, cell secretary "R", organizer and unit committee "RW") and
 * "Classification after publication" (R for every role but the member, who reads only their own).
 * Statistics are counts, never one person's review or level, so the roles that read reports over
 * a subtree read them there; a member reads none (403).
 */
export const STATISTICS_READERS: readonly Role[] = ['admin', 'standing', 'organizer', 'office', 'unit_committee', 'cell_secretary'];

/** Subtrees whose figures the caller reads: the readers' grants and the units the campaign assigns them. */
export function statisticsScope(caller: CampaignCaller): string[] {
  const paths = caller.principal.grants.filter((g) => STATISTICS_READERS.includes(g.role)).map((g) => g.unitPath);
  return minimalPaths([...paths, ...caller.directorPaths]);
}

/**
 * The scope narrowed to one unit's subtree: the unit itself where a grant covers it, the granted
 * subtrees below it where the unit lies above them (a chi bộ secretary asking for the whole
 * đảng bộ sees their chi bộ only). Empty when the unit lies outside every subtree.
 */
export function narrowScope(scope: readonly string[], unitPath: string): string[] {
  const out: string[] = [];
  for (const p of scope) {
    if (isWithinPath(unitPath, p)) out.push(unitPath);
    else if (isWithinPath(p, unitPath)) out.push(p);
  }
  return minimalPaths(out);
}

export const withinAny = (path: string, paths: readonly string[]) => paths.some((p) => isWithinPath(path, p));

// ---------------------------------------------------------------------------------------------
// Level distributions

export interface Counts {
  excellent: number;
  good: number;
  satisfactory: number;
  unsatisfactory: number;
  notClassified: number;
  unpublished: number;
  total: number;
}

export const emptyCounts = (): Counts => ({
  excellent: 0,
  good: 0,
  satisfactory: 0,
  unsatisfactory: 0,
  notClassified: 0,
  unpublished: 0,
  total: 0,
});

const LEVEL_SET = new Set<string>(LEVELS);
export const asLevel = (v: string | null | undefined): Level | null => (v && LEVEL_SET.has(v) ? (v as Level) : null);

/**
 * One subject (or `n` alike): its published level, else "not classified" when the rules leave it
 * out of classification, else "unpublished" (design §2: a level is counted only once published).
 */
export function addSubject(c: Counts, publishedLevel: Level | null, notClassified: boolean, n = 1): void {
  if (n <= 0) return;
  if (publishedLevel) c[publishedLevel] += n;
  else if (notClassified) c.notClassified += n;
  else c.unpublished += n;
  c.total += n;
}

export function addCounts(into: Counts, from: Counts): void {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += from[k];
}

/**
 * Members of one chi bộ: `classifiedPopulation` of them are to be classified, `published` holds the
 * published levels among them; the rest of them are unpublished. A published row for a member the
 * population does not classify still counts at its level (the record wins over the snapshot).
 */
export function addMembers(
  c: Counts,
  classifiedPopulation: number,
  notClassified: number,
  published: Readonly<Partial<Record<Level, number>>>,
): void {
  let publishedTotal = 0;
  for (const l of LEVELS) {
    const n = published[l] ?? 0;
    c[l] += n;
    publishedTotal += n;
  }
  const unpublished = Math.max(0, classifiedPopulation - publishedTotal);
  c.unpublished += unpublished;
  c.notClassified += notClassified;
  c.total += publishedTotal + unpublished + notClassified;
}

/** "23,8 %"-style share in per cent with one decimal, null for an empty base. */
export function sharePct(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
}

// ---------------------------------------------------------------------------------------------
// HTXS quota (regulations §2.4 R9, §9b "Quota arithmetic"; domain/classification/quota.ts)

export interface QuotaGroup {
  good: number;
  excellent: number;
  /** The whole group lies in the scope: only then is "over the cap" a fact, not an artefact of the scope. */
  complete: boolean;
}

export interface QuotaSummary {
  excellent: number;
  good: number;
  cap: number | null;
  sharePct: number | null;
  groups: number;
  groupsOver: number;
}

/**
 * The quota use over groups, with the cap of quota.ts: ⌊ pct × HTT ⌋ per group (HTXS not counted
 * in HTT; the floor is the §9b default). Published levels only, so the figure is the published
 * result, not the board's working state.
 */
export function quotaSummary(groups: Iterable<QuotaGroup>, pct: number | null): QuotaSummary {
  let excellent = 0;
  let good = 0;
  let cap = 0;
  let complete = 0;
  let over = 0;
  for (const g of groups) {
    excellent += g.excellent;
    good += g.good;
    const groupCap = pct === null ? null : Math.floor((g.good * pct) / 100 + 1e-9);
    if (groupCap !== null) cap += groupCap;
    if (g.complete && (g.good > 0 || g.excellent > 0)) {
      complete++;
      if (groupCap !== null && g.excellent > groupCap) over++;
    }
  }
  return { excellent, good, cap: pct === null ? null : cap, sharePct: sharePct(excellent, good), groups: complete, groupsOver: over };
}

// ---------------------------------------------------------------------------------------------
// Overdue against the milestones (domain/campaign-progress.ts, the cockpit's rules)

export interface StageGroup {
  stage: UnitStage;
  needsAppraisal: boolean;
  n: number;
}

/** Units late for each milestone, and units late for at least one, at the business date. */
export function overdueByMilestone(
  groups: readonly StageGroup[],
  milestones: readonly MilestoneDue[],
  businessDate: string,
): { byMilestone: Map<MilestoneKind, number>; units: number } {
  const byMilestone = new Map<MilestoneKind, number>();
  let units = 0;
  for (const g of groups) {
    const late = unitOverdue({ stage: g.stage, needsAppraisal: g.needsAppraisal }, milestones, businessDate);
    if (late.length > 0) units += g.n;
    for (const k of late) byMilestone.set(k, (byMilestone.get(k) ?? 0) + g.n);
  }
  return { byMilestone, units };
}

// ---------------------------------------------------------------------------------------------
// Words

const nf = new Intl.NumberFormat('vi-VN');
/** 12345 → "12.345" (Vietnamese thousands separator). */
export const fmt = (n: number) => nf.format(n);
/** 23.8 → "23,8 %". */
export const fmtPct = (p: number | null) => (p === null ? '—' : `${String(p).replace('.', ',')} %`);

/** "HTXSNV 8 (20 %), HTTNV 28 (70 %), …" over the published levels. */
export function levelsSentence(c: Counts, names: readonly { level: Level; short: string }[]): string {
  const published = LEVELS.reduce((s, l) => s + c[l], 0);
  return names.map((n) => `${n.short} ${fmt(c[n.level])} (${fmtPct(sharePct(c[n.level], published) ?? 0)})`).join(', ');
}
