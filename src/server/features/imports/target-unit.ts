// Who may import at all, and the unit an import is aimed at (design §2, row "Org units, member
// profiles": write is admin, organizer and unit committee over their subtrees).
import { AppError } from '../../../shared/errors.js';
import { findUnit } from '../../adapters/db/org-units.repository.js';
import type { OrgUnitRow } from '../../adapters/db/schema.js';
import { canReadUnit, canWriteUnit, scopePaths } from '../../domain/policy.js';
import type { Caller, Tx } from '../context.js';

/** An import needs write access to some part of the tree; members, secretaries, standing, office have none. */
export function assertMayImport(caller: Caller): void {
  if (scopePaths(caller, 'org_structure', 'write').length === 0) {
    throw new AppError('auth.forbidden', 'Bạn không có quyền nhập dữ liệu tổ chức đảng, đảng viên.');
  }
}

/** The unit chosen for the import, which the caller must be able to write. */
export async function writableUnit(tx: Tx, caller: Caller, unitId: string | null | undefined): Promise<OrgUnitRow | null> {
  if (!unitId) return null;
  const unit = await findUnit(tx, unitId);
  if (!unit || !canReadUnit(caller, unit)) throw new AppError('org_unit.not_found');
  if (!canWriteUnit(caller, unit)) throw new AppError('auth.forbidden', `Bạn không có quyền cập nhật "${unit.name}".`);
  return unit;
}
