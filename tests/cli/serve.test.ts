// `npm start` as a newcomer and a real office meet it: the real `tusoi serve` process on an empty
// database builds the demo (or, with TUSOI_DEMO=0, an empty committee), prints how to log in,
// serves the API, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { emptyDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { ROOT, runCli } from './run-cli.js';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startServe(databaseUrl: string, env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'tusoi.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, TUSOI_BUILD_WEB: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /Tự soi đang chạy tại (http:\/\/\S+)/.exec(output);
      if (m) resolve({ child, url: m[1], output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

function stop(s: Started): Promise<number | null> {
  return new Promise((resolve) => {
    s.child.removeAllListeners('exit');
    s.child.once('exit', (code) => resolve(code));
    s.child.kill('SIGTERM');
  });
}

async function login(url: string, username: string, password: string) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return {
    status: r.status,
    body: (await r.json()) as { mustChangePassword?: boolean },
    cookie: r.headers.get('set-cookie')?.split(';')[0] ?? '',
  };
}

describeEachDialect('tusoi serve', (dialect) => {
  let db: TestDatabase | null = null;
  afterEach(async () => {
    await db?.drop();
    db = null;
  });

  it('builds the demo committee on an empty database and prints the demo logins', async () => {
    db = await emptyDatabase(dialect);
    await db.handle.close();
    const s = await startServe(db.url, {});
    try {
      expect(s.output()).toMatch(/admin/);
      expect(s.output()).toMatch(/tusoi2017/);
      const health = (await (await fetch(`${s.url}/api/health`)).json()) as { dialect: string };
      expect(health.dialect).toBe(dialect);
      const admin = await login(s.url, 'admin', 'tusoi2017');
      expect(admin.status).toBe(200);
      const tree = (await (await fetch(`${s.url}/api/org-units`, { headers: { cookie: admin.cookie } })).json()) as {
        items: { name: string }[];
      };
      expect(tree.items.map((u) => u.name)).toEqual(['Thành ủy Hà Tĩnh']);
    } finally {
      expect(await stop(s)).toBe(0);
    }
  });

  it('with TUSOI_DEMO=0 creates an empty committee whose first administrator must change the password', async () => {
    db = await emptyDatabase(dialect);
    await db.handle.close();
    const s = await startServe(db.url, { TUSOI_DEMO: '0', TUSOI_COMMITTEE: 'Đảng bộ phường Nam Hà' });
    try {
      const printed = /Mật khẩu[^:]*:\s*(\S+)/i.exec(s.output());
      expect(printed, s.output()).not.toBeNull();
      const admin = await login(s.url, 'admin', printed![1]);
      expect(admin.status).toBe(200);
      expect(admin.body.mustChangePassword).toBe(true);
      expect((await login(s.url, 'admin', 'tusoi2017')).status).toBe(401);
    } finally {
      expect(await stop(s)).toBe(0);
    }
  });

  /** The pids of a process's children (Linux). */
  const childrenOf = (pid: number) =>
    fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

  /** A request on a new connection each time, so that the shared port hands it to any worker. */
  const getAlone = (url: string, cookie: string) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(`${url}/api/me`, { agent: false, headers: { cookie } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });

  it('serves through several worker processes on PostgreSQL, replaces one that dies, and refuses them on SQLite', async () => {
    db = await emptyDatabase(dialect);
    await db.handle.close();
    if (dialect === 'sqlite') {
      const r = await runCli(['serve', '--port', '0', '--workers', '2'], { databaseUrl: db.url, env: { TUSOI_BUILD_WEB: '0' } });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/chỉ dùng được với PostgreSQL/);
      expect(r.stdout).not.toMatch(/đang chạy/);
      return;
    }
    const s = await startServe(db.url, { TUSOI_WORKERS: '2' });
    try {
      expect(s.output()).toMatch(/2 tiến trình phục vụ/);
      const workers = childrenOf(s.child.pid!);
      expect(workers).toHaveLength(2);
      // A session made through one worker is honoured by every worker.
      const admin = await login(s.url, 'admin', 'tusoi2017');
      expect(admin.status).toBe(200);
      for (let i = 0; i < 6; i++) expect(await getAlone(s.url, admin.cookie)).toBe(200);
      // A worker killed outright is replaced; the service goes on.
      process.kill(workers[0], 'SIGKILL');
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (childrenOf(s.child.pid!).includes(workers[0]) || childrenOf(s.child.pid!).length < 2)) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(childrenOf(s.child.pid!)).toHaveLength(2);
      expect(s.output()).toMatch(new RegExp(`Tiến trình phục vụ ${workers[0]} đã dừng`));
      for (let i = 0; i < 6; i++) expect(await getAlone(s.url, admin.cookie)).toBe(200);
    } finally {
      expect(await stop(s)).toBe(0);
    }
  });
});
