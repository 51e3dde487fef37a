// Who reads and who posts announcements (design §2, row "Documents, register, announcements":
// admin R, standing R, organizer RW, office RW, director R, unit_committee RW own unit,
// cell_secretary R, member R announcements). Pure: the caller's grants and the posting unit's path
// in, a yes or no out. The list use case applies the same reading rule in SQL (announcementReadPaths).
import type { Role } from '../../shared/vocabulary.js';
import { ancestorPaths, isWithinPath } from './org-tree.js';
import { minimalPaths, type Principal } from './policy.js';

/**
 * The roles that write announcements (design §2: organizer RW, office RW, unit_committee RW own
 * unit). A unit_committee grant is given on its own grassroots unit, so "own unit" is the grant's
 * subtree; admin, standing, cell_secretary and member only read.
 */
export const ANNOUNCEMENT_WRITERS: readonly Role[] = ['organizer', 'office', 'unit_committee'];

/** Subtrees the caller may post for: the writing grants' units and everything below them. */
export function announcementPostScope(principal: Principal): string[] {
  return minimalPaths(principal.grants.filter((g) => ANNOUNCEMENT_WRITERS.includes(g.role)).map((g) => g.unitPath));
}

/** Posting, editing and withdrawing an item of `unitPath` (design §2: W over the subtree holding the posting unit). */
export function canPostAnnouncement(principal: Principal, unitPath: string): boolean {
  return announcementPostScope(principal).some((p) => isWithinPath(unitPath, p));
}

/**
 * Where the caller reads announcements from (design §2: every role reads them, "member R
 * announcements"; director R through the member unit every director has):
 * - `ancestors`: posting units whose subtree contains the caller's own chi bộ or one of their grant
 *   units — what upper levels post reaches those below, so the committee's root office reaches
 *   everyone;
 * - `subtrees`: posting units inside one of the caller's grants — the upper level reads what its
 *   lower units post.
 * A ward's item is thus not read in another ward.
 */
export function announcementReadPaths(principal: Principal): { ancestors: string[]; subtrees: string[] } {
  const own = [...principal.grants.map((g) => g.unitPath), ...(principal.memberUnitPath ? [principal.memberUnitPath] : [])];
  return {
    ancestors: [...new Set(own.flatMap(ancestorPaths))].sort(),
    subtrees: minimalPaths(principal.grants.map((g) => g.unitPath)),
  };
}

export function canReadAnnouncement(principal: Principal, unitPath: string): boolean {
  const { ancestors, subtrees } = announcementReadPaths(principal);
  return ancestors.includes(unitPath) || subtrees.some((p) => isWithinPath(unitPath, p));
}
