// Reminders of remediation deadlines (issue 4 item 6: "reminders before deadlines"): for every item
// of a filed plan that is not done, its owners get one notice N days before the deadline (7 by
// default) and one when it is overdue, both against the committee's business date (design §3,
// Setting). Owners: the member's account for a member's plan; for a collective's plan, the chi bộ
// secretary of the unit and the unit committee over it (design §2 row "Remediation": RW own unit,
// RW own chi bộ). Closed campaigns count too: remediation is followed through the next year.
// The dedupe key (item, deadline, phase, account) makes re-runs and several servers write each
// notice once; a moved deadline is a new key and a new reminder. Set-based, with the "already
// sent" test in SQL on the unique dedupe key, so a run costs the same however many were sent.
import { sql } from 'kysely';
import { formatVietnameseDate } from '../../../shared/dates.js';
import { remediationPath } from '../../../shared/contracts/remediation.js';
import { notifyMany, type NotificationInput } from '../../adapters/db/notifications.repository.js';
import type { AppContext } from '../context.js';

export const DEFAULT_REMEDIATION_REMINDER_DAYS = 7;

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Due {
  item_id: string;
  deadline: string;
  action: string;
  campaign_id: string;
  subject_kind: string;
  subject_key: string;
  phase: string;
  account_id: string;
}

const OPEN_STATUSES = ['planned', 'in_progress'];

export async function sendRemediationReminders(ctx: AppContext, opts: { today: string; withinDays?: number }): Promise<number> {
  const horizon = addDays(opts.today, opts.withinDays ?? DEFAULT_REMEDIATION_REMINDER_DAYS);
  const phase = sql<string>`case when i.deadline < ${opts.today} then 'overdue' else 'soon' end`;
  // remediation:<item>:<deadline>:<phase>:<account>, as notify() writes it.
  const keyOf = (account: string) =>
    sql<string>`${sql.lit('remediation:')} || i.id || ${sql.lit(':')} || i.deadline || ${sql.lit(':')} || ${phase} || ${sql.lit(':')} || ${sql.ref(account)}`;
  const items = () =>
    ctx.db
      .selectFrom('remediation_items as i')
      .innerJoin('remediation_plans as p', 'p.id', 'i.plan_id')
      .where('p.status', '=', 'filed')
      .where('i.status', 'in', OPEN_STATUSES)
      .where('i.deadline', '<=', horizon);
  const columns = ['i.id as item_id', 'i.deadline', 'i.action', 'p.campaign_id', 'p.subject_kind', 'p.subject_key'] as const;

  const members = await items()
    .innerJoin('accounts as a', 'a.member_id', 'p.member_id')
    .select([...columns, phase.as('phase'), 'a.id as account_id'])
    .where('p.subject_kind', '=', 'member')
    .where('a.disabled', '=', 0)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('notifications as n').select('n.id').where('n.dedupe_key', '=', keyOf('a.id')))),
    )
    .execute();
  // The collective's owners: grants on the unit itself (its committee, a chi bộ's secretary) and
  // the unit committee of the unit above (a chi bộ trực thuộc answers to its grassroots committee).
  const collectives = await items()
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .innerJoin('role_grants as g', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb('g.unit_id', '=', eb.ref('p.unit_id')), eb('g.role', 'in', ['unit_committee', 'cell_secretary'])]),
          eb.and([eb('g.unit_id', '=', eb.ref('u.parent_id')), eb('g.role', '=', 'unit_committee')]),
        ]),
      ),
    )
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select([...columns, phase.as('phase'), 'a.id as account_id'])
    .distinct()
    .where('p.subject_kind', 'in', ['unit', 'leadership'])
    .where('a.disabled', '=', 0)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('notifications as n').select('n.id').where('n.dedupe_key', '=', keyOf('a.id')))),
    )
    .execute();

  const groups = new Map<string, { due: Due; accounts: string[] }>();
  for (const d of [...members, ...collectives] as Due[]) {
    const key = `remediation:${d.item_id}:${d.deadline}:${d.phase}`;
    const g = groups.get(key) ?? { due: d, accounts: [] };
    g.accounts.push(d.account_id);
    groups.set(key, g);
  }
  let sent = 0;
  const now = ctx.clock.now();
  const notices: NotificationInput[] = [];
  for (const [key, { due, accounts }] of groups) {
    const deadline = formatVietnameseDate(due.deadline);
    const action = due.action.length > 120 ? `${due.action.slice(0, 117)}…` : due.action;
    notices.push({
      accountIds: [...new Set(accounts)].sort(),
      kind: 'remediation_due',
      title:
        due.phase === 'overdue'
          ? `Quá hạn khắc phục (hạn ${deadline}): ${action}`
          : due.deadline === opts.today
            ? `Hôm nay là hạn khắc phục: ${action}`
            : `Sắp đến hạn khắc phục (hạn ${deadline}): ${action}`,
      body: due.action,
      link: remediationPath(due.campaign_id, due.subject_kind, due.subject_key),
      campaignId: due.campaign_id,
      dedupeKey: key,
      at: now,
    });
    sent += new Set(accounts).size;
  }
  await notifyMany(ctx.db, notices);
  return sent;
}
