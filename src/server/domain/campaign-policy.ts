// Who may see and do what in a campaign (design §2, rows "Campaign, plan, assignments,
// suggestions", "Collective reports, dossiers, appraisal", "Individual reviews"). Pure: the
// caller's grants, the units a campaign assigns them to direct, and the target's place in the tree.
import type { Role } from '../../shared/vocabulary.js';
import { isWithinPath } from './org-tree.js';
import { minimalPaths, type Principal } from './policy.js';
import type { ActorRole } from './workflow.js';

export interface CampaignCaller {
  principal: Principal;
  /** Paths of the units this campaign assigns the caller to (any duty): the `director` role. */
  directorPaths: readonly string[];
}

export interface Target {
  /** The unit the target belongs to: the unit itself, or a member's chi bộ. */
  unitPath: string;
  /** Set when the target is one member (their review, commitment, facts, suggestion). */
  memberId?: string | null;
}

/** The caller's roles over a target (see ActorRole). */
export function actorRoles(caller: CampaignCaller, target: Target): Set<ActorRole> {
  const roles = new Set<ActorRole>();
  for (const g of caller.principal.grants) if (isWithinPath(target.unitPath, g.unitPath)) roles.add(g.role);
  if (caller.directorPaths.some((p) => isWithinPath(target.unitPath, p))) roles.add('director');
  if (target.memberId && caller.principal.memberId === target.memberId) roles.add('member_self');
  return roles;
}

const has = (roles: ReadonlySet<ActorRole>, ...wanted: ActorRole[]) => wanted.some((w) => roles.has(w));

/** Roles that see the whole campaign of a committee they hold the grant over. */
export const CAMPAIGN_WIDE: readonly Role[] = ['admin', 'standing', 'organizer', 'office'];

/**
 * A campaign is visible to the committee that runs it (admin, standing, organizer, office over the
 * owner), to its directors, and to everyone inside its subtree for their own part (unit committee,
 * cell secretary "R own unit / chi bộ", member "R own suggestions"). Nobody outside sees it.
 */
export function canReadCampaign(caller: CampaignCaller, ownerPath: string): boolean {
  const p = caller.principal;
  if (caller.directorPaths.length > 0) return true;
  if (p.grants.some((g) => CAMPAIGN_WIDE.includes(g.role) && isWithinPath(ownerPath, g.unitPath))) return true;
  if (p.grants.some((g) => isWithinPath(g.unitPath, ownerPath))) return true;
  return p.memberUnitPath !== null && isWithinPath(p.memberUnitPath, ownerPath);
}

/** Campaign, plan, milestones, population, assignments, suggestions: "RW" for organizer and standing. */
export function canManageCampaign(caller: CampaignCaller, ownerPath: string): boolean {
  return caller.principal.grants.some((g) => (g.role === 'organizer' || g.role === 'standing') && isWithinPath(ownerPath, g.unitPath));
}

/** "RW (approve plan)": only the standing role approves the plan. */
export function canApprovePlan(caller: CampaignCaller, ownerPath: string): boolean {
  return caller.principal.grants.some((g) => g.role === 'standing' && isWithinPath(ownerPath, g.unitPath));
}

/** Whether the caller sees everything of the campaign, or only its own part. */
export function seesWholeCampaign(caller: CampaignCaller, ownerPath: string): boolean {
  return caller.principal.grants.some((g) => CAMPAIGN_WIDE.includes(g.role) && isWithinPath(ownerPath, g.unitPath));
}

/**
 * Units whose rows (stage, dossier, collective report, assignments, suggestions) the caller may
 * list: the committee-wide roles over their grant, unit committee and cell secretary over their
 * unit, directors over their assigned units. SQL scopes lists to these subtrees.
 */
export function campaignUnitScope(caller: CampaignCaller): string[] {
  const p = caller.principal;
  const paths = p.grants.filter((g) => g.role !== 'member').map((g) => g.unitPath);
  return minimalPaths([...paths, ...caller.directorPaths]);
}

/** Suggestions: readable by the campaign's readers over the target, and by the member targeted. */
export function canReadSuggestion(caller: CampaignCaller, target: Target): boolean {
  const roles = actorRoles(caller, target);
  return has(roles, 'admin', 'standing', 'organizer', 'office', 'director', 'unit_committee', 'cell_secretary', 'member_self');
}

export function canWriteSuggestion(caller: CampaignCaller, target: Target): boolean {
  return has(actorRoles(caller, target), 'standing', 'organizer');
}

/** Row "Collective reports, dossiers, appraisal": R for standing, organizer, office, director, cell secretary. */
export function canReadDossier(caller: CampaignCaller, unitPath: string): boolean {
  return has(actorRoles(caller, { unitPath }), 'standing', 'organizer', 'office', 'director', 'unit_committee', 'cell_secretary');
}

/** "RW own unit" for the unit committee: the collective report and the dossier. */
export function canWriteDossier(caller: CampaignCaller, unitPath: string): boolean {
  return has(actorRoles(caller, { unitPath }), 'unit_committee');
}

/** "RW (appraise)" for the Organization Board. */
export function canAppraise(caller: CampaignCaller, unitPath: string): boolean {
  return has(actorRoles(caller, { unitPath }), 'organizer');
}

/** "R, comment" for the assigned directors. */
export function canCommentDossier(caller: CampaignCaller, unitPath: string): boolean {
  return has(actorRoles(caller, { unitPath }), 'director', 'organizer', 'standing');
}

/**
 * Row "Individual reviews": standing, organizer, unit committee and cell secretary read; a director
 * reads the key leaders' reviews of assigned units; a member reads and writes their own; office and
 * admin read none.
 */
export function canReadMemberReview(caller: CampaignCaller, target: Target & { isKeyLeader: boolean }): boolean {
  const roles = actorRoles(caller, target);
  if (has(roles, 'standing', 'organizer', 'unit_committee', 'cell_secretary', 'member_self')) return true;
  return roles.has('director') && target.isKeyLeader;
}

/** Own review, or the cell secretary's proxy entry for a member who cannot (audited as proxy). */
export function memberReviewWriter(caller: CampaignCaller, target: Target): 'self' | 'proxy' | null {
  const roles = actorRoles(caller, target);
  if (roles.has('member_self')) return 'self';
  if (roles.has('cell_secretary')) return 'proxy';
  return null;
}

/** Commitments: the member writes their own; those who read reviews read them. */
export function canReadCommitment(caller: CampaignCaller, target: Target): boolean {
  return has(actorRoles(caller, target), 'standing', 'organizer', 'unit_committee', 'cell_secretary', 'member_self');
}

export function canWriteCommitment(caller: CampaignCaller, target: Target): boolean {
  return has(actorRoles(caller, target), 'member_self');
}

/** MemberYearFacts: recorded by the unit committee (issue 3 item 5); read where reviews are read. */
export function canReadYearFacts(caller: CampaignCaller, target: Target): boolean {
  return has(actorRoles(caller, target), 'standing', 'organizer', 'unit_committee', 'cell_secretary', 'member_self');
}

export function canWriteYearFacts(caller: CampaignCaller, target: Target): boolean {
  return has(actorRoles(caller, target), 'unit_committee');
}
