// The domain is pure (design §4): it imports nothing outside domain/ and shared/, no I/O.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOMAIN = path.join(ROOT, 'src/server/domain');
const SHARED = path.join(ROOT, 'src/shared');

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('architecture', () => {
  it('domain/ imports only domain/, shared/ and zod-free pure modules', () => {
    const offenders: string[] = [];
    for (const file of files(DOMAIN)) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) {
          offenders.push(`${path.relative(ROOT, file)} → ${spec}`);
          continue;
        }
        const target = path.resolve(path.dirname(file), spec);
        if (!target.startsWith(DOMAIN) && !target.startsWith(SHARED)) offenders.push(`${path.relative(ROOT, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('shared/ does no I/O (it is loaded by the browser too)', () => {
    const offenders = files(SHARED).flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('node:') || ['fs', 'kysely', 'pg', 'better-sqlite3', 'hono'].includes(s))
        .map((s) => `${f} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only the dialect file names the databases', () => {
    const src = files(path.join(ROOT, 'src'));
    const offenders = src.filter((f) => {
      if (f.endsWith(path.join('adapters', 'db', 'dialect.ts'))) return false;
      // Decision 0010: backup and restore use each engine's own tools, and are the one other place.
      if (f.includes(path.join('server', 'adapters', 'backup') + path.sep)) return false;
      if (f.endsWith(path.join('cli', 'commands', 'backup.ts')) || f.endsWith(path.join('cli', 'commands', 'restore.ts'))) return false;
      const text = fs.readFileSync(f, 'utf8');
      return /dialect\s*===?\s*['"](sqlite|postgres)['"]|from ['"](better-sqlite3|pg)['"]/.test(text);
    });
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
