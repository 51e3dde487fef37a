// Audit events for a batch of classifications in the caller's transaction (design §3, AuditEvent: a
// hash chain per entity). A decision of a grassroots committee covers thousands of members: one
// read finds the last link of every chain, and the events go in 500 per insert, instead of a read
// and an insert per member (audit.repository's recordAudit). The events are the same as
// recordAudit writes.
import { newId, sha256 } from '../../adapters/clock.js';
import type { AuditInput } from '../../adapters/db/audit.repository.js';
import { eventHash } from '../../domain/audit-chain.js';
import type { Tx } from '../context.js';

const CHUNK = 500;

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export async function recordAuditBatch(tx: Tx, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const last = new Map<string, { seq: number; hash: string }>();
  const byType = new Map<string, string[]>();
  for (const i of inputs) if (!i.isNew) byType.set(i.entityType, [...(byType.get(i.entityType) ?? []), i.entityId]);
  for (const [type, ids] of byType) {
    const unique = [...new Set(ids)];
    for (let k = 0; k < unique.length; k += CHUNK) {
      const rows = await tx
        .selectFrom('audit_events')
        .select(['entity_id', 'seq', 'hash'])
        .where('entity_type', '=', type)
        .where('entity_id', 'in', unique.slice(k, k + CHUNK))
        .execute();
      for (const r of rows) {
        const key = `${type}\u0000${r.entity_id}`;
        const seen = last.get(key);
        if (!seen || r.seq > seen.seq) last.set(key, { seq: r.seq, hash: r.hash });
      }
    }
  }
  const rows = inputs.map((input) => {
    const key = `${input.entityType}\u0000${input.entityId}`;
    const prev = input.isNew ? undefined : last.get(key);
    const seq = (prev?.seq ?? 0) + 1;
    const prevHash = prev?.hash ?? null;
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
    // A second event of the same entity in this batch chains onto this one.
    last.set(key, { seq, hash });
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
  });
  for (let k = 0; k < rows.length; k += CHUNK)
    await tx
      .insertInto('audit_events')
      .values(rows.slice(k, k + CHUNK))
      .execute();
}
