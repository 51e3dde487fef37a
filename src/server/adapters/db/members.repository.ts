// Rows of members: building them from a profile, and the scoped queries of lists and search.
import { sql } from 'kysely';
import { deriveNameColumns, type MemberProfile } from '../../domain/member-profile.js';
import type { ReadScope } from '../../domain/policy.js';
import type { MemberStatus } from '../../../shared/vocabulary.js';
import { foldForSearch } from '../../../shared/text.js';
import type { Tx } from '../../features/context.js';
import { likeWordPrefix, subtreeRange } from './dialect.js';
import type { MemberRow, NewMemberRow } from './schema.js';

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
}

/**
 * The one query behind every member list and search: scoped in SQL to the caller's subtrees
 * (design §2), filtered by folded name, sorted in roster order, paged, with the total.
 */
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
  if (folded) q = q.where(likeWordPrefix('m.name_search', folded));
  return q;
}

export async function countMembersByStatus(db: Tx, scope: ReadScope, unitPath: string): Promise<Record<MemberStatus, number>> {
  const rows = await scopedMembersQuery(db, { scope, unitPath })
    .select(['m.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('m.status')
    .execute();
  const counts = { active: 0, exempt: 0, suspended: 0, transferred: 0, deceased: 0 } as Record<MemberStatus, number>;
  for (const r of rows) counts[r.status as MemberStatus] = Number(r.n);
  return counts;
}
