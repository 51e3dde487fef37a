// "Việc cần làm" (issue 3 item 8; design §4 "Trang chủ"): what waits on the caller now, role by role,
// in the open campaigns they may see. Every count comes from a grouped query scoped in SQL to the
// caller's own subtrees, assignments or member id (design §2), so nothing outside them is counted.
// Deadlines and overdue marks follow the business date (design §3, Setting).
import type { MilestoneKind, UnitStage } from '../../../shared/campaign-vocabulary.js';
import type { InboxItem, InboxKind, InboxResponse } from '../../../shared/contracts/notifications.js';
import type { Role } from '../../../shared/vocabulary.js';
import { milestonesOf, withinPaths } from '../../adapters/db/campaigns.repository.js';
import type { CampaignRow } from '../../adapters/db/schema.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { canReadCampaign } from '../../domain/campaign-policy.js';
import { isWithinPath } from '../../domain/org-tree.js';
import { minimalPaths } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { APP_LINKS } from '../notifications/app-links.js';
import { subjectReview } from '../../adapters/db/campaign-subject-joins.js';

type Campaign = Pick<CampaignRow, 'id' | 'title' | 'review_year' | 'owner_path' | 'milestones_json' | 'plan_status' | 'plan_text'>;

interface Builder {
  today: string;
  campaigns: Map<string, Campaign>;
  items: InboxItem[];
}

function dueOf(campaign: Campaign, milestone: MilestoneKind | null): string | null {
  if (!milestone) return null;
  return milestonesOf(campaign).find((m) => m.kind === milestone)?.dueDate ?? null;
}

function add(
  b: Builder,
  item: {
    kind: InboxKind;
    title: string;
    count: number;
    campaignId: string | null;
    link: string;
    detail?: string | null;
    milestone?: MilestoneKind;
  },
): void {
  if (item.count <= 0) return;
  const campaign = item.campaignId ? b.campaigns.get(item.campaignId) : undefined;
  const dueDate = campaign ? dueOf(campaign, item.milestone ?? null) : null;
  b.items.push({
    kind: item.kind,
    title: item.title,
    detail: item.detail ?? (campaign ? campaign.title : null),
    count: item.count,
    link: item.link,
    campaignId: item.campaignId,
    dueDate,
    overdue: dueDate !== null && dueDate < b.today,
  });
}

const pathsOf = (caller: Caller, role: Role) => minimalPaths(caller.grants.filter((g) => g.role === role).map((g) => g.unitPath));

/** Open campaigns the caller may see (design §2), with the units each assigns them to. */
async function visibleCampaigns(ctx: AppContext, caller: Caller): Promise<Map<string, Campaign>> {
  const [campaigns, assigned] = await Promise.all([
    ctx.db
      .selectFrom('campaigns')
      .select(['id', 'title', 'review_year', 'owner_path', 'milestones_json', 'plan_status', 'plan_text'])
      .where('status', '=', 'open')
      .orderBy('review_year', 'desc')
      .execute(),
    ctx.db
      .selectFrom('assignments as a')
      .innerJoin('org_units as u', 'u.id', 'a.unit_id')
      .select(['a.campaign_id', 'u.path'])
      .where('a.account_id', '=', caller.accountId)
      .execute(),
  ]);
  const visible = new Map<string, Campaign>();
  for (const c of campaigns) {
    const directorPaths = assigned.filter((a) => a.campaign_id === c.id).map((a) => a.path);
    if (canReadCampaign({ principal: caller, directorPaths }, c.owner_path)) visible.set(c.id, c);
  }
  return visible;
}

/** Member: their own review in each campaign that includes them, and this year's commitment. */
async function memberItems(ctx: AppContext, caller: Caller, b: Builder, ids: string[]): Promise<void> {
  const memberId = caller.memberId;
  if (!memberId) return;
  const year = Number(b.today.slice(0, 4));
  const [reviews, member, commitment] = await Promise.all([
    ids.length === 0
      ? Promise.resolve([])
      : ctx.db
          .selectFrom('campaign_members as cm')
          .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
          .select(['cm.campaign_id', 'r.status'])
          .where('cm.member_id', '=', memberId)
          .where('cm.included', '=', 1)
          .where('cm.campaign_id', 'in', ids)
          .execute(),
    ctx.db.selectFrom('members').select('status').where('id', '=', memberId).executeTakeFirst(),
    ctx.db.selectFrom('commitments').select('id').where('member_id', '=', memberId).where('year', '=', year).executeTakeFirst(),
  ]);
  for (const r of reviews) {
    // Regulations §3.1 bước 3: each member writes a self-review before the conference.
    if (r.status === null || r.status === 'draft') {
      add(b, {
        kind: 'own_review',
        title: 'Hoàn thành bản kiểm điểm',
        count: 1,
        campaignId: r.campaign_id,
        link: APP_LINKS.myReview,
        milestone: 'reviews_due',
      });
    } else if (r.status === 'returned') {
      add(b, {
        kind: 'own_review_returned',
        title: 'Sửa bản kiểm điểm bị trả lại',
        count: 1,
        campaignId: r.campaign_id,
        link: APP_LINKS.myReview,
        milestone: 'reviews_due',
      });
    }
  }
  // Issue 3 item 5: each member records their commitment early in the year (the business year).
  if (member?.status === 'active' && !commitment) {
    add(b, {
      kind: 'commitment',
      title: `Viết bản cam kết tu dưỡng, rèn luyện, phấn đấu năm ${year}`,
      count: 1,
      campaignId: null,
      link: APP_LINKS.myCommitment,
      detail: null,
    });
  }
}

/** Cell secretary: the chi bộ's submitted reviews to finalize or return, and members not yet submitted. */
async function cellSecretaryItems(ctx: AppContext, caller: Caller, b: Builder, ids: string[]): Promise<void> {
  const paths = pathsOf(caller, 'cell_secretary');
  if (paths.length === 0 || ids.length === 0) return;
  const rows = await ctx.db
    .selectFrom('campaign_members as cm')
    .innerJoin('org_units as u', 'u.id', 'cm.unit_id')
    .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
    .select((eb) => [
      'cm.campaign_id',
      'cm.unit_id',
      'u.name as unit_name',
      eb.fn.sum<number>(eb.case().when('r.status', '=', 'submitted').then(1).else(0).end()).as('to_finalize'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.or([eb('r.id', 'is', null), eb('r.status', 'in', ['draft', 'returned'])]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('not_submitted'),
    ])
    .where('cm.campaign_id', 'in', ids)
    .where('cm.included', '=', 1)
    .where((eb) => withinPaths(eb, 'cm.unit_path', paths))
    .groupBy(['cm.campaign_id', 'cm.unit_id', 'u.name'])
    .execute();
  for (const r of rows) {
    const detail = `${r.unit_name} · ${b.campaigns.get(r.campaign_id)?.title ?? ''}`;
    const link = APP_LINKS.dossier(r.campaign_id, r.unit_id);
    add(b, {
      kind: 'reviews_to_finalize',
      title: 'Bản kiểm điểm đã nộp chờ hoàn thiện hoặc trả lại',
      count: Number(r.to_finalize),
      campaignId: r.campaign_id,
      link,
      detail,
      milestone: 'reviews_due',
    });
    add(b, {
      kind: 'reviews_not_submitted',
      title: 'Đảng viên chưa nộp bản kiểm điểm',
      count: Number(r.not_submitted),
      campaignId: r.campaign_id,
      link,
      detail,
      milestone: 'reviews_due',
    });
  }
}

interface UnitRow {
  campaign_id: string;
  unit_id: string;
  unit_name: string;
  stage: string;
}

/** One item per (campaign, kind): the dossier's page when one unit, the campaign's when several. */
function addUnitItems(
  b: Builder,
  rows: UnitRow[],
  classify: (stage: UnitStage) => { kind: InboxKind; title: string; milestone: MilestoneKind } | null,
): void {
  const groups = new Map<string, { rows: UnitRow[]; spec: { kind: InboxKind; title: string; milestone: MilestoneKind } }>();
  for (const r of rows) {
    const spec = classify(r.stage as UnitStage);
    if (!spec) continue;
    const key = `${r.campaign_id}|${spec.kind}`;
    const g = groups.get(key) ?? { rows: [], spec };
    g.rows.push(r);
    groups.set(key, g);
  }
  for (const { rows: list, spec } of groups.values()) {
    const first = list[0];
    const single = list.length === 1;
    const campaignTitle = b.campaigns.get(first.campaign_id)?.title ?? '';
    add(b, {
      ...spec,
      count: list.length,
      campaignId: first.campaign_id,
      link: single ? APP_LINKS.dossier(first.campaign_id, first.unit_id) : APP_LINKS.campaign(first.campaign_id),
      detail: single ? `${first.unit_name} · ${campaignTitle}` : campaignTitle,
    });
  }
}

/**
 * Unit committee: its grassroots unit's dossier to prepare or submit (planned, drafting, returned),
 * and a cleared dossier whose conference is to be scheduled (the appraisal gate, regulations §3.1 bước 4).
 */
async function unitCommitteeItems(ctx: AppContext, caller: Caller, b: Builder, ids: string[]): Promise<void> {
  const paths = pathsOf(caller, 'unit_committee');
  if (paths.length === 0 || ids.length === 0) return;
  const rows = await ctx.db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .select(['cu.campaign_id', 'cu.unit_id', 'u.name as unit_name', 'cu.stage'])
    .where('cu.campaign_id', 'in', ids)
    .where('cu.is_grassroots', '=', 1)
    .where('cu.stage', 'in', ['planned', 'drafting', 'returned', 'cleared'])
    .where((eb) => withinPaths(eb, 'cu.unit_path', paths))
    .orderBy('u.name')
    .execute();
  addUnitItems(b, rows, (stage) => {
    if (stage === 'returned') return { kind: 'dossier_returned', title: 'Bổ sung hồ sơ bị trả lại và nộp lại', milestone: 'appraisal' };
    if (stage === 'cleared') return { kind: 'conference_to_schedule', title: 'Lên lịch hội nghị kiểm điểm', milestone: 'conferences' };
    return { kind: 'dossier_to_prepare', title: 'Chuẩn bị và nộp hồ sơ kiểm điểm của đơn vị', milestone: 'reviews_due' };
  });
}

/** Organizer: dossiers submitted or under appraisal in scope, suggested points still in draft. */
async function organizerItems(ctx: AppContext, caller: Caller, b: Builder, ids: string[]): Promise<void> {
  const paths = pathsOf(caller, 'organizer');
  if (paths.length === 0 || ids.length === 0) return;
  const [stages, suggestions] = await Promise.all([
    ctx.db
      .selectFrom('campaign_units as cu')
      .select((eb) => ['cu.campaign_id', 'cu.stage', eb.fn.countAll<number>().as('n')])
      .where('cu.campaign_id', 'in', ids)
      .where('cu.is_grassroots', '=', 1)
      .where('cu.stage', 'in', ['submitted', 'under_appraisal'])
      .where((eb) => withinPaths(eb, 'cu.unit_path', paths))
      .groupBy(['cu.campaign_id', 'cu.stage'])
      .execute(),
    ctx.db
      .selectFrom('suggestions as s')
      .select((eb) => ['s.campaign_id', eb.fn.countAll<number>().as('n')])
      .where('s.campaign_id', 'in', ids)
      .where('s.status', '=', 'draft')
      .where((eb) => withinPaths(eb, 's.scope_path', paths))
      .groupBy('s.campaign_id')
      .execute(),
  ]);
  for (const s of stages) {
    const link = APP_LINKS.campaign(s.campaign_id);
    if (s.stage === 'submitted') {
      add(b, {
        kind: 'dossiers_submitted',
        title: 'Hồ sơ đã nộp, chờ thẩm định',
        count: Number(s.n),
        campaignId: s.campaign_id,
        link,
        milestone: 'appraisal',
      });
    } else {
      add(b, {
        kind: 'dossiers_under_appraisal',
        title: 'Hồ sơ đang thẩm định, chờ kết luận',
        count: Number(s.n),
        campaignId: s.campaign_id,
        link,
        milestone: 'appraisal',
      });
    }
  }
  for (const s of suggestions) {
    add(b, {
      kind: 'suggestions_draft',
      title: 'Gợi ý kiểm điểm chưa ban hành',
      count: Number(s.n),
      campaignId: s.campaign_id,
      link: APP_LINKS.campaign(s.campaign_id),
      milestone: 'plan',
    });
  }
}

/** Standing approves the plan (design §2); the organizer writes it first. */
function planItems(caller: Caller, b: Builder): void {
  const standing = pathsOf(caller, 'standing');
  const organizer = pathsOf(caller, 'organizer');
  for (const c of b.campaigns.values()) {
    if (c.plan_status === 'approved') continue;
    const written = (c.plan_text ?? '').trim() !== '';
    const link = APP_LINKS.campaign(c.id);
    if (written && standing.some((p) => isWithinPath(c.owner_path, p))) {
      add(b, { kind: 'plan_to_approve', title: 'Phê duyệt kế hoạch kiểm điểm', count: 1, campaignId: c.id, link, milestone: 'plan' });
    }
    if (!written && organizer.some((p) => isWithinPath(c.owner_path, p))) {
      add(b, { kind: 'plan_to_write', title: 'Soạn kế hoạch kiểm điểm', count: 1, campaignId: c.id, link, milestone: 'plan' });
    }
  }
}

/** Director (design §2: only through assignments): the assigned units' dossiers that were submitted. */
async function directorItems(ctx: AppContext, caller: Caller, b: Builder, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await ctx.db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .select(['cu.campaign_id', 'cu.unit_id', 'u.name as unit_name', 'cu.stage'])
    .distinct()
    .where('cu.campaign_id', 'in', ids)
    .where('cu.stage', 'in', ['submitted', 'under_appraisal'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('assignments as a')
          .select('a.id')
          .whereRef('a.campaign_id', '=', 'cu.campaign_id')
          .whereRef('a.unit_id', '=', 'cu.unit_id')
          .where('a.account_id', '=', caller.accountId),
      ),
    )
    .orderBy('u.name')
    .execute();
  addUnitItems(b, rows, () => ({
    kind: 'assigned_dossiers',
    title: 'Xem và cho ý kiến hồ sơ của đơn vị được phân công',
    milestone: 'appraisal',
  }));
}

export async function getInbox(ctx: AppContext, caller: Caller): Promise<InboxResponse> {
  const { date: today } = await businessDate(ctx.db, ctx.clock.now());
  const campaigns = await visibleCampaigns(ctx, caller);
  const ids = [...campaigns.keys()];
  const b: Builder = { today, campaigns, items: [] };
  await memberItems(ctx, caller, b, ids);
  await cellSecretaryItems(ctx, caller, b, ids);
  await unitCommitteeItems(ctx, caller, b, ids);
  await organizerItems(ctx, caller, b, ids);
  planItems(caller, b);
  await directorItems(ctx, caller, b, ids);
  // Overdue first, then the nearest deadline; work without a deadline last.
  b.items.sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999'));
  return { businessDate: today, items: b.items };
}
