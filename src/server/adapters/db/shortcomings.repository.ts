// Shortcomings (design §3, Shortcoming: "the thread that ties years"): what a review carries over
// from earlier years, and what a finalized review writes back — one status per later year for each
// earlier shortcoming, and the shortcomings it declares, found in its own year.
import type { CauseKind, RemediationItemStatus, ShortcomingSource, ShortcomingStatus } from '../../../shared/campaign-vocabulary.js';
import type { Tx } from '../../features/context.js';
import { newId } from '../clock.js';

/** How the shortcomings table names a review's subject: a member, a unit's collective, its leadership collective. */
export type ShortcomingSubjectKind = 'member' | 'unit' | 'leadership';

export interface CarryOverRow {
  id: string;
  subjectKey: string;
  text: string;
  yearFound: number;
  source: ShortcomingSource;
  causeKind: CauseKind | null;
  lastStatus: ShortcomingStatus | null;
}

export interface UnitRef {
  id: string;
  name: string;
}

/**
 * Units merged into this one, and those merged into them (two levels: a 2025 merger of units that
 * were themselves merged earlier), so that a successor finds its predecessors' record (design §3,
 * OrgUnit succession links; regulations §11.8).
 */
export async function predecessorUnits(db: Tx, unitId: string): Promise<UnitRef[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where((eb) =>
      eb.or([
        eb('merged_into_id', '=', unitId),
        eb('merged_into_id', 'in', eb.selectFrom('org_units as pred').select('pred.id').where('pred.merged_into_id', '=', unitId)),
      ]),
    )
    .orderBy('name')
    .execute();
  return rows.filter((r) => r.id !== unitId);
}

/**
 * Shortcomings of the subjects found before `reviewYear` and still open when that year's review
 * began: never resolved, or resolved by this very year's review (so reopening a finalized review
 * still shows them). The status each one was given last is read with them.
 */
export async function carryOverShortcomings(
  db: Tx,
  input: { subjectKind: ShortcomingSubjectKind; subjectKeys: readonly string[]; reviewYear: number },
): Promise<CarryOverRow[]> {
  if (input.subjectKeys.length === 0) return [];
  const rows = await db
    .selectFrom('shortcomings')
    .select(['id', 'subject_key', 'text', 'year_found', 'source', 'cause_kind'])
    .where('subject_kind', '=', input.subjectKind)
    .where('subject_key', 'in', [...new Set(input.subjectKeys)])
    .where('year_found', '<', input.reviewYear)
    .where((eb) => eb.or([eb('resolved_year', 'is', null), eb('resolved_year', '>=', input.reviewYear)]))
    .orderBy('year_found')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const last = await lastStatuses(
    db,
    rows.map((r) => r.id),
    input.reviewYear - 1,
  );
  return rows.map((r) => ({
    id: r.id,
    subjectKey: r.subject_key,
    text: r.text,
    yearFound: r.year_found,
    source: r.source as ShortcomingSource,
    causeKind: (r.cause_kind as CauseKind | null) ?? null,
    lastStatus: last.get(r.id)?.status ?? null,
  }));
}

/** The status each shortcoming was given last, in a year up to `upToYear` (one status per later year). */
export async function lastStatuses(
  db: Tx,
  ids: readonly string[],
  upToYear: number,
): Promise<Map<string, { year: number; status: ShortcomingStatus }>> {
  const last = new Map<string, { year: number; status: ShortcomingStatus }>();
  if (ids.length === 0) return last;
  const statuses = await db
    .selectFrom('shortcoming_statuses')
    .select(['shortcoming_id', 'year', 'status'])
    .where('shortcoming_id', 'in', [...ids])
    .where('year', '<=', upToYear)
    .execute();
  for (const s of statuses) {
    const seen = last.get(s.shortcoming_id);
    if (!seen || s.year > seen.year) last.set(s.shortcoming_id, { year: s.year, status: s.status as ShortcomingStatus });
  }
  return last;
}

export interface CarryOverStatusInput {
  shortcomingId: string;
  status: ShortcomingStatus;
  causeKind: CauseKind | null;
  note: string | null;
}

/**
 * The year's status of each carried-over shortcoming (one per later year, design §3); "fixed" closes
 * it in that year, anything else keeps it open (a review finalized again after a reopening may
 * change its mind).
 */
export async function recordShortcomingStatuses(
  tx: Tx,
  input: { reviewId: string; year: number; entries: readonly CarryOverStatusInput[]; at: string },
): Promise<void> {
  for (const e of input.entries) {
    await tx
      .insertInto('shortcoming_statuses')
      .values({
        id: newId(),
        shortcoming_id: e.shortcomingId,
        year: input.year,
        status: e.status,
        cause_kind: e.causeKind,
        note: e.note,
        review_id: input.reviewId,
        updated_at: input.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['shortcoming_id', 'year'])
          .doUpdateSet({ status: e.status, cause_kind: e.causeKind, note: e.note, review_id: input.reviewId, updated_at: input.at }),
      )
      .execute();
    if (e.status === 'fixed') {
      await tx
        .updateTable('shortcomings')
        .set((eb) => ({ resolved_year: input.year, updated_at: input.at, version: eb('version', '+', 1) }))
        .where('id', '=', e.shortcomingId)
        .where((eb) => eb.or([eb('resolved_year', 'is', null), eb('resolved_year', '>=', input.year)]))
        .execute();
    } else {
      await tx
        .updateTable('shortcomings')
        .set((eb) => ({ resolved_year: null, updated_at: input.at, version: eb('version', '+', 1) }))
        .where('id', '=', e.shortcomingId)
        .where('resolved_year', '=', input.year)
        .execute();
    }
  }
}

export interface DeclaredShortcomingInput {
  text: string;
  causeKind: CauseKind | null;
  cause: string | null;
}

/**
 * The shortcomings a finalized review declares (source "declared", found in the review year).
 * Finalizing again after a reopening replaces the ones it wrote before, unless a later year has
 * already given them a status (then they are part of that year's record and stay).
 */
export async function replaceDeclaredShortcomings(
  tx: Tx,
  input: {
    campaignId: string;
    subjectKind: ShortcomingSubjectKind;
    subjectKey: string;
    unitId: string;
    memberId: string | null;
    scopePath: string;
    year: number;
    entries: readonly DeclaredShortcomingInput[];
    at: string;
  },
): Promise<number> {
  await tx
    .deleteFrom('shortcomings')
    .where('campaign_id', '=', input.campaignId)
    .where('subject_kind', '=', input.subjectKind)
    .where('subject_key', '=', input.subjectKey)
    .where('source', '=', 'declared')
    .where('year_found', '=', input.year)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('shortcoming_statuses as s').select('s.id').whereRef('s.shortcoming_id', '=', 'shortcomings.id'))),
    )
    .execute();
  const rows = input.entries
    .filter((e) => e.text.trim() !== '')
    .map((e) => ({
      id: newId(),
      subject_kind: input.subjectKind,
      subject_key: input.subjectKey,
      unit_id: input.unitId,
      member_id: input.memberId,
      scope_path: input.scopePath,
      campaign_id: input.campaignId,
      year_found: input.year,
      text: e.text,
      cause_kind: e.causeKind,
      cause: e.cause,
      source: 'declared',
      resolved_year: null,
      version: 1,
      created_at: input.at,
      updated_at: input.at,
    }));
  for (let i = 0; i < rows.length; i += 100) {
    await tx
      .insertInto('shortcomings')
      .values(rows.slice(i, i + 100))
      .execute();
  }
  return rows.length;
}

export interface CarryOverRemediationRow {
  shortcomingId: string;
  itemId: string;
  reviewYear: number;
  action: string;
  owner: string;
  deadline: string;
  status: RemediationItemStatus;
  progressPct: number;
}

/**
 * The remediation items earlier years' plans tied to these shortcomings (issue 4 item 6: next year's
 * review starts from them), for each shortcoming those of its latest plan before `reviewYear` only —
 * the plan that followed the review that last looked at it.
 */
export async function remediationOfShortcomings(
  db: Tx,
  input: { shortcomingIds: readonly string[]; reviewYear: number },
): Promise<CarryOverRemediationRow[]> {
  if (input.shortcomingIds.length === 0) return [];
  const rows = await db
    .selectFrom('remediation_items as i')
    .innerJoin('remediation_plans as p', 'p.id', 'i.plan_id')
    .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
    .select(['i.shortcoming_id', 'i.id', 'c.review_year', 'i.action', 'i.owner', 'i.deadline', 'i.status', 'i.progress_pct'])
    .where('i.shortcoming_id', 'in', [...new Set(input.shortcomingIds)])
    .where('c.review_year', '<', input.reviewYear)
    .orderBy('c.review_year')
    .orderBy('i.position')
    .orderBy('i.id')
    .execute();
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.shortcoming_id!, Math.max(latest.get(r.shortcoming_id!) ?? 0, r.review_year));
  return rows
    .filter((r) => latest.get(r.shortcoming_id!) === r.review_year)
    .map((r) => ({
      shortcomingId: r.shortcoming_id!,
      itemId: r.id,
      reviewYear: r.review_year,
      action: r.action,
      owner: r.owner,
      deadline: r.deadline,
      status: r.status as RemediationItemStatus,
      progressPct: r.progress_pct,
    }));
}
