// What every Excel export of a campaign starts from (issue 5 item 2): the campaign the caller may
// see, the subtrees whose rows the export may hold, the unit it is asked for, and the title lines and
// file name the office files it under. Outside the caller's sight answers 404 like the rest of the
// campaign (nobody outside a committee learns what it holds); a caller who may see the campaign but
// not this kind of data (a member, the administrator for review content) gets 403.
import { AppError } from '../../../shared/errors.js';
import { formatVietnameseDate } from '../../../shared/dates.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { findUnit } from '../../adapters/db/org-units.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import type { CampaignRow } from '../../adapters/db/schema.js';
import type { TitleLine } from '../../adapters/xlsx/write-sheet.js';
import { campaignUnitScope, type CampaignCaller } from '../../domain/campaign-policy.js';
import { publishedReadPaths } from '../../domain/classification/policy.js';
import { ancestorPaths, isWithinPath, pathIds } from '../../domain/org-tree.js';
import { minimalPaths, type Principal } from '../../domain/policy.js';
import { ruleSetById, type RuleSet } from '../../domain/rule-sets/index.js';
import type { AppContext } from '../context.js';
import { remediationScope } from '../remediation/list-remediation.js';

/**
 * The data an export is made of, and so the row of design §2 that says who reads it (the exports
 * themselves are "Documents, register": every staff role reads, a member only announcements):
 * - `published_levels`: "Classification after publication" — standing, organizer, office, unit
 *   committee, cell secretary over their subtree and the assigned directors; not the administrator
 *   ("no review content by default"), not a member (who reads only their own result);
 * - `unit_progress`: "Campaign, plan, assignments" — every staff role over its subtree, directors
 *   over their units (the cockpit's scope);
 * - `remediation`: "Remediation" — standing, organizer, office, unit committee, cell secretary and
 *   the assigned directors; not the administrator; a member only their own plan (not a list).
 */
export type ExportData = 'published_levels' | 'unit_progress' | 'remediation';

function readablePaths(data: ExportData, caller: CampaignCaller): string[] {
  const p = caller.principal;
  switch (data) {
    case 'published_levels':
      return publishedReadPaths({ grants: p.grants, directorPaths: caller.directorPaths, memberId: p.memberId });
    case 'unit_progress':
      return campaignUnitScope(caller);
    case 'remediation':
      return remediationScope(caller);
  }
}

/** The subtrees inside the campaign: a grant above the campaign's owner reads the whole campaign. */
function withinCampaign(paths: readonly string[], ownerPath: string): string[] {
  const kept: string[] = [];
  for (const p of paths) {
    if (isWithinPath(p, ownerPath)) kept.push(p);
    else if (isWithinPath(ownerPath, p)) kept.push(ownerPath);
  }
  return minimalPaths(kept);
}

export interface ExportUnit {
  id: string;
  name: string;
  path: string;
}

export interface OpenedExport {
  campaign: CampaignRow;
  ruleSet: RuleSet;
  caller: CampaignCaller;
  /** The campaign's owner (the committee named at the top of the sheet). */
  owner: ExportUnit;
  /** The unit the export is about: the one asked for, or the caller's own part of the campaign. */
  unit: ExportUnit;
  /** Subtrees the rows come from: every SQL query of the export is scoped to these. */
  paths: string[];
  /** The committee's business date (design §3, Setting): "today" for overdue marks and the export date. */
  today: string;
}

export async function openExport(
  ctx: AppContext,
  principal: Principal,
  input: { campaignId: string; unitId?: string | null },
  data: ExportData,
): Promise<OpenedExport> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, input.campaignId, principal);
  const ruleSet = ruleSetById(campaign.rule_set_id);
  if (!ruleSet) throw new AppError('rule_set.not_found');
  const readable = withinCampaign(readablePaths(data, caller), campaign.owner_path);
  if (readable.length === 0) throw new AppError('auth.forbidden');
  const ownerRow = await findUnit(ctx.db, campaign.owner_unit_id);
  if (!ownerRow) throw new AppError('campaign.not_found');
  const owner: ExportUnit = { id: ownerRow.id, name: ownerRow.name, path: ownerRow.path };

  let unit: ExportUnit;
  let paths: string[];
  if (input.unitId) {
    const u = await findUnit(ctx.db, input.unitId);
    if (!u) throw new AppError('org_unit.not_found');
    // A unit above the campaign's owner means the whole campaign.
    const asked = isWithinPath(owner.path, u.path) ? owner : { id: u.id, name: u.name, path: u.path };
    if (!readable.some((p) => isWithinPath(asked.path, p))) throw new AppError('org_unit.not_found');
    unit = asked;
    paths = [asked.path];
  } else {
    paths = readable;
    if (readable.length === 1 && readable[0] !== owner.path) {
      const id = pathIds(readable[0]).at(-1)!;
      const u = await findUnit(ctx.db, id);
      unit = u ? { id: u.id, name: u.name, path: u.path } : owner;
    } else unit = owner;
  }
  const today = (await businessDate(ctx.db, ctx.clock.now())).date;
  return { campaign, ruleSet, caller, owner, unit, paths, today };
}

/**
 * The lines above the table, as an office heads a list it files: the committee, the title, the
 * campaign, the unit when it is not the whole committee, and the export date.
 */
export function titleLines(x: OpenedExport, title: string): TitleLine[] {
  return [
    { text: x.owner.name.toUpperCase(), bold: true },
    { text: title.toUpperCase(), bold: true, size: 14 },
    { text: x.campaign.title, italic: true },
    ...(x.unit.id !== x.owner.id ? [{ text: `Đơn vị: ${x.unit.name}`, bold: true }] : []),
    { text: `Ngày xuất: ${formatVietnameseDate(x.today)}`, italic: true },
  ];
}

/** "Xếp loại đảng viên - Đảng bộ phường Bắc Hà - 15-01-2026.xlsx", as the member export names its file. */
export function exportFileName(x: OpenedExport, what: string): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|]+/g, ' ').trim();
  return `${safe(what)} - ${safe(x.unit.name)} - ${formatVietnameseDate(x.today).replace(/\//g, '-')}.xlsx`;
}

/** Vietnam keeps UTC+7 all year: an instant (stage changed, plan filed) is shown on its local day. */
export function localDay(instant: string | null | undefined): string {
  if (!instant) return '';
  if (instant.length <= 10) return formatVietnameseDate(instant);
  const t = Date.parse(instant);
  return Number.isNaN(t) ? formatVietnameseDate(instant) : formatVietnameseDate(new Date(t + 7 * 3600_000).toISOString().slice(0, 10));
}

/** The nearest of `path` and its ancestors found in `byPath` (a member's grassroots unit, a unit's sector). */
export function nearest<T>(byPath: ReadonlyMap<string, T>, path: string): T | undefined {
  const paths = ancestorPaths(path);
  for (let i = paths.length - 1; i >= 0; i--) {
    const hit = byPath.get(paths[i]);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Rows read page by page in an order fixed once (the member export's approach: keys first, then rows by key). */
export async function* pagesByKeys<K, R>(keys: K[], size: number, read: (page: K[]) => Promise<R[]>): AsyncGenerator<R[]> {
  for (let i = 0; i < keys.length; i += size) yield read(keys.slice(i, i + size));
}
