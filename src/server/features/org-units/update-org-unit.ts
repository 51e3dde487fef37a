// Edits a unit's details with optimistic locking; the audit keeps the before and after.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { updateOrgUnitBody } from '../../../shared/contracts/org-units.js';
import { foldForSearch } from '../../../shared/text.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertUpdated, requireUnit, unitSnapshot } from '../../adapters/db/org-units.repository.js';
import { canReadUnit, canWriteUnit } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';

export async function updateOrgUnit(ctx: AppContext, caller: Caller, id: string, input: z.infer<typeof updateOrgUnitBody>): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const unit = await requireUnit(tx, id);
    if (!canReadUnit(caller, unit)) throw new AppError('org_unit.not_found');
    if (!canWriteUnit(caller, unit)) throw new AppError('auth.forbidden');
    if (input.code && input.code !== unit.code) {
      const taken = await tx.selectFrom('org_units').select('id').where('code', '=', input.code).executeTakeFirst();
      if (taken) throw new AppError('org_unit.code_taken');
    }
    const now = ctx.clock.now();
    const changes = {
      ...(input.name !== undefined ? { name: input.name, name_search: foldForSearch(input.name) } : {}),
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.sector !== undefined ? { sector: input.sector } : {}),
      ...(input.validFrom !== undefined ? { valid_from: input.validFrom } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    };
    const result = await tx
      .updateTable('org_units')
      .set({ ...changes, version: input.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertUpdated(result);
    const after = { ...unit, ...changes };
    await recordAudit(tx, {
      entityType: 'org_unit',
      entityId: id,
      action: 'org_unit.update',
      actorId: caller.accountId,
      scopePath: unit.path,
      at: now,
      before: unitSnapshot(unit),
      after: unitSnapshot(after),
    });
  });
}
