// A shortcoming's whole history across years (shortcomings.history; design §3 Shortcoming: "the
// thread that ties years"): when and how it was found, the status each later review gave it, the
// remediation items every year's plan tied to it with their progress updates, and — for a unit
// merged into another (regulations §11.8) — where it came from. Readable by whoever may read the
// subject's remediation (design §2 row "Remediation"): the member their own; the unit roles over the
// subject's unit, or over the unit it was merged into; anyone else gets "not found".
import type { CauseKind, ShortcomingSource, ShortcomingStatus } from '../../../shared/campaign-vocabulary.js';
import { remediationSubjectKind, type ShortcomingHistoryView } from '../../../shared/contracts/remediation.js';
import { AppError } from '../../../shared/errors.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import type { Principal } from '../../domain/policy.js';
import { canReadRemediation } from '../../domain/remediation-policy.js';
import type { AppContext, Tx } from '../context.js';
import { groupItems } from './plan-contents.js';

interface UnitLink {
  id: string;
  name: string;
  path: string;
  merged_into_id: string | null;
}

async function unitById(db: Tx, id: string): Promise<UnitLink | undefined> {
  return db.selectFrom('org_units').select(['id', 'name', 'path', 'merged_into_id']).where('id', '=', id).executeTakeFirst();
}

export async function getShortcomingHistory(ctx: AppContext, principal: Principal, id: string): Promise<ShortcomingHistoryView> {
  const db = ctx.db;
  const s = await db
    .selectFrom('shortcomings as s')
    .leftJoin('members as m', 'm.id', 's.member_id')
    .selectAll('s')
    .select(['m.full_name', 'm.unit_path as member_unit_path'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  const kind = remediationSubjectKind.safeParse(s?.subject_kind);
  if (!s || !kind.success) throw new AppError('shortcoming.not_found');
  const unit = await unitById(db, s.unit_id);
  if (!unit) throw new AppError('shortcoming.not_found');

  // Where the record lives now: the subject's unit and, after a merger, its successors (two levels,
  // as predecessorUnits reads them); a member's current chi bộ after a transfer.
  const successors: UnitLink[] = [];
  let next = unit.merged_into_id;
  for (let i = 0; i < 2 && next; i++) {
    const u = await unitById(db, next);
    if (!u || successors.some((x) => x.id === u.id)) break;
    successors.push(u);
    next = u.merged_into_id;
  }
  const paths = [s.scope_path, unit.path, ...successors.map((u) => u.path)];
  if (s.member_unit_path) paths.push(s.member_unit_path);

  const itemRows = await db
    .selectFrom('remediation_items as i')
    .innerJoin('remediation_plans as p', 'p.id', 'i.plan_id')
    .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
    .leftJoin('members as pm', 'pm.id', 'p.member_id')
    .innerJoin('org_units as pu', 'pu.id', 'p.unit_id')
    .select([
      'i.id',
      'i.plan_id',
      'i.shortcoming_id',
      'i.position',
      'i.action',
      'i.owner',
      'i.deadline',
      'i.status',
      'i.progress_pct',
      'i.completed_at',
      'i.version',
      'p.campaign_id',
      'p.status as plan_status',
      'p.subject_kind',
      'p.subject_key',
      'p.filed_at',
      'c.title as campaign_title',
      'c.review_year',
      'pm.full_name as plan_member_name',
      'pu.name as plan_unit_name',
    ])
    .where('i.shortcoming_id', '=', s.id)
    .orderBy('c.review_year')
    .orderBy('p.id')
    .orderBy('i.position')
    .execute();

  // Directors read the units a campaign assigns them (design §2): the campaigns this record belongs to.
  const campaignIds = [...new Set([s.campaign_id, ...itemRows.map((r) => r.campaign_id)].filter((x): x is string => Boolean(x)))];
  const directorPaths = campaignIds.length
    ? (
        await db
          .selectFrom('assignments as a')
          .innerJoin('org_units as u', 'u.id', 'a.unit_id')
          .select('u.path')
          .distinct()
          .where('a.campaign_id', 'in', campaignIds)
          .where('a.account_id', '=', principal.accountId)
          .execute()
      ).map((r) => r.path)
    : [];
  const caller = { principal, directorPaths };
  const readable = paths.some((unitPath) => canReadRemediation(caller, { unitPath, memberId: s.member_id }));
  if (!readable) throw new AppError('shortcoming.not_found');

  const { date: today } = await businessDate(db, ctx.clock.now());
  const [statuses, grouped] = await Promise.all([
    db
      .selectFrom('shortcoming_statuses')
      .select(['year', 'status', 'cause_kind', 'note'])
      .where('shortcoming_id', '=', s.id)
      .orderBy('year')
      .execute(),
    groupItems(db, itemRows, today),
  ]);
  const plans: ShortcomingHistoryView['plans'] = [];
  for (const r of itemRows) {
    if (plans.some((p) => p.planId === r.plan_id)) continue;
    const planKind = remediationSubjectKind.parse(r.subject_kind);
    plans.push({
      campaignId: r.campaign_id,
      campaignTitle: r.campaign_title,
      reviewYear: r.review_year,
      planId: r.plan_id,
      planStatus: r.plan_status === 'filed' ? 'filed' : 'draft',
      subjectKind: planKind,
      subjectKey: r.subject_key,
      subjectName: subjectName(planKind, r.plan_member_name, r.plan_unit_name),
      filedAt: r.filed_at,
      items: grouped.get(r.plan_id) ?? [],
    });
  }
  const mergedInto = successors[0];
  return {
    shortcoming: {
      id: s.id,
      text: s.text,
      yearFound: s.year_found,
      source: s.source as ShortcomingSource,
      causeKind: (s.cause_kind as CauseKind | null) ?? null,
      cause: s.cause,
      resolvedYear: s.resolved_year,
      subjectKind: kind.data,
      subjectKey: s.subject_key,
      subjectName: subjectName(kind.data, s.full_name, unit.name),
      unitId: unit.id,
      unitName: unit.name,
      campaignId: s.campaign_id,
    },
    origin:
      kind.data !== 'member' && mergedInto
        ? { unitId: unit.id, unitName: unit.name, mergedIntoId: mergedInto.id, mergedIntoName: mergedInto.name }
        : null,
    statuses: statuses.map((x) => ({
      year: x.year,
      status: x.status as ShortcomingStatus,
      causeKind: (x.cause_kind as CauseKind | null) ?? null,
      note: x.note,
    })),
    plans,
    businessDate: today,
  };
}

function subjectName(kind: 'member' | 'unit' | 'leadership', memberName: string | null, unitName: string): string {
  if (kind === 'member') return memberName ?? '';
  return kind === 'leadership' ? `Tập thể lãnh đạo, quản lý – ${unitName}` : unitName;
}
