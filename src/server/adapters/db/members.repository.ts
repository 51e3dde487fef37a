// Rows of members: building them from a profile, and the scoped queries of lists and search.
import { sql, type AliasedSelectQueryBuilder, type ExpressionBuilder } from 'kysely';
import { deriveNameColumns, type MemberProfile } from '../../domain/member-profile.js';
import type { ReadScope } from '../../domain/policy.js';
import { MEMBER_STATUSES, type MemberStatus } from '../../../shared/vocabulary.js';
import { foldForSearch, nameWordOffsets } from '../../../shared/text.js';
import type { Tx } from '../../features/context.js';
import { likeWordPrefix, noWordPrefixBefore, subtreeRange } from './dialect.js';
import type { MemberRow, NewMemberRow } from './schema.js';

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

/** The place, roster key and folded name a name-word row copies from its member (migration 0007). */
type NameWordSource = Pick<MemberRow, 'id' | 'name_search' | 'unit_path' | 'sort_key'>;

function nameWordRows(m: NameWordSource) {
  return nameWordOffsets(m.name_search).map(({ word, offset }) => ({
    word,
    member_id: m.id,
    unit_path: m.unit_path,
    sort_key: m.sort_key,
    name_search: m.name_search,
    word_offset: offset,
  }));
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
  const words = rows.flatMap(nameWordRows);
  // Six columns a row: twice the member batch stays far below both databases' parameter limits.
  for (let i = 0; i < words.length; i += 2 * INSERT_BATCH) {
    await tx
      .insertInto('member_name_words')
      .values(words.slice(i, i + 2 * INSERT_BATCH))
      .execute();
  }
}

/**
 * Rewrites a member's name words from the member's row: after any change of the name, the unit
 * or the roster key (the copies the search reads, migration 0007).
 */
export async function refreshNameWords(tx: Tx, memberId: string): Promise<void> {
  await tx.deleteFrom('member_name_words').where('member_id', '=', memberId).execute();
  const m = await tx
    .selectFrom('members')
    .select(['id', 'name_search', 'unit_path', 'sort_key'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  const words = m ? nameWordRows(m) : [];
  if (words.length) await tx.insertInto('member_name_words').values(words).execute();
}

/** Whether an update of a member's columns changes what its name words copy. */
export function touchesNameWords(changes: Partial<Record<keyof MemberRow, unknown>>): boolean {
  return changes.name_search !== undefined || changes.unit_path !== undefined || changes.sort_key !== undefined;
}

/** The name words of every member now in `unitId` take the unit's path (members moved in bulk). */
export async function moveNameWordsToUnit(tx: Tx, unitId: string, unitPath: string): Promise<void> {
  await tx
    .updateTable('member_name_words')
    .set({ unit_path: unitPath })
    .where('member_id', 'in', (eb) => eb.selectFrom('members').select('id').where('unit_id', '=', unitId))
    .where('unit_path', '<>', unitPath)
    .execute();
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
  status?: MemberStatus;
}

/** A word of the query that every match must have: exactly, or as a prefix for the last word typed. */
export interface NameDriver {
  word: string;
  prefix: boolean;
}

const PROBE_CAP = 20_000;
const RARE_ENOUGH = 2_000;

/**
 * Picks the query word with the fewest members in the caller's scope: "nguyen thi thuy" starts
 * from the members named "thuy…", not from the third of the province named Nguyễn. Each probe
 * reads the scope's range of the word in the name-word index and stops counting at the best count
 * so far, since a word as frequent as the best cannot replace it.
 */
export async function chooseNameDriver(db: Tx, q: string | undefined, f: MemberListFilter): Promise<NameDriver | null> {
  const words = foldForSearch(q ?? '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return null;
  const candidates: NameDriver[] = words.map((word, i) => ({ word, prefix: i === words.length - 1 }));
  // One word has no rival to be compared with.
  if (candidates.length === 1) return candidates[0];
  // The caller's own row is one member among thousands: the probes read the subtrees alone, where
  // "or my own id" would keep PostgreSQL from reading the word's range of each subtree.
  const subtrees: MemberListFilter = { ...f, scope: { ...f.scope, selfMemberId: null } };
  let best: { driver: NameDriver; n: number } | null = null;
  // From the last word back (given names are rarer than family names); a rare enough word ends the search.
  for (const driver of candidates.slice(-4).reverse()) {
    const cap: number = best ? best.n : PROBE_CAP;
    const probe = wordsInScope(db, subtrees, driver).select('w.member_id').limit(cap);
    const { n } = await db
      .selectFrom(probe.as('t'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (!best || Number(n) < best.n) best = { driver, n: Number(n) };
    if (best.n < RARE_ENOUGH) break;
  }
  return best!.driver;
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
 * The caller's scope (design §2) over a table holding a member's id and unit path: the subtrees,
 * and the member's own row, inside the unit asked for or when no unit is asked.
 */
function inScope(eb: ExpressionBuilder<any, any>, f: MemberListFilter, pathColumn: string, idColumn: string) {
  const path = sql.ref(pathColumn);
  const within = (p: string) => {
    const r = subtreeRange(p);
    return eb.and([eb(path, '>=', r.from), eb(path, '<', r.to)]);
  };
  const ors = effectiveRanges(f.scope.paths, f.unitPath).map(within);
  const self = f.scope.selfMemberId;
  if (self) {
    const selfCondition = eb(sql.ref(idColumn), '=', self);
    ors.push(f.unitPath ? eb.and([selfCondition, within(f.unitPath)]) : selfCondition);
  }
  return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
}

/**
 * The one query behind every member list without a name: scoped in SQL to the caller's subtrees
 * (design §2), by status when asked.
 */
export function scopedMembersQuery(db: Tx, f: MemberListFilter) {
  let q = db.selectFrom('members as m').where((eb) => inScope(eb, f, 'm.unit_path', 'm.id'));
  if (f.status) q = q.where('m.status', '=', f.status);
  return q;
}

/** The driver word's rows of the name-word index inside the caller's scope. */
function wordsInScope(db: Tx, f: MemberListFilter, driver: NameDriver) {
  // Words are compared byte by byte (BINARY / COLLATE "C"), so a prefix is a range.
  return db
    .selectFrom('member_name_words as w')
    .where((eb) =>
      driver.prefix ? eb.and([eb('w.word', '>=', driver.word), eb('w.word', '<', `${driver.word}\uffff`)]) : eb('w.word', '=', driver.word),
    )
    .where((eb) => inScope(eb, f, 'w.unit_path', 'w.member_id'));
}

/** Rows (id, sort_key) of the members matching a name, to read as a subquery. */
export interface NameMatches {
  as<A extends string>(alias: A): AliasedSelectQueryBuilder<{ id: string; sort_key: string }, A>;
}

/** How the members matching a name are found: in the scope's own rows, or from a word of the name. */
export type NamePlan = { scan: 'scope' } | { scan: 'word'; driver: NameDriver };

/** Up to this many members in scope, reading their names beats any word of the name. */
const SCOPE_SCAN_MAX = 2_000;

/**
 * Chooses how to find the members matching q: a chi bộ or a small đảng bộ reads its own members'
 * names from the (unit_path, name_search, …) index; a larger scope starts from the rarest word of q
 * in the name-word index. Null when q holds no word.
 */
export async function planNameSearch(
  db: Tx,
  q: string | undefined,
  f: MemberListFilter,
  scopeScanMax = SCOPE_SCAN_MAX,
): Promise<NamePlan | null> {
  if (!foldForSearch(q ?? '')) return null;
  const probe = scopedMembersQuery(db, { scope: f.scope, unitPath: f.unitPath }).select('m.id').limit(scopeScanMax);
  const { n } = await db
    .selectFrom(probe.as('t'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(n) < scopeScanMax) return { scan: 'scope' };
  return { scan: 'word', driver: (await chooseNameDriver(db, q, f))! };
}

/**
 * The members in scope whose name holds the phrase q (its words in order, each starting a word of
 * the name), as (id, sort_key) rows, by the plan's path: each reads one index alone
 * (docs/decisions/0011), the word path going to the members table only for a status filter.
 */
export function nameMatchesQuery(db: Tx, f: MemberListFilter, q: string, plan: NamePlan): NameMatches {
  const phrase = foldForSearch(q);
  if (plan.scan === 'scope') {
    return scopedMembersQuery(db, f).where(likeWordPrefix('m.name_search', phrase)).select(['m.id', 'm.sort_key']);
  }
  return (
    wordsInScope(db, f, plan.driver)
      .where(likeWordPrefix('w.name_search', phrase))
      // A prefix ("thu") can match two words of one name ("Thu Thủy"): only the first of them counts,
      // the one with no word starting with the prefix before it. An exact word is one row already.
      .$if(plan.driver.prefix, (qb) => qb.where(noWordPrefixBefore('w.name_search', 'w.word_offset', plan.driver.word)))
      .$if(f.status !== undefined, (qb) => qb.innerJoin('members as m', 'm.id', 'w.member_id').where('m.status', '=', f.status!))
      .select(['w.member_id as id', 'w.sort_key'])
  );
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
