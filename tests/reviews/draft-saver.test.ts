// The browser's self-saving drafts (issue 3 item 6: "drafts save themselves"): one save about two
// seconds after typing stops, one at a time, and a conflict that keeps the typed text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver, type SaveState } from '../../src/web/features/reviews/draft-saver.js';

interface Call {
  version: number;
  content: { text: string };
  resolve: (r: { version: number }) => void;
  reject: (e: unknown) => void;
}

function setup(initialVersion = 3) {
  const calls: Call[] = [];
  const states: SaveState[] = [];
  const saver = new DraftSaver<{ text: string }>({
    version: initialVersion,
    saved: { text: '' },
    save: (version, content) => new Promise((resolve, reject) => calls.push({ version, content, resolve, reject })),
    onState: (s) => states.push(s),
    conflictMessage: (e) => (e === 'conflict' ? 'Đã có người khác lưu.' : null),
    errorMessage: () => 'Mất kết nối.',
    now: () => '2024-11-20T08:15:00.000Z',
  });
  return { saver, calls, states };
}

describe('DraftSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, two seconds after the last keystroke', async () => {
    const { saver, calls, states } = setup();
    saver.change({ text: 'a' });
    await vi.advanceTimersByTimeAsync(1500);
    saver.change({ text: 'ab' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ version: 3, content: { text: 'ab' } });
    expect(states.at(-1)).toEqual({ kind: 'saving' });
    calls[0].resolve({ version: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: '2024-11-20T08:15:00.000Z' });
    expect(saver.version).toBe(4);
    expect(saver.dirty).toBe(false);
  });

  it('saves what was typed during a save right after it, on the new version', async () => {
    const { saver, calls } = setup();
    saver.change({ text: 'một' });
    await vi.advanceTimersByTimeAsync(2000);
    saver.change({ text: 'một hai' });
    calls[0].resolve({ version: 4 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ version: 4, content: { text: 'một hai' } });
  });

  it('stops on a conflict, keeps the text, and saves it over the newest version when asked', async () => {
    const { saver, calls, states } = setup();
    saver.change({ text: 'của tôi' });
    await vi.advanceTimersByTimeAsync(2000);
    calls[0].reject('conflict');
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toEqual({ kind: 'conflict', message: 'Đã có người khác lưu.' });
    expect(saver.dirty).toBe(true);
    saver.change({ text: 'của tôi, thêm' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    const over = saver.saveOver(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[1]).toMatchObject({ version: 7, content: { text: 'của tôi, thêm' } });
    calls[1].resolve({ version: 8 });
    expect(await over).toBe(true);
    expect(saver.version).toBe(8);
  });

  it('flushes at once before a step, and reports an error without blocking later saves', async () => {
    const { saver, calls, states } = setup();
    expect(await saver.flush()).toBe(true);
    expect(calls).toHaveLength(0);
    saver.change({ text: 'x' });
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    calls[0].reject(new Error('offline'));
    expect(await flushed).toBe(false);
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'Mất kết nối.' });
    saver.change({ text: 'xy' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(2);
  });
});
