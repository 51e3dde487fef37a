// The daily digest (issue 3 item 9: "a daily digest option"): for each account that asked for it,
// one 'digest' notice a day summarising its unread notices, and the same by e-mail when the server
// has SMTP (TUSOI_SMTP_URL) and the account gave an address. The day is the real calendar day, not
// the business date: a digest is a rhythm of delivery, and the business date may stand still (demo).
// Without SMTP nothing is sent and nothing fails; a failed send is logged and tried again next run.
import { sql } from 'kysely';
import { mailerFromEnv, type Mailer } from '../../adapters/email/mailer.js';
import { notify } from '../../adapters/db/notifications.repository.js';
import type { AppContext } from '../context.js';
import { APP_LINKS } from './app-links.js';

/** Titles listed in a digest; the rest is counted. */
const LISTED = 10;

export interface DigestOptions {
  /** The mailer to use; by default the one the environment configures (none without TUSOI_SMTP_URL). */
  mailer?: Mailer | null;
}

export interface DigestResult {
  /** Digests handed to the database by this run (one a concurrent server wrote first is skipped there). */
  digests: number;
  emailed: number;
  emailFailed: number;
}

export function digestKeyPrefix(day: string): string {
  return `digest:${day}`;
}

function digestTitle(count: number): string {
  return `Tổng hợp trong ngày: ${count} thông báo chưa đọc`;
}

function digestBody(titles: string[], count: number): string {
  const lines = titles.map((t) => `• ${t}`);
  if (count > titles.length) lines.push(`… và ${count - titles.length} thông báo khác.`);
  return lines.join('\n');
}

/** Opted-in, enabled accounts with unread notices and no digest for `day` yet. */
async function pendingDigests(ctx: AppContext, day: string) {
  const prefix = `${digestKeyPrefix(day)}:`;
  const counts = await ctx.db
    .selectFrom('notification_preferences as p')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    .innerJoin('notifications as n', 'n.account_id', 'p.account_id')
    .select(['p.account_id', (eb) => eb.fn.countAll<number>().as('unread')])
    .where('p.daily_digest', '=', 1)
    .where('a.disabled', '=', 0)
    .where('n.read_at', 'is', null)
    .where('n.kind', '!=', 'digest')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notifications as d')
            .select('d.id')
            .where('d.dedupe_key', '=', sql<string>`${prefix} || p.account_id`),
        ),
      ),
    )
    .groupBy('p.account_id')
    .execute();
  if (counts.length === 0) return [];
  // The newest unread titles of each of these accounts, in one query (a window per account).
  const ranked = ctx.db
    .selectFrom('notifications as n')
    .innerJoin('notification_preferences as p', 'p.account_id', 'n.account_id')
    .select([
      'n.account_id',
      'n.title',
      sql<number>`row_number() over (partition by n.account_id order by n.created_at desc, n.id desc)`.as('rn'),
    ])
    .where('p.daily_digest', '=', 1)
    .where('n.read_at', 'is', null)
    .where('n.kind', '!=', 'digest');
  const titles = await ctx.db
    .selectFrom(ranked.as('t'))
    .select(['t.account_id', 't.title'])
    .where('t.rn', '<=', LISTED)
    .orderBy('t.account_id')
    .orderBy('t.rn')
    .execute();
  const byAccount = new Map<string, string[]>();
  for (const t of titles) byAccount.set(t.account_id, [...(byAccount.get(t.account_id) ?? []), t.title]);
  return counts.map((c) => ({ accountId: c.account_id, unread: Number(c.unread), titles: byAccount.get(c.account_id) ?? [] }));
}

/** Today's digests not yet e-mailed, of accounts that gave an address. */
async function digestsToEmail(ctx: AppContext, day: string) {
  return ctx.db
    .selectFrom('notifications as n')
    .innerJoin('notification_preferences as p', 'p.account_id', 'n.account_id')
    .innerJoin('accounts as a', 'a.id', 'n.account_id')
    .select(['n.id', 'n.title', 'n.body', 'p.email'])
    .where('n.kind', '=', 'digest')
    .where('n.dedupe_key', '=', sql<string>`${`${digestKeyPrefix(day)}:`} || n.account_id`)
    .where('n.emailed_at', 'is', null)
    .where('p.daily_digest', '=', 1)
    .where('p.email', 'is not', null)
    .where('a.disabled', '=', 0)
    .execute();
}

async function emailDigests(ctx: AppContext, day: string, mailer: Mailer, result: DigestResult): Promise<void> {
  for (const d of await digestsToEmail(ctx, day)) {
    const claimedAt = ctx.clock.now();
    // Claimed before sending (compare-and-set), so two servers never send the same digest twice.
    const claim = await ctx.db
      .updateTable('notifications')
      .set({ emailed_at: claimedAt })
      .where('id', '=', d.id)
      .where('emailed_at', 'is', null)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    try {
      await mailer.send({
        to: d.email!,
        subject: `[Tự soi] ${d.title}`,
        text: `${d.body ?? ''}\n\nXem chi tiết trong mục Thông báo của Tự soi (${APP_LINKS.notifications}).`,
      });
      result.emailed++;
    } catch (e) {
      result.emailFailed++;
      console.error(`[tusoi] không gửi được thư tổng hợp thông báo (${(e as Error).message}); sẽ thử lại ở lần chạy sau.`);
      await ctx.db
        .updateTable('notifications')
        .set({ emailed_at: null })
        .where('id', '=', d.id)
        .where('emailed_at', '=', claimedAt)
        .execute();
    }
  }
}

export async function sendDailyDigests(ctx: AppContext, opts: DigestOptions = {}): Promise<DigestResult> {
  const now = ctx.clock.now();
  const day = now.slice(0, 10);
  const result: DigestResult = { digests: 0, emailed: 0, emailFailed: 0 };
  for (const p of await pendingDigests(ctx, day)) {
    await notify(ctx.db, {
      accountIds: [p.accountId],
      kind: 'digest',
      title: digestTitle(p.unread),
      body: digestBody(p.titles, p.unread),
      link: APP_LINKS.notifications,
      dedupeKey: digestKeyPrefix(day),
      at: now,
    });
    result.digests++;
  }
  const mailer = opts.mailer === undefined ? mailerFromEnv() : opts.mailer;
  if (mailer) await emailDigests(ctx, day, mailer, result);
  return result;
}
