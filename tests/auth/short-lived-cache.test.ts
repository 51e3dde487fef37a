import { describe, expect, it } from 'vitest';
import { ShortLivedCache, type CachedCaller } from '../../src/server/adapters/short-lived-cache.js';

const entry = (accountId: string) => ({
  caller: {
    principal: { accountId, memberId: null, memberUnitPath: null, grants: [] },
    username: accountId,
    mustChangePassword: false,
    disabled: false,
  },
  sessionId: null,
  csrfToken: null,
});

describe('ShortLivedCache', () => {
  it('answers for one second, then forgets', () => {
    const cache = new ShortLivedCache<CachedCaller>(1000);
    cache.set('k', entry('a'), 10_000);
    expect(cache.get('k', 10_999)?.caller.username).toBe('a');
    expect(cache.get('k', 11_000)).toBeNull();
  });

  it('never outlives the session it stands for', () => {
    const cache = new ShortLivedCache<CachedCaller>(1000);
    cache.set('k', entry('a'), 10_000, 10_200);
    expect(cache.get('k', 10_100)).not.toBeNull();
    expect(cache.get('k', 10_200)).toBeNull();
  });

  it('forgets everything on clear and the oldest entry when full', () => {
    const cache = new ShortLivedCache<CachedCaller>(1000, 2);
    cache.set('a', entry('a'), 0);
    cache.set('b', entry('b'), 0);
    cache.set('c', entry('c'), 0);
    expect(cache.get('a', 1)).toBeNull();
    expect(cache.get('c', 1)).not.toBeNull();
    cache.clear();
    expect(cache.get('c', 1)).toBeNull();
  });

  it('loads once for callers asking at the same time, and keeps no load begun before a clear', async () => {
    const cache = new ShortLivedCache<number>(1000);
    const pending: ((n: number) => void)[] = [];
    const load = () => new Promise<number>((resolve) => pending.push(resolve));
    const first = cache.getOrLoad('k', 0, load);
    const second = cache.getOrLoad('k', 0, load);
    expect(pending).toHaveLength(1);
    pending[0](7);
    expect([await first, await second]).toEqual([7, 7]);
    expect(cache.get('k', 1)).toBe(7);

    // A write empties the cache while a load reads what the write is changing: that answer goes to
    // the caller already waiting, and is neither kept nor handed to a caller after the write.
    cache.clear();
    const before = cache.getOrLoad('k', 2, load);
    cache.clear();
    const after = cache.getOrLoad('k', 2, load);
    expect(pending).toHaveLength(3);
    pending[1](8);
    expect(await before).toBe(8);
    expect(cache.get('k', 3)).toBeNull();
    pending[2](9);
    expect(await after).toBe(9);
    expect(cache.get('k', 3)).toBe(9);
  });

  it('lets a caller inside a transaction load alone, never waiting for a load under way', async () => {
    const cache = new ShortLivedCache<number>(1000);
    const shared = cache.getOrLoad('k', 0, () => new Promise<number>(() => undefined));
    expect(await cache.getOrLoad('k', 0, () => Promise.resolve(5), true)).toBe(5);
    expect(cache.get('k', 1)).toBe(5);
    void shared;
  });

  it('forgets a failed load, so the next caller tries again', async () => {
    const cache = new ShortLivedCache<number>(1000);
    await expect(cache.getOrLoad('k', 0, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.getOrLoad('k', 0, () => Promise.resolve(3))).toBe(3);
  });

  it('keeps the part of a result it is told to, unless a clear came while it loaded', async () => {
    const cache = new ShortLivedCache<number>(5000);
    const page = await cache.loadAndKeep(
      'roster',
      0,
      async () => ({ rows: ['a', 'b'], total: 42 }),
      (r) => r.total,
    );
    expect(page.rows).toEqual(['a', 'b']);
    expect(cache.get('roster', 4999)).toBe(42);
    expect(cache.get('roster', 5000)).toBeNull();
    let finish!: (r: { total: number }) => void;
    const loading = cache.loadAndKeep(
      'late',
      0,
      () => new Promise<{ total: number }>((resolve) => (finish = resolve)),
      (r) => r.total,
    );
    cache.clear();
    finish({ total: 7 });
    expect((await loading).total).toBe(7);
    expect(cache.get('late', 1)).toBeNull();
  });
});
