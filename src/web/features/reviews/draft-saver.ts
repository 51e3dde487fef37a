// Drafts save themselves (issue 3 item 6): a save about two seconds after the writer stops typing,
// one save at a time, and another one at once if they typed while it ran. A conflict (someone else
// saved a newer version) stops the saving and keeps the typed text: the writer chooses to reload or
// to save their text as the newest version (the other one stays among the revisions). No React here,
// so the timing rules are tested on their own.

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string };

export interface DraftSaverOptions<C> {
  version: number;
  saved: C;
  save: (version: number, content: C) => Promise<{ version: number }>;
  onState: (state: SaveState) => void;
  /** A conflict's message, or null when the error is something else. */
  conflictMessage: (error: unknown) => string | null;
  errorMessage: (error: unknown) => string;
  delayMs?: number;
  now?: () => string;
}

export const AUTOSAVE_DELAY_MS = 2000;

export class DraftSaver<C> {
  private currentVersion: number;
  private savedJson: string;
  private latest: C;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<boolean> | null = null;
  private blocked = false;
  private disposed = false;

  constructor(private readonly opts: DraftSaverOptions<C>) {
    this.currentVersion = opts.version;
    this.latest = opts.saved;
    this.savedJson = JSON.stringify(opts.saved);
  }

  get version(): number {
    return this.currentVersion;
  }

  /** Whether what is on screen differs from what the server has. */
  get dirty(): boolean {
    return JSON.stringify(this.latest) !== this.savedJson;
  }

  get isBlocked(): boolean {
    return this.blocked;
  }

  /** The writer changed something: save it a little later, unless they keep typing. */
  change(content: C): void {
    this.latest = content;
    if (this.disposed) return;
    if (this.blocked) return;
    this.opts.onState({ kind: 'dirty' });
    this.schedule();
  }

  /** Saves now what is on screen (before a submit, or on demand); true when the server has it. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (this.running) await this.running;
    if (this.blocked || this.disposed) return false;
    const content = this.latest;
    const json = JSON.stringify(content);
    if (json === this.savedJson) return true;
    this.opts.onState({ kind: 'saving' });
    this.running = this.saveOnce(content, json);
    const ok = await this.running;
    this.running = null;
    // Typed while the save ran: that text goes in the next save.
    if (ok && this.dirty && !this.disposed) {
      this.opts.onState({ kind: 'dirty' });
      this.schedule();
    }
    return ok;
  }

  /**
   * After a conflict, the writer keeps their text: it is saved over the newest version (that one
   * stays in the revision history, so nothing is lost).
   */
  async saveOver(newestVersion: number): Promise<boolean> {
    this.currentVersion = newestVersion;
    this.blocked = false;
    this.savedJson = '';
    return this.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.opts.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async saveOnce(content: C, json: string): Promise<boolean> {
    try {
      const result = await this.opts.save(this.currentVersion, content);
      this.currentVersion = result.version;
      this.savedJson = json;
      if (!this.disposed) this.opts.onState({ kind: 'saved', at: (this.opts.now ?? (() => new Date().toISOString()))() });
      return true;
    } catch (e) {
      const conflict = this.opts.conflictMessage(e);
      if (conflict !== null) {
        this.blocked = true;
        if (!this.disposed) this.opts.onState({ kind: 'conflict', message: conflict });
      } else if (!this.disposed) {
        this.opts.onState({ kind: 'error', message: this.opts.errorMessage(e) });
      }
      return false;
    }
  }
}
