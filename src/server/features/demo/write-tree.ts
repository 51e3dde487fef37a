// Step: writes the organization tree of the blueprint, with an audit event per unit, in batched
// multi-row inserts (stack-notes.md: 500-row inserts cost about what raw prepared statements do).
import type { OrgKind } from '../../../shared/vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { recordAuditForNew, type AuditInput } from '../../adapters/db/audit.repository.js';
import { newOrgUnitRow, unitSnapshot } from '../../adapters/db/org-units.repository.js';
import type { OrgUnitRow } from '../../adapters/db/schema.js';
import { canBeChildOf, childPath } from '../../domain/org-tree.js';
import { walkUnits } from './blueprint.js';
import type { DemoState, DemoStep, DemoUnit } from './state.js';

const BATCH = 500;

export const writeTree: DemoStep = {
  name: 'tree',
  async run(state) {
    const byCode = new Map<string, DemoUnit>();
    const rows: OrgUnitRow[] = [];
    for (const { spec, parent } of walkUnits(state.blueprint)) {
      const parentUnit = parent ? byCode.get(parent.code)! : null;
      // The blueprint must obey the same tree rules as the application (domain/org-tree.ts).
      if (!canBeChildOf(spec.kind, (parentUnit?.kind ?? null) as OrgKind | null)) {
        throw new Error(`demo blueprint: ${spec.kind} "${spec.name}" cannot sit under ${parentUnit?.kind ?? 'the root'}`);
      }
      if (byCode.has(spec.code)) throw new Error(`demo blueprint: duplicate code ${spec.code}`);
      const id = newId();
      const path = childPath(parentUnit?.path ?? null, id);
      const unit: DemoUnit = {
        id,
        parentId: parentUnit?.id ?? null,
        path,
        code: spec.code,
        name: spec.name,
        kind: spec.kind,
        sector: spec.sector,
        spec,
      };
      byCode.set(spec.code, unit);
      state.units.push(unit);
      if (spec.tag) state.unitsByTag.set(spec.tag, unit);
      rows.push(
        newOrgUnitRow(
          { id, parentId: unit.parentId, path, kind: spec.kind, sector: spec.sector, code: spec.code, name: spec.name },
          state.now,
        ),
      );
    }
    state.progress(`Đang ghi ${rows.length.toLocaleString('vi-VN')} tổ chức đảng…`);
    await insertUnits(state, rows);
  },
};

async function insertUnits(state: DemoState, rows: OrgUnitRow[]): Promise<void> {
  // Parents come before children in walk order, so every batch's parents already exist.
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await state.tx.insertInto('org_units').values(batch).execute();
    const audit: AuditInput[] = batch.map((r) => ({
      entityType: 'org_unit',
      entityId: r.id,
      action: 'org_unit.create',
      actorId: null,
      scopePath: r.path,
      at: state.now,
      after: unitSnapshot(r),
      isNew: true,
    }));
    await recordAuditForNew(state.tx, audit);
  }
}
