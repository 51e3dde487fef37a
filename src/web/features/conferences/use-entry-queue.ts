// The offline queue of minutes entries (entry-queue.ts) for one conference, wired to the browser:
// localStorage, the `online`/`offline` events, a retry every few seconds while something waits, and
// the `storage` event (another tab of the same conference wrote the queue).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { mergeSentEntry, sendEntry } from './api';
import { EntryQueue, queueStorageKey, RETRY_INTERVAL_MS } from './entry-queue';

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

export function useEntryQueue(conferenceId: string) {
  const qc = useQueryClient();
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [online, setOnline] = useState(browserOnline);
  const queue = useMemo(
    () =>
      new EntryQueue({
        conferenceId,
        storage: window.localStorage,
        send: (draft, version) => sendEntry(conferenceId, draft, version),
        isOnline: browserOnline,
        onChange: redraw,
        onSent: (entry) => mergeSentEntry(qc, conferenceId, entry),
      }),
    [conferenceId, qc],
  );

  useEffect(() => {
    const goOnline = () => {
      setOnline(true);
      void queue.flush();
    };
    const goOffline = () => setOnline(false);
    const otherTab = (e: StorageEvent) => {
      if (e.key === queueStorageKey(conferenceId)) queue.reload();
    };
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    window.addEventListener('storage', otherTab);
    const timer = window.setInterval(() => {
      if (queue.pendingCount > 0) void queue.flush();
    }, RETRY_INTERVAL_MS);
    // What an earlier visit left unsent goes now.
    void queue.flush();
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('storage', otherTab);
      window.clearInterval(timer);
    };
  }, [queue, conferenceId]);

  return { queue, online, connected: online && queue.isReachable };
}
