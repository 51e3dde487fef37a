// A unit's history, for those who may see the unit and read audit history there (design §2,
// "Audit history": admin, standing, organizer, unit committee of its own unit).
import { AppError } from '../../../shared/errors.js';
import type { AuditEntry } from '../../../shared/contracts/audit.js';
import { findUnit } from '../../adapters/db/org-units.repository.js';
import { canReadAudit, canReadUnit } from '../../domain/policy.js';
import { listEntityHistory } from '../audit/list-entity-history.js';
import type { AppContext, Caller } from '../context.js';

export async function getOrgUnitHistory(ctx: AppContext, caller: Caller, id: string): Promise<{ items: AuditEntry[] }> {
  const unit = await findUnit(ctx.db, id);
  if (!unit || !canReadUnit(caller, unit)) throw new AppError('org_unit.not_found');
  if (!canReadAudit(caller, unit.path)) throw new AppError('auth.forbidden');
  return { items: await listEntityHistory(ctx, caller, 'org_unit', id) };
}
