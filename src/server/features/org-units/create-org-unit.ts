// Creates a unit under a parent the caller may write (design §2: admin, organizer, unit committee
// over its subtree). The kind must be allowed under the parent's kind (domain/org-tree.ts).
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { createOrgUnitBody } from '../../../shared/contracts/org-units.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { findUnit, newOrgUnitRow, requireUnit, unitSnapshot } from '../../adapters/db/org-units.repository.js';
import { canBeChildOf, childPath } from '../../domain/org-tree.js';
import { canWriteUnit } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';

export async function createOrgUnit(ctx: AppContext, caller: Caller, input: z.infer<typeof createOrgUnitBody>): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (tx) => {
    const parent = await findUnit(tx, input.parentId);
    if (!parent) throw new AppError('org_unit.invalid_parent');
    if (!canWriteUnit(caller, parent)) throw new AppError('auth.forbidden');
    if (parent.valid_to) throw new AppError('org_unit.inactive');
    if (!canBeChildOf(input.kind, parent.kind as OrgKind)) {
      throw new AppError('org_unit.invalid_parent', 'Loại tổ chức này không thể trực thuộc tổ chức cấp trên đã chọn.');
    }
    if (input.splitFromId) await requireUnit(tx, input.splitFromId);
    const taken = await tx.selectFrom('org_units').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw new AppError('org_unit.code_taken');
    const id = newId();
    const path = childPath(parent.path, id);
    const now = ctx.clock.now();
    const row = newOrgUnitRow(
      {
        id,
        parentId: parent.id,
        path,
        kind: input.kind,
        sector: input.sector ?? null,
        code: input.code,
        name: input.name,
        validFrom: input.validFrom,
        note: input.note,
        splitFromId: input.splitFromId,
      },
      now,
    );
    await tx.insertInto('org_units').values(row).execute();
    await recordAudit(tx, {
      entityType: 'org_unit',
      entityId: id,
      action: 'org_unit.create',
      actorId: caller.accountId,
      scopePath: path,
      at: now,
      after: unitSnapshot(row),
      isNew: true,
    });
    return { id };
  });
}
