// Who may read and issue documents (design §2, row "Documents, register, announcements": admin R,
// standing R, organizer RW, office RW, director R, unit_committee RW own unit, cell_secretary R,
// member only announcements). "Own unit" is the unit the grant is given on and its subtree. A
// document's content still follows the row of what it shows: building one reads through the same
// use cases (and refusals) as the pages that show that content.
import type { Role } from '../../../shared/vocabulary.js';
import type { CampaignCaller } from '../campaign-policy.js';
import { isWithinPath } from '../org-tree.js';
import { minimalPaths, type Principal } from '../policy.js';

const READERS: readonly Role[] = ['admin', 'standing', 'organizer', 'office', 'unit_committee', 'cell_secretary'];
const ISSUERS: readonly Role[] = ['organizer', 'office', 'unit_committee'];

/** The subtrees whose register the caller reads: the SQL scope of the register list. */
export function documentReadPaths(p: Principal): string[] {
  return minimalPaths(p.grants.filter((g) => READERS.includes(g.role)).map((g) => g.unitPath));
}

export function canReadDocumentsOf(caller: CampaignCaller | Principal, issuerPath: string): boolean {
  const p = 'principal' in caller ? caller.principal : caller;
  if (p.grants.some((g) => READERS.includes(g.role) && isWithinPath(issuerPath, g.unitPath))) return true;
  // Director: "R" over the units a campaign assigns them to.
  return 'directorPaths' in caller && caller.directorPaths.some((d) => isWithinPath(issuerPath, d));
}

/** Issuing takes a number from the issuer's register: organizer and office of the subtree, a unit's own committee. */
export function canIssueDocumentsFor(p: Principal, issuerPath: string): boolean {
  return p.grants.some((g) => ISSUERS.includes(g.role) && isWithinPath(issuerPath, g.unitPath));
}

/**
 * The format settings (regulations §6 UNCONFIRMED items) hold for every document of the deployment:
 * the administrator ("configuration", design §2) or the office of the top committee sets them.
 */
export function canConfigureDocuments(p: Principal): boolean {
  return p.grants.some((g) => (g.role === 'admin' || g.role === 'office') && g.unitPath.split('/').filter(Boolean).length === 1);
}
