// Large imports run as jobs (issue 2 item 5): the upload is kept in the database, a worker claims
// the job once (compare-and-set), progress reaches the total, the creator follows it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimNextJob, createJob } from '../../src/server/adapters/jobs/jobs.repository.js';
import { runJobsOnce, startJobWorker, type JobHandler } from '../../src/server/adapters/jobs/worker.js';
import { describeEachDialect } from '../support/each-dialect.js';
import {
  counts,
  importFixture,
  memberRow,
  MEMBER_HEADERS,
  ORG_UNIT_HEADERS,
  orgUnitRow,
  upload,
  xlsx,
  type ImportFixture,
} from '../imports/support.js';

function rows(n: number, cell = 'P01.C1', cardBase = 50000) {
  return Array.from({ length: n }, (_, i) =>
    memberRow({
      STT: i + 1,
      'Họ và tên': `Nguyễn Văn Số ${i + 1}`,
      'Số thẻ đảng viên': String(cardBase + i),
      'Mã chi bộ': cell,
      'Ngày sinh': '01/01/1980',
    }),
  );
}

describeEachDialect('import jobs', (dialect) => {
  let f: ImportFixture;
  beforeAll(async () => {
    f = await importFixture(dialect, { importJobThreshold: 10 });
  });
  afterAll(async () => {
    await f.db.drop();
  });

  it('queues a large import, runs it once with progress reaching the total, shows it only to its creator', async () => {
    const organizer = await f.login('bantochuc');
    const ward = await f.login('capuy.p01');
    const admin = await f.login('admin');
    const before = await counts(f.ctx);
    const r = await upload(organizer, '/api/imports/members', await xlsx(MEMBER_HEADERS, rows(25)));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.mode).toBe('job');
    const job = r.body.job;
    expect(job).toMatchObject({ kind: 'members.import', status: 'queued', progress: 0, total: 25, result: null, error: null });
    const queued = await counts(f.ctx);
    expect(queued.members).toBe(before.members); // nothing written yet
    expect(queued.files).toBe(before.files + 1); // the upload is kept in the database
    expect(queued.jobs).toBe(before.jobs + 1);

    expect((await organizer.get(`/api/jobs/${job.id}`)).body.status).toBe('queued');
    const other = await ward.get(`/api/jobs/${job.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('job.not_found');
    expect((await admin.get(`/api/jobs/${job.id}`)).status).toBe(200);

    expect(await runJobsOnce(f.ctx)).toBe(1);
    const done = await organizer.get(`/api/jobs/${job.id}`);
    expect(done.body).toMatchObject({
      status: 'succeeded',
      progress: 25,
      total: 25,
      result: { created: 25, updated: 0, unchanged: 0 },
      error: null,
    });
    const after = await counts(f.ctx);
    expect(after.members).toBe(before.members + 25);

    // A second pass finds nothing to do: the job is not run again.
    expect(await runJobsOnce(f.ctx)).toBe(0);
    expect(await counts(f.ctx)).toEqual(after);
    expect((await organizer.get(`/api/jobs/${job.id}`)).body.status).toBe('succeeded');
  });

  it('records a failed job with its row problems, and writes nothing', async () => {
    const organizer = await f.login('bantochuc');
    const bad = rows(15, 'P01.C1', 60000);
    bad[3] = memberRow({ 'Họ và tên': 'Nguyễn Văn Sai', 'Mã chi bộ': 'KHONGCO' });
    const r = await upload(organizer, '/api/imports/members', await xlsx(MEMBER_HEADERS, bad));
    expect(r.body.mode).toBe('job');
    const before = await counts(f.ctx);
    expect(await runJobsOnce(f.ctx)).toBe(1);
    const failed = await organizer.get(`/api/jobs/${r.body.job.id}`);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.error.code).toBe('import.invalid_rows');
    expect(failed.body.error.problems).toEqual([{ row: 5, column: 'Mã chi bộ', message: 'Không tìm thấy chi bộ có mã "KHONGCO".' }]);
    const after = await counts(f.ctx);
    expect(after.members).toBe(before.members);
    expect(after.audit).toBe(before.audit);
  });

  it('runs org unit imports as jobs too', async () => {
    const organizer = await f.login('bantochuc');
    const units = [orgUnitRow({ Mã: 'P05', Tên: 'Đảng bộ phường 5', Loại: 'Đảng bộ cơ sở', 'Mã đơn vị cấp trên': 'TU' })];
    for (let i = 1; i <= 12; i++)
      units.push(orgUnitRow({ Mã: `P05.C${i}`, Tên: `Chi bộ tổ dân phố ${i}`, Loại: 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'P05' }));
    const r = await upload(organizer, '/api/imports/org-units', await xlsx(ORG_UNIT_HEADERS, units, 'Tổ chức đảng'));
    expect(r.body.mode).toBe('job');
    expect(await runJobsOnce(f.ctx)).toBe(1);
    const done = await organizer.get(`/api/jobs/${r.body.job.id}`);
    expect(done.body).toMatchObject({ status: 'succeeded', progress: 13, total: 13, result: { created: 13 } });
  });

  it('lets exactly one of several workers claim a job', async () => {
    const now = f.ctx.clock.now();
    const job = await createJob(f.ctx.db, { kind: 'test.count', fileId: null, params: null, total: 1, createdBy: null, now });
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => claimNextJob(f.ctx.db, `w${i}`, now, ['test.count'])));
    const winners = claims.filter((c) => c?.id === job.id);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ status: 'running', version: 2 });

    // Several workers polling the same queue run each job once.
    let runs = 0;
    const handler: JobHandler = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 20));
    };
    for (let i = 0; i < 5; i++)
      await createJob(f.ctx.db, { kind: 'test.slow', fileId: null, params: null, total: 1, createdBy: null, now });
    const ran = await Promise.all([1, 2, 3].map((i) => runJobsOnce(f.ctx, { handlers: { 'test.slow': handler }, workerId: `w-${i}` })));
    expect(ran.reduce((a, b) => a + b, 0)).toBe(5);
    expect(runs).toBe(5);
    const statuses = await f.ctx.db.selectFrom('jobs').select('status').where('kind', '=', 'test.slow').execute();
    expect(statuses.every((s) => s.status === 'succeeded')).toBe(true);
  });

  it('a started worker picks up queued jobs and stops cleanly', async () => {
    const seen: string[] = [];
    const worker = startJobWorker(f.ctx, { handlers: { 'test.poll': async (_ctx, run) => void seen.push(run.job.id) }, pollMs: 20 });
    const job = await createJob(f.ctx.db, {
      kind: 'test.poll',
      fileId: null,
      params: null,
      total: 1,
      createdBy: null,
      now: f.ctx.clock.now(),
    });
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(seen).toEqual([job.id]);
  });

  it('wakes the running worker as soon as an upload is queued, without waiting for the next poll', async () => {
    const organizer = await f.login('bantochuc');
    const worker = startJobWorker(f.ctx, { pollMs: 60_000 });
    try {
      // Let the worker finish its first (empty) pass and go to sleep for a minute.
      await new Promise((r) => setTimeout(r, 100));
      const r = await upload(organizer, '/api/imports/members', await xlsx(MEMBER_HEADERS, rows(12, 'P01.C2', 70000)));
      expect(r.body.mode).toBe('job');
      let status = r.body.job.status;
      for (let i = 0; i < 100 && status !== 'succeeded' && status !== 'failed'; i++) {
        await new Promise((res) => setTimeout(res, 50));
        status = (await organizer.get(`/api/jobs/${r.body.job.id}`)).body.status;
      }
      expect(status).toBe('succeeded');
    } finally {
      await worker.stop();
    }
  });

  it('keeps a long job alive with heartbeats, so another server does not take it for a stopped one', async () => {
    const job = await createJob(f.ctx.db, {
      kind: 'test.long',
      fileId: null,
      params: null,
      total: 1,
      createdBy: null,
      now: f.ctx.clock.now(),
    });
    let runs = 0;
    const long: JobHandler = async () => {
      runs += 1;
      // A long step that writes no progress: only the heartbeat renews the job.
      await new Promise((r) => setTimeout(r, 600));
    };
    const first = runJobsOnce(f.ctx, { handlers: { 'test.long': long }, heartbeatMs: 50, workerId: 'server-a' });
    await new Promise((r) => setTimeout(r, 400));
    // Another server polls meanwhile with a 200 ms stale limit: the job was claimed 400 ms ago.
    const during = await f.ctx.db.selectFrom('jobs').select(['status', 'updated_at']).where('id', '=', job.id).executeTakeFirstOrThrow();
    await runJobsOnce(f.ctx, { handlers: { 'test.long': long }, staleAfterMs: 200, workerId: 'server-b' });
    expect(await first).toBe(1);
    const row = await f.ctx.db.selectFrom('jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(during.status).toBe('running');
    expect(Date.parse(during.updated_at)).toBeGreaterThan(Date.parse(job.created_at) + 200);
    expect(row.status).toBe('succeeded');
    expect(row.claimed_by).toBe('server-a');
    expect(runs).toBe(1);
  });

  it('fails jobs left running by a stopped server instead of running them twice', async () => {
    const old = '2020-01-01T00:00:00.000Z';
    const job = await createJob(f.ctx.db, { kind: 'test.stale', fileId: null, params: null, total: 1, createdBy: null, now: old });
    await f.ctx.db.updateTable('jobs').set({ status: 'running', claimed_by: 'gone', updated_at: old }).where('id', '=', job.id).execute();
    let runs = 0;
    await runJobsOnce(f.ctx, { handlers: { 'test.stale': async () => void (runs += 1) } });
    const row = await f.ctx.db.selectFrom('jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(JSON.parse(row.error_json!).code).toBe('job.interrupted');
    expect(runs).toBe(0);
  });
});
