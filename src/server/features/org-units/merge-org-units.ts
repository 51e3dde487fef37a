// Merges units into a target (hợp nhất). The sources stay in the tree as history: they get a
// validity end and a "merged into" link, so last year's results of a merged unit are found for its
// successor (design §3, OrgUnit succession). Their members and sub-units move to the target.
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { mergeOrgUnitsBody } from '../../../shared/contracts/org-units.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { rebaseSubtree, requireUnit } from '../../adapters/db/org-units.repository.js';
import { moveNameWordsToUnit } from '../../adapters/db/members.repository.js';
import { canBeChildOf, childPath, depthOf, holdsMembers, isWithinPath } from '../../domain/org-tree.js';
import { canReadUnit, canWriteUnit } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';

export async function mergeOrgUnits(
  ctx: AppContext,
  caller: Caller,
  targetId: string,
  input: z.infer<typeof mergeOrgUnitsBody>,
): Promise<{ movedMembers: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    const target = await requireUnit(tx, targetId);
    if (!canReadUnit(caller, target)) throw new AppError('org_unit.not_found');
    if (!canWriteUnit(caller, target)) throw new AppError('auth.forbidden');
    if (target.valid_to) throw new AppError('org_unit.inactive');
    const now = ctx.clock.now();
    let movedMembers = 0;
    for (const sourceId of [...new Set(input.sourceIds)]) {
      const source = await requireUnit(tx, sourceId);
      if (!canWriteUnit(caller, source)) throw new AppError('auth.forbidden');
      if (source.valid_to) throw new AppError('org_unit.inactive');
      if (source.id === target.id || isWithinPath(target.path, source.path) || isWithinPath(source.path, target.path)) {
        throw new AppError('org_unit.invalid_merge', 'Không thể hợp nhất một tổ chức với chính nó, cấp trên hay cấp dưới của nó.');
      }
      if (source.kind !== target.kind && !(holdsMembers(source.kind as OrgKind) && holdsMembers(target.kind as OrgKind))) {
        throw new AppError('org_unit.invalid_merge', 'Chỉ hợp nhất được các tổ chức đảng cùng loại.');
      }
      // Sub-units move under the target with their own members and paths.
      const children = await tx
        .selectFrom('org_units')
        .selectAll()
        .where('parent_id', '=', source.id)
        .where('valid_to', 'is', null)
        .execute();
      for (const child of children) {
        if (!canBeChildOf(child.kind as OrgKind, target.kind as OrgKind)) throw new AppError('org_unit.invalid_merge');
        const newPath = childPath(target.path, child.id);
        await tx
          .updateTable('org_units')
          .set({ parent_id: target.id, version: child.version + 1, updated_at: now })
          .where('id', '=', child.id)
          .execute();
        await rebaseSubtree(tx, child.path, newPath, depthOf(newPath) - child.depth, now);
        await recordAudit(tx, {
          entityType: 'org_unit',
          entityId: child.id,
          action: 'org_unit.move',
          actorId: caller.accountId,
          scopePath: newPath,
          at: now,
          before: { parentId: source.id },
          after: { parentId: target.id, reason: input.reason },
        });
      }
      // The source's own members join the target; their unit history records the change.
      const members = await tx.selectFrom('members').select('id').where('unit_id', '=', source.id).execute();
      if (members.length) {
        const ids = members.map((m) => m.id);
        // The open periods in the source are exactly its members' current ones.
        await tx
          .updateTable('member_unit_history')
          .set({ to_date: input.date })
          .where('unit_id', '=', source.id)
          .where('to_date', 'is', null)
          .execute();
        await tx
          .insertInto('member_unit_history')
          .values(
            ids.map((memberId) => ({
              id: newId(),
              member_id: memberId,
              unit_id: target.id,
              from_date: input.date,
              to_date: null,
              reason: input.reason,
              created_at: now,
            })),
          )
          .execute();
        await tx
          .updateTable('members')
          .set({ unit_id: target.id, unit_path: target.path, version: sql<number>`version + 1`, updated_at: now })
          .where('unit_id', '=', source.id)
          .execute();
        await moveNameWordsToUnit(tx, target.id, target.path);
        // One event per member: each member's history chain records the move.
        for (const m of members) {
          await recordAudit(tx, {
            entityType: 'member',
            entityId: m.id,
            action: 'member.transfer',
            actorId: caller.accountId,
            scopePath: target.path,
            at: now,
            before: { unitId: source.id },
            after: { unitId: target.id, reason: input.reason, date: input.date },
          });
        }
        movedMembers += members.length;
      }
      await tx
        .updateTable('org_units')
        .set({ valid_to: input.date, merged_into_id: target.id, version: source.version + 1, updated_at: now })
        .where('id', '=', source.id)
        .execute();
      await recordAudit(tx, {
        entityType: 'org_unit',
        entityId: source.id,
        action: 'org_unit.merge',
        actorId: caller.accountId,
        scopePath: source.path,
        at: now,
        before: { validTo: null, mergedIntoId: null },
        after: { validTo: input.date, mergedIntoId: target.id, reason: input.reason },
      });
    }
    await recordAudit(tx, {
      entityType: 'org_unit',
      entityId: target.id,
      action: 'org_unit.absorb',
      actorId: caller.accountId,
      scopePath: target.path,
      at: now,
      after: { sourceIds: input.sourceIds, date: input.date, reason: input.reason, movedMembers },
    });
    return { movedMembers };
  });
}
