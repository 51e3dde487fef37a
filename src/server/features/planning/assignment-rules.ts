// Checks of an assignment request (issue 3 item 3; regulations §3.1 bước 1: the upper BTV
// "assigns BTV members / heads of party boards to direct and attend lower reviews").
import { AppError } from '../../../shared/errors.js';
import type { Tx } from '../context.js';
import { ancestorPaths } from '../../domain/org-tree.js';

export interface Assignee {
  accountId: string;
  displayName: string;
  username: string;
  roles: string[];
}

/**
 * Accounts that may be assigned in a campaign: holders of the standing or organizer role over the
 * campaign's owner (the Standing Committee members and heads of boards), not disabled.
 */
export async function eligibleAssignees(db: Tx, ownerPath: string, accountIds?: readonly string[]): Promise<Assignee[]> {
  if (accountIds && accountIds.length === 0) return [];
  let q = db
    .selectFrom('role_grants as g')
    .innerJoin('org_units as u', 'u.id', 'g.unit_id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(['a.id', 'a.display_name', 'a.username', 'g.role'])
    .where('g.role', 'in', ['standing', 'organizer'])
    .where('u.path', 'in', ancestorPaths(ownerPath))
    .where('a.disabled', '=', 0);
  if (accountIds) q = q.where('a.id', 'in', [...accountIds]);
  const rows = await q.execute();
  const byId = new Map<string, Assignee>();
  for (const r of rows) {
    const a = byId.get(r.id) ?? { accountId: r.id, displayName: r.display_name, username: r.username, roles: [] };
    if (!a.roles.includes(r.role)) a.roles.push(r.role);
    byId.set(r.id, a);
  }
  const collator = new Intl.Collator('vi');
  return [...byId.values()].sort((x, y) => collator.compare(x.displayName, y.displayName));
}

/** Refuses accounts that are not eligible, naming them. */
export async function assertAssignees(tx: Tx, ownerPath: string, accountIds: readonly string[]): Promise<Map<string, Assignee>> {
  const found = new Map((await eligibleAssignees(tx, ownerPath, accountIds)).map((a) => [a.accountId, a]));
  const missing = accountIds.filter((id) => !found.has(id));
  if (missing.length) {
    const named = await tx.selectFrom('accounts').select(['id', 'username']).where('id', 'in', missing).execute();
    const names = named.map((n) => n.username);
    const unknown = missing.length - names.length;
    const list = [...names, ...(unknown ? [`${unknown} tài khoản không tồn tại`] : [])].join(', ');
    throw new AppError(
      'assignment.invalid',
      `Không thể phân công ${list}: chỉ phân công được Ủy viên Ban Thường vụ, Thường trực hoặc trưởng ban (tài khoản có vai trò Thường trực / Ban Thường vụ hoặc Ban Tổ chức của cấp ủy chủ trì).`,
      { accountIds: missing },
    );
  }
  return found;
}

export interface PopulationUnit {
  id: string;
  name: string;
  path: string;
}

/** Refuses units outside the campaign's population (campaign_units). */
export async function assertPopulationUnits(tx: Tx, campaignId: string, unitIds: readonly string[]): Promise<Map<string, PopulationUnit>> {
  const found = new Map<string, PopulationUnit>();
  for (let i = 0; i < unitIds.length; i += 500) {
    const rows = await tx
      .selectFrom('campaign_units as cu')
      .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
      .select(['u.id', 'u.name', 'cu.unit_path'])
      .where('cu.campaign_id', '=', campaignId)
      .where('cu.unit_id', 'in', unitIds.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.id, { id: r.id, name: r.name, path: r.unit_path });
  }
  const missing = unitIds.filter((id) => !found.has(id));
  if (missing.length) {
    throw new AppError(
      'assignment.invalid',
      `Có ${missing.length} đơn vị không thuộc danh sách đơn vị của đợt kiểm điểm; chỉ phân công được các đơn vị đã chốt trong đợt.`,
      { unitIds: missing },
    );
  }
  return found;
}

/** Unit × person × duty combinations a request may name at once. */
export const MAX_COMBINATIONS = 20_000;

export function assertCombinationCount(units: number, accounts: number, duties: number): void {
  if (units * accounts * duties > MAX_COMBINATIONS) {
    throw new AppError(
      'request.invalid',
      `Một lần chỉ phân công tối đa ${MAX_COMBINATIONS.toLocaleString('vi-VN')} tổ hợp đơn vị × người × nhiệm vụ; hãy chia nhỏ.`,
    );
  }
}
