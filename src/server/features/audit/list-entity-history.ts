// One entity's history, newest first (issue 2 item 7: "an entity's history is visible to those who
// may see the entity"). The caller's right to see the entity is checked by the use case that asks
// (get-org-unit-history.ts, get-member-history.ts): an entity's whole chain is its history, also the
// events written while it sat in another subtree (a member's former chi bộ).
import type { AuditEntry } from '../../../shared/contracts/audit.js';
import type { AppContext, Caller } from '../context.js';
import { AUDIT_COLUMNS, presentAuditEntry } from './present-audit.js';

export async function listEntityHistory(ctx: AppContext, _caller: Caller, entityType: string, entityId: string): Promise<AuditEntry[]> {
  const rows = await ctx.db
    .selectFrom('audit_events as e')
    .leftJoin('accounts as actor', 'actor.id', 'e.actor_id')
    .select([...AUDIT_COLUMNS])
    .where('e.entity_type', '=', entityType)
    .where('e.entity_id', '=', entityId)
    // seq is the chain's own order (unique with the entity): newest first without trusting clocks.
    .orderBy('e.seq', 'desc')
    .execute();
  return rows.map(presentAuditEntry);
}
