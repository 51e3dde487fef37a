// `npm run bench` (issue 2 item 13): builds or reuses the province dataset on both databases,
// measures through HTTP as the province admin against a real server process, prints a table and
// writes bench/results.json. Not part of `npm test`: figures, not pass/fail.
//
//   npm run bench                      both databases, every metric
//   npm run bench -- --dialect sqlite  one database
//   npm run bench -- --rebuild         rebuild the province datasets
//   npm run bench -- --dry             the campaign metrics and the load on a small province, a few
//                                      requests or seconds each, results.json not written: checks that
//                                      the bench's paths work
//   npm run bench -- --campaigns-only  only the campaign and classification metrics
//   npm run bench -- --only documents  only the documents metrics (issue 5); with --dry, on the small province
//   npm run bench -- --only load       only the season's load (issue 6 item 7, bench/load.ts): 2 minutes at
//                                      300 requests/s then a ramp, ≈ 5 minutes per database; with --dry, the
//                                      same paths on the small province in seconds. The full run and --dry
//                                      end with it.
//
// The campaign metrics (issue 3, "Done when"): the province campaign cockpit and opening a pre-filled
// review, through HTTP as the province's Organization Board (bantochuc), and the population snapshot
// of the province (150,000 members) in process, timed around the snapshotPopulation use case.
//
// The classification metrics (issue 4, "Done when"): the calibration board of the province's largest
// grassroots unit through HTTP as the Organization Board, and every check of the whole province
// campaign in process (loading the subjects, then runChecks), on the decided 2025 campaign (QĐ 366).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { newId, randomToken, sha256 } from '../src/server/adapters/clock.js';
import { allowsSeveralProcesses, type DatabaseConfig, type DialectName } from '../src/server/adapters/db/dialect.js';
import { openContext, PROJECT_ROOT } from '../src/server/main.js';
import type { AppContext } from '../src/server/features/context.js';
import { loadPrincipal } from '../src/server/adapters/auth/principal.repository.js';
import { createCampaign } from '../src/server/features/campaigns/create-campaign.js';
import { snapshotPopulation } from '../src/server/features/campaigns/snapshot-population.js';
import { buildDemo } from '../src/server/features/demo/build-demo.js';
import { loadSubjects } from '../src/server/features/classification/load-subjects.js';
import { runChecks } from '../src/server/domain/classification/checks.js';
import { effectiveConfig, ruleSetById } from '../src/server/domain/rule-sets/index.js';
import { campaignConfigOf } from '../src/server/adapters/db/campaigns.repository.js';
import { MEMBER_COLUMNS } from '../src/server/features/imports/member-sheet.js';
import { foldForSearch } from '../src/shared/text.js';
import { benchLoad, cockpitFilters, type LoadKit } from './load.js';

const { values: args } = parseArgs({
  options: {
    dialect: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    dry: { type: 'boolean', default: false },
    'load-seconds': { type: 'string', default: '60' },
    /** Only the campaign and classification metrics (the member metrics of issue 2 are skipped). */
    'campaigns-only': { type: 'boolean', default: false },
    /**
     * Only one group of metrics: `documents` (issue 5: the Excel exports of the decided campaign) or
     * `load` (issue 6 item 7: the season's load and the ramp, bench/load.ts).
     */
    only: { type: 'string' },
  },
});

const DATA_DIR = path.join(PROJECT_ROOT, 'bench', '.data');
/**
 * PostgreSQL on this machine is reached through its Unix socket when it has one, as the README
 * advises for a database on the app's own machine: over TCP on loopback, the server spent a fifth
 * of its time in the kernel sending to PostgreSQL, and the season's load cost 11 % more CPU.
 */
const PG_SOCKET_DIR = '/var/run/postgresql';
const PG_ADMIN =
  process.env.TUSOI_BENCH_PG_URL ??
  (fs.existsSync(path.join(PG_SOCKET_DIR, '.s.PGSQL.5432'))
    ? `postgres://postgres@localhost:5432/postgres?host=${PG_SOCKET_DIR}`
    : 'postgres://postgres@127.0.0.1:5432/postgres');
const PROVINCE_MEMBERS_MIN = 140_000;

interface Result {
  metric: string;
  dialect: DialectName;
  value: number;
  unit: string;
  target: string;
}
const results: Result[] = [];
function record(metric: string, dialect: DialectName, value: number, unit: string, target: string): void {
  const r = { metric, dialect, value: Math.round(value * 100) / 100, unit, target };
  results.push(r);
  console.log(`  ${metric.padEnd(36)} ${String(r.value).padStart(10)} ${unit.padEnd(6)} (mục tiêu ${target})`);
}

function pgUrl(database: string): string {
  const u = new URL(PG_ADMIN);
  u.pathname = `/${database}`;
  return u.toString();
}

async function pgAdmin(sqlText: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    return await c.query(sqlText);
  } finally {
    await c.end();
  }
}

async function freshDatabase(dialect: DialectName, name: string): Promise<DatabaseConfig> {
  if (dialect === 'sqlite') {
    const file = path.join(DATA_DIR, `${name}.sqlite`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    return { dialect: 'sqlite', file };
  }
  await pgAdmin(`drop database if exists ${name} with (force)`);
  await pgAdmin(`create database ${name}`);
  return { dialect: 'postgres', url: pgUrl(name) };
}

async function countMembers(ctx: AppContext): Promise<number> {
  const r = await ctx.db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The open campaign of the province demo (2026), whose cockpit and reviews are measured. */
const OPEN_YEAR = 2026;

async function openCampaignId(ctx: AppContext): Promise<string | undefined> {
  const c = await ctx.db
    .selectFrom('campaigns')
    .select('id')
    .where('review_year', '=', OPEN_YEAR)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return c?.id;
}

/** The province dataset, reused between runs when it is complete (its members and its campaigns). */
async function provinceDatabase(dialect: DialectName): Promise<DatabaseConfig> {
  const name = args.dry ? 'tusoi_bench_dry' : 'tusoi_bench_province';
  let config: DatabaseConfig =
    dialect === 'sqlite' ? { dialect: 'sqlite', file: path.join(DATA_DIR, `${name}.sqlite`) } : { dialect: 'postgres', url: pgUrl(name) };
  if (!args.rebuild && !args.dry) {
    const exists =
      dialect === 'sqlite'
        ? fs.existsSync((config as { file: string }).file)
        : (await pgAdmin(`select 1 from pg_database where datname = '${name}'`)).rowCount === 1;
    if (exists) {
      const ctx = await openContext(config);
      const n = await countMembers(ctx);
      const campaign = await openCampaignId(ctx).catch(() => undefined);
      await ctx.handle.close();
      if (n >= PROVINCE_MEMBERS_MIN && campaign) {
        console.log(`  dữ liệu cấp tỉnh có sẵn: ${n} đảng viên`);
        return config;
      }
    }
  }
  config = await freshDatabase(dialect, name);
  const ctx = await openContext(config);
  const t0 = performance.now();
  const demo = await buildDemo(ctx, {
    scale: 'province',
    provinceSize: args.dry ? 'small' : 'full',
    onProgress: (m) => process.stdout.write(`\r  ${m.padEnd(70)}`),
  });
  process.stdout.write('\n');
  record('demo.province.build', dialect, (performance.now() - t0) / 1000, 's', '<300');
  console.log(`  ${demo.members} đảng viên, ${demo.units} tổ chức`);
  await ctx.handle.close();
  return config;
}

/** An API token for a demo account (the province admin by default), written straight into the database (bench only). */
async function adminToken(config: DatabaseConfig, username = 'admin'): Promise<{ token: string; rootId: string }> {
  const ctx = await openContext(config);
  try {
    const admin = await ctx.db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const root = await ctx.db.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const token = randomToken();
    await ctx.db
      .insertInto('api_tokens')
      .values({
        id: newId(),
        account_id: admin.id,
        token_hash: sha256(token),
        name: 'bench',
        created_at: new Date().toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    return { token, rootId: root.id };
  } finally {
    await ctx.handle.close();
  }
}

interface ServerProcess {
  port: number;
  child: ChildProcess;
  /** Resident set size now, and its peak (VmHWM), in MB. */
  memory(): { rss: number; peak: number };
  stop(): Promise<void>;
}

let nextPort = 3900;
/** `onStderr`: also hands what the server writes to stderr to the caller (the load run looks for SQLITE_BUSY). */
/** `workers`: HTTP worker processes sharing the port (`tusoi serve --workers`, PostgreSQL only). */
async function startServerProcess(config: DatabaseConfig, onStderr?: (text: string) => void, workers = 1): Promise<ServerProcess> {
  const port = nextPort++;
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: config.dialect === 'sqlite' ? `file:${config.file}` : config.url,
    TUSOI_DEMO: '0',
    // The bench measures the API: the server never builds the browser app (nor holds its memory).
    TUSOI_BUILD_WEB: '0',
    TUSOI_WORKERS: String(workers),
  };
  // TUSOI_BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops (to see where a request's time goes).
  const profile = process.env.TUSOI_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.TUSOI_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(PROJECT_ROOT, 'bin', 'tusoi.js'), 'serve', '--port', String(port)], {
    env,
    stdio: ['ignore', 'ignore', onStderr ? 'pipe' : 'inherit'],
  });
  if (onStderr) {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => {
      process.stderr.write(text);
      onStderr(text);
    });
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('máy chủ không khởi động được');
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health/live`);
      if (r.ok) break;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const readKb = (field: string) => {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const m = new RegExp(`${field}:\\s+(\\d+)`).exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  };
  return {
    port,
    child,
    memory: () => ({ rss: readKb('VmRSS'), peak: readKb('VmHWM') }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function get(port: number, pathname: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p95 of sequential requests after a warm-up pass over the same paths. */
async function p95(port: number, token: string, paths: string[]): Promise<number> {
  for (const p of paths.slice(0, 20)) await get(port, p, token);
  const times: number[] = [];
  for (const p of paths) {
    const t0 = performance.now();
    const r = await get(port, p, token);
    times.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`${p} → ${r.status} ${r.body.slice(0, 200)}`);
  }
  return percentile(times, 95);
}

/** Closed-loop load: `connections` loops for `seconds`; answers per second with status 200. */
async function load(port: number, token: string, paths: string[], connections: number, seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let ok = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      let n = i;
      while (performance.now() < end) {
        const r = await get(port, paths[n++ % paths.length], token);
        if (r.status === 200) ok++;
        else errors++;
      }
    }),
  );
  if (errors) console.log(`  (${errors} lỗi trong lúc tải)`);
  return ok / seconds;
}

async function sampleQueries(config: DatabaseConfig): Promise<{ searches: string[]; units: string[] }> {
  const ctx = await openContext(config);
  try {
    const members = await ctx.db.selectFrom('members').select(['full_name', 'given_name']).orderBy('id').execute();
    const cells = await ctx.db
      .selectFrom('org_units')
      .select('id')
      .where('kind', 'in', ['cell', 'grassroots_cell'])
      .orderBy('id')
      .execute();
    // Deterministic draws: every k-th row.
    const pick = <T>(rows: T[], n: number) => Array.from({ length: n }, (_, i) => rows[Math.floor(((i + 0.5) * rows.length) / n)]);
    const full = pick(members, 100).map((m) => foldForSearch(m.full_name));
    const given = pick(members.slice(1), 100).map((m) => foldForSearch(m.given_name));
    const searches: string[] = [];
    for (let i = 0; i < 100; i++) searches.push(full[i], given[i]);
    return { searches, units: pick(cells, 200).map((c) => c.id) };
  } finally {
    await ctx.handle.close();
  }
}

/** A 10,000-row member sheet in the import template's layout, for the chi bộ codes given. */
async function memberSheet(file: string, cellCodes: string[], rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(MEMBER_COLUMNS.map((c) => c.header));
  const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng'];
  const middles = ['Văn', 'Thị', 'Đình', 'Hữu', 'Ngọc'];
  const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hương', 'Lan', 'Thúy', 'Thủy', 'Tuấn'];
  for (let i = 0; i < rows; i++) {
    const values: Record<string, string | number> = {
      stt: i + 1,
      fullName: `${families[i % 8]} ${middles[i % 5]} ${givens[i % 10]}`,
      birthDate: `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/19${60 + (i % 40)}`,
      gender: i % 2 ? 'Nữ' : 'Nam',
      cardNumber: `BX${String(i).padStart(8, '0')}`,
      admissionDate: '19/05/2010',
      officialDate: '19/05/2011',
      unitCode: cellCodes[i % cellCodes.length],
      partyPosts: '',
      governmentPosts: '',
      isLeader: '',
      isHead: '',
      isCivilServant: i % 3 === 0 ? 'x' : '',
      status: '',
    };
    ws.addRow(MEMBER_COLUMNS.map((c) => values[c.key] ?? ''));
  }
  await wb.xlsx.writeFile(file);
}

async function benchImport(dialect: DialectName): Promise<void> {
  const config = await freshDatabase(dialect, 'tusoi_bench_import');
  const ctx = await openContext(config);
  await buildDemo(ctx, { scale: 'city' });
  const cells = await ctx.db.selectFrom('org_units').select('code').where('kind', 'in', ['cell', 'grassroots_cell']).execute();
  await ctx.handle.close();
  const file = path.join(DATA_DIR, 'import-10k.xlsx');
  await memberSheet(
    file,
    cells.map((c) => c.code),
    10_000,
  );
  const { token } = await adminToken(config);
  const server = await startServerProcess(config);
  try {
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)]), 'import-10k.xlsx');
    const t0 = performance.now();
    const r = await fetch(`http://127.0.0.1:${server.port}/api/imports/members`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    let body = (await r.json()) as { mode?: string; job?: { id: string; status: string }; error?: unknown };
    if (r.status !== 200) throw new Error(`nhập tệp thất bại: ${JSON.stringify(body).slice(0, 500)}`);
    // Large files run as a job: follow it to the end.
    while (body.mode === 'job' && body.job && !['succeeded', 'failed'].includes(body.job.status)) {
      await new Promise((res) => setTimeout(res, 50));
      const j = await get(server.port, `/api/jobs/${body.job.id}`, token);
      body = { mode: 'job', job: JSON.parse(j.body) };
    }
    const seconds = (performance.now() - t0) / 1000;
    if (body.job && body.job.status !== 'succeeded') throw new Error(`tác vụ nhập thất bại: ${JSON.stringify(body.job)}`);
    record('members.import-10k', dialect, seconds, 's', '<3');
  } finally {
    await server.stop();
  }
}

async function benchProvince(dialect: DialectName): Promise<void> {
  const config = await provinceDatabase(dialect);
  const { token, rootId } = await adminToken(config);
  const { searches, units } = await sampleQueries(config);

  const server = await startServerProcess(config);
  try {
    record(
      'members.search.p95',
      dialect,
      await p95(
        server.port,
        token,
        searches.map((q) => `/api/members?q=${encodeURIComponent(q)}&pageSize=20`),
      ),
      'ms',
      '<50',
    );
    record(
      'members.unit-page.p95',
      dialect,
      await p95(
        server.port,
        token,
        units.map((u) => `/api/members?unit=${u}&pageSize=20`),
      ),
      'ms',
      '<50',
    );
    record(
      'members.status-counts.province',
      dialect,
      await p95(server.port, token, Array(50).fill(`/api/org-units/${rootId}`)),
      'ms',
      '<100',
    );

    const listPaths = units.map((u) => `/api/members?unit=${u}&pageSize=20`);
    await load(server.port, token, listPaths, 20, 2); // warm-up
    const listRps = await load(server.port, token, listPaths, 20, 10);
    const bareRps = await load(server.port, token, ['/api/health/live'], 20, 10);
    record('members.list.rps', dialect, listRps, 'req/s', dialect === 'sqlite' ? '>=1500' : '>=800');
    record('members.list.throughput-ratio', dialect, listRps / bareRps, 'ratio', '>=0.1');
    const loadSeconds = Number(args['load-seconds']);
    await load(server.port, token, listPaths, 20, loadSeconds);
    record('server.rss.after-load', dialect, server.memory().rss, 'MB', '<300');
  } finally {
    await server.stop();
  }

  // The export runs in a fresh server so that its peak memory is the export's own.
  const exporter = await startServerProcess(config);
  try {
    const t0 = performance.now();
    const r = await new Promise<{ status: number; bytes: number }>((resolve, reject) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port: exporter.port,
            path: `/api/members/export?unit=${rootId}`,
            headers: { authorization: `Bearer ${token}` },
          },
          (res) => {
            let bytes = 0;
            res.on('data', (c: Buffer) => (bytes += c.length));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
            res.on('error', reject);
          },
        )
        .on('error', reject);
    });
    if (r.status !== 200) throw new Error(`xuất Excel thất bại: ${r.status}`);
    record('members.export-150k', dialect, (performance.now() - t0) / 1000, 's', '<20');
    record('members.export-150k.peak-rss', dialect, exporter.memory().peak, 'MB', '<500');
  } finally {
    await exporter.stop();
  }
  await benchCampaigns(config, dialect);
  await benchDocuments(config, dialect);
}

/** What the campaign requests ask for: the 2026 campaign and a deterministic sample of its members. */
async function campaignSample(config: DatabaseConfig, n: number): Promise<{ campaignId: string; members: string[]; sectors: string[] }> {
  const ctx = await openContext(config);
  try {
    const campaignId = await openCampaignId(ctx);
    if (!campaignId) throw new Error(`không có đợt kiểm điểm năm ${OPEN_YEAR} đang mở trong dữ liệu cấp tỉnh`);
    const rows = await ctx.db
      .selectFrom('campaign_members')
      .select('member_id')
      .where('campaign_id', '=', campaignId)
      .where('included', '=', 1)
      .orderBy('id')
      .execute();
    // Every k-th member: spread over units, with and without a review saved.
    const members = Array.from({ length: Math.min(n, rows.length) }, (_, i) => rows[Math.floor(((i + 0.5) * rows.length) / n)].member_id);
    const sectors = await ctx.db
      .selectFrom('org_units')
      .select('sector')
      .distinct()
      .where('kind', 'in', ['grassroots_party', 'grassroots_cell'])
      .where('sector', 'is not', null)
      .execute();
    return { campaignId, members, sectors: sectors.map((s) => s.sector!) };
  } finally {
    await ctx.handle.close();
  }
}

/**
 * The cockpit as the Organization Board opens and filters it (issue 3 item 8): the grassroots units,
 * every unit, by stage, by sector, overdue only, those needing appraisal, a later page.
 */
function cockpitPaths(campaignId: string, sectors: string[], n: number): string[] {
  const variants = cockpitFilters(sectors, { grassroots: 5, all: 40 }).map((v) => `/api/campaigns/${campaignId}/cockpit${v}`);
  return Array.from({ length: n }, (_, i) => variants[i % variants.length]);
}

/** The population snapshot of the province: a campaign of another year, through the use cases, then removed. */
async function benchSnapshot(config: DatabaseConfig, dialect: DialectName): Promise<void> {
  const ctx = await openContext(config);
  const year = OPEN_YEAR + 1;
  try {
    const organizer = await ctx.db.selectFrom('accounts').select('id').where('username', '=', 'bantochuc').executeTakeFirstOrThrow();
    const root = await ctx.db.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    await dropCampaign(ctx, year);
    const principal = await loadPrincipal(ctx.db, organizer.id);
    const { id } = await createCampaign(ctx, principal, { ownerUnitId: root.id, reviewYear: year, config: {}, milestones: [] });
    const t0 = performance.now();
    const r = await snapshotPopulation(ctx, principal, id);
    record('campaign.snapshot.seconds', dialect, (performance.now() - t0) / 1000, 's', '<10');
    console.log(`  (${r.units} tổ chức, ${r.members + r.excluded} đảng viên trong ảnh chụp)`);
    await dropCampaign(ctx, year);
  } finally {
    await ctx.handle.close();
  }
}

/**
 * Removes the bench's throwaway campaign with its rows and its audit chain (bench only: the dataset is
 * the bench's own, and the campaign never existed for anyone).
 */
async function dropCampaign(ctx: AppContext, year: number): Promise<void> {
  const c = await ctx.db.selectFrom('campaigns').select('id').where('review_year', '=', year).executeTakeFirst();
  if (!c) return;
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('campaign_members').where('campaign_id', '=', c.id).execute();
    await tx.deleteFrom('campaign_units').where('campaign_id', '=', c.id).execute();
    await tx.deleteFrom('audit_events').where('entity_type', '=', 'campaign').where('entity_id', '=', c.id).execute();
    await tx.deleteFrom('campaigns').where('id', '=', c.id).execute();
  });
}

async function benchCampaigns(config: DatabaseConfig, dialect: DialectName): Promise<void> {
  const requests = args.dry ? 20 : 200;
  const { token } = await adminToken(config, 'bantochuc');
  const { campaignId, members, sectors } = await campaignSample(config, requests);
  const server = await startServerProcess(config);
  try {
    record('campaign.cockpit.p95', dialect, await p95(server.port, token, cockpitPaths(campaignId, sectors, requests)), 'ms', '<150');
    record(
      'campaign.review-open.p95',
      dialect,
      await p95(
        server.port,
        token,
        members.map((m) => `/api/campaigns/${campaignId}/reviews/member/${m}`),
      ),
      'ms',
      '<100',
    );
  } finally {
    await server.stop();
  }
  await benchSnapshot(config, dialect);
  await benchClassification(config, dialect);
}

/** The decided year of the province (QĐ 366, 2025) and its largest grassroots unit by members. */
const DECIDED_YEAR = 2025;

async function classificationSample(config: DatabaseConfig): Promise<{ campaignId: string; unitId: string; members: number }> {
  const ctx = await openContext(config);
  try {
    const c = await ctx.db.selectFrom('campaigns').select('id').where('review_year', '=', DECIDED_YEAR).executeTakeFirstOrThrow();
    const units = await ctx.db
      .selectFrom('campaign_units')
      .select(['unit_id', 'unit_path'])
      .where('campaign_id', '=', c.id)
      .where('is_grassroots', '=', 1)
      .execute();
    const counts = new Map<string, number>();
    const members = await ctx.db
      .selectFrom('campaign_members')
      .select('unit_path')
      .where('campaign_id', '=', c.id)
      .where('included', '=', 1)
      .execute();
    // Paths nest ("/a/b/c/"): a member counts for the grassroots unit whose path prefixes its chi bộ's.
    const byPath = new Map(units.map((u) => [u.unit_path, u.unit_id]));
    for (const m of members) {
      const parts = m.unit_path.split('/').filter(Boolean);
      for (let i = 1; i <= parts.length; i++) {
        const id = byPath.get(`/${parts.slice(0, i).join('/')}/`);
        if (id) {
          counts.set(id, (counts.get(id) ?? 0) + 1);
          break;
        }
      }
    }
    const [unitId, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    return { campaignId: c.id, unitId, members: n };
  } finally {
    await ctx.handle.close();
  }
}

async function benchClassification(config: DatabaseConfig, dialect: DialectName): Promise<void> {
  const requests = args.dry ? 10 : 60;
  const { token } = await adminToken(config, 'bantochuc');
  const sample = await classificationSample(config);
  console.log(`  (bảng cân nhắc: tổ chức cơ sở lớn nhất, ${sample.members} đảng viên)`);
  const server = await startServerProcess(config);
  try {
    const board = `/api/campaigns/${sample.campaignId}/classification/board?unitId=${sample.unitId}`;
    record('classification.board.p95', dialect, await p95(server.port, token, Array(requests).fill(board)), 'ms', '<200');
  } finally {
    await server.stop();
  }
  const ctx = await openContext(config);
  try {
    const campaign = await ctx.db.selectFrom('campaigns').selectAll().where('id', '=', sample.campaignId).executeTakeFirstOrThrow();
    const ruleSet = ruleSetById(campaign.rule_set_id)!;
    const t0 = performance.now();
    const scope = await loadSubjects(ctx.db, { campaign, ruleSet, scopePath: campaign.owner_path, memberDetails: false });
    const t1 = performance.now();
    const outcome = runChecks({
      ruleSet,
      config: { htxsQuotaPct: effectiveConfig(ruleSet, campaignConfigOf(campaign)).htxsQuotaPct },
      subjects: scope.subjects,
    });
    const t2 = performance.now();
    record('classification.checks.province', dialect, (t2 - t0) / 1000, 's', '<10');
    console.log(
      `  (${scope.subjects.length} đối tượng, ${outcome.results.length} kết quả kiểm tra; nạp ${((t1 - t0) / 1000).toFixed(2)} s, kiểm tra ${((t2 - t1) / 1000).toFixed(2)} s)`,
    );
  } finally {
    await ctx.handle.close();
  }
}

/** Bytes of a streamed GET, read as they come (nothing kept), and the time until the last byte. */
function streamedGet(port: number, pathname: string, token: string): Promise<{ status: number; bytes: number; seconds: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers: { authorization: `Bearer ${token}` } }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, seconds: (performance.now() - t0) / 1000 }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * The documents metrics (issue 5 item 2, "Done when"): the Excel export of the levels of every member
 * of the province's decided 2025 campaign (≈150,000 rows), streamed through HTTP as the province's
 * office (vanphong), in a fresh server so that its peak memory (VmHWM) is the export's own.
 */
async function benchDocuments(config: DatabaseConfig, dialect: DialectName): Promise<void> {
  const { token } = await adminToken(config, 'vanphong');
  const ctx = await openContext(config);
  let campaignId: string;
  let members: number;
  try {
    const c = await ctx.db.selectFrom('campaigns').select('id').where('review_year', '=', DECIDED_YEAR).executeTakeFirstOrThrow();
    campaignId = c.id;
    const n = await ctx.db
      .selectFrom('campaign_members')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('campaign_id', '=', c.id)
      .where('included', '=', 1)
      .executeTakeFirstOrThrow();
    members = Number(n.n);
  } finally {
    await ctx.handle.close();
  }
  // The committee's summary report of the whole province as Word (statistics, ten server-drawn
  // charts, the .docx): the median of three, after one run that warms the caches.
  const report = await startServerProcess(config);
  try {
    const url = `/api/documents/draft/docx?kind=summary_report&campaignId=${campaignId}`;
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await streamedGet(report.port, url, token);
      if (r.status !== 200) throw new Error(`báo cáo kết quả kiểm điểm thất bại: ${r.status}`);
      if (i > 0) times.push(r.seconds);
    }
    times.sort((a, b) => a - b);
    record('documents.summary-report.seconds', dialect, times[1]!, 's', '<3');
  } finally {
    await report.stop();
  }
  const server = await startServerProcess(config);
  try {
    const r = await streamedGet(server.port, `/api/campaigns/${campaignId}/exports/member-levels`, token);
    if (r.status !== 200) throw new Error(`xuất Excel xếp loại đảng viên thất bại: ${r.status}`);
    console.log(`  (${members} đảng viên trong đợt ${DECIDED_YEAR}, tệp ${(r.bytes / 1024 / 1024).toFixed(1)} MB)`);
    record('documents.export-150k-levels.seconds', dialect, r.seconds, 's', '<20');
    record('documents.export-150k-levels.peak-rss', dialect, server.memory().peak, 'MB', '<500');
  } finally {
    await server.stop();
  }
}

// The season's load runs the server as the README deploys it on one machine: on PostgreSQL, one
// HTTP worker per core (`tusoi serve --workers`); SQLite is served by one process.
const loadKit: LoadKit = {
  record,
  startServer: (config, onStderr) =>
    startServerProcess(
      config,
      onStderr,
      allowsSeveralProcesses(config) ? Number(process.env.TUSOI_BENCH_WORKERS ?? os.availableParallelism()) : 1,
    ),
  dry: args.dry,
};

async function main(): Promise<void> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const dialects: DialectName[] = args.dialect ? [args.dialect as DialectName] : ['sqlite', 'postgres'];
  if (args.dry) {
    // A check of the bench itself: the campaign paths and the load on a small province, no results written.
    for (const dialect of dialects) {
      console.log(`\n== ${dialect} (thử nhanh) ==`);
      const config = await provinceDatabase(dialect);
      if (args.only === 'documents') await benchDocuments(config, dialect);
      else if (args.only === 'load') await benchLoad(config, dialect, loadKit);
      else {
        await benchCampaigns(config, dialect);
        await benchLoad(config, dialect, loadKit);
      }
    }
    agent.destroy();
    return;
  }
  for (const dialect of dialects) {
    console.log(`\n== ${dialect} ==`);
    if (args.only === 'documents') {
      await benchDocuments(await provinceDatabase(dialect), dialect);
      continue;
    }
    if (args.only === 'load') {
      await benchLoad(await provinceDatabase(dialect), dialect, loadKit);
      continue;
    }
    if (args['campaigns-only']) {
      await benchCampaigns(await provinceDatabase(dialect), dialect);
      continue;
    }
    await benchProvince(dialect);
    await benchImport(dialect);
    // Last: the load writes reviews and tallies into the dataset and starts a few meetings.
    await benchLoad(await provinceDatabase(dialect), dialect, loadKit);
  }
  const out = path.join(PROJECT_ROOT, 'bench', 'results.json');
  // Keep the figures not measured this time (another dialect, or the member metrics under --campaigns-only).
  const previous: Result[] = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : [];
  const measured = new Set(results.map((r) => `${r.metric}|${r.dialect}`));
  const merged = [...previous.filter((p) => !measured.has(`${p.metric}|${p.dialect}`)), ...results];
  fs.writeFileSync(out, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`\nĐã ghi ${path.relative(process.cwd(), out)}`);
  console.table(merged.map((r) => ({ metric: r.metric, dialect: r.dialect, value: r.value, unit: r.unit, target: r.target })));
  agent.destroy();
}

await main();
