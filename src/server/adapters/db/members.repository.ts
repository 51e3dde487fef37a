// Rows of members: building them from a profile, and the scoped queries of lists and search.
import { sql, type ExpressionBuilder } from 'kysely';
import { deriveNameColumns, type MemberProfile } from '../../domain/member-profile.js';
import type { ReadScope } from '../../domain/policy.js';
import { MEMBER_STATUSES, type MemberStatus } from '../../../shared/vocabulary.js';
import { foldForSearch, nameWords } from '../../../shared/text.js';
import type { Tx } from '../../features/context.js';
import { likeWordPrefix, subtreeRange } from './dialect.js';
import type { Database, MemberRow, NewMemberRow } from './schema.js';

const INSERT_BATCH = 500;

const bool = (b: boolean | undefined) => (b ? 1 : 0);

export function newMemberRow(
  id: string,
  unit: { id: string; path: string },
  p: MemberProfile,
  status: MemberStatus,
  statusSince: string | null,
  now: string,
): NewMemberRow {
  const n = deriveNameColumns(p);
  return {
    id,
    unit_id: unit.id,
    unit_path: unit.path,
    family_name: n.familyName,
    middle_name: n.middleName,
    given_name: n.givenName,
    full_name: n.fullName,
    name_search: n.nameSearch,
    sort_key: n.sortKey,
    birth_date: p.birthDate,
    gender: p.gender,
    card_number: p.cardNumber,
    admission_date: p.admissionDate,
    official_date: p.officialDate,
    party_posts: p.partyPosts,
    government_posts: p.governmentPosts,
    is_leader: bool(p.isLeader),
    is_head: bool(p.isHead),
    is_civil_servant: bool(p.isCivilServant),
    status,
    status_since: statusSince,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Inserts new members with the words of their names, in batches. Every writer of new members goes
 * through here, so the name-word index never misses anyone.
 */
export async function insertMembers(tx: Tx, rows: NewMemberRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await tx
      .insertInto('members')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  const words = rows.flatMap((r) => nameWords(r.name_search).map((word) => ({ word, member_id: r.id })));
  // Two columns a row: ten times the member batch stays far below both databases' parameter limits.
  for (let i = 0; i < words.length; i += 10 * INSERT_BATCH) {
    await tx
      .insertInto('member_name_words')
      .values(words.slice(i, i + 10 * INSERT_BATCH))
      .execute();
  }
}

/** Keeps the name-word index in step after a member's name changed. */
export async function replaceNameWords(tx: Tx, memberId: string, nameSearch: string): Promise<void> {
  await tx.deleteFrom('member_name_words').where('member_id', '=', memberId).execute();
  const words = nameWords(nameSearch).map((word) => ({ word, member_id: memberId }));
  if (words.length) await tx.insertInto('member_name_words').values(words).execute();
}

export function profileOf(r: MemberRow): MemberProfile {
  return {
    familyName: r.family_name,
    middleName: r.middle_name,
    givenName: r.given_name,
    birthDate: r.birth_date,
    gender: r.gender as MemberProfile['gender'],
    cardNumber: r.card_number,
    admissionDate: r.admission_date,
    officialDate: r.official_date,
    partyPosts: r.party_posts,
    governmentPosts: r.government_posts,
    isLeader: r.is_leader === 1,
    isHead: r.is_head === 1,
    isCivilServant: r.is_civil_servant === 1,
  };
}

/** Column values for an update from a (partial) profile; names bring their derived columns. */
export function memberUpdateColumns(current: MemberProfile, patch: Partial<MemberProfile>) {
  const p = { ...current, ...patch };
  const n = deriveNameColumns(p);
  return {
    family_name: n.familyName,
    middle_name: n.middleName,
    given_name: n.givenName,
    full_name: n.fullName,
    name_search: n.nameSearch,
    sort_key: n.sortKey,
    birth_date: p.birthDate,
    gender: p.gender,
    card_number: p.cardNumber,
    admission_date: p.admissionDate,
    official_date: p.officialDate,
    party_posts: p.partyPosts,
    government_posts: p.governmentPosts,
    is_leader: bool(p.isLeader),
    is_head: bool(p.isHead),
    is_civil_servant: bool(p.isCivilServant),
  };
}

export interface MemberListFilter {
  scope: ReadScope;
  /** Restrict to this unit's subtree (already checked to be readable or not: the scope still applies). */
  unitPath?: string;
  q?: string;
  status?: MemberStatus;
  /** The word of q whose members are the candidates (chooseNameDriver); without it, q scans the scope. */
  driver?: NameDriver | null;
}

/** A word of the query that every match must have: exactly, or as a prefix for the last word typed. */
export interface NameDriver {
  word: string;
  prefix: boolean;
}

const PROBE_CAP = 20_000;
const RARE_ENOUGH = 2_000;

/**
 * Picks the query word with the fewest members: "nguyen thi thuy" starts from the members named
 * "thuy…", not from the third of the province named Nguyễn. Each probe stops counting at a cap.
 */
export async function chooseNameDriver(db: Tx, q: string | undefined): Promise<NameDriver | null> {
  const words = foldForSearch(q ?? '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return null;
  const candidates: NameDriver[] = words.map((word, i) => ({ word, prefix: i === words.length - 1 }));
  let best: { driver: NameDriver; n: number } | null = null;
  // From the last word back (given names are rarer than family names); a rare enough word ends the search.
  for (const driver of candidates.slice(-4).reverse()) {
    const probe = db
      .selectFrom('member_name_words')
      .select('member_id')
      .where((eb) => nameWordCondition(eb, driver))
      .limit(PROBE_CAP);
    const { n } = await db
      .selectFrom(probe.as('t'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (!best || Number(n) < best.n) best = { driver, n: Number(n) };
    if (best.n < RARE_ENOUGH) break;
  }
  return best!.driver;
}

function nameWordCondition(eb: ExpressionBuilder<Database, 'member_name_words'>, d: NameDriver) {
  // Words are compared byte by byte (BINARY / COLLATE "C"), so a prefix is a range.
  return d.prefix ? eb.and([eb('word', '>=', d.word), eb('word', '<', `${d.word}\uffff`)]) : eb('word', '=', d.word);
}

/**
 * The ranges of unit paths to read: the caller's subtrees intersected with the unit asked for.
 * Intersecting here, not in SQL, leaves one narrow range for the index: "a chi bộ of the
 * province" must not scan the province's range.
 */
export function effectiveRanges(scopePaths: string[], unitPath: string | undefined): string[] {
  if (!unitPath) return scopePaths;
  if (scopePaths.some((p) => unitPath.startsWith(p))) return [unitPath];
  return scopePaths.filter((p) => p.startsWith(unitPath));
}

/**
 * The one query behind every member list and search: scoped in SQL to the caller's subtrees
 * (design §2), filtered by folded name, sorted in roster order, paged, with the total.
 */
export function scopedMembersQuery(db: Tx, f: MemberListFilter) {
  const ranges = effectiveRanges(f.scope.paths, f.unitPath);
  // Their own profile stays visible to a member, inside the unit asked for or when no unit is asked.
  const self = f.scope.selfMemberId;
  let q = db.selectFrom('members as m').where((eb) => {
    const ors = ranges.map((p) => {
      const r = subtreeRange(p);
      return eb.and([eb('m.unit_path', '>=', r.from), eb('m.unit_path', '<', r.to)]);
    });
    if (self) {
      const selfCondition = eb('m.id', '=', self);
      if (f.unitPath) {
        const r = subtreeRange(f.unitPath);
        ors.push(eb.and([selfCondition, eb('m.unit_path', '>=', r.from), eb('m.unit_path', '<', r.to)]));
      } else ors.push(selfCondition);
    }
    return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
  });
  if (f.status) q = q.where('m.status', '=', f.status);
  const folded = f.q ? foldForSearch(f.q) : '';
  if (folded) {
    if (f.driver) {
      const driver = f.driver;
      q = q.where(
        'm.id',
        'in',
        db
          .selectFrom('member_name_words')
          .select('member_id')
          .where((eb) => nameWordCondition(eb, driver)),
      );
    }
    // The phrase itself: its words in order, each starting a word of the name.
    q = q.where(likeWordPrefix('m.name_search', folded));
  }
  return q;
}

/**
 * Members by status in a subtree, in one pass over the (unit_path, status) index: a count per
 * status in the select list, where GROUP BY would first sort 150,000 rows of a province.
 */
export async function countMembersByStatus(db: Tx, scope: ReadScope, unitPath: string): Promise<Record<MemberStatus, number>> {
  const row = await scopedMembersQuery(db, { scope, unitPath })
    .select(MEMBER_STATUSES.map((status) => sql<number>`count(case when ${sql.ref('m.status')} = ${status} then 1 end)`.as(status)))
    .executeTakeFirstOrThrow();
  const counts = {} as Record<MemberStatus, number>;
  for (const status of MEMBER_STATUSES) counts[status] = Number((row as Record<string, unknown>)[status] ?? 0);
  return counts;
}
