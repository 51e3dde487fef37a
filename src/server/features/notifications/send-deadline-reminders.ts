// Deadline reminders (issue 3 item 9: "approaching deadlines"). For each open campaign and each
// milestone due within N days of the business date (design §3, Setting), or already past, the
// people who still have work for that milestone get one notice when it approaches and one when it is
// overdue. The dedupe key (campaign, milestone, due date, phase) makes re-runs, and several servers
// running at once, write each notice once; moving a deadline gives a new key and a new reminder.
import { sql } from 'kysely';
import { MILESTONE_LABELS, type MilestoneKind, type UnitStage } from '../../../shared/campaign-vocabulary.js';
import type { Milestone } from '../../../shared/contracts/campaigns.js';
import { formatVietnameseDate } from '../../../shared/dates.js';
import type { Role } from '../../../shared/vocabulary.js';
import { milestonesOf, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { accountsWithRoles, notify } from '../../adapters/db/notifications.repository.js';
import type { CampaignRow } from '../../adapters/db/schema.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { ancestorPaths } from '../../domain/org-tree.js';
import type { AppContext } from '../context.js';
import { APP_LINKS } from './app-links.js';
import { DEFAULT_REMEDIATION_REMINDER_DAYS, sendRemediationReminders } from '../remediation/send-remediation-reminders.js';
import { subjectReview } from '../../adapters/db/campaign-subject-joins.js';

export const DEFAULT_REMINDER_DAYS = 3;
/** Recipients per INSERT: 500 rows × 11 columns stays far below both databases' parameter limits. */
const CHUNK = 500;

export interface ReminderOptions {
  /** A milestone is "approaching" from this many days before its due date. */
  withinDays?: number;
  /** A remediation item is "approaching" from this many days before its deadline (issue 4 item 6). */
  remediationWithinDays?: number;
}

export interface ReminderResult {
  /** Open campaigns looked at. */
  campaigns: number;
  /** Reminders handed to the database (already-sent ones are skipped there). */
  recipients: number;
}

type Phase = 'soon' | 'overdue';

/** Stages before the conference is scheduled (design §3, the unit's path). */
const BEFORE_CONFERENCE: UnitStage[] = ['planned', 'drafting', 'submitted', 'under_appraisal', 'returned', 'cleared'];
/** Stages where the unit still has its collective report and dossier to prepare or fix. */
const DOSSIER_OPEN: UnitStage[] = ['planned', 'drafting', 'returned'];
const BEFORE_DECISION: UnitStage[] = [...BEFORE_CONFERENCE, 'conference_scheduled', 'conference_held', 'proposed'];

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The reminder a milestone calls for today, if any. */
export function reminderPhase(dueDate: string, today: string, withinDays: number): Phase | null {
  if (dueDate < today) return 'overdue';
  if (dueDate <= addDays(today, withinDays)) return 'soon';
  return null;
}

interface Reminder {
  campaign: CampaignRow;
  milestone: Milestone;
  phase: Phase;
  today: string;
}

function titleOf(r: Reminder): string {
  const label = r.milestone.label || MILESTONE_LABELS[r.milestone.kind];
  const due = formatVietnameseDate(r.milestone.dueDate);
  if (r.phase === 'overdue') return `Đã quá hạn: ${label} (hạn ${due})`;
  if (r.milestone.dueDate === r.today) return `Hôm nay là hạn: ${label}`;
  return `Sắp đến hạn: ${label} (hạn ${due})`;
}

async function send(ctx: AppContext, r: Reminder, accountIds: string[], body: string, link: string): Promise<number> {
  const ids = [...new Set(accountIds)].sort();
  const key = dedupeKeyOf(r);
  for (let i = 0; i < ids.length; i += CHUNK) {
    // Same order on every server, so two runs inserting the same keys never wait on each other in a cycle.
    await notify(ctx.db, {
      accountIds: ids.slice(i, i + CHUNK),
      kind: 'deadline',
      title: titleOf(r),
      body,
      link,
      campaignId: r.campaign.id,
      dedupeKey: key,
      at: ctx.clock.now(),
    });
  }
  return ids.length;
}

export function dedupeKeyOf(r: { campaign: { id: string }; milestone: Milestone; phase: Phase }): string {
  return `deadline:${r.campaign.id}:${r.milestone.kind}:${r.milestone.dueDate}:${r.phase}`;
}

/**
 * Members of the population whose own review is not yet submitted (none, draft or returned), with an
 * account, not yet reminded: one set-based query however large the campaign.
 */
async function membersWithReviewDue(ctx: AppContext, r: Reminder): Promise<string[]> {
  const prefix = `${dedupeKeyOf(r)}:`;
  const rows = await ctx.db
    .selectFrom('campaign_members as cm')
    .innerJoin('accounts as a', 'a.member_id', 'cm.member_id')
    .leftJoin('reviews as rv', subjectReview('rv', 'member', 'cm'))
    .select('a.id')
    .where('cm.campaign_id', '=', r.campaign.id)
    .where('cm.included', '=', 1)
    .where('a.disabled', '=', 0)
    .where((eb) => eb.or([eb('rv.id', 'is', null), eb('rv.status', 'in', ['draft', 'returned'])]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notifications as n')
            .select('n.id')
            .where('n.dedupe_key', '=', sql<string>`${prefix} || a.id`),
        ),
      ),
    )
    .orderBy('a.id')
    .execute();
  return rows.map((row) => row.id);
}

/** Unit committees (grant on the unit or above it) of the campaign's grassroots units in `stages`. */
async function unitCommitteesOf(
  ctx: AppContext,
  campaign: CampaignRow,
  stages: UnitStage[],
): Promise<{ accounts: string[]; units: number }> {
  const units = await ctx.db
    .selectFrom('campaign_units')
    .select('unit_path')
    .where('campaign_id', '=', campaign.id)
    .where('is_grassroots', '=', 1)
    .where('stage', 'in', stages)
    .execute();
  if (units.length === 0) return { accounts: [], units: 0 };
  const grants = await ctx.db
    .selectFrom('role_grants as g')
    .innerJoin('org_units as u', 'u.id', 'g.unit_id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(['g.account_id', 'u.path'])
    .where('g.role', '=', 'unit_committee')
    .where('a.disabled', '=', 0)
    .where((eb) => eb.or([withinPaths(eb, 'u.path', [campaign.owner_path]), eb('u.path', 'in', ancestorPaths(campaign.owner_path))]))
    .execute();
  const byPath = new Map<string, string[]>();
  for (const g of grants) byPath.set(g.path, [...(byPath.get(g.path) ?? []), g.account_id]);
  const accounts = new Set<string>();
  for (const u of units) for (const p of ancestorPaths(u.unit_path)) for (const a of byPath.get(p) ?? []) accounts.add(a);
  return { accounts: [...accounts], units: units.length };
}

async function countUnits(ctx: AppContext, campaign: CampaignRow, stages: UnitStage[], needsAppraisal?: boolean): Promise<number> {
  let q = ctx.db
    .selectFrom('campaign_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaign.id)
    .where('is_grassroots', '=', 1)
    .where('stage', 'in', stages);
  if (needsAppraisal !== undefined) q = q.where('needs_appraisal', '=', needsAppraisal ? 1 : 0);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

async function staffOfOwner(ctx: AppContext, campaign: CampaignRow, roles: Role[]): Promise<string[]> {
  return accountsWithRoles(ctx.db, campaign.owner_path, roles);
}

/** Who still has work for one milestone (issue 3 item 9), and the notices they get. */
async function remind(ctx: AppContext, r: Reminder): Promise<number> {
  const { campaign } = r;
  const link = APP_LINKS.campaign(campaign.id);
  const kind: MilestoneKind = r.milestone.kind;
  switch (kind) {
    case 'plan': {
      // Design §2: only the standing role approves the plan.
      if (campaign.plan_status === 'approved') return 0;
      return send(ctx, r, await staffOfOwner(ctx, campaign, ['standing']), `Kế hoạch của "${campaign.title}" chưa được phê duyệt.`, link);
    }
    case 'reviews_due': {
      // Regulations §3.1 bước 3: every member writes their self-review before the conference.
      const members = await membersWithReviewDue(ctx, r);
      let sent = await send(ctx, r, members, `Bản tự kiểm điểm của đồng chí trong "${campaign.title}" chưa được nộp.`, APP_LINKS.myReview);
      const committees = await unitCommitteesOf(ctx, campaign, DOSSIER_OPEN);
      sent += await send(ctx, r, committees.accounts, `Báo cáo kiểm điểm và hồ sơ của đơn vị chưa được nộp (${campaign.title}).`, link);
      return sent;
    }
    case 'appraisal': {
      // The appraisal gate (regulations §3.1 bước 4): the Organization Board appraises before the conference.
      const waiting = await countUnits(ctx, campaign, ['submitted', 'under_appraisal'], true);
      if (waiting === 0) return 0;
      return send(
        ctx,
        r,
        await staffOfOwner(ctx, campaign, ['organizer']),
        `Còn ${waiting} hồ sơ chờ thẩm định hoặc đang thẩm định.`,
        link,
      );
    }
    case 'conferences': {
      const committees = await unitCommitteesOf(ctx, campaign, BEFORE_CONFERENCE);
      return send(ctx, r, committees.accounts, `Đơn vị chưa lên lịch hội nghị kiểm điểm (${campaign.title}).`, link);
    }
    case 'decisions': {
      // Design §2: the standing role decides the classification of grassroots units.
      const pending = await countUnits(ctx, campaign, BEFORE_DECISION);
      if (pending === 0) return 0;
      return send(ctx, r, await staffOfOwner(ctx, campaign, ['standing']), `Còn ${pending} đơn vị chưa có quyết định xếp loại.`, link);
    }
    case 'report':
      // The campaign stays open until its report is made (design §1, step 8).
      return send(
        ctx,
        r,
        await staffOfOwner(ctx, campaign, ['organizer', 'office']),
        `Báo cáo kết quả "${campaign.title}" chưa hoàn thành.`,
        link,
      );
  }
}

export async function sendDeadlineReminders(ctx: AppContext, opts: ReminderOptions = {}): Promise<ReminderResult> {
  const withinDays = opts.withinDays ?? DEFAULT_REMINDER_DAYS;
  const { date: today } = await businessDate(ctx.db, ctx.clock.now());
  const campaigns = await ctx.db.selectFrom('campaigns').selectAll().where('status', '=', 'open').execute();
  let recipients = 0;
  for (const campaign of campaigns) {
    for (const milestone of milestonesOf(campaign)) {
      const phase = reminderPhase(milestone.dueDate, today, withinDays);
      if (phase) recipients += await remind(ctx, { campaign, milestone, phase, today });
    }
  }
  // Remediation deadlines, of closed campaigns too (the plans are followed through the next year).
  recipients += await sendRemediationReminders(ctx, {
    today,
    withinDays: opts.remediationWithinDays ?? DEFAULT_REMEDIATION_REMINDER_DAYS,
  });
  return { campaigns: campaigns.length, recipients };
}
