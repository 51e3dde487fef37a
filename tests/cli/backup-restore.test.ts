// `tusoi backup` and `tusoi restore` on both databases (issue 6 item 4): a round trip gives back
// exactly the database as it was at backup time (every row of every table, the audit chains, the
// migration level); an existing backup is never overwritten without --force, and a half-written one
// never takes the final name; a missing or damaged backup is refused and the database is left as it
// was — on PostgreSQL also when the damage shows only part way through the restore. PostgreSQL needs
// pg_dump, pg_restore and psql: outside CI their absence skips those tests, in CI it fails them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertToolCanDump, findPgTool, majorOf, parseArchiveList, parseToolVersion } from '../../src/server/adapters/backup/pg-tools.js';
import { verifyAllChains, recordAudit } from '../../src/server/adapters/db/audit.repository.js';
import { databaseConfigFrom, openDatabase, type DbHandle, type DialectName } from '../../src/server/adapters/db/dialect.js';
import { migrationLevel, migrationsFor } from '../../src/server/adapters/db/migrate.js';
import { main } from '../../src/cli/tusoi.js';
import { IN_CI, migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeMember, makeSmallCommittee } from '../support/factories.js';
import { runCli, type CliResult } from './run-cli.js';

const PG_TOOLS = (['pg_dump', 'pg_restore', 'psql'] as const).map((t) => findPgTool(t));
const PG_TOOLS_PRESENT = PG_TOOLS.every((t) => t !== null);
const REAL_PG_BIN = PG_TOOLS_PRESENT ? path.dirname(PG_TOOLS[0]!) : '';

/**
 * The command run inside this process (the same main() that bin/tusoi.js calls), which is several
 * times quicker than a child process on a two-core machine; the round trip itself runs as a child.
 */
async function tusoi(args: string[], options: { databaseUrl: string; env?: Record<string, string> }): Promise<CliResult> {
  const vars = { DATABASE_URL: options.databaseUrl, ...options.env };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  let stdout = '';
  let stderr = '';
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function withHandle<T>(url: string, fn: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(databaseConfigFrom({ DATABASE_URL: url }));
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

/** Every row of every table (Kysely's own included), in a stable order: "exactly as it was". */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  return withHandle(url, async (handle) => {
    const tables = (await handle.db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name).sort();
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      const rows = await handle.db
        .selectFrom(table as 'jobs')
        .selectAll()
        .execute();
      out[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  });
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.partial') || f.includes('.restore-'));
}

/** A folder of PostgreSQL tools where some are replaced by a script (TUSOI_PG_BIN points at it). */
function fakePgBin(scripts: Partial<Record<'pg_dump' | 'pg_restore' | 'psql', string>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-pgbin-'));
  for (const tool of ['pg_dump', 'pg_restore', 'psql'] as const) {
    const file = path.join(dir, tool);
    const script = scripts[tool];
    if (script) fs.writeFileSync(file, `#!/bin/sh\nREAL="${path.join(REAL_PG_BIN, tool)}"\n${script}\n`, { mode: 0o755 });
    else fs.symlinkSync(path.join(REAL_PG_BIN, tool), file);
  }
  return dir;
}

describeEachDialect('tusoi backup and restore, round trip', (dialect: DialectName) => {
  const needsTools = dialect === 'postgres' && !PG_TOOLS_PRESENT;
  if (needsTools && !IN_CI) {
    it.skip('pg_dump, pg_restore and psql are not installed (skipped outside CI)', () => undefined);
    return;
  }
  if (needsTools) {
    it('needs pg_dump, pg_restore and psql (apt-get install postgresql-client)', () => {
      throw new Error('pg_dump, pg_restore or psql missing, and CI=true turns that into a failure.');
    });
    return;
  }

  const ext = dialect === 'postgres' ? 'dump' : 'sqlite';
  let dir = '';
  let backupFile = '';
  let db: TestDatabase;
  let LATEST = '';
  let atBackup: Record<string, string[]>;
  let auditEventsAtBackup = 0;
  let changed: Record<string, string[]>;
  let members: Awaited<ReturnType<typeof makeSmallCommittee>>['members'];
  let cellB: Awaited<ReturnType<typeof makeSmallCommittee>>['cellB'];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `tusoi-backup-${dialect}-`));
    backupFile = path.join(dir, 'sao-luu', `tusoi-1.${ext}`);
    db = await migratedDatabase(dialect);
    LATEST = Object.keys(migrationsFor(db.handle)).sort().pop()!;
    const tree = await makeSmallCommittee(db.handle.db);
    members = tree.members;
    cellB = tree.cellB;
    // Audit chains of several links: every unit and member created, two members edited.
    const at = '2026-01-15T08:00:00.000Z';
    const actor = tree.accounts.admin.id;
    for (const u of [tree.committee, tree.ward, tree.cellA, cellB, tree.school]) {
      await recordAudit(db.handle.db, {
        entityType: 'org_unit',
        entityId: u.id,
        action: 'org_unit.create',
        actorId: actor,
        scopePath: u.path,
        after: { name: u.name },
        at,
        isNew: true,
      });
    }
    for (const m of Object.values(members)) {
      await recordAudit(db.handle.db, {
        entityType: 'member',
        entityId: m.id,
        action: 'member.create',
        actorId: actor,
        scopePath: tree.cellA.path,
        after: { fullName: m.fullName },
        at,
        isNew: true,
      });
    }
    for (const m of [members.thuy, members.dang]) {
      await recordAudit(db.handle.db, {
        entityType: 'member',
        entityId: m.id,
        action: 'member.update',
        actorId: actor,
        scopePath: tree.cellA.path,
        before: { partyPosts: null },
        after: { partyPosts: 'Chi ủy viên' },
        at,
      });
    }
    // The round trip opens its own connections; none of the test's may stay open during a restore.
    await db.handle.close();
    atBackup = await snapshot(db.url);
    auditEventsAtBackup = atBackup.audit_events.length;
  });
  afterAll(async () => {
    await db?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up with verification, as the operator runs it', async () => {
    const r = await runCli(['backup', backupFile], { databaseUrl: db.url });
    expect(r.stderr).not.toMatch(/^Lỗi/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã sao lưu và kiểm tra (verified): ${backupFile}`);
    expect(r.stdout).toContain(`mức cấu trúc: ${LATEST}`);
    expect(fs.statSync(backupFile).size).toBeGreaterThan(0);
    expect(leftovers(path.dirname(backupFile))).toEqual([]);
    // The backup reads nothing it should not change.
    expect(await snapshot(db.url)).toEqual(atBackup);
  });

  it('refuses to write over an existing backup without --force, and replaces it with --force', async () => {
    const before = sha(backupFile);
    const refused = await tusoi(['backup', backupFile], { databaseUrl: db.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Lỗi: Tệp ${backupFile} đã tồn tại; dùng --force để ghi đè.`);
    expect(sha(backupFile)).toBe(before);

    const forced = await tusoi(['backup', '--force', backupFile], { databaseUrl: db.url });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Đã sao lưu và kiểm tra (verified)');
    expect(leftovers(path.dirname(backupFile))).toEqual([]);
  });

  it('after the data changed, restores exactly the database of backup time, chains intact, at the right level', async () => {
    // Changes after the backup: a member deleted, another added, one more audit link.
    await withHandle(db.url, async (h) => {
      const gone = members.lan.id;
      await h.db.deleteFrom('member_name_words').where('member_id', '=', gone).execute();
      await h.db.deleteFrom('member_status_history').where('member_id', '=', gone).execute();
      await h.db.deleteFrom('member_unit_history').where('member_id', '=', gone).execute();
      await h.db.deleteFrom('members').where('id', '=', gone).execute();
      await recordAudit(h.db, {
        entityType: 'member',
        entityId: gone,
        action: 'member.delete',
        actorId: null,
        scopePath: cellB.path,
        at: '2026-02-01T08:00:00.000Z',
      });
      const added = await makeMember(h.db, cellB, 'Hoàng Văn Mới', { gender: 'male' });
      await recordAudit(h.db, {
        entityType: 'member',
        entityId: added.id,
        action: 'member.create',
        actorId: null,
        scopePath: cellB.path,
        at: '2026-02-01T08:00:00.000Z',
        isNew: true,
      });
    });
    changed = await snapshot(db.url);
    expect(changed.members).not.toEqual(atBackup.members);
    expect(changed.audit_events).toHaveLength(auditEventsAtBackup + 2);

    const args = dialect === 'postgres' ? ['restore', '--yes', backupFile] : ['restore', backupFile];
    const r = await runCli(args, { databaseUrl: db.url });
    expect(r.stderr).not.toMatch(/^Lỗi/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`(mức cấu trúc ${LATEST})`);
    expect(r.stdout).toContain(`Nhật ký thay đổi: đã kiểm tra ${auditEventsAtBackup} sự kiện, các chuỗi toàn vẹn.`);

    expect(await snapshot(db.url)).toEqual(atBackup);
    await withHandle(db.url, async (h) => {
      expect(await migrationLevel(h)).toBe(LATEST);
      expect(await verifyAllChains(h.db)).toEqual({ checked: auditEventsAtBackup, problem: null });
    });

    // What the restore replaced is kept: SQLite beside the database, PostgreSQL as a dump beside the backup.
    if (dialect === 'postgres') {
      const kept = fs.readdirSync(path.dirname(backupFile)).filter((f) => f.startsWith('tusoi-truoc-khoi-phuc-'));
      expect(kept).toHaveLength(1);
      expect(r.stdout).toContain(`Dữ liệu trước khi khôi phục được giữ ở ${path.join(path.dirname(backupFile), kept[0])}`);
    } else {
      const file = new URL(db.url).pathname;
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('test.sqlite.bak-'))).toHaveLength(1);
    }
  });

  it('refuses a missing file, a file that is no backup, and a cut-short backup, leaving the database as it was', async () => {
    const yes = dialect === 'postgres' ? ['--yes'] : [];
    const missing = path.join(dir, 'khong-co.' + ext);
    const r1 = await tusoi(['restore', ...yes, missing], { databaseUrl: db.url });
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain(`Không tìm thấy tệp ${missing}`);

    const junk = path.join(dir, 'rac.' + ext);
    fs.writeFileSync(junk, 'đây không phải bản sao lưu');
    const r2 = await tusoi(['restore', ...yes, junk], { databaseUrl: db.url });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(dialect === 'postgres' ? /không phải bản sao lưu PostgreSQL hợp lệ/ : /không phải cơ sở dữ liệu SQLite/);

    const cut = path.join(dir, 'cut.' + ext);
    const whole = fs.readFileSync(backupFile);
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const r3 = await tusoi(['restore', ...yes, cut], { databaseUrl: db.url });
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(/^Lỗi: /m);

    expect(await snapshot(db.url)).toEqual(atBackup);
    if (dialect === 'sqlite') expect(leftovers(path.dirname(new URL(db.url).pathname))).toEqual([]);
  });

  if (dialect !== 'postgres') return;

  it('asks for --yes, and refuses while other sessions are connected unless --force', async () => {
    const noYes = await tusoi(['restore', backupFile], { databaseUrl: db.url });
    expect(noYes.code).toBe(1);
    expect(noYes.stderr).toContain('Chạy lại với --yes để xác nhận.');

    // A running server keeps connections open.
    const server = await openDatabase(databaseConfigFrom({ DATABASE_URL: db.url }));
    try {
      await server.db.selectFrom('org_units').select('id').execute();
      const busy = await tusoi(['restore', '--yes', backupFile], { databaseUrl: db.url });
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/Đang có \d+ kết nối khác tới cơ sở dữ liệu/);
    } finally {
      await server.close();
    }
    expect(await snapshot(db.url)).toEqual(atBackup);
  });

  it('rolls the whole restore back when the archive fails part way through', async () => {
    // Change the data again, then restore from an archive whose reading stops part way, at a clean
    // statement boundary (the tables were dropped and recreated, four of them filled): only the
    // missing COMMIT keeps that half-restored state out of the database.
    await withHandle(db.url, async (h) => {
      await makeMember(h.db, cellB, 'Võ Thị Sau');
    });
    const beforeAttempt = await snapshot(db.url);
    const bin = fakePgBin({
      pg_restore: `case "$*" in
  *--use-list=*) "$REAL" "$@" | awk '/^COPY /{n++} n==5{exit} {print}'; echo "pg_restore: error: could not read from input file: end of file" >&2; exit 1 ;;
  *) exec "$REAL" "$@" ;;
esac`,
    });
    try {
      const r = await tusoi(['restore', '--yes', backupFile], { databaseUrl: db.url, env: { TUSOI_PG_BIN: bin } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('pg_restore dừng giữa chừng, nên không có thay đổi nào được ghi vào cơ sở dữ liệu (đã hủy giao dịch)');
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
    expect(await snapshot(db.url)).toEqual(beforeAttempt);
  });

  it('never gives a half-written or unverified dump the final name', async () => {
    const before = sha(backupFile);
    // pg_dump "succeeds" but leaves half a file: the check with pg_restore must catch it.
    const bin = fakePgBin({
      pg_dump: `[ "$1" = "--version" ] && exec "$REAL" "$@"
"$REAL" "$@" || exit $?
for a in "$@"; do case "$a" in --file=*) f="\${a#--file=}";; esac; done
size=$(wc -c < "$f"); head -c $((size / 2)) "$f" > "$f.cut" && mv "$f.cut" "$f"`,
    });
    try {
      const r = await tusoi(['backup', '--force', backupFile], { databaseUrl: db.url, env: { TUSOI_PG_BIN: bin } });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/không phải bản sao lưu PostgreSQL hợp lệ .* hoặc đã hỏng/);
      const fresh = path.join(dir, 'moi', 'tusoi-2.dump');
      const r2 = await tusoi(['backup', fresh], { databaseUrl: db.url, env: { TUSOI_PG_BIN: bin } });
      expect(r2.code).toBe(1);
      expect(fs.existsSync(fresh)).toBe(false);
      expect(leftovers(path.dirname(fresh))).toEqual([]);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
    expect(sha(backupFile)).toBe(before);
    expect(leftovers(path.dirname(backupFile))).toEqual([]);
  });

  it('says in Vietnamese when pg_dump is missing, or older than the server', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-nopg-'));
    const old = fakePgBin({ pg_dump: '[ "$1" = "--version" ] && { echo "pg_dump (PostgreSQL) 13.4"; exit 0; }\nexec "$REAL" "$@"' });
    const target = path.join(dir, 'khong-tao.dump');
    try {
      const missing = await tusoi(['backup', target], { databaseUrl: db.url, env: { TUSOI_PG_BIN: empty } });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(`Lỗi: Không tìm thấy chương trình pg_dump trong thư mục TUSOI_PG_BIN (${empty})`);

      const mismatch = await tusoi(['backup', target], { databaseUrl: db.url, env: { TUSOI_PG_BIN: old } });
      expect(mismatch.code).toBe(1);
      expect(mismatch.stderr).toMatch(/pg_dump phiên bản 13 cũ hơn máy chủ PostgreSQL phiên bản \d+/);
      expect(fs.existsSync(target)).toBe(false);

      const noRestoreTool = await tusoi(['restore', '--yes', backupFile], { databaseUrl: db.url, env: { TUSOI_PG_BIN: empty } });
      expect(noRestoreTool.code).toBe(1);
      expect(noRestoreTool.stderr).toContain('Không tìm thấy chương trình pg_restore');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
      fs.rmSync(old, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL tool versions and archive lists', () => {
  it('reads versions old and new, and refuses a pg_dump older than the server only', () => {
    expect(parseToolVersion('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)')).toBe(150020);
    expect(parseToolVersion('pg_dump (PostgreSQL) 9.6.24')).toBe(90624);
    expect(parseToolVersion('không phải phiên bản')).toBeNull();
    expect(majorOf(150020)).toBe(15);
    expect(majorOf(90624)).toBe(9.6);
    const tool = (text: string) => ({ num: parseToolVersion(text)!, text });
    expect(() => assertToolCanDump(tool('pg_dump (PostgreSQL) 15.2'), 160004)).toThrow(
      /pg_dump phiên bản 15 cũ hơn máy chủ PostgreSQL phiên bản 16/,
    );
    expect(() => assertToolCanDump(tool('pg_dump (PostgreSQL) 16.1'), 150020)).not.toThrow();
    expect(() => assertToolCanDump(tool('pg_dump (PostgreSQL) 15.1'), 150020)).not.toThrow();
  });

  it('parses the entries of pg_restore --list, multi-word types included', () => {
    const entries = parseArchiveList(
      [
        ';     dbname: tusoi',
        '2; 3079 72325 EXTENSION - pg_trgm ',
        '3924; 0 0 COMMENT - EXTENSION pg_trgm ',
        '221; 1259 72438 TABLE public accounts postgres',
        '3890; 0 72438 TABLE DATA public accounts postgres',
        '3700; 2606 72980 FK CONSTRAINT public role_grants role_grants_account_id_fkey postgres',
      ].join('\n'),
    );
    expect(entries.map((e) => [e.type, e.schema, e.name])).toEqual([
      ['EXTENSION', '-', 'pg_trgm'],
      ['COMMENT', '-', 'EXTENSION'],
      ['TABLE', 'public', 'accounts'],
      ['TABLE DATA', 'public', 'accounts'],
      ['FK CONSTRAINT', 'public', 'role_grants'],
    ]);
  });
});
