// A member's page: profile, unit breadcrumb, status and unit history, abilities.
import { AppError } from '../../../shared/errors.js';
import type { MemberDetail } from '../../../shared/contracts/members.js';
import type { MemberStatus } from '../../../shared/vocabulary.js';
import { unitsByIds } from '../../adapters/db/org-units.repository.js';
import { pathIds } from '../../domain/org-tree.js';
import { canReadMember, memberAbilities } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { presentSummary, SUMMARY_COLUMNS } from './present-member.js';

export async function getMember(ctx: AppContext, caller: Caller, id: string): Promise<MemberDetail> {
  const row = await ctx.db
    .selectFrom('members as m')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select([
      ...SUMMARY_COLUMNS,
      'm.admission_date',
      'm.government_posts',
      'm.is_leader',
      'm.is_head',
      'm.is_civil_servant',
      'm.status_since',
      'm.version',
      'm.unit_path',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
  // Not found and not allowed answer alike: an id outside one's subtree reveals nothing.
  if (!row || !canReadMember(caller, { id: row.id, unitPath: row.unit_path })) throw new AppError('member.not_found');
  const [path, statusHistory, unitHistory] = await Promise.all([
    unitsByIds(ctx.db, pathIds(row.unit_path)),
    ctx.db
      .selectFrom('member_status_history')
      .selectAll()
      .where('member_id', '=', id)
      .orderBy('from_date', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
    ctx.db
      .selectFrom('member_unit_history as h')
      .innerJoin('org_units as u', 'u.id', 'h.unit_id')
      .select(['h.unit_id', 'u.name', 'h.from_date', 'h.to_date', 'h.reason', 'h.created_at'])
      .where('h.member_id', '=', id)
      .orderBy('h.from_date', 'desc')
      .orderBy('h.created_at', 'desc')
      .execute(),
  ]);
  return {
    ...presentSummary(row),
    admissionDate: row.admission_date,
    governmentPosts: row.government_posts,
    isLeader: row.is_leader === 1,
    isHead: row.is_head === 1,
    isCivilServant: row.is_civil_servant === 1,
    statusSince: row.status_since,
    version: row.version,
    unitPath: path.map((u) => ({ id: u.id, name: u.name })),
    statusHistory: statusHistory.map((h) => ({
      status: h.status as MemberStatus,
      fromDate: h.from_date,
      toDate: h.to_date,
      reason: h.reason,
    })),
    unitHistory: unitHistory.map((h) => ({
      unitId: h.unit_id,
      unitName: h.name,
      fromDate: h.from_date,
      toDate: h.to_date,
      reason: h.reason,
    })),
    abilities: memberAbilities(caller, { id: row.id, unitPath: row.unit_path }),
  };
}
