// The minutes typed in the meeting room are never lost (issue 4 item 1: "if the network drops it
// keeps what was typed and sends it when the network returns — nothing lost, nothing sent twice").
// Every entry is written first to a queue in the browser's storage (localStorage, one key per
// conference) with the client key made for it, then sent. A failed send keeps it queued ("chưa
// gửi") and it is sent again when the network returns (the `online` event, and a periodic retry);
// the server stores an entry once per client key, so sending twice is harmless. A change the server
// refuses (someone else edited the entry, the meeting closed) stays in the queue, marked, until the
// secretary discards it. No React here, so the rules are tested on their own.
import type { EntryView, SaveEntryInput } from '../../../shared/contracts/conferences.js';

/** What the form makes of one entry (the API body without the version). */
export type EntryDraft = Omit<SaveEntryInput, 'version'> & { clientKey: string };

export interface QueuedEntry {
  draft: EntryDraft;
  /** Version of the stored entry this change applies to; null while the server never acknowledged it. */
  version: number | null;
  queuedAt: string;
  state: 'pending' | 'rejected';
  /** Why the server refused it (Vietnamese). */
  error?: string;
}

export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SendOutcome =
  | { kind: 'sent'; entry: EntryView }
  /** The network or the server is unreachable for now: keep it and try again later. */
  | { kind: 'unreachable' }
  /** The server refused this change for good (conflict, closed meeting…). */
  | { kind: 'refused'; code: string; message: string };

export interface EntryQueueOptions {
  conferenceId: string;
  storage: QueueStorage;
  send: (draft: EntryDraft, version: number | null) => Promise<SendOutcome>;
  /** Whether the browser believes it is online (navigator.onLine); sending is not even tried when not. */
  isOnline?: () => boolean;
  /** Called whenever the queue or its state changes (to redraw). */
  onChange?: () => void;
  /** Called with what the server stored (to update the page's copy of the minutes). */
  onSent?: (entry: EntryView) => void;
  now?: () => string;
}

export const RETRY_INTERVAL_MS = 5000;

export function queueStorageKey(conferenceId: string): string {
  return `tusoi.hoi-nghi.${conferenceId}.chua-gui`;
}

/** A UUID v4 for a new entry. `crypto.randomUUID` exists only on secure origins (https, localhost). */
export function newClientKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function sameDraft(a: EntryDraft, b: EntryDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class EntryQueue {
  private list: QueuedEntry[];
  private running: Promise<void> | null = null;
  private inFlight: string | null = null;
  private reachable = true;
  private readonly key: string;

  constructor(private readonly opts: EntryQueueOptions) {
    this.key = queueStorageKey(opts.conferenceId);
    this.list = this.load();
  }

  /** What waits to be sent (or was refused), oldest first. */
  get items(): readonly QueuedEntry[] {
    return this.list;
  }

  /** False after a send failed for want of network, until one goes through again. */
  get isReachable(): boolean {
    return this.reachable;
  }

  /** The client key being sent right now, if any. */
  get sending(): string | null {
    return this.inFlight;
  }

  get pendingCount(): number {
    return this.list.filter((q) => q.state === 'pending').length;
  }

  /**
   * Queues a new entry, an edit or a withdrawal (`deleted: true`), stored before anything is sent.
   * `version` is the stored entry's version the change applies to (null for a new entry); a change
   * to an entry still queued keeps the version known for it.
   */
  put(draft: EntryDraft, version: number | null): void {
    const at = this.list.findIndex((q) => q.draft.clientKey === draft.clientKey);
    const known = at >= 0 ? this.list[at].version : version;
    const item: QueuedEntry = { draft, version: known, queuedAt: this.now(), state: 'pending' };
    if (at >= 0) this.list[at] = item;
    else this.list.push(item);
    this.save();
    void this.flush();
  }

  /** Drops a queued change (a refused one the secretary lets go). */
  discard(clientKey: string): void {
    this.list = this.list.filter((q) => q.draft.clientKey !== clientKey);
    this.save();
  }

  /** Marks a refused change to be sent again. */
  retry(clientKey: string): void {
    const q = this.list.find((x) => x.draft.clientKey === clientKey);
    if (!q) return;
    q.state = 'pending';
    delete q.error;
    this.save();
    void this.flush();
  }

  /** The network is back (or the page asks): send what waits, one entry at a time, in order. */
  flush(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Another tab or an earlier page wrote the queue: read it again. */
  reload(): void {
    this.list = this.load();
    this.changed();
  }

  private async run(): Promise<void> {
    // Yield first, so `running` is set before anything is sent: a change queued from inside a send
    // joins this run instead of starting a second one.
    await Promise.resolve();
    for (;;) {
      const next = this.list.find((q) => q.state === 'pending');
      if (!next) return;
      if (this.opts.isOnline && !this.opts.isOnline()) {
        this.setReachable(false);
        return;
      }
      const draft = next.draft;
      this.inFlight = draft.clientKey;
      this.changed();
      let outcome: SendOutcome;
      try {
        outcome = await this.opts.send(draft, next.version);
      } catch {
        outcome = { kind: 'unreachable' };
      }
      this.inFlight = null;
      const current = this.list.find((q) => q.draft.clientKey === draft.clientKey);
      if (outcome.kind === 'unreachable') {
        this.setReachable(false);
        return;
      }
      this.reachable = true;
      if (outcome.kind === 'sent') {
        if (current && sameDraft(current.draft, draft)) this.list = this.list.filter((q) => q !== current);
        // Typed on while it was on its way: the newer text goes next, against the version just stored.
        else if (current) current.version = outcome.entry.version;
        this.save();
        this.opts.onSent?.(outcome.entry);
        continue;
      }
      // Withdrawing an entry the server never stored: nothing left to do.
      if (outcome.code === 'conference.entry_not_found' && draft.deleted) {
        if (current && sameDraft(current.draft, draft)) this.list = this.list.filter((q) => q !== current);
        this.save();
        continue;
      }
      if (current && sameDraft(current.draft, draft)) {
        current.state = 'rejected';
        current.error = outcome.message;
      }
      this.save();
    }
  }

  private setReachable(value: boolean): void {
    if (this.reachable === value) return;
    this.reachable = value;
    this.changed();
  }

  private changed(): void {
    this.opts.onChange?.();
  }

  private now(): string {
    return this.opts.now?.() ?? new Date().toISOString();
  }

  private load(): QueuedEntry[] {
    try {
      const raw = this.opts.storage.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as QueuedEntry[]).filter((q) => typeof q?.draft?.clientKey === 'string') : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      if (this.list.length === 0) this.opts.storage.removeItem(this.key);
      else this.opts.storage.setItem(this.key, JSON.stringify(this.list));
    } catch {
      // Storage full or disabled: the queue still lives in memory for this page.
    }
    this.changed();
  }
}

/** The minutes as the page shows them: the server's entries with the queued changes laid over. */
export interface ShownEntry {
  clientKey: string;
  entry: EntryDraft & { id: string | null; version: number | null; createdAt: string | null; createdByName: string | null };
  /** 'sent': stored; 'pending': chưa gửi; 'sending': đang gửi; 'rejected': bị từ chối. */
  state: 'sent' | 'pending' | 'sending' | 'rejected';
  error?: string;
}

export function mergeEntries(server: readonly EntryView[], queue: readonly QueuedEntry[], sending: string | null): ShownEntry[] {
  const queued = new Map(queue.map((q) => [q.draft.clientKey, q]));
  const out: ShownEntry[] = [];
  const stateOf = (q: QueuedEntry): ShownEntry['state'] =>
    q.state === 'rejected' ? 'rejected' : sending === q.draft.clientKey ? 'sending' : 'pending';
  for (const e of server) {
    const q = queued.get(e.clientKey);
    if (!q) {
      out.push({
        clientKey: e.clientKey,
        state: 'sent',
        entry: {
          clientKey: e.clientKey,
          kind: e.kind,
          subjectKind: e.subjectKind,
          subjectKey: e.subjectKey,
          speaker: e.speaker,
          text: e.text,
          reply: e.reply,
          suggestionItemId: e.suggestionItemId,
          id: e.id,
          version: e.version,
          createdAt: e.createdAt,
          createdByName: e.createdByName,
        },
      });
      continue;
    }
    queued.delete(e.clientKey);
    if (q.draft.deleted) continue;
    out.push({
      clientKey: e.clientKey,
      state: stateOf(q),
      error: q.error,
      entry: { ...q.draft, id: e.id, version: e.version, createdAt: e.createdAt, createdByName: e.createdByName },
    });
  }
  for (const q of queued.values()) {
    if (q.draft.deleted) continue;
    out.push({
      clientKey: q.draft.clientKey,
      state: stateOf(q),
      error: q.error,
      entry: { ...q.draft, id: null, version: q.version, createdAt: q.queuedAt, createdByName: null },
    });
  }
  return out;
}
