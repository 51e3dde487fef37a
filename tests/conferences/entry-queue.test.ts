// The offline queue of the conference-mode screen (issue 4 item 1: "keeps what was typed and sends
// it when the network returns — nothing lost, nothing sent twice"), without a browser: every entry
// is in storage before it is sent; a failed send keeps it; the next flush sends it again under the
// same client key; text typed while a send is on its way goes next against the stored version; a
// refusal is kept and marked; a new page finds what an earlier one left.
import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../src/shared/contracts/conferences.js';
import {
  EntryQueue,
  mergeEntries,
  newClientKey,
  queueStorageKey,
  type EntryDraft,
  type QueueStorage,
  type SendOutcome,
} from '../../src/web/features/conferences/entry-queue.js';

class MemoryStorage implements QueueStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const draft = (n: number, text = `Ý kiến ${n}`): EntryDraft => ({
  clientKey: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  kind: 'note',
  subjectKind: null,
  subjectKey: null,
  speaker: null,
  text,
  reply: null,
  suggestionItemId: null,
  deleted: false,
});

const stored = (d: EntryDraft, version = 1): EntryView => ({
  id: `id-${d.clientKey.slice(-4)}`,
  clientKey: d.clientKey,
  kind: d.kind,
  subjectKind: null,
  subjectKey: null,
  speaker: null,
  text: d.text,
  reply: null,
  suggestionItemId: null,
  version,
  deleted: d.deleted ?? false,
  createdAt: '2024-12-15T01:00:00.000Z',
  updatedAt: '2024-12-15T01:00:00.000Z',
  createdByName: 'bithu.c1',
});

/** A fake server: stores by client key like the real one, and can be cut off. */
function fakeServer() {
  const rows = new Map<string, EntryView>();
  const sends: { clientKey: string; version: number | null; text: string }[] = [];
  let up = true;
  const send = async (d: EntryDraft, version: number | null): Promise<SendOutcome> => {
    sends.push({ clientKey: d.clientKey, version, text: d.text });
    if (!up) return { kind: 'unreachable' };
    const old = rows.get(d.clientKey);
    if (d.deleted && !old) return { kind: 'refused', code: 'conference.entry_not_found', message: 'Không tìm thấy' };
    if (old && version !== null && version !== old.version)
      return { kind: 'refused', code: 'conflict.version', message: 'Dữ liệu đã được người khác thay đổi.' };
    const entry = stored(d, old ? (old.text === d.text && old.deleted === (d.deleted ?? false) ? old.version : old.version + 1) : 1);
    rows.set(d.clientKey, entry);
    return { kind: 'sent', entry };
  };
  return {
    rows,
    sends,
    send,
    cut: () => {
      up = false;
    },
    restore: () => {
      up = true;
    },
  };
}

describe('EntryQueue', () => {
  it('writes each entry to storage before sending it, and empties once the server has it', async () => {
    const storage = new MemoryStorage();
    const server = fakeServer();
    const seenInStorage: string[] = [];
    const sent: EntryView[] = [];
    const queue = new EntryQueue({
      conferenceId: 'c1',
      storage,
      send: (d, v) => {
        seenInStorage.push(storage.getItem(queueStorageKey('c1')) ?? '');
        return server.send(d, v);
      },
      onSent: (e) => sent.push(e),
    });
    queue.put(draft(1), null);
    await queue.flush();
    expect(seenInStorage[0]).toContain(draft(1).clientKey);
    expect(server.rows.size).toBe(1);
    expect(sent.map((e) => e.clientKey)).toEqual([draft(1).clientKey]);
    expect(queue.items).toEqual([]);
    expect(storage.getItem(queueStorageKey('c1'))).toBeNull();
  });

  it('keeps what is typed offline, survives a new page, and sends each entry once when the network returns', async () => {
    const storage = new MemoryStorage();
    const server = fakeServer();
    let online = false;
    const queue = new EntryQueue({ conferenceId: 'c1', storage, send: server.send, isOnline: () => online });
    queue.put(draft(2), null);
    queue.put(draft(3), null);
    await queue.flush();
    expect(server.sends).toEqual([]);
    expect(queue.isReachable).toBe(false);
    expect(queue.items.map((q) => [q.draft.clientKey, q.state])).toEqual([
      [draft(2).clientKey, 'pending'],
      [draft(3).clientKey, 'pending'],
    ]);
    // The page is reloaded: the new page's queue finds both.
    const reloaded = new EntryQueue({ conferenceId: 'c1', storage, send: server.send, isOnline: () => online });
    expect(reloaded.items.map((q) => q.draft.text)).toEqual(['Ý kiến 2', 'Ý kiến 3']);
    online = true;
    await reloaded.flush();
    expect(server.sends.map((s) => s.text)).toEqual(['Ý kiến 2', 'Ý kiến 3']);
    expect(reloaded.items).toEqual([]);
    expect(reloaded.isReachable).toBe(true);
  });

  it('sends again under the same client key after a failed send (the server stores it once)', async () => {
    const server = fakeServer();
    const queue = new EntryQueue({ conferenceId: 'c1', storage: new MemoryStorage(), send: server.send });
    server.cut();
    queue.put(draft(4), null);
    await queue.flush();
    expect(queue.pendingCount).toBe(1);
    server.restore();
    await queue.flush();
    expect(server.sends.map((s) => s.clientKey)).toEqual([draft(4).clientKey, draft(4).clientKey]);
    expect(server.rows.size).toBe(1);
    expect(queue.items).toEqual([]);
  });

  it('sends text typed while a send was on its way next, against the version just stored', async () => {
    const server = fakeServer();
    let first = true;
    const queue: EntryQueue = new EntryQueue({
      conferenceId: 'c1',
      storage: new MemoryStorage(),
      send: async (d, v) => {
        if (first) {
          first = false;
          queue.put(draft(5, 'Ý kiến 5, đã sửa'), null);
        }
        return server.send(d, v);
      },
    });
    queue.put(draft(5), null);
    await queue.flush();
    await queue.flush();
    expect(server.sends).toEqual([
      { clientKey: draft(5).clientKey, version: null, text: 'Ý kiến 5' },
      { clientKey: draft(5).clientKey, version: 1, text: 'Ý kiến 5, đã sửa' },
    ]);
    expect(server.rows.get(draft(5).clientKey)?.text).toBe('Ý kiến 5, đã sửa');
    expect(queue.items).toEqual([]);
  });

  it('keeps a refused change, marked, until it is discarded', async () => {
    const server = fakeServer();
    const queue = new EntryQueue({ conferenceId: 'c1', storage: new MemoryStorage(), send: server.send });
    queue.put(draft(6), null);
    await queue.flush();
    queue.put(draft(6, 'Sửa trên bản cũ'), 7);
    await queue.flush();
    expect(queue.items.map((q) => [q.state, q.error])).toEqual([['rejected', 'Dữ liệu đã được người khác thay đổi.']]);
    queue.discard(draft(6).clientKey);
    expect(queue.items).toEqual([]);
    // Withdrawing an entry the server never stored is done at once.
    queue.put({ ...draft(7), deleted: true }, null);
    await queue.flush();
    expect(queue.items).toEqual([]);
  });
});

describe('mergeEntries: the minutes as shown', () => {
  it('lays queued changes over the stored entries and marks their state', () => {
    const server = [stored(draft(1)), stored(draft(2)), stored(draft(3))];
    const queue = [
      { draft: draft(2, 'Sửa offline'), version: 1, queuedAt: 't', state: 'pending' as const },
      { draft: { ...draft(3), deleted: true }, version: 1, queuedAt: 't', state: 'pending' as const },
      { draft: draft(8), version: null, queuedAt: 't', state: 'pending' as const },
      { draft: draft(9), version: null, queuedAt: 't', state: 'rejected' as const, error: 'Hội nghị đã kết thúc' },
    ];
    const shown = mergeEntries(server, queue, draft(8).clientKey);
    expect(shown.map((s) => [s.entry.text, s.state])).toEqual([
      ['Ý kiến 1', 'sent'],
      ['Sửa offline', 'pending'],
      ['Ý kiến 8', 'sending'],
      ['Ý kiến 9', 'rejected'],
    ]);
    expect(shown[3].error).toBe('Hội nghị đã kết thúc');
  });

  it('makes UUID v4 client keys, also where crypto.randomUUID is missing (http outside localhost)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientKey()).toMatch(uuid);
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 50 }, () => newClientKey()));
      expect(keys.size).toBe(50);
      for (const k of keys) expect(k).toMatch(uuid);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
