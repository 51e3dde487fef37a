// Who sees which suggested points (design §2, row "Campaign, plan, assignments, suggestions";
// regulations §4: "visible to the target and its committee"). Drafts are the upper committee's work
// in progress: only organizer and standing over the target see them. Issued ones are read by the
// campaign's readers over the target (committee-wide roles, directors, the unit committee, the chi
// bộ secretary of a member's chi bộ) and by the member targeted — never by another member.
import { sql, type ExpressionBuilder, type Updateable } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { SuggestionView } from '../../../shared/contracts/planning.js';
import { loadCampaignAccess, withinPaths } from '../../adapters/db/campaigns.repository.js';
import type { CampaignRow, Database, SuggestionTable } from '../../adapters/db/schema.js';
import { answeredItemIds, findSuggestion, suggestionItemsOf, type SuggestionRow } from '../../adapters/db/suggestions.repository.js';
import {
  campaignUnitScope,
  canReadSuggestion,
  canWriteSuggestion,
  type CampaignCaller,
  type Target,
} from '../../domain/campaign-policy.js';
import { minimalPaths } from '../../domain/policy.js';
import type { Caller, Tx } from '../context.js';

export function suggestionTargetOf(row: Pick<SuggestionRow, 'scope_path' | 'member_id'>): Target {
  return { unitPath: row.scope_path, memberId: row.member_id };
}

export function canSeeSuggestion(caller: CampaignCaller, row: Pick<SuggestionRow, 'scope_path' | 'member_id' | 'status'>): boolean {
  const target = suggestionTargetOf(row);
  return row.status === 'draft' ? canWriteSuggestion(caller, target) : canReadSuggestion(caller, target);
}

/** The same rule as canSeeSuggestion, as SQL on `suggestions as s` (design §4: lists scoped in SQL). */
export function suggestionVisible(eb: ExpressionBuilder<Database & { s: Database['suggestions'] }, 's'>, caller: CampaignCaller) {
  const p = caller.principal;
  const writers = minimalPaths(p.grants.filter((g) => g.role === 'standing' || g.role === 'organizer').map((g) => g.unitPath));
  const readers = campaignUnitScope(caller);
  return eb.or([
    eb.and([
      eb('s.status', '=', 'issued'),
      eb.or([withinPaths(eb, 's.scope_path', readers), ...(p.memberId ? [eb('s.member_id', '=', p.memberId)] : [])]),
    ]),
    eb.and([eb('s.status', '=', 'draft'), withinPaths(eb, 's.scope_path', writers)]),
  ]);
}

export interface SuggestionInView {
  campaign: CampaignRow;
  caller: CampaignCaller;
  suggestion: SuggestionRow;
}

/**
 * The suggestion and the caller's place in its campaign; `suggestion.not_found` when it does not
 * exist or the caller may not see it (its existence is not disclosed).
 */
export async function loadSuggestion(db: Tx, principal: Caller, id: string): Promise<SuggestionInView> {
  const suggestion = await findSuggestion(db, id);
  if (!suggestion) throw new AppError('suggestion.not_found');
  let access;
  try {
    access = await loadCampaignAccess(db, suggestion.campaign_id, principal);
  } catch (e) {
    if (e instanceof AppError && e.code === 'campaign.not_found') throw new AppError('suggestion.not_found');
    throw e;
  }
  if (!canSeeSuggestion(access.caller, suggestion)) throw new AppError('suggestion.not_found');
  return { ...access, suggestion };
}

/** Drafts are changed by organizer and standing over the target, in an open campaign (regulations §3.1 bước 1). */
export function assertSuggestionWritable(view: SuggestionInView): void {
  if (!canWriteSuggestion(view.caller, suggestionTargetOf(view.suggestion))) throw new AppError('auth.forbidden');
  if (view.campaign.status !== 'open') throw new AppError('campaign.closed');
  if (view.suggestion.status !== 'draft') throw new AppError('suggestion.invalid_transition');
}

/**
 * Changes a draft inside the caller's transaction: the row re-read (still a draft, at the version
 * the caller read when one is given), `change` checks it and says what to set, and the row is
 * updated under its version (`conflict.version` when someone got there first). Returns the row as
 * it was before the change.
 */
export async function changeDraftSuggestion(
  tx: Tx,
  id: string,
  read: { version: number | undefined; now: string },
  change: (before: SuggestionRow) => Promise<Updateable<SuggestionTable>> | Updateable<SuggestionTable>,
): Promise<SuggestionRow> {
  const before = await findSuggestion(tx, id);
  if (!before) throw new AppError('suggestion.not_found');
  if (before.status !== 'draft') throw new AppError('suggestion.invalid_transition');
  if (read.version !== undefined && before.version !== read.version) throw new AppError('conflict.version');
  const set = await change(before);
  const r = await tx
    .updateTable('suggestions')
    .set({ ...set, version: sql`version + 1`, updated_at: read.now })
    .where('id', '=', id)
    .where('version', '=', before.version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict.version');
  return before;
}

export async function presentSuggestions(
  db: Tx,
  campaign: CampaignRow,
  caller: CampaignCaller,
  rows: readonly SuggestionRow[],
): Promise<SuggestionView[]> {
  if (rows.length === 0) return [];
  const unitIds = [...new Set(rows.map((r) => r.unit_id))];
  const memberIds = [...new Set(rows.flatMap((r) => (r.member_id ? [r.member_id] : [])))];
  const creatorIds = [...new Set(rows.flatMap((r) => (r.created_by ? [r.created_by] : [])))];
  const issued = rows.filter((r) => r.status === 'issued');
  const [items, units, members, creators, answered] = await Promise.all([
    suggestionItemsOf(
      db,
      rows.map((r) => r.id),
    ),
    db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', unitIds).execute(),
    memberIds.length ? db.selectFrom('members').select(['id', 'full_name']).where('id', 'in', memberIds).execute() : Promise.resolve([]),
    creatorIds.length
      ? db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', creatorIds).execute()
      : Promise.resolve([]),
    answeredItemIds(db, campaign.id, {
      unitIds: issued.filter((r) => r.target_kind === 'unit').map((r) => r.unit_id),
      memberIds: issued.flatMap((r) => (r.target_kind === 'member' && r.member_id ? [r.member_id] : [])),
    }),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const memberName = new Map(members.map((m) => [m.id, m.full_name]));
  const creatorName = new Map(creators.map((c) => [c.id, c.display_name]));
  return rows.map((r) => {
    const writable = campaign.status === 'open' && r.status === 'draft' && canWriteSuggestion(caller, suggestionTargetOf(r));
    return {
      id: r.id,
      campaignId: r.campaign_id,
      version: r.version,
      target: {
        kind: r.target_kind === 'member' ? 'member' : 'unit',
        unitId: r.unit_id,
        unitName: unitName.get(r.unit_id) ?? '',
        memberId: r.member_id,
        memberName: r.member_id ? (memberName.get(r.member_id) ?? null) : null,
      },
      title: r.title,
      status: r.status === 'issued' ? 'issued' : 'draft',
      issuedAt: r.issued_at,
      createdAt: r.created_at,
      createdByName: r.created_by ? (creatorName.get(r.created_by) ?? null) : null,
      items: (items.get(r.id) ?? []).map((i) => ({ id: i.id, position: i.position, text: i.text, answered: answered.has(i.id) })),
      abilities: { edit: writable, issue: writable, delete: writable },
    };
  });
}

export async function presentSuggestion(db: Tx, view: SuggestionInView): Promise<SuggestionView> {
  const [one] = await presentSuggestions(db, view.campaign, view.caller, [view.suggestion]);
  return one;
}
