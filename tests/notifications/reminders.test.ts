// Deadline reminders and the daily digest on both databases (issue 3 item 9): reminders follow the
// business date, reach only those who still have work, are written once however often (and by how
// many servers) they run; digests only for opted-in accounts, once a day; no SMTP → nothing sent.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import nodemailer from 'nodemailer';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { newId, type Clock } from '../../src/server/adapters/clock.js';
import { openDatabase } from '../../src/server/adapters/db/dialect.js';
import { notify } from '../../src/server/adapters/db/notifications.repository.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { mailerFromTransport, smtpConfigFromEnv, type MailMessage, type Mailer } from '../../src/server/adapters/email/mailer.js';
import { addDays, reminderPhase, sendDeadlineReminders } from '../../src/server/features/notifications/send-deadline-reminders.js';
import { sendDailyDigests } from '../../src/server/features/notifications/send-daily-digests.js';
import { runNotificationTasks } from '../../src/server/features/notifications/schedule-notification-tasks.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import type { UnitRef } from '../support/factories.js';

function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let t = iso;
  return { now: () => t, nowMs: () => Date.parse(t), set: (v) => void (t = v) };
}

describe('reminder phase (pure)', () => {
  it('is "soon" within N days of the due date, "overdue" after it, nothing before', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(reminderPhase('2024-12-01', '2024-11-27', 3)).toBeNull();
    expect(reminderPhase('2024-12-01', '2024-11-28', 3)).toBe('soon');
    expect(reminderPhase('2024-12-01', '2024-12-01', 3)).toBe('soon');
    expect(reminderPhase('2024-12-01', '2024-12-02', 3)).toBe('overdue');
  });
});

describeEachDialect('deadline reminders and daily digests', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  // The real clock is far from the campaign (2026 vs 2024): only the business date can bring it near.
  const clock = fixedClock('2026-03-10T02:00:00.000Z');

  const noticesOf = (accountId: string, kind = 'deadline') =>
    ctx.db
      .selectFrom('notifications')
      .select(['title', 'body', 'link', 'dedupe_key', 'emailed_at', 'kind'])
      .where('account_id', '=', accountId)
      .where('kind', '=', kind)
      .orderBy('created_at')
      .orderBy('title')
      .execute();
  const countDeadline = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'deadline')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const setBusinessDate = (date: string) => setSetting(ctx.db, BUSINESS_DATE, date, clock.now());
  const setStage = async (unit: UnitRef, stage: string, needsAppraisal = 0) =>
    ctx.db
      .updateTable('campaign_units')
      .set({ stage, needs_appraisal: needsAppraisal })
      .where('campaign_id', '=', f.id)
      .where('unit_id', '=', unit.id)
      .execute();
  const addReview = async (memberId: string, unit: UnitRef, status: string) => {
    const now = clock.now();
    await ctx.db
      .insertInto('reviews')
      .values({
        id: newId(),
        campaign_id: f.id,
        subject_kind: 'member',
        subject_key: memberId,
        unit_id: unit.id,
        member_id: memberId,
        scope_path: unit.path,
        form_meaning: 'member_no_post',
        status,
        content_json: '{}',
        self_level: null,
        self_score: null,
        proxy_entered: 0,
        submitted_at: status === 'submitted' ? now : null,
        finalized_at: null,
        status_reason: null,
        updated_by: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  };

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle, {}, clock);
    f = await makeCampaignFixture(ctx, { year: 2024 });
    // Thúy's review is a draft, Hùng's is submitted; Lan (chi bộ 2) has none.
    await addReview(f.tree.members.thuy.id, f.tree.cellA, 'draft');
    await addReview(f.tree.members.dang.id, f.tree.cellA, 'submitted');
    // The ward still prepares its dossier; the school has submitted and waits for appraisal.
    await setStage(f.tree.ward, 'drafting');
    await setStage(f.tree.school, 'submitted', 1);
  });
  afterAll(async () => db.drop());

  it('uses the business date: 11 days before the review deadline only the overdue plan is reminded', async () => {
    await setBusinessDate('2024-11-20');
    const r = await sendDeadlineReminders(ctx);
    expect(r.campaigns).toBe(1);
    // The plan (due 01/11) is overdue and not approved: the standing role is told.
    const standing = await noticesOf(f.accounts.standing.id);
    expect(standing).toHaveLength(1);
    expect(standing[0].title).toBe('Đã quá hạn: Ban hành kế hoạch (hạn 01/11/2024)');
    expect(standing[0].link).toBe(`/kiem-diem/${f.id}`);
    expect(await noticesOf(f.accounts.member.id)).toEqual([]);
    expect(await countDeadline()).toBe(1);
  });

  it('reminds the members whose review is not submitted, and the committees whose dossier is open, 3 days ahead', async () => {
    await setBusinessDate('2024-11-28');
    await sendDeadlineReminders(ctx);
    const thuy = await noticesOf(f.accounts.member.id);
    expect(thuy.map((n) => n.title)).toEqual(['Sắp đến hạn: Hoàn thành bản kiểm điểm (hạn 01/12/2024)']);
    expect(thuy[0].link).toBe('/ban-kiem-diem-cua-toi');
    // Hùng submitted: nothing for him.
    expect(await noticesOf(f.accounts.memberDang.id)).toEqual([]);
    // The ward is drafting: its committee is told; the school submitted: its committee is not.
    expect((await noticesOf(f.accounts.unitCommittee.id)).map((n) => n.title)).toEqual([
      'Sắp đến hạn: Hoàn thành bản kiểm điểm (hạn 01/12/2024)',
    ]);
    expect(await noticesOf(f.accounts.schoolCommittee.id)).toEqual([]);
    // Nobody else: the organizer has no appraisal deadline yet, office and admin nothing.
    expect(await noticesOf(f.accounts.organizer.id)).toEqual([]);
    expect(await noticesOf(f.accounts.office.id)).toEqual([]);
    expect(await countDeadline()).toBe(3);
  });

  it('writes nothing twice when run again', async () => {
    await sendDeadlineReminders(ctx);
    await sendDeadlineReminders(ctx);
    expect(await countDeadline()).toBe(3);
  });

  it('writes each overdue reminder once when two servers run at the same moment', async () => {
    await setBusinessDate('2024-12-02');
    // A second server: its own connection (pool) to the same database.
    const other = await openDatabase(
      db.dialect === 'sqlite' ? { dialect: 'sqlite', file: db.url.slice('file:'.length) } : { dialect: 'postgres', url: db.url },
    );
    try {
      const ctx2 = contextFor(other, {}, clock);
      await Promise.all([sendDeadlineReminders(ctx), sendDeadlineReminders(ctx2), sendDeadlineReminders(ctx)]);
    } finally {
      await other.close();
    }
    const thuy = await noticesOf(f.accounts.member.id);
    expect(thuy.map((n) => n.title).sort()).toEqual([
      'Sắp đến hạn: Hoàn thành bản kiểm điểm (hạn 01/12/2024)',
      'Đã quá hạn: Hoàn thành bản kiểm điểm (hạn 01/12/2024)',
    ]);
    // The appraisal (due 10/12) is not near yet on 02/12.
    expect(await noticesOf(f.accounts.organizer.id)).toEqual([]);
    // Thúy and the ward committee each got one overdue notice: 3 + 2.
    expect(await countDeadline()).toBe(5);
  });

  it('tells the organizer about dossiers waiting for appraisal as that deadline nears', async () => {
    await setBusinessDate('2024-12-08');
    await sendDeadlineReminders(ctx);
    const organizer = await noticesOf(f.accounts.organizer.id);
    expect(organizer.map((n) => n.title)).toEqual(['Sắp đến hạn: Thẩm định hồ sơ (hạn 10/12/2024)']);
    expect(organizer[0].body).toBe('Còn 1 hồ sơ chờ thẩm định hoặc đang thẩm định.');
  });

  it('skips closed campaigns', async () => {
    await ctx.db.updateTable('campaigns').set({ status: 'closed' }).where('id', '=', f.id).execute();
    await setBusinessDate('2024-12-19');
    const before = await countDeadline();
    const r = await sendDeadlineReminders(ctx);
    expect(r).toEqual({ campaigns: 0, recipients: 0 });
    expect(await countDeadline()).toBe(before);
    await ctx.db.updateTable('campaigns').set({ status: 'open' }).where('id', '=', f.id).execute();
  });

  describe('daily digest', () => {
    const savedEnv = { url: process.env.TUSOI_SMTP_URL, from: process.env.TUSOI_SMTP_FROM };
    afterEach(() => {
      vi.restoreAllMocks();
      if (savedEnv.url === undefined) delete process.env.TUSOI_SMTP_URL;
      else process.env.TUSOI_SMTP_URL = savedEnv.url;
      if (savedEnv.from === undefined) delete process.env.TUSOI_SMTP_FROM;
      else process.env.TUSOI_SMTP_FROM = savedEnv.from;
    });
    const prefer = (accountId: string, dailyDigest: boolean, email: string | null) =>
      ctx.db
        .insertInto('notification_preferences')
        .values({ account_id: accountId, daily_digest: dailyDigest ? 1 : 0, email, updated_at: clock.now() })
        .onConflict((oc) => oc.column('account_id').doUpdateSet({ daily_digest: dailyDigest ? 1 : 0, email }))
        .execute();

    it('writes one digest a day, only for opted-in accounts with unread notices; no SMTP → nothing sent, no error', async () => {
      delete process.env.TUSOI_SMTP_URL;
      expect(smtpConfigFromEnv()).toBeNull();
      await prefer(f.accounts.member.id, true, 'thuy@example.vn');
      await prefer(f.accounts.organizer.id, false, 'btc@example.vn');
      // The director opted in but has nothing unread: no digest.
      await prefer(f.accounts.director.id, true, null);
      clock.set('2026-03-10T03:00:00.000Z');
      const r = await sendDailyDigests(ctx);
      expect(r).toEqual({ digests: 1, emailed: 0, emailFailed: 0 });
      const digests = await noticesOf(f.accounts.member.id, 'digest');
      expect(digests).toHaveLength(1);
      expect(digests[0].title).toBe('Tổng hợp trong ngày: 2 thông báo chưa đọc');
      expect(digests[0].body).toContain('• Đã quá hạn: Hoàn thành bản kiểm điểm (hạn 01/12/2024)');
      expect(digests[0].link).toBe('/thong-bao');
      expect(digests[0].emailed_at).toBeNull();
      expect(await noticesOf(f.accounts.organizer.id, 'digest')).toEqual([]);
      expect(await noticesOf(f.accounts.director.id, 'digest')).toEqual([]);

      // Later the same day (and the periodic task as a whole): still one.
      clock.set('2026-03-10T15:00:00.000Z');
      await runNotificationTasks(ctx);
      expect(await noticesOf(f.accounts.member.id, 'digest')).toHaveLength(1);
    });

    it('e-mails the digest once through the mailer when one is configured', async () => {
      clock.set('2026-03-11T03:00:00.000Z');
      const sent: MailMessage[] = [];
      const recording: Mailer = { send: async (m) => void sent.push(m) };
      const r = await sendDailyDigests(ctx, { mailer: recording });
      expect(r).toEqual({ digests: 1, emailed: 1, emailFailed: 0 });
      expect(sent).toHaveLength(1);
      expect(sent[0].to).toBe('thuy@example.vn');
      // Today's digest counts the unread notices, not yesterday's digest.
      expect(sent[0].subject).toBe('[Tự soi] Tổng hợp trong ngày: 2 thông báo chưa đọc');
      const digests = await noticesOf(f.accounts.member.id, 'digest');
      expect(digests).toHaveLength(2);
      expect(digests[1].emailed_at).toBe('2026-03-11T03:00:00.000Z');
      // Yesterday's digest (written without SMTP) is not sent late; today's is not sent twice.
      await sendDailyDigests(ctx, { mailer: recording });
      expect(sent).toHaveLength(1);
    });

    it('logs an unreachable SMTP server and keeps going; the digest stays, unsent', async () => {
      clock.set('2026-03-12T03:00:00.000Z');
      process.env.TUSOI_SMTP_URL = 'smtp://nobody:secret@127.0.0.1:1';
      process.env.TUSOI_SMTP_FROM = 'Tự soi <tusoi@example.vn>';
      expect(smtpConfigFromEnv()).toEqual({ url: 'smtp://nobody:secret@127.0.0.1:1', from: 'Tự soi <tusoi@example.vn>' });
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const r = await sendDailyDigests(ctx);
      expect(r).toEqual({ digests: 1, emailed: 0, emailFailed: 1 });
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0][0])).toMatch(/không gửi được thư/);
      expect(String(errors.mock.calls[0][0])).not.toContain('secret');
      const digests = await noticesOf(f.accounts.member.id, 'digest');
      expect(digests).toHaveLength(3);
      expect(digests[2].emailed_at).toBeNull();
    });

    it('treats a malformed SMTP URL as "not configured"', () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(smtpConfigFromEnv({ TUSOI_SMTP_URL: 'http://mail.example.vn' })).toBeNull();
      expect(smtpConfigFromEnv({ TUSOI_SMTP_URL: '' })).toBeNull();
      expect(smtpConfigFromEnv({ TUSOI_SMTP_URL: 'smtps://mail.example.vn:465' })?.from).toBe('Tự soi <no-reply@mail.example.vn>');
    });

    it('hands nodemailer a complete message', async () => {
      const transport = nodemailer.createTransport({ jsonTransport: true });
      const info: { message: string }[] = [];
      const original = transport.sendMail.bind(transport);
      vi.spyOn(transport, 'sendMail').mockImplementation((async (m: Parameters<typeof original>[0]) => {
        const r = await original(m);
        info.push(r as unknown as { message: string });
        return r;
      }) as never);
      await mailerFromTransport(transport, 'Tự soi <tusoi@example.vn>').send({ to: 'a@example.vn', subject: 'Tổng hợp', text: 'Nội dung' });
      const message = JSON.parse(info[0].message);
      expect(message).toMatchObject({ subject: 'Tổng hợp', text: 'Nội dung' });
      expect(message.to[0].address).toBe('a@example.vn');
      expect(message.from.address).toBe('tusoi@example.vn');
    });

    it('sends no digest to a disabled account', async () => {
      clock.set('2026-03-13T03:00:00.000Z');
      await notify(ctx.db, {
        accountIds: [f.accounts.memberDang.id],
        kind: 'returned',
        title: 'Bản kiểm điểm bị trả lại',
        at: clock.now(),
      });
      await prefer(f.accounts.memberDang.id, true, null);
      await ctx.db.updateTable('accounts').set({ disabled: 1 }).where('id', '=', f.accounts.memberDang.id).execute();
      const r = await sendDailyDigests(ctx, { mailer: null });
      expect(r.digests).toBe(1);
      expect(await noticesOf(f.accounts.memberDang.id, 'digest')).toEqual([]);
    });
  });
});
