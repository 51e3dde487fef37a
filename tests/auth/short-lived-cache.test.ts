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
});
