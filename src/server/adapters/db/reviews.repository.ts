// Reviews, their revisions and the comments from other places (design §3, Review). A review row is
// written lazily: opening a review that was never saved reads nothing here but the subject; the
// first save inserts the row, and the unique (campaign, subject kind, subject key) makes two first
// saves one winner and one conflict.
import type { Expression, SqlBool } from 'kysely';
import type { ReviewStatus } from '../../../shared/campaign-vocabulary.js';
import type { ReviewProgress } from '../../../shared/contracts/reviews.js';
import { AppError } from '../../../shared/errors.js';
import type { Tx } from '../../features/context.js';
import { withinPaths } from './campaigns.repository.js';
import { isUniqueViolation } from './dialect.js';
import type { ReviewRow, ReviewTable } from './schema.js';
import { subjectReview } from './campaign-subject-joins.js';

// ── Subjects ──────────────────────────────────────────────────────────────────────────────────

export interface MemberSubject {
  memberId: string;
  fullName: string;
  /** The reviewing chi bộ (the receiving one after a transfer). */
  unitId: string;
  unitName: string;
  unitPath: string;
  included: boolean;
  classified: boolean;
  isKeyLeader: boolean;
  formMeaning: string | null;
  formerUnit: { id: string; name: string } | null;
  isLeader: boolean;
  isCivilServant: boolean;
  governmentPosts: string | null;
}

/** A member in the campaign's population (or left out of it), with their reviewing chi bộ; one indexed read. */
export async function findMemberSubject(db: Tx, campaignId: string, memberId: string): Promise<MemberSubject | undefined> {
  const r = await db
    .selectFrom('campaign_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .innerJoin('org_units as u', 'u.id', 'cm.unit_id')
    .leftJoin('org_units as f', 'f.id', 'cm.former_unit_id')
    .select([
      'cm.member_id',
      'm.full_name',
      'cm.unit_id',
      'u.name as unit_name',
      'cm.unit_path',
      'cm.included',
      'cm.classified',
      'cm.is_key_leader',
      'cm.form_meaning',
      'cm.former_unit_id',
      'f.name as former_unit_name',
      'm.is_leader',
      'm.is_civil_servant',
      'm.government_posts',
    ])
    .where('cm.campaign_id', '=', campaignId)
    .where('cm.member_id', '=', memberId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    memberId: r.member_id,
    fullName: r.full_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitPath: r.unit_path,
    included: r.included === 1,
    classified: r.classified === 1,
    isKeyLeader: r.is_key_leader === 1,
    formMeaning: r.form_meaning,
    formerUnit: r.former_unit_id ? { id: r.former_unit_id, name: r.former_unit_name ?? '' } : null,
    isLeader: r.is_leader === 1,
    isCivilServant: r.is_civil_servant === 1,
    governmentPosts: r.government_posts,
  };
}

export interface UnitSubject {
  unitId: string;
  name: string;
  path: string;
  kind: string;
  isGrassroots: boolean;
}

/** A unit of the campaign's population. */
export async function findUnitSubject(db: Tx, campaignId: string, unitId: string): Promise<UnitSubject | undefined> {
  const r = await db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .select(['cu.unit_id', 'u.name', 'cu.unit_path', 'cu.unit_kind', 'cu.is_grassroots'])
    .where('cu.campaign_id', '=', campaignId)
    .where('cu.unit_id', '=', unitId)
    .executeTakeFirst();
  return r && { unitId: r.unit_id, name: r.name, path: r.unit_path, kind: r.unit_kind, isGrassroots: r.is_grassroots === 1 };
}

/** Where a member or unit outside the population sits, to tell "not in this campaign" from "not yours to see". */
export async function pathOfMember(db: Tx, memberId: string): Promise<string | undefined> {
  return (await db.selectFrom('members').select('unit_path').where('id', '=', memberId).executeTakeFirst())?.unit_path;
}

export async function pathOfUnit(db: Tx, unitId: string): Promise<string | undefined> {
  return (await db.selectFrom('org_units').select('path').where('id', '=', unitId).executeTakeFirst())?.path;
}

// ── Reviews ───────────────────────────────────────────────────────────────────────────────────

export async function findReview(db: Tx, campaignId: string, subjectKind: string, subjectKey: string): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('subject_kind', '=', subjectKind)
    .where('subject_key', '=', subjectKey)
    .executeTakeFirst();
}

/** The first save: `conflict.version` when another first save (or a comment) created the row meanwhile. */
export async function insertReview(tx: Tx, row: ReviewTable): Promise<void> {
  try {
    await tx.insertInto('reviews').values(row).execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict.version');
    throw e;
  }
}

/**
 * A row for a review nobody has saved yet, at version 0, so that comments and files from other
 * places can hang on it before the member writes a word; the member's first save (at version 0)
 * still succeeds. Returns the row, whoever created it.
 */
export async function ensureReviewRow(tx: Tx, row: ReviewTable): Promise<ReviewRow> {
  await tx
    .insertInto('reviews')
    .values({ ...row, version: 0 })
    .onConflict((oc) => oc.columns(['campaign_id', 'subject_kind', 'subject_key']).doNothing())
    .execute();
  const found = await findReview(tx, row.campaign_id, row.subject_kind, row.subject_key);
  if (!found) throw new AppError('conflict.version');
  return found;
}

/** Optimistic locking on version and status (design §3): `conflict.version` when 0 rows change. */
export async function updateReviewAtVersion(
  tx: Tx,
  where: { id: string; version: number; status: ReviewStatus },
  set: Partial<
    Pick<
      ReviewTable,
      | 'status'
      | 'content_json'
      | 'self_level'
      | 'self_score'
      | 'proxy_entered'
      | 'submitted_at'
      | 'finalized_at'
      | 'status_reason'
      | 'updated_by'
      | 'updated_at'
    >
  >,
): Promise<number> {
  const next = where.version + 1;
  const r = await tx
    .updateTable('reviews')
    .set({ ...set, version: next })
    .where('id', '=', where.id)
    .where('version', '=', where.version)
    .where('status', '=', where.status)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict.version');
  return next;
}

export async function insertRevision(
  tx: Tx,
  r: {
    id: string;
    reviewId: string;
    version: number;
    status: ReviewStatus;
    contentJson: string;
    savedBy: string;
    proxy: boolean;
    at: string;
  },
): Promise<void> {
  await tx
    .insertInto('review_revisions')
    .values({
      id: r.id,
      review_id: r.reviewId,
      version: r.version,
      status: r.status,
      content_json: r.contentJson,
      saved_by: r.savedBy,
      proxy: r.proxy ? 1 : 0,
      saved_at: r.at,
    })
    .execute();
}

export interface RevisionSummaryRow {
  version: number;
  status: string;
  savedAt: string;
  savedByName: string | null;
  proxy: boolean;
}

export async function listRevisions(db: Tx, reviewId: string): Promise<RevisionSummaryRow[]> {
  const rows = await db
    .selectFrom('review_revisions as r')
    .leftJoin('accounts as a', 'a.id', 'r.saved_by')
    .select(['r.version', 'r.status', 'r.saved_at', 'r.proxy', 'a.display_name'])
    .where('r.review_id', '=', reviewId)
    .orderBy('r.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    savedAt: r.saved_at,
    savedByName: r.display_name ?? null,
    proxy: r.proxy === 1,
  }));
}

export async function findRevision(
  db: Tx,
  reviewId: string,
  version: number,
): Promise<(RevisionSummaryRow & { contentJson: string }) | undefined> {
  const r = await db
    .selectFrom('review_revisions as r')
    .leftJoin('accounts as a', 'a.id', 'r.saved_by')
    .select(['r.version', 'r.status', 'r.saved_at', 'r.proxy', 'r.content_json', 'a.display_name'])
    .where('r.review_id', '=', reviewId)
    .where('r.version', '=', version)
    .executeTakeFirst();
  return (
    r && {
      version: r.version,
      status: r.status,
      savedAt: r.saved_at,
      savedByName: r.display_name ?? null,
      proxy: r.proxy === 1,
      contentJson: r.content_json,
    }
  );
}

// ── Comments from other places ────────────────────────────────────────────────────────────────

export interface CommentRow {
  id: string;
  sourceKind: string;
  sourceName: string;
  text: string;
  createdAt: string;
  createdByName: string | null;
}

export async function listComments(db: Tx, reviewId: string): Promise<CommentRow[]> {
  const rows = await db
    .selectFrom('review_comments as c')
    .leftJoin('accounts as a', 'a.id', 'c.created_by')
    .select(['c.id', 'c.source_kind', 'c.source_name', 'c.text', 'c.created_at', 'a.display_name'])
    .where('c.review_id', '=', reviewId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sourceKind: r.source_kind,
    sourceName: r.source_name,
    text: r.text,
    createdAt: r.created_at,
    createdByName: r.display_name ?? null,
  }));
}

export async function findComment(db: Tx, commentId: string): Promise<{ id: string; reviewId: string } | undefined> {
  const r = await db.selectFrom('review_comments').select(['id', 'review_id']).where('id', '=', commentId).executeTakeFirst();
  return r && { id: r.id, reviewId: r.review_id };
}

export async function insertComment(
  tx: Tx,
  c: { id: string; reviewId: string; sourceKind: string; sourceName: string; text: string; createdBy: string; at: string },
): Promise<void> {
  await tx
    .insertInto('review_comments')
    .values({
      id: c.id,
      review_id: c.reviewId,
      source_kind: c.sourceKind,
      source_name: c.sourceName,
      text: c.text,
      file_id: null,
      created_by: c.createdBy,
      created_at: c.at,
    })
    .execute();
}

/** The comment's first file, kept on the comment row too (review_comments.file_id). */
export async function setCommentFile(tx: Tx, commentId: string, fileId: string): Promise<void> {
  await tx.updateTable('review_comments').set({ file_id: fileId }).where('id', '=', commentId).where('file_id', 'is', null).execute();
}

/** Where a review lives, for attachment checks: by the review's id or by one of its comments' ids. */
export async function reviewOfComment(db: Tx, commentId: string): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('reviews as r')
    .innerJoin('review_comments as c', 'c.review_id', 'r.id')
    .selectAll('r')
    .where('c.id', '=', commentId)
    .executeTakeFirst();
}

export async function findReviewById(db: Tx, id: string): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
}

// ── Lists ─────────────────────────────────────────────────────────────────────────────────────

export function progressOf(row: { status: string | null; version: number | null } | undefined | null): ReviewProgress {
  if (!row || row.status === null || !row.version) return 'not_started';
  return row.status as ReviewStatus;
}

export interface UnitReviewListRow {
  memberId: string;
  fullName: string;
  unitId: string;
  unitName: string;
  isKeyLeader: boolean;
  classified: boolean;
  progress: ReviewProgress;
  proxyEntered: boolean;
  updatedAt: string | null;
}

/**
 * Members of a unit's subtree in the population with the progress of their reviews, scoped in SQL
 * (design §4): `fullPaths` where the caller reads every member's review, `keyLeaderPaths` where
 * only the key leaders' (an assigned director, design §2).
 */
export async function listUnitReviews(
  db: Tx,
  input: {
    campaignId: string;
    unitPath: string;
    fullPaths: readonly string[];
    keyLeaderPaths: readonly string[];
    progress?: ReviewProgress;
    page: number;
    pageSize: number;
  },
): Promise<{ items: UnitReviewListRow[]; total: number }> {
  const base = db
    .selectFrom('campaign_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
    .where('cm.campaign_id', '=', input.campaignId)
    .where('cm.included', '=', 1)
    .where((eb) => withinPaths(eb, 'cm.unit_path', [input.unitPath]))
    .where((eb) => {
      const parts: Expression<SqlBool>[] = [];
      if (input.fullPaths.length) parts.push(withinPaths(eb, 'cm.unit_path', input.fullPaths));
      if (input.keyLeaderPaths.length)
        parts.push(eb.and([withinPaths(eb, 'cm.unit_path', input.keyLeaderPaths), eb('cm.is_key_leader', '=', 1)]));
      return parts.length ? eb.or(parts) : eb.lit(false);
    })
    .where((eb) => {
      const p = input.progress;
      if (!p) return eb.lit(true);
      if (p === 'not_started') return eb.or([eb('r.id', 'is', null), eb('r.version', '=', 0)]);
      return eb.and([eb('r.status', '=', p), eb('r.version', '>', 0)]);
    });
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await base
    .innerJoin('org_units as u', 'u.id', 'cm.unit_id')
    .select([
      'cm.member_id',
      'm.full_name',
      'cm.unit_id',
      'u.name as unit_name',
      'cm.is_key_leader',
      'cm.classified',
      'r.status',
      'r.version',
      'r.proxy_entered',
      'r.updated_at',
    ])
    .orderBy('cm.is_key_leader', 'desc')
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => ({
      memberId: r.member_id,
      fullName: r.full_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      isKeyLeader: r.is_key_leader === 1,
      classified: r.classified === 1,
      progress: progressOf({ status: r.status, version: r.version }),
      proxyEntered: r.proxy_entered === 1,
      updatedAt: r.version ? r.updated_at : null,
    })),
  };
}

/** The unit's own reports (collective, leadership) with their progress. */
export async function unitReports(
  db: Tx,
  campaignId: string,
  unitId: string,
): Promise<{ kind: string; status: string; version: number }[]> {
  return db
    .selectFrom('reviews')
    .select(['subject_kind as kind', 'status', 'version'])
    .where('campaign_id', '=', campaignId)
    .where('subject_kind', 'in', ['collective', 'leadership'])
    .where('subject_key', '=', unitId)
    .execute();
}

export interface MyReviewRow {
  campaignId: string;
  campaignTitle: string;
  reviewYear: number;
  memberId: string;
  unitName: string;
  progress: ReviewProgress;
  version: number;
}

/** The open campaigns whose population includes the member, newest year first, with their review's progress. */
export async function listMyReviews(db: Tx, memberId: string): Promise<MyReviewRow[]> {
  // Open campaigns are few; asking for them first lets (campaign_id, member_id) find the member's rows.
  const open = await db.selectFrom('campaigns').select('id').where('status', '=', 'open').execute();
  if (open.length === 0) return [];
  const rows = await db
    .selectFrom('campaign_members as cm')
    .innerJoin('campaigns as c', 'c.id', 'cm.campaign_id')
    .innerJoin('org_units as u', 'u.id', 'cm.unit_id')
    .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
    .select(['c.id', 'c.title', 'c.review_year', 'cm.member_id', 'u.name as unit_name', 'r.status', 'r.version'])
    .where(
      'cm.campaign_id',
      'in',
      open.map((c) => c.id),
    )
    .where('cm.member_id', '=', memberId)
    .where('cm.included', '=', 1)
    .orderBy('c.review_year', 'desc')
    .execute();
  return rows.map((r) => ({
    campaignId: r.id,
    campaignTitle: r.title,
    reviewYear: r.review_year,
    memberId: r.member_id,
    unitName: r.unit_name,
    progress: progressOf({ status: r.status, version: r.version }),
    version: r.version ?? 0,
  }));
}

/** Accounts of a member (to tell them their review was returned). */
export async function accountsOfMember(db: Tx, memberId: string): Promise<string[]> {
  const rows = await db.selectFrom('accounts').select('id').where('member_id', '=', memberId).where('disabled', '=', 0).execute();
  return rows.map((r) => r.id);
}
