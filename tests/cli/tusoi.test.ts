// The `tusoi` command run for real, as a child process (issue 2 item 8), against SQLite and
// PostgreSQL: migrate, init, user create, token create (the token then works as a Bearer token),
// audit verify before and after a tampered row, and (SQLite) backup and restore.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFor } from '../../src/server/adapters/db/migrate.js';
import { createHttpApp } from '../../src/server/adapters/http/app.js';
import { contextFor } from '../../src/server/main.js';
import { emptyDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { runCli } from './run-cli.js';
import { describeDatabase } from '../../src/cli/io.js';

describe('tusoi usage', () => {
  it('prints its help in Vietnamese and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng: tusoi <lệnh>');
    for (const cmd of [
      'serve',
      'init',
      'migrate',
      'demo',
      'user create',
      'user reset-password',
      'token create',
      'backup',
      'restore',
      'audit verify',
    ]) {
      expect(r.stdout).toContain(`  ${cmd} `);
    }
  });

  it('exits 2 with a Vietnamese message on an unknown command or a missing option', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Lệnh không hợp lệ: frobnicate');
    const noStdin = await runCli(['user', 'create', '--username', 'abc', '--role', 'office', '--unit', 'TU']);
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toContain('--password-stdin');
    expect(noStdin.stderr).toContain('Xem: tusoi user create --help');
  });
});

describe('the database a command names', () => {
  it('names PostgreSQL by its host and port, or by its Unix socket folder, never with the password', () => {
    expect(describeDatabase({ dialect: 'postgres', url: 'postgres://tusoi:secret@db.local:5433/tusoi' })).toBe(
      'PostgreSQL db.local:5433/tusoi',
    );
    expect(describeDatabase({ dialect: 'postgres', url: 'postgres://tusoi:secret@localhost/tusoi?host=/var/run/postgresql' })).toBe(
      'PostgreSQL /var/run/postgresql/tusoi',
    );
  });
});

describeEachDialect('tusoi on a database', (dialect) => {
  let db: TestDatabase;
  let adminPassword = '';

  beforeAll(async () => {
    db = await emptyDatabase(dialect);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('migrate applies every migration, then nothing', async () => {
    const first = await runCli(['migrate'], { databaseUrl: db.url });
    expect(first.code).toBe(0);
    const names = Object.keys(migrationsFor(db.handle));
    for (const name of names) expect(first.stdout).toContain(`- ${name}`);
    expect(first.stdout).toContain(`Mức hiện tại: ${names[names.length - 1]}`);
    const again = await runCli(['migrate'], { databaseUrl: db.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('không có bước nào cần áp dụng');
  });

  it('init creates the committee and a first administrator who must change the password, once only', async () => {
    const r = await runCli(['init', '--committee', 'Đảng bộ thành phố Hà Tĩnh', '--code', 'TP'], { databaseUrl: db.url });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã khởi tạo: Đảng bộ thành phố Hà Tĩnh (mã TP)');
    adminPassword = /Mật khẩu:\s+(\S+)/.exec(r.stdout)![1];
    expect(adminPassword).toMatch(/^[a-z]{6}[2-9]{4}$/);
    const root = await db.handle.db.selectFrom('org_units').selectAll().execute();
    expect(root).toEqual([expect.objectContaining({ code: 'TP', kind: 'committee', parent_id: null })]);
    const admin = await db.handle.db.selectFrom('accounts').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(admin.must_change_password).toBe(1);
    expect(admin.password_hash).not.toContain(adminPassword);

    const app = createHttpApp(contextFor(db.handle), { webRoot: null });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: adminPassword }),
    });
    expect(login.status).toBe(200);
    expect((await login.json()).mustChangePassword).toBe(true);

    const again = await runCli(['init', '--committee', 'Đảng bộ khác'], { databaseUrl: db.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('không thể khởi tạo lại');
    expect(await db.handle.db.selectFrom('org_units').select('id').execute()).toHaveLength(1);
  });

  it('user create reads the password from stdin, and token create prints only a token that works as Bearer', async () => {
    const created = await runCli(
      [
        'user',
        'create',
        '--username',
        'Ban.ToChuc',
        '--role',
        'organizer',
        '--unit',
        'tp',
        '--display-name',
        'Ban Tổ chức Thành ủy',
        '--password-stdin',
      ],
      { databaseUrl: db.url, input: 'matkhau2026\n' },
    );
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('Đã tạo tài khoản "ban.tochuc"');

    const token = await runCli(['token', 'create', '--username', 'ban.tochuc', '--name', 'Báo cáo tuần'], { databaseUrl: db.url });
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^tusoi_[A-Za-z0-9_-]+\n$/);

    const app = createHttpApp(contextFor(db.handle), { webRoot: null });
    const me = await app.request('/api/me', { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body).toMatchObject({ username: 'ban.tochuc', displayName: 'Ban Tổ chức Thành ủy', mustChangePassword: false });
    expect(body.grants).toEqual([expect.objectContaining({ role: 'organizer', unitName: 'Đảng bộ thành phố Hà Tĩnh' })]);

    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ban.tochuc', password: 'matkhau2026' }),
    });
    expect(login.status).toBe(200);

    const events = await db.handle.db.selectFrom('audit_events').select(['action', 'actor_id']).where('action', 'like', 'cli.%').execute();
    expect(events.map((e) => e.action).sort()).toEqual(['cli.grant_role', 'cli.token_create', 'cli.user_create']);
    expect(events.every((e) => e.actor_id === null)).toBe(true);

    const weak = await runCli(['user', 'create', '--username', 'yeu.qua', '--role', 'office', '--unit', 'TP', '--password-stdin'], {
      databaseUrl: db.url,
      input: 'abc\n',
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('ít nhất 8 ký tự');
  });

  it('audit verify passes, then names the broken link after one audit row is altered', async () => {
    const ok = await runCli(['audit', 'verify'], { databaseUrl: db.url });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Chuỗi nhật ký toàn vẹn.');
    const total = await db.handle.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(ok.stdout).toContain(`Đã kiểm tra ${Number(total.n).toLocaleString('vi-VN')} sự kiện`);

    const account = await db.handle.db.selectFrom('accounts').select('id').where('username', '=', 'ban.tochuc').executeTakeFirstOrThrow();
    const target = await db.handle.db
      .selectFrom('audit_events')
      .select(['id', 'seq'])
      .where('entity_type', '=', 'account')
      .where('entity_id', '=', account.id)
      .where('action', '=', 'cli.grant_role')
      .executeTakeFirstOrThrow();
    await db.handle.db.updateTable('audit_events').set({ after_json: '{"role":"admin"}' }).where('id', '=', target.id).execute();

    const broken = await runCli(['audit', 'verify'], { databaseUrl: db.url });
    expect(broken.code).toBe(1);
    expect(broken.stdout).not.toContain('toàn vẹn.');
    expect(broken.stderr).toContain(`đối tượng account ${account.id}, sự kiện số ${target.seq} (mã ${target.id})`);
    expect(broken.stderr).toContain('không khớp mã băm');
  });
});

describe('tusoi backup and restore (SQLite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-cli-backup-'));
  const dbFile = path.join(dir, 'data', 'tusoi.sqlite');
  const url = `file:${dbFile}`;
  const backupFile = path.join(dir, 'sao-luu', 'tusoi-1.sqlite');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function usernames(file: string): Promise<string[]> {
    const db = await emptyDatabaseAt(file);
    try {
      return (await db.handle.db.selectFrom('accounts').select('username').orderBy('username').execute()).map((r) => r.username);
    } finally {
      await db.handle.close();
    }
  }

  it('backs up online with verification, and restores, keeping the replaced database', async () => {
    expect((await runCli(['init', '--committee', 'Đảng bộ phường Bắc Hà', '--code', 'BH'], { databaseUrl: url })).code).toBe(0);
    const backup = await runCli(['backup', backupFile], { databaseUrl: url });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('Đã sao lưu và kiểm tra (verified)');
    expect(fs.existsSync(backupFile)).toBe(true);
    const refuse = await runCli(['backup', backupFile], { databaseUrl: url });
    expect(refuse.code).toBe(1);
    expect(refuse.stderr).toContain('--force');

    // A change after the backup, which the restore takes away.
    const later = await runCli(['user', 'create', '--username', 'sau.sao.luu', '--role', 'office', '--unit', 'BH', '--password-stdin'], {
      databaseUrl: url,
      input: 'matkhau2026\n',
    });
    expect(later.code).toBe(0);
    expect(await usernames(dbFile)).toEqual(['admin', 'sau.sao.luu']);

    const restore = await runCli(['restore', backupFile], { databaseUrl: url });
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Đã khôi phục');
    expect(await usernames(dbFile)).toEqual(['admin']);
    const kept = fs.readdirSync(path.dirname(dbFile)).filter((f) => f.startsWith('tusoi.sqlite.bak-'));
    expect(kept).toHaveLength(1);
    expect(await usernames(path.join(path.dirname(dbFile), kept[0]))).toEqual(['admin', 'sau.sao.luu']);
    const verify = await runCli(['audit', 'verify'], { databaseUrl: url });
    expect(verify.code).toBe(0);
  });

  it('refuses a file that is not a Tự soi database and leaves the database as it was', async () => {
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'không phải cơ sở dữ liệu');
    const r = await runCli(['restore', junk], { databaseUrl: url });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Lỗi: /m);
    expect(await usernames(dbFile)).toEqual(['admin']);
    expect(fs.readdirSync(path.dirname(dbFile)).filter((f) => f.includes('.restore-'))).toEqual([]);
  });
});

async function emptyDatabaseAt(file: string) {
  const { openDatabase } = await import('../../src/server/adapters/db/dialect.js');
  return { handle: await openDatabase({ dialect: 'sqlite', file }) };
}
