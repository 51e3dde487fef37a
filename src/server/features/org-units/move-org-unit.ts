// Moves a unit (with its sub-units and members) under another parent. The caller must be able to
// write both the unit and the new parent; a unit cannot move into its own subtree.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { moveOrgUnitBody } from '../../../shared/contracts/org-units.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertUpdated, rebaseSubtree, requireUnit } from '../../adapters/db/org-units.repository.js';
import { canBeChildOf, childPath, depthOf, isWithinPath } from '../../domain/org-tree.js';
import { canReadUnit, canWriteUnit } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';

export async function moveOrgUnit(ctx: AppContext, caller: Caller, id: string, input: z.infer<typeof moveOrgUnitBody>): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const unit = await requireUnit(tx, id);
    if (!canReadUnit(caller, unit)) throw new AppError('org_unit.not_found');
    const parent = await requireUnit(tx, input.newParentId);
    if (!canWriteUnit(caller, unit) || !canWriteUnit(caller, parent)) throw new AppError('auth.forbidden');
    if (unit.parent_id === null) throw new AppError('org_unit.invalid_move', 'Không thể chuyển cấp ủy gốc.');
    if (isWithinPath(parent.path, unit.path)) throw new AppError('org_unit.invalid_move');
    if (parent.id === unit.parent_id) throw new AppError('org_unit.invalid_move', 'Tổ chức đảng đã trực thuộc đơn vị này.');
    if (parent.valid_to || unit.valid_to) throw new AppError('org_unit.inactive');
    if (!canBeChildOf(unit.kind as OrgKind, parent.kind as OrgKind)) {
      throw new AppError('org_unit.invalid_parent', 'Loại tổ chức này không thể trực thuộc tổ chức cấp trên đã chọn.');
    }
    const now = ctx.clock.now();
    const newPath = childPath(parent.path, unit.id);
    const result = await tx
      .updateTable('org_units')
      .set({ parent_id: parent.id, version: input.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertUpdated(result);
    await rebaseSubtree(tx, unit.path, newPath, depthOf(newPath) - unit.depth, now);
    await recordAudit(tx, {
      entityType: 'org_unit',
      entityId: id,
      action: 'org_unit.move',
      actorId: caller.accountId,
      scopePath: newPath,
      at: now,
      before: { parentId: unit.parent_id },
      after: { parentId: parent.id, reason: input.reason },
    });
  });
}
