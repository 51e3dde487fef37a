// Who may see and do what at a review meeting (design §2, row "Conference, minutes, tallies"):
// standing, organizer, office read; directors of assigned units read and record attendance; the
// unit committee over its unit and the chi bộ secretary over the chi bộ run it (RW); a member reads
// the minutes of their own chi bộ; admin and everyone outside the committee's subtree see nothing.
import type { Role } from '../../../shared/vocabulary.js';
import { actorRoles, type CampaignCaller } from '../campaign-policy.js';
import { minimalPaths } from '../policy.js';

export interface ConferenceAccess {
  read: boolean;
  /** Reads the minutes only (a member of the chi bộ): no tallies. */
  minutesOnly: boolean;
  /** Runs the meeting: agenda, attendance, entries, tallies, header, close. */
  write: boolean;
  /** Records which directors and upper-level guests came (design §2: director "record attendance"). */
  recordGuests: boolean;
}

/** Granted roles that read every conference of their subtree. */
export const CONFERENCE_READERS: readonly Role[] = ['standing', 'organizer', 'office', 'unit_committee', 'cell_secretary'];

export function conferenceAccess(caller: CampaignCaller, unitPath: string): ConferenceAccess {
  const roles = actorRoles(caller, { unitPath });
  const write = roles.has('unit_committee') || roles.has('cell_secretary');
  const director = roles.has('director');
  const fullRead = write || director || roles.has('standing') || roles.has('organizer') || roles.has('office');
  // "R own chi bộ's minutes": the member's own chi bộ is the meeting's unit itself.
  const ownCell = caller.principal.memberUnitPath !== null && caller.principal.memberUnitPath === unitPath;
  return {
    read: fullRead || ownCell,
    minutesOnly: !fullRead && ownCell,
    write,
    recordGuests: write || director,
  };
}

/**
 * Subtrees whose conferences the caller may list: the readers' grants, the directors' assigned
 * units, and the member's own chi bộ (a chi bộ has no units below it, so its subtree is itself).
 */
export function conferenceListScope(caller: CampaignCaller): string[] {
  const p = caller.principal;
  const paths = p.grants.filter((g) => CONFERENCE_READERS.includes(g.role)).map((g) => g.unitPath);
  if (p.memberUnitPath) paths.push(p.memberUnitPath);
  return minimalPaths([...paths, ...caller.directorPaths]);
}
