// The audit chain (design §3, AuditEvent): each event of an entity carries the hash of the previous
// event of that entity, so one changed or removed row breaks the chain at that point.

export interface ChainedEvent {
  id: string;
  entityType: string;
  entityId: string;
  seq: number;
  action: string;
  actorId: string | null;
  scopePath: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  at: string;
  prevHash: string | null;
}

/** A digest function (sha-256 in production), given by the caller so the domain stays free of I/O. */
export type Digest = (text: string) => string;

/** The hash covers every field a reader relies on; the order is fixed by the array. */
export function eventHash(e: ChainedEvent, digest: Digest): string {
  const canonical = JSON.stringify([
    e.id,
    e.entityType,
    e.entityId,
    e.seq,
    e.action,
    e.actorId,
    e.scopePath,
    e.beforeJson,
    e.afterJson,
    e.at,
    e.prevHash,
  ]);
  return digest(canonical);
}

export interface ChainProblem {
  entityType: string;
  entityId: string;
  seq: number;
  eventId: string;
  problem: 'hash_mismatch' | 'broken_link' | 'gap';
}

/** Checks one entity's events, sorted by seq; returns the first broken link or null. */
export function verifyChain(events: (ChainedEvent & { hash: string })[], digest: Digest): ChainProblem | null {
  let prev: string | null = null;
  let expectedSeq = 1;
  for (const e of events) {
    const base = { entityType: e.entityType, entityId: e.entityId, seq: e.seq, eventId: e.id };
    if (e.seq !== expectedSeq) return { ...base, problem: 'gap' };
    if (e.prevHash !== prev) return { ...base, problem: 'broken_link' };
    if (eventHash(e, digest) !== e.hash) return { ...base, problem: 'hash_mismatch' };
    prev = e.hash;
    expectedSeq += 1;
  }
  return null;
}
