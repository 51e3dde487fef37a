// Several app servers on one PostgreSQL (issue 6 item 5; design §5: "any number of identical app
// servers behind a load balancer. So app servers keep no state of their own: sessions, jobs and
// files live in the database"). Two real `tusoi serve` processes run on one fresh database, with a
// round-robin proxy in front of them that has no affinity at all, and the test checks:
//   - a session made on one server works on the other (cookie and CSRF token), and a logout, a
//     revoked API token or a disabled account on one server is refused by the other within the
//     one-second caller cache of docs/decisions/0003-sessions-in-the-database.md;
//   - queued jobs (member imports above the 2,000-row threshold) are each claimed and run by exactly
//     one server, and their members and audit events are written once;
//   - optimistic locking holds across processes: two saves of one version, one to each server,
//     give one success and one conflict.version (409), and the record holds the winner's content;
//   - the periodic tasks both servers run on their own timers write each notice once and e-mail
//     each digest once (deadline reminders and daily digests, first run 15 s after start), and the
//     scheduled backup (first look 30 s after start) is written by one server only.
// PostgreSQL only: SQLite is the embedded database of one office on one machine (design §5,
// docs/decisions/0002-kysely-on-two-dialects.md); several app servers are a PostgreSQL deployment.
// Outside CI a missing PostgreSQL skips this file; with CI=true it fails.
//
// Which server wrote what is read from the database itself: each server connects with its own
// application_name, and triggers the test adds to its throwaway database log the writer of every
// member, notification, job claim and e-mail claim (they observe; the app's statements are unchanged).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findPgTool } from '../../src/server/adapters/backup/pg-tools.js';
import { BACKUP_JOB_KIND } from '../../src/server/adapters/backup/backup-scheduler.js';
import { verifyAllChains } from '../../src/server/adapters/db/audit.repository.js';
import { NOTIFICATION_INTERVAL_MS } from '../../src/server/features/notifications/schedule-notification-tasks.js';
import { MILESTONE_LABELS } from '../../src/shared/campaign-vocabulary.js';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { IN_CI, migratedDatabase, postgresAvailable, type TestDatabase } from '../support/databases.js';
import { TEST_PASSWORD, makeAccount, makeMember, makeSmallCommittee } from '../support/factories.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { MEMBER_HEADERS } from '../imports/support.js';
import { HttpClient, startRoundRobinProxy, startSmtpSink, type RoundRobinProxy, type SmtpSink } from './scale-out-support.js';

const pgUp = await postgresAvailable();
const PG_TOOLS_PRESENT = (['pg_dump', 'pg_restore'] as const).every((t) => findPgTool(t) !== null);

/** The callers cache of each process (docs/decisions/0003, short-lived-cache.ts): the documented bound. */
const CALLER_CACHE_TTL_MS = 1000;
/** Date.now() is whole milliseconds and the probe's clock is not the server's: a few ms of slack. */
const CLOCK_SLACK_MS = 5;
/** Uploads above the threshold (2,000 data rows, AppConfig.importJobThreshold) become jobs. */
const ROWS_PER_IMPORT = 2001;
const IMPORTS = 6;
/** Member accounts of the campaign (besides the fixture's two) that opt in to the daily e-mail digest. */
const EXTRA_MEMBERS = 60;
/** `tusoi serve` looks at the notifications 15 s after start, and at the backup schedule 30 s after. */
const FIRST_NOTIFICATION_RUN_MS = 15_000;
const FIRST_BACKUP_LOOK_MS = 30_000;
const SERVERS = ['A', 'B'] as const;
type ServerName = (typeof SERVERS)[number];
const APP_NAME: Record<ServerName, string> = { A: 'tusoi-a', B: 'tusoi-b' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** A members sheet of `rows` rows with cards SO<n>-<i>, in the template's column order (streamed). */
async function memberSheet(n: number, rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(MEMBER_HEADERS).commit();
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ'];
  const given = ['Thúy', 'Hùng', 'Lan', 'An', 'Bình', 'Châu', 'Dũng', 'Hà', 'Khoa'];
  const cells = ['P01.C1', 'P01.C2', 'S01'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    ws.addRow([
      i + 1,
      `${family[i % family.length]} Văn ${given[i % given.length]}`,
      `${day}/0${(i % 9) + 1}/19${60 + (i % 35)}`,
      i % 2 ? 'Nam' : 'Nữ',
      `SO${n}-${i}`,
      `${day}/05/2005`,
      `${day}/05/2006`,
      cells[i % cells.length],
      '',
      '',
      '',
      '',
      '',
      'Đang sinh hoạt',
    ]).commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}

/** DATABASE_URL of one server: the same database, told apart in pg_stat_activity and in the log. */
function urlFor(databaseUrl: string, server: ServerName): string {
  const u = new URL(databaseUrl);
  u.searchParams.set('application_name', APP_NAME[server]);
  return u.toString();
}

/** The observation log: who (application_name) inserted or claimed what. Test database only. */
async function addWriterLog(ctx: AppContext): Promise<void> {
  await sql`create table scale_out_log (
    id bigserial primary key, tbl text not null, row_id text not null, app text not null, event text not null,
    at timestamptz not null default clock_timestamp())`.execute(ctx.db);
  await sql`create function scale_out_log_inserts() returns trigger language plpgsql as $$
    begin
      insert into scale_out_log (tbl, row_id, app, event)
        select tg_table_name, n.id, current_setting('application_name'), 'insert' from new_rows n;
      return null;
    end $$`.execute(ctx.db);
  for (const table of ['members', 'notifications']) {
    await sql`create trigger ${sql.raw(`${table}_writer`)} after insert on ${sql.table(table)}
      referencing new table as new_rows for each statement execute function scale_out_log_inserts()`.execute(ctx.db);
  }
  await sql`create function scale_out_log_event() returns trigger language plpgsql as $$
    begin
      insert into scale_out_log (tbl, row_id, app, event) values (tg_table_name, new.id, current_setting('application_name'), tg_argv[0]);
      return null;
    end $$`.execute(ctx.db);
  await sql`create trigger jobs_claimer after update on jobs for each row
    when (old.status = 'queued' and new.status = 'running') execute function scale_out_log_event('claim')`.execute(ctx.db);
  await sql`create trigger notifications_mailer after update on notifications for each row
    when (old.emailed_at is null and new.emailed_at is not null) execute function scale_out_log_event('emailed')`.execute(ctx.db);
}

interface WriterLogTable {
  id: number;
  tbl: string;
  row_id: string;
  app: string;
  event: string;
  at: Date;
}

interface RevocationLag {
  /** From the revocation's answer to the last request the other server still honoured (0: none). */
  staleMs: number;
  probes: number;
}

/**
 * Primes the other server's caller cache with `probe` (200), revokes on this server, then probes the
 * other server for the cache's lifetime and a little more. Every request sent after the primed
 * entry's end must be refused (401), and once refused, always refused.
 */
async function revocationLag(probe: () => Promise<number>, revoke: () => Promise<void>): Promise<RevocationLag> {
  expect(await probe()).toBe(200);
  const primed = performance.now();
  await revoke();
  const revokedAt = performance.now() - primed;
  const seen: { at: number; status: number }[] = [];
  while (performance.now() - primed < CALLER_CACHE_TTL_MS + 400) {
    const at = performance.now() - primed;
    seen.push({ at, status: await probe() });
    await sleep(15);
  }
  expect(seen.filter((s) => s.status !== 200 && s.status !== 401)).toEqual([]);
  expect(
    seen.filter((s) => s.status === 200 && s.at >= CALLER_CACHE_TTL_MS + CLOCK_SLACK_MS),
    `honoured beyond the ${CALLER_CACHE_TTL_MS} ms cache`,
  ).toEqual([]);
  const firstRefused = seen.findIndex((s) => s.status === 401);
  expect(firstRefused, 'the other server never refused the revoked caller').toBeGreaterThanOrEqual(0);
  expect(
    seen.slice(firstRefused).filter((s) => s.status !== 401),
    'honoured again after a refusal',
  ).toEqual([]);
  const stale = seen.filter((s) => s.status === 200);
  return { staleMs: stale.length ? Math.max(0, Math.round(stale.at(-1)!.at - revokedAt)) : 0, probes: seen.length };
}

(pgUp || IN_CI ? describe : describe.skip)('several app servers on one PostgreSQL', () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let fx: CampaignFixture;
  const extra: { id: string; username: string; email: string }[] = [];
  let temporary: { id: string; username: string };
  const server = {} as Record<ServerName, ServerProcess>;
  /** Date.now() when each server said it was ready (its timers started just before). */
  const readyAt = {} as Record<ServerName, number>;
  let proxy: RoundRobinProxy;
  let smtp: SmtpSink;
  let backupDir = '';
  let thuy: HttpClient;
  let admin: HttpClient;
  const timings: string[] = [];
  const started = performance.now();
  const lap = (what: string) => timings.push(`${what} at ${((performance.now() - started) / 1000).toFixed(1)} s`);

  /** The database as the test sees it, with its observation log. */
  const logDb = () => ctx.db.withTables<{ scale_out_log: WriterLogTable }>();
  const reviewPath = () => `/api/campaigns/${fx.id}/reviews/member/${fx.tree.members.thuy.id}`;

  beforeAll(async () => {
    db = await migratedDatabase('postgres');
    ctx = contextFor(db.handle);
    const tree = await makeSmallCommittee(ctx.db);
    // Members of chi bộ khối phố 2 with accounts, in the campaign, who want the daily digest by e-mail.
    for (let i = 1; i <= EXTRA_MEMBERS; i++) {
      const m = await makeMember(ctx.db, tree.cellB, `Hoàng Văn Minh ${i}`, { gender: 'male' });
      const username = `dv.${String(i).padStart(3, '0')}`;
      const a = await makeAccount(ctx.db, { username, memberId: m.id, grants: [{ role: 'member', unit: tree.cellB }] });
      extra.push({ id: a.id, username, email: `${username}@example.vn` });
    }
    // An account with a member grant but no member record: no reminder is meant for it.
    temporary = await makeAccount(ctx.db, { username: 'canbo.tamthoi', grants: [{ role: 'member', unit: tree.cellB }] });
    // The 2024 campaign: every milestone (11/2024 – 01/2025) is overdue at the real date.
    fx = await makeCampaignFixture(ctx, { tree });
    const digestReaders = [
      ...extra,
      { id: fx.accounts.member.id, email: 'thuy@example.vn' },
      { id: fx.accounts.memberDang.id, email: 'dang@example.vn' },
    ];
    await ctx.db
      .insertInto('notification_preferences')
      .values(digestReaders.map((r) => ({ account_id: r.id, daily_digest: 1, email: r.email, updated_at: new Date().toISOString() })))
      .execute();
    await addWriterLog(ctx);

    smtp = await startSmtpSink({ holdMs: 15_000, paceMs: 15 });
    backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-scale-out-'));
    const env: Record<string, string> = {
      TUSOI_SMTP_URL: smtp.url,
      TUSOI_SMTP_FROM: 'Tự soi <tusoi@example.vn>',
      // One shared folder for both, as the README asks of several servers.
      ...(PG_TOOLS_PRESENT ? { TUSOI_BACKUP_DIR: backupDir } : {}),
    };
    // Both start at once, as after a deployment: their timers run side by side.
    await Promise.all(
      SERVERS.map(async (name) => {
        server[name] = await startServerProcess(urlFor(db.url, name), { env });
        readyAt[name] = Date.now();
      }),
    );
    lap(`both servers ready (B ${readyAt.B - readyAt.A} ms after A)`);
    proxy = await startRoundRobinProxy(SERVERS.map((name) => ({ name, url: server[name].url })));
  });

  // A failure shows what the servers said (their errors are logged, never answered).
  beforeEach(({ onTestFailed }) =>
    onTestFailed(() => {
      for (const name of SERVERS) console.error(`[scale-out] server ${name} said:\n${server[name]?.output().slice(-4000)}`);
    }),
  );

  afterAll(async () => {
    await Promise.all(SERVERS.map((name) => server[name]?.stop()));
    await proxy?.close();
    await smtp?.close();
    await db?.drop();
    if (backupDir) fs.rmSync(backupDir, { recursive: true, force: true });
    if (proxy) timings.push(`requests through the proxy: A ${proxy.served.A}, B ${proxy.served.B}`);
    console.log(`[scale-out] ${timings.join('; ')}`);
  });

  it('serves a session made on one server from the other, and honours a logout or revocation on one within the 1 s cache', async () => {
    // Through the proxy: the login lands on one server, the next requests on the other.
    thuy = new HttpClient(proxy.url);
    const login = await thuy.login('dangvien.thuy', TEST_PASSWORD);
    const me = await thuy.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('dangvien.thuy');
    expect(me.backend).not.toBe(login.backend);
    // Directly, the same cookie on each server.
    for (const name of SERVERS) expect((await thuy.at(server[name].url).get('/api/me')).status).toBe(200);
    // Writes with the session's CSRF token on both servers: the review's first save and the next one.
    const first = await thuy.request('PUT', reviewPath(), { version: 0, content: { directions: 'Bản nháp đầu' } });
    const second = await thuy.request('PUT', reviewPath(), { version: first.body.version, content: { directions: 'Bản nháp hai' } });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(new Set([first.backend, second.backend])).toEqual(new Set(SERVERS));

    // Logout on A of a session the other server, B, has just seen.
    const session = new HttpClient(server.A.url);
    await session.login('dangvien.thuy', TEST_PASSWORD);
    const onA = session.at(server.A.url);
    const onB = session.at(server.B.url);
    const logout = await revocationLag(
      async () => (await onB.get('/api/me')).status,
      async () => {
        expect((await session.request('POST', '/api/auth/logout', {})).status).toBe(200);
        // The server that served the logout forgets the session at once.
        expect((await onA.get('/api/me')).status).toBe(401);
      },
    );

    // An API token revoked on A, in use on B.
    const made = await thuy.at(server.A.url).request('POST', '/api/me/tokens', { name: 'Kịch bản kiểm thử' });
    expect(made.status).toBe(200);
    const script = new HttpClient(server.B.url);
    script.bearer = made.body.token;
    const token = await revocationLag(
      async () => (await script.get('/api/me')).status,
      async () => expect((await thuy.at(server.A.url).request('DELETE', `/api/me/tokens/${made.body.id}`)).status).toBe(200),
    );

    // An account disabled by the administrator on A, logged in on B.
    admin = new HttpClient(proxy.url);
    await admin.login('admin', TEST_PASSWORD);
    const user = new HttpClient(server.B.url);
    await user.login(temporary.username, TEST_PASSWORD);
    const disabled = await revocationLag(
      async () => (await user.get('/api/me')).status,
      async () => expect((await admin.at(server.A.url).request('POST', `/api/accounts/${temporary.id}/disable`)).status).toBe(200),
    );
    timings.push(
      `revoked callers honoured by the other server for at most: logout ${logout.staleMs} ms, token ${token.staleMs} ms, ` +
        `disabled account ${disabled.staleMs} ms (bound ${CALLER_CACHE_TTL_MS} ms)`,
    );
    lap('sessions checked');
  });

  it('runs each queued import job once, on one server, writing its members and audit events once', async () => {
    const sheets = await Promise.all(Array.from({ length: IMPORTS }, (_, n) => memberSheet(n, ROWS_PER_IMPORT)));
    const queued = await Promise.all(
      sheets.map((content, n) => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(content)]), `nhap-dang-vien-${n}.xlsx`);
        return admin.request('POST', '/api/imports/members', form);
      }),
    );
    for (const q of queued) expect(q.status, JSON.stringify(q.body).slice(0, 300)).toBe(200);
    expect(queued.map((q) => q.body.mode)).toEqual(Array(IMPORTS).fill('job'));
    // Queued through both servers: each wakes its own worker at once, the other finds it by polling.
    expect(new Set(queued.map((q) => q.backend))).toEqual(new Set(SERVERS));
    const ids: string[] = queued.map((q) => q.body.job.id);
    const t0 = performance.now();
    for (const id of ids) {
      await waitFor(`job ${id}`, 90_000, async () => {
        const j = await admin.get(`/api/jobs/${id}`);
        expect(j.status).toBe(200);
        expect(j.body.status).not.toBe('failed');
        return j.body.status === 'succeeded';
      });
    }
    lap(`${IMPORTS} import jobs of ${ROWS_PER_IMPORT} rows done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const jobs = await ctx.db
      .selectFrom('jobs')
      .select(['id', 'status', 'claimed_by', 'version', 'result_json'])
      .where('id', 'in', ids)
      .execute();
    expect(jobs).toHaveLength(IMPORTS);
    for (const j of jobs) {
      // queued (1) → claimed (2) → succeeded (3): one claim and one finish, by the claimer.
      expect(j).toMatchObject({ status: 'succeeded', version: 3 });
      expect(JSON.parse(j.result_json!)).toMatchObject({ created: ROWS_PER_IMPORT, updated: 0, unchanged: 0 });
    }
    const claims = await logDb()
      .selectFrom('scale_out_log')
      .select(['row_id', 'app'])
      .where('tbl', '=', 'jobs')
      .where('event', '=', 'claim')
      .where('row_id', 'in', ids)
      .execute();
    expect(claims.map((c) => c.row_id).sort()).toEqual([...ids].sort());
    const claimer = new Map(claims.map((c) => [c.row_id, c.app]));
    // Both servers' workers took part (else the test proved nothing about two of them).
    expect(new Set(claims.map((c) => c.app))).toEqual(new Set(Object.values(APP_NAME)));
    // One worker id per server: claimed_by agrees with the connection that claimed.
    const workerOf = new Map<string, string>();
    for (const j of jobs) {
      const app = claimer.get(j.id)!;
      expect(workerOf.get(app) ?? j.claimed_by).toBe(j.claimed_by);
      workerOf.set(app, j.claimed_by!);
    }
    expect(new Set(workerOf.values()).size).toBe(2);

    // Every member once, each written by the server that claimed its job, with one audit event.
    const members = await sql<{ job: string; members: number; cards: number; writers: string }>`
      select split_part(m.card_number, '-', 1) as job, count(*)::int as members, count(distinct m.card_number)::int as cards,
             string_agg(distinct l.app, ',') as writers
      from members m left join scale_out_log l on l.tbl = 'members' and l.row_id = m.id
      where m.card_number like 'SO%' group by 1 order by 1`.execute(ctx.db);
    const byFile = new Map(
      await Promise.all(
        ids.map(async (id) => {
          const row = await ctx.db.selectFrom('jobs').select('params_json').where('id', '=', id).executeTakeFirstOrThrow();
          const n = /nhap-dang-vien-(\d+)/.exec(row.params_json ?? '')![1];
          return [`SO${n}`, claimer.get(id)!] as const;
        }),
      ),
    );
    expect(members.rows).toEqual(
      [...byFile.entries()].sort().map(([job, app]) => ({ job, members: ROWS_PER_IMPORT, cards: ROWS_PER_IMPORT, writers: app })),
    );
    const audit = await sql<{ events: number; subjects: number }>`
      select count(*)::int as events, count(distinct a.entity_id)::int as subjects
      from audit_events a join members m on m.id = a.entity_id
      where m.card_number like 'SO%' and a.action = 'member.import'`.execute(ctx.db);
    expect(audit.rows[0]).toEqual({ events: IMPORTS * ROWS_PER_IMPORT, subjects: IMPORTS * ROWS_PER_IMPORT });
    const history = await sql<{ n: number }>`
      select count(*)::int as n from member_unit_history h join members m on m.id = h.member_id
      where m.card_number like 'SO%'`.execute(ctx.db);
    expect(history.rows[0].n).toBe(IMPORTS * ROWS_PER_IMPORT);
    const created = await ctx.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'job.create')
      .where('entity_id', 'in', ids)
      .executeTakeFirstOrThrow();
    expect(Number(created.n)).toBe(IMPORTS);
    timings.push(
      `jobs claimed: A ${claims.filter((c) => c.app === APP_NAME.A).length}, B ${claims.filter((c) => c.app === APP_NAME.B).length}`,
    );
  }, 120_000);

  it('keeps optimistic locking across servers: of two saves of one version, one to each server, one wins and one gets conflict.version', async () => {
    const ROUNDS = 8;
    const unitPath = `/api/org-units/${fx.tree.cellB.id}`;
    const auditCount = async (entityType: string, entityId: string) =>
      Number(
        (
          await ctx.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('entity_type', '=', entityType)
            .where('entity_id', '=', entityId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const review = await thuy.get(reviewPath());
    const reviewId: string = review.body.id;
    const reviewAudit = await auditCount('review', reviewId);
    const unitAudit = await auditCount('org_unit', fx.tree.cellB.id);
    const winners: string[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      // A review draft (Thúy's own session) and a unit's note (the administrator's).
      const cases = [
        {
          client: thuy,
          read: async () => (await thuy.get(reviewPath())).body,
          write: (version: number, text: string) => thuy.request('PUT', reviewPath(), { version, content: { directions: text } }),
          contentOf: (body: any) => body.content.directions as string,
        },
        {
          client: admin,
          read: async () => (await admin.get(unitPath)).body,
          write: (version: number, text: string) => admin.request('PATCH', unitPath, { version, note: text }),
          contentOf: (body: any) => body.note as string,
        },
      ];
      for (const c of cases) {
        const before = await c.read();
        const texts = [`Vòng ${round + 1}: ghi từ máy thứ nhất`, `Vòng ${round + 1}: ghi từ máy thứ hai`];
        // Sent together: the proxy gives consecutive requests to different servers.
        const answers = await Promise.all(texts.map((t) => c.write(before.version, t)));
        expect(new Set(answers.map((a) => a.backend))).toEqual(new Set(SERVERS));
        expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
        const lost = answers.find((a) => a.status === 409)!;
        expect(lost.body.error.code).toBe('conflict.version');
        const winner = texts[answers.findIndex((a) => a.status === 200)];
        winners.push(answers.find((a) => a.status === 200)!.backend!);
        const after = await c.read();
        expect(after.version).toBe(before.version + 1);
        expect(c.contentOf(after)).toBe(winner);
      }
    }
    // One revision and one audit event per winning save, none for the refused ones.
    const revisions = await ctx.db
      .selectFrom('review_revisions')
      .select(['version', 'content_json'])
      .where('review_id', '=', reviewId)
      .orderBy('version')
      .execute();
    expect(revisions.map((r) => r.version)).toEqual(Array.from({ length: ROUNDS + 2 }, (_, i) => i + 1));
    expect(await auditCount('review', reviewId)).toBe(reviewAudit + ROUNDS);
    expect(await auditCount('org_unit', fx.tree.cellB.id)).toBe(unitAudit + ROUNDS);
    // The audit chains, appended to by two processes, still verify.
    const chains = await verifyAllChains(ctx.db);
    expect(chains.problem).toBeNull();
    timings.push(
      `optimistic locking: ${2 * ROUNDS} races, won by A ${winners.filter((w) => w === 'A').length}, B ${winners.filter((w) => w === 'B').length}`,
    );
    lap('optimistic locking checked');
  });

  it("writes each periodic notice once and e-mails each digest once, though both servers' timers run them", async () => {
    const digestReaders = [
      ...extra,
      { id: fx.accounts.member.id, username: fx.accounts.member.username, email: 'thuy@example.vn' },
      { id: fx.accounts.memberDang.id, username: fx.accounts.memberDang.username, email: 'dang@example.vn' },
    ];
    const firstDay = new Date(Math.min(readyAt.A, readyAt.B)).toISOString().slice(0, 10);
    // Both servers e-mailed at the same moment (the sink holds the first message until a second
    // one comes, and each server sends one at a time), then every digest was sent.
    await waitFor('both servers e-mailing at once', FIRST_NOTIFICATION_RUN_MS + 30_000, async () => smtp.maxInFlight() >= 2, 250);
    lap('both servers e-mailing');
    await waitFor('every digest e-mailed', 60_000, async () => {
      const pending = await ctx.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'digest')
        .where('emailed_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(pending.n) === 0 && smtp.received.length >= digestReaders.length;
    });
    // Quiet for a while: nothing more comes from either server.
    await waitFor('the e-mail sink to fall quiet', 30_000, async () => {
      const last = smtp.received.at(-1)?.at ?? 0;
      return Date.now() - last > 1500;
    });
    lap('digests e-mailed');
    const lastDay = new Date().toISOString().slice(0, 10);
    // A digest is one a day (UTC); a run that crosses midnight may rightly write a second.
    const days = firstDay === lastDay ? 1 : 2;

    const rows = await ctx.db
      .selectFrom('notifications')
      .select(['id', 'account_id', 'kind', 'title', 'body', 'dedupe_key', 'created_at', 'emailed_at'])
      .execute();
    // No notice twice: the same kind and title for one account is one row (digests: one per day).
    const seen = new Map<string, number>();
    for (const r of rows) {
      const key = r.kind === 'digest' ? `${r.account_id}|digest|${r.created_at.slice(0, 10)}` : `${r.account_id}|${r.kind}|${r.title}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
    // Each member of the campaign with an account: the overdue review reminder and the digest, once each.
    const reviewsDue = `Đã quá hạn: ${MILESTONE_LABELS.reviews_due} (hạn 01/12/2024)`;
    for (const r of digestReaders) {
      const mine = rows.filter((n) => n.account_id === r.id);
      expect(mine.filter((n) => n.kind === 'deadline').map((n) => n.title)).toEqual([reviewsDue]);
      const digests = mine.filter((n) => n.kind === 'digest');
      expect(digests.length).toBeGreaterThanOrEqual(1);
      expect(digests.length).toBeLessThanOrEqual(days);
    }
    // Staff got their own reminders (the plan, the decisions, the report …), each once (checked above).
    expect(rows.filter((n) => n.account_id === fx.accounts.standing.id && n.kind === 'deadline').length).toBeGreaterThanOrEqual(2);
    // The account with no member record (disabled meanwhile) got nothing.
    expect(rows.filter((n) => n.account_id === temporary.id)).toEqual([]);

    // One e-mail per digest: per address, and per claim of the digest.
    const digests = rows.filter((n) => n.kind === 'digest');
    expect(digests.every((d) => d.emailed_at !== null)).toBe(true);
    const mailsTo = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.to) mailsTo.set(to, (mailsTo.get(to) ?? 0) + 1);
    const digestsOf = new Map(digestReaders.map((r) => [r.email, digests.filter((d) => d.account_id === r.id).length]));
    expect(Object.fromEntries(mailsTo)).toEqual(Object.fromEntries(digestsOf));
    const mailClaims = await logDb()
      .selectFrom('scale_out_log')
      .select(['row_id', 'app'])
      .where('tbl', '=', 'notifications')
      .where('event', '=', 'emailed')
      .execute();
    expect(mailClaims.map((c) => c.row_id).sort()).toEqual(digests.map((d) => d.id).sort());
    // Two servers, each sending one message at a time: at most two at once, and both did send.
    expect(smtp.maxInFlight()).toBe(2);
    expect(new Set(mailClaims.map((c) => c.app))).toEqual(new Set(Object.values(APP_NAME)));

    // Through the load balancer, a member sees the same notices on both servers.
    const member = new HttpClient(proxy.url);
    await member.login(extra[0].username, TEST_PASSWORD);
    const lists = [await member.get('/api/notifications?pageSize=100'), await member.get('/api/notifications?pageSize=100')];
    expect(new Set(lists.map((l) => l.backend))).toEqual(new Set(SERVERS));
    expect(lists[0].body).toEqual(lists[1].body);
    expect(lists[0].body.items.filter((n: { kind: string }) => n.kind === 'deadline')).toHaveLength(1);

    const writers = await logDb()
      .selectFrom('scale_out_log')
      .select(['app', (eb) => eb.fn.countAll<number>().as('n')])
      .where('tbl', '=', 'notifications')
      .where('event', '=', 'insert')
      .groupBy('app')
      .execute();
    timings.push(
      `notices ${rows.length} (written by ${writers.map((w) => `${w.app} ${w.n}`).join(', ')}); ` +
        `${smtp.received.length} e-mails (claimed by A ${mailClaims.filter((c) => c.app === APP_NAME.A).length}, ` +
        `B ${mailClaims.filter((c) => c.app === APP_NAME.B).length}); next runs in ${NOTIFICATION_INTERVAL_MS / 60_000} min`,
    );
  }, 120_000);

  if (!PG_TOOLS_PRESENT) {
    if (IN_CI)
      it('needs pg_dump and pg_restore for the scheduled backup', () =>
        expect.fail('pg_dump or pg_restore missing, and CI=true turns that into a failure.'));
    else it.skip('pg_dump and pg_restore are not installed: no scheduled backup (skipped outside CI)', () => undefined);
    return;
  }

  it('makes the scheduled backup once per period, on one server, into the shared folder', async () => {
    const backups = () =>
      ctx.db.selectFrom('jobs').select(['id', 'status', 'claimed_by', 'error_json']).where('kind', '=', BACKUP_JOB_KIND).execute();
    await waitFor('the scheduled backup', FIRST_BACKUP_LOOK_MS + 60_000, async () => (await backups()).some((b) => b.status !== 'running'));
    // Both servers have had their first look (and the second has nothing left to do).
    const bothLooked = Math.max(readyAt.A, readyAt.B) + FIRST_BACKUP_LOOK_MS + 1500;
    await sleep(Math.max(0, bothLooked - Date.now()));
    lap('scheduled backup done');
    const rows = await backups();
    expect(rows.map((r) => ({ status: r.status, error: r.error_json }))).toEqual([{ status: 'succeeded', error: null }]);
    const files = fs.readdirSync(backupDir);
    expect(files).toEqual([expect.stringMatching(/^tusoi-.*\.dump$/)]);
    expect(fs.statSync(path.join(backupDir, files[0])).size).toBeGreaterThan(0);
    const wrote = SERVERS.filter((name) => server[name].output().includes('Đã sao lưu'));
    expect(wrote).toHaveLength(1);
    for (const name of SERVERS) expect(server[name].output()).not.toMatch(/\[tusoi\] sao lưu định kỳ( thất bại)?:/);
    timings.push(`backup written by ${wrote[0]}: ${files[0]}`);
  }, 120_000);
});
