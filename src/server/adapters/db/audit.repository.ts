// Appends audit events in the caller's transaction (design §3, AuditEvent; issue 2 item 7).
import { eventHash, verifyChain, type ChainProblem } from '../../domain/audit-chain.js';
import { newId, sha256 } from '../clock.js';
import type { Tx } from '../../features/context.js';
import type { AuditEventRow } from './schema.js';

export interface AuditInput {
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  scopePath: string | null;
  before?: unknown;
  after?: unknown;
  at: string;
  /** The entity is created in this transaction: its chain starts here, no read needed. */
  isNew?: boolean;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function toEvent(input: AuditInput, seq: number, prevHash: string | null) {
  const event = {
    id: newId(),
    entityType: input.entityType,
    entityId: input.entityId,
    seq,
    action: input.action,
    actorId: input.actorId,
    scopePath: input.scopePath,
    beforeJson: json(input.before),
    afterJson: json(input.after),
    at: input.at,
    prevHash,
  };
  const hash = eventHash(event, sha256);
  return {
    id: event.id,
    entity_type: event.entityType,
    entity_id: event.entityId,
    seq,
    action: event.action,
    actor_id: event.actorId,
    scope_path: event.scopePath,
    before_json: event.beforeJson,
    after_json: event.afterJson,
    at: event.at,
    prev_hash: prevHash,
    hash,
  };
}

export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  let seq = 1;
  let prevHash: string | null = null;
  if (!input.isNew) {
    const last = await tx
      .selectFrom('audit_events')
      .select(['seq', 'hash'])
      .where('entity_type', '=', input.entityType)
      .where('entity_id', '=', input.entityId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last) {
      seq = last.seq + 1;
      prevHash = last.hash;
    }
  }
  await tx
    .insertInto('audit_events')
    .values(toEvent(input, seq, prevHash))
    .execute();
}

/** Many new entities at once (imports): each starts its own chain, inserted in batches. */
export async function recordAuditForNew(tx: Tx, inputs: AuditInput[]): Promise<void> {
  const rows = inputs.map((i) => toEvent(i, 1, null));
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto('audit_events')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/**
 * Events for many entities at once in the caller's transaction (a decision over thousands of
 * members): one read per 500 entities finds the last link of each chain, and the events go in 500
 * per insert, instead of a read and an insert per entity. A second event of the same entity in the
 * batch chains onto the first. The events are those recordAudit writes.
 */
export async function recordAuditMany(tx: Tx, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const last = new Map<string, { seq: number; hash: string }>();
  const key = (type: string, id: string) => `${type}\u0000${id}`;
  const byType = new Map<string, Set<string>>();
  for (const i of inputs) if (!i.isNew) byType.set(i.entityType, (byType.get(i.entityType) ?? new Set()).add(i.entityId));
  for (const [type, idSet] of byType) {
    const ids = [...idSet];
    for (let k = 0; k < ids.length; k += 500) {
      const rows = await tx
        .selectFrom('audit_events')
        .select(['entity_id', 'seq', 'hash'])
        .where('entity_type', '=', type)
        .where('entity_id', 'in', ids.slice(k, k + 500))
        .execute();
      for (const r of rows) {
        const seen = last.get(key(type, r.entity_id));
        if (!seen || r.seq > seen.seq) last.set(key(type, r.entity_id), { seq: r.seq, hash: r.hash });
      }
    }
  }
  const rows = inputs.map((input) => {
    const prev = input.isNew ? undefined : last.get(key(input.entityType, input.entityId));
    const row = toEvent(input, (prev?.seq ?? 0) + 1, prev?.hash ?? null);
    last.set(key(input.entityType, input.entityId), { seq: row.seq, hash: row.hash });
    return row;
  });
  for (let k = 0; k < rows.length; k += 500) {
    await tx
      .insertInto('audit_events')
      .values(rows.slice(k, k + 500))
      .execute();
  }
}

function rowToChained(r: AuditEventRow) {
  return {
    id: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    seq: r.seq,
    action: r.action,
    actorId: r.actor_id,
    scopePath: r.scope_path,
    beforeJson: r.before_json,
    afterJson: r.after_json,
    at: r.at,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Walks every chain in (entity, seq) order, streaming in pages; returns the first broken link. */
export async function verifyAllChains(tx: Tx): Promise<{ checked: number; problem: ChainProblem | null }> {
  let checked = 0;
  let after: { type: string; id: string; seq: number } | null = null;
  let current: ReturnType<typeof rowToChained>[] = [];
  const flush = () => {
    const problem = current.length ? verifyChain(current, sha256) : null;
    current = [];
    return problem;
  };
  for (;;) {
    let q = tx.selectFrom('audit_events').selectAll().orderBy('entity_type').orderBy('entity_id').orderBy('seq').limit(5000);
    if (after) {
      const a = after;
      q = q.where((eb) =>
        eb.or([
          eb('entity_type', '>', a.type),
          eb.and([eb('entity_type', '=', a.type), eb('entity_id', '>', a.id)]),
          eb.and([eb('entity_type', '=', a.type), eb('entity_id', '=', a.id), eb('seq', '>', a.seq)]),
        ]),
      );
    }
    const rows = await q.execute();
    for (const r of rows) {
      const prev = current[current.length - 1];
      if (prev && (prev.entityType !== r.entity_type || prev.entityId !== r.entity_id)) {
        const problem = flush();
        if (problem) return { checked, problem };
      }
      current.push(rowToChained(r));
      checked += 1;
    }
    if (rows.length < 5000) break;
    const last = rows[rows.length - 1];
    after = { type: last.entity_type, id: last.entity_id, seq: last.seq };
  }
  return { checked, problem: flush() };
}
