// Wakes this process's job workers as soon as a job is queued, so a large import starts at once
// instead of at the next poll. Workers of other app servers still find it by polling (design §5).
const listeners = new Set<() => void>();

export function onJobQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call after the transaction that queued the job has committed. */
export function notifyJobQueued(): void {
  for (const listener of listeners) listener();
}
