// The campaign, its rule set and the caller's place in it, and the scope a board, a proposal or a
// decision works on (design §2, rows "Classification before / after publication"). Outside the
// caller's sight answers 404 everywhere, as for dossiers: nobody outside a committee learns what
// it holds.
import { AppError } from '../../../shared/errors.js';
import { campaignConfigOf, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import type { CampaignRow } from '../../adapters/db/schema.js';
import type { CampaignCaller } from '../../domain/campaign-policy.js';
import { runChecks } from '../../domain/classification/checks.js';
import { canReadUnpublished, type ClassificationCaller } from '../../domain/classification/policy.js';
import type { CheckOutcome, CheckResult, QuotaUse } from '../../domain/classification/types.js';
import { isWithinPath, pathIds } from '../../domain/org-tree.js';
import type { Principal } from '../../domain/policy.js';
import { effectiveConfig, ruleSetById, type RuleSet } from '../../domain/rule-sets/index.js';
import type { Tx } from '../context.js';
import { loadSubjects, subjectId, type LoadedScope } from './load-subjects.js';

export interface ClassificationAccess {
  campaign: CampaignRow;
  ruleSet: RuleSet;
  campaignCaller: CampaignCaller;
  caller: ClassificationCaller;
  principal: Principal;
}

export async function loadAccess(db: Tx, principal: Principal, campaignId: string): Promise<ClassificationAccess> {
  const { campaign, caller } = await loadCampaignAccess(db, campaignId, principal);
  const ruleSet = ruleSetById(campaign.rule_set_id);
  if (!ruleSet) throw new AppError('rule_set.not_found');
  return {
    campaign,
    ruleSet,
    campaignCaller: caller,
    caller: { grants: principal.grants, directorPaths: caller.directorPaths, memberId: principal.memberId },
    principal,
  };
}

export interface BoardUnit {
  id: string;
  name: string;
  path: string;
  kind: string;
  isGrassroots: boolean;
}

/**
 * The unit a board is asked for, and the scope its checks read. The unit must be the campaign's
 * owner or one of its units, and the caller must read classifications there before publication;
 * else 404. The checks read at least the whole grassroots unit above it: the members' quota and the
 * organizations' caps count whole groups (regulations §9b, §2.4 R9–R10), so a chi bộ's board shows
 * the chi bộ's rows checked against its grassroots unit — only the group's counts leave the chi bộ.
 */
export async function boardScope(db: Tx, access: ClassificationAccess, unitId: string): Promise<{ unit: BoardUnit; scopePath: string }> {
  const { campaign } = access;
  let unit: BoardUnit | undefined;
  if (unitId === campaign.owner_unit_id) {
    const owner = await db.selectFrom('org_units').select(['id', 'name', 'path', 'kind']).where('id', '=', unitId).executeTakeFirst();
    if (owner) unit = { id: owner.id, name: owner.name, path: owner.path, kind: owner.kind, isGrassroots: false };
  } else {
    const row = await db
      .selectFrom('campaign_units as cu')
      .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
      .select(['u.id', 'u.name', 'cu.unit_path', 'cu.unit_kind', 'cu.is_grassroots'])
      .where('cu.campaign_id', '=', campaign.id)
      .where('cu.unit_id', '=', unitId)
      .executeTakeFirst();
    if (row) unit = { id: row.id, name: row.name, path: row.unit_path, kind: row.unit_kind, isGrassroots: row.is_grassroots === 1 };
  }
  if (!unit || !canReadUnpublished(access.caller, unit.path)) throw new AppError('campaign.not_in_population');
  let scopePath = unit.path;
  if (unit.kind === 'cell' || unit.kind === 'sub_party') {
    const ancestors = pathIds(unit.path).slice(0, -1);
    const g = await db
      .selectFrom('campaign_units')
      .select('unit_path')
      .where('campaign_id', '=', campaign.id)
      .where('unit_id', 'in', ancestors.length ? ancestors : [''])
      .where('is_grassroots', '=', 1)
      .executeTakeFirst();
    if (g) scopePath = g.unit_path;
  }
  return { unit, scopePath };
}

export interface CheckedScope {
  scope: LoadedScope;
  outcome: CheckOutcome;
  /** Results by subjectId(kind, key). */
  results: Map<string, CheckResult[]>;
  /** Quota use by group key (and kind). */
  quotas: QuotaUse[];
}

export async function loadScope(
  db: Tx,
  access: ClassificationAccess,
  scopePath: string,
  options: { memberDetails?: boolean } = {},
): Promise<LoadedScope> {
  return loadSubjects(db, { campaign: access.campaign, ruleSet: access.ruleSet, scopePath, ...options });
}

/** Runs every check of the campaign's rule set over the loaded scope (with its current levels). */
export function check(access: ClassificationAccess, scope: LoadedScope): CheckedScope {
  const config = effectiveConfig(access.ruleSet, campaignConfigOf(access.campaign));
  const outcome = runChecks({ ruleSet: access.ruleSet, config: { htxsQuotaPct: config.htxsQuotaPct }, subjects: scope.subjects });
  const results = new Map<string, CheckResult[]>();
  for (const r of outcome.results) {
    const k = subjectId(r.subjectKind, r.subjectKey);
    const list = results.get(k);
    if (list) list.push(r);
    else results.set(k, [r]);
  }
  return { scope, outcome, results, quotas: outcome.quotas };
}

/** The failed checks of one subject at the level it is checked with. */
export function failedFor(checked: CheckedScope, kind: string, key: string): CheckResult[] {
  return (checked.results.get(subjectId(kind, key)) ?? []).filter((r) => !r.passed);
}

/** Whether a quota group lies wholly inside the scope (its counts are then complete). */
export function groupComplete(scope: LoadedScope, groupKey: string): boolean {
  const p = scope.groupUnitPaths.get(groupKey);
  return p !== undefined && isWithinPath(p, scope.scopePath);
}

/**
 * Where one subject's checks are counted: its grassroots unit for a member or a sub-unit, else the
 * campaign's owner (a grassroots unit's own collective counts among the owner's units).
 */
export async function subjectScopePath(db: Tx, access: ClassificationAccess, subjectKind: string, path: string): Promise<string> {
  const g = await db
    .selectFrom('campaign_units')
    .select('unit_path')
    .where('campaign_id', '=', access.campaign.id)
    .where('unit_id', 'in', pathIds(path))
    .where('is_grassroots', '=', 1)
    .executeTakeFirst();
  if (!g || (subjectKind !== 'member' && g.unit_path === path)) return access.campaign.owner_path;
  return g.unit_path;
}
