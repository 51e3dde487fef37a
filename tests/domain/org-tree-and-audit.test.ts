import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canBeChildOf, childPath, depthOf, holdsMembers } from '../../src/server/domain/org-tree.js';
import { eventHash, verifyChain, type ChainedEvent } from '../../src/server/domain/audit-chain.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('org tree', () => {
  it('allows the kinds of the party statute under each other', () => {
    expect(canBeChildOf('committee', null)).toBe(true);
    expect(canBeChildOf('grassroots_party', 'committee')).toBe(true);
    expect(canBeChildOf('cell', 'grassroots_party')).toBe(true);
    expect(canBeChildOf('cell', 'sub_party')).toBe(true);
    expect(canBeChildOf('cell', 'committee')).toBe(false);
    expect(canBeChildOf('grassroots_cell', 'grassroots_party')).toBe(false);
    expect(canBeChildOf('cell', 'grassroots_cell')).toBe(false);
  });
  it('keeps members only in chi bộ', () => {
    expect(holdsMembers('cell')).toBe(true);
    expect(holdsMembers('grassroots_cell')).toBe(true);
    expect(holdsMembers('grassroots_party')).toBe(false);
  });
  it('builds materialized paths', () => {
    const p = childPath(childPath(null, 'a'), 'b');
    expect(p).toBe('/a/b/');
    expect(depthOf(p)).toBe(1);
  });
});

describe('audit chain', () => {
  function chain(n: number) {
    const events: (ChainedEvent & { hash: string })[] = [];
    let prev: string | null = null;
    for (let i = 1; i <= n; i++) {
      const e: ChainedEvent = {
        id: `e${i}`,
        entityType: 'member',
        entityId: 'm1',
        seq: i,
        action: 'member.update',
        actorId: 'a',
        scopePath: '/x/',
        beforeJson: null,
        afterJson: `{"v":${i}}`,
        at: `2026-01-0${i}T00:00:00Z`,
        prevHash: prev,
      };
      const hash = eventHash(e, sha);
      events.push({ ...e, hash });
      prev = hash;
    }
    return events;
  }
  it('accepts an intact chain', () => {
    expect(verifyChain(chain(4), sha)).toBeNull();
  });
  it('finds a changed event', () => {
    const events = chain(4);
    events[2] = { ...events[2], afterJson: '{"v":999}' };
    expect(verifyChain(events, sha)).toMatchObject({ seq: 3, problem: 'hash_mismatch' });
  });
  it('finds a removed event', () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(verifyChain(events, sha)).toMatchObject({ seq: 3, problem: 'gap' });
  });
});
