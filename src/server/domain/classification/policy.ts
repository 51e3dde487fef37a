// Who may see and do what with classifications (design §2, rows "Classification before
// publication" and "Classification after publication"; regulations §2.5, §11.5). Pure: the
// caller's grants, the units a campaign assigns them to direct, and the subject's place in the
// tree. The deciding body itself is authority.ts.
import type { Role } from '../../../shared/vocabulary.js';
import { isWithinPath } from '../org-tree.js';
import { minimalPaths } from '../policy.js';
import { decidingBody, mayDecide, type AuthoritySubject, type DecidingBody, type GrantLike } from './authority.js';

export interface ClassificationCaller {
  grants: readonly GrantLike[];
  /** Units the campaign assigns the caller to (design §2: `director` "R"). */
  directorPaths: readonly string[];
  memberId: string | null;
}

/** "Classification before publication": R for standing, organizer, director, unit committee, cell secretary; office none. */
const BEFORE: readonly Role[] = ['standing', 'organizer', 'unit_committee', 'cell_secretary'];
/** "Classification after publication": the same and the office (R). */
const AFTER: readonly Role[] = [...BEFORE, 'office'];

const covers = (c: ClassificationCaller, roles: readonly Role[], unitPath: string) =>
  c.grants.some((g) => roles.includes(g.role) && isWithinPath(unitPath, g.unitPath));

/** Subtrees whose proposals and decisions the caller may read before publication (SQL scoping). */
export function unpublishedReadPaths(c: ClassificationCaller): string[] {
  return minimalPaths([...c.grants.filter((g) => BEFORE.includes(g.role)).map((g) => g.unitPath), ...c.directorPaths]);
}

/** Subtrees whose published results the caller may read (the office joins once results are public). */
export function publishedReadPaths(c: ClassificationCaller): string[] {
  return minimalPaths([...c.grants.filter((g) => AFTER.includes(g.role)).map((g) => g.unitPath), ...c.directorPaths]);
}

export function canReadUnpublished(c: ClassificationCaller, unitPath: string): boolean {
  return covers(c, BEFORE, unitPath) || c.directorPaths.some((p) => isWithinPath(unitPath, p));
}

/**
 * Before publication a collective rated by the upper level stands where a member stands (design §2:
 * "own self level only"): its own committee does not read the level the upper level proposes or
 * decides for it. Those who read the deciding committee's work (standing, organizer over it) and the
 * assigned directors do. Subjects decided inside the grassroots unit follow canReadUnpublished.
 */
export function seesUnpublishedLevel(
  c: ClassificationCaller,
  subject: { kind: AuthoritySubject['kind']; unitPath: string },
  body: Pick<DecidingBody, 'level' | 'unitPath'> | null,
): boolean {
  if (subject.kind === 'member' || !body || body.level !== 'upper') return canReadUnpublished(c, subject.unitPath);
  return covers(c, BEFORE, body.unitPath) || c.directorPaths.some((p) => isWithinPath(subject.unitPath, p));
}

export function canReadPublished(c: ClassificationCaller, unitPath: string): boolean {
  return covers(c, AFTER, unitPath) || c.directorPaths.some((p) => isWithinPath(unitPath, p));
}

/**
 * The proposing body (regulations §2.5 column "Proposes"; §3.1 bước 6 B2): for a member, the chi bộ
 * through its secretary ("RW (propose)") or the grassroots committee; for a chi bộ trực thuộc or a
 * đảng bộ bộ phận, the unit itself (its secretary) or its grassroots committee; for a grassroots
 * unit, a leadership collective or a unit above, the upper committee's Organization Board, which
 * appraises and proposes (design §2: organizer "RW (propose)").
 */
export function mayPropose(c: ClassificationCaller, s: AuthoritySubject): boolean {
  const body = decidingBody(s);
  if (!body) return false;
  if (body.level === 'grassroots') return covers(c, ['cell_secretary', 'unit_committee'], s.unitPath);
  return covers(c, ['organizer'], body.unitPath);
}

export { mayDecide };

/**
 * Publishing a decision (regulations §3.1 bước 7; QĐ 366 Điều 15): the body that decided it, and for
 * the upper committee's decisions also its Organization Board (workflow `publish`: standing,
 * unit committee, organizer).
 */
export function mayPublish(c: ClassificationCaller, body: Pick<DecidingBody, 'role' | 'unitPath' | 'level'>): boolean {
  const roles: Role[] = body.level === 'upper' ? [body.role, 'organizer'] : [body.role];
  return covers(c, roles, body.unitPath);
}

/**
 * A complaint about a published result (regulations §2.5 last row; QĐ 366 Điều 13, Điều 15): the
 * member about their own, the grassroots committee about its unit's (or its leadership collective's).
 */
export function mayFileComplaint(
  c: ClassificationCaller,
  s: { kind: AuthoritySubject['kind']; unitPath: string; memberId: string | null },
): boolean {
  if (s.kind === 'member') return s.memberId !== null && c.memberId === s.memberId;
  return covers(c, ['unit_committee'], s.unitPath);
}

/**
 * Re-rating after a complaint is the upper level's (regulations §2.5 last row: the upper committee
 * verifies and may annul and re-classify; §11.5 item 10, QĐ 366 Điều 13): the Standing Committee of
 * the committee that runs the campaign. Re-rating is a decision, and deciding is not the
 * Organization Board's (design §2: organizer "RW (propose)"); it reads the complaints and advises.
 */
export function mayResolveComplaint(c: ClassificationCaller, ownerPath: string): boolean {
  return covers(c, ['standing'], ownerPath);
}

/**
 * What a member sees of their own classification (design §2: "own self level only" before
 * publication, "R own" after): results are visible to their subjects only once published.
 */
export function memberSeesResult(status: string | null): boolean {
  return status === 'published';
}
