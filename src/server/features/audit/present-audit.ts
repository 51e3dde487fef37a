// Audit rows → the contract's entries, with the actor's display name (design §3, AuditEvent).
import type { AuditEntry } from '../../../shared/contracts/audit.js';
import type { AuditEventRow } from '../../adapters/db/schema.js';

/** How the trail names changes made without a logged-in user: the CLI, the demo, background jobs. */
export const SYSTEM_ACTOR_NAME = 'Hệ thống';

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json; // a row written by hand is shown as it is rather than hidden
  }
}

export type AuditRowWithActor = Pick<
  AuditEventRow,
  'id' | 'entity_type' | 'entity_id' | 'action' | 'actor_id' | 'at' | 'before_json' | 'after_json'
> & {
  actor_name: string | null;
};

export const AUDIT_COLUMNS = [
  'e.id',
  'e.entity_type',
  'e.entity_id',
  'e.action',
  'e.actor_id',
  'e.at',
  'e.before_json',
  'e.after_json',
  'actor.display_name as actor_name',
] as const;

export function presentAuditEntry(r: AuditRowWithActor): AuditEntry {
  return {
    id: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    actorId: r.actor_id,
    actorName: r.actor_id === null ? SYSTEM_ACTOR_NAME : (r.actor_name ?? r.actor_id),
    at: r.at,
    before: parse(r.before_json),
    after: parse(r.after_json),
  };
}
