// Builds or updates a tree of org units from sheet rows (issue 2 item 5). The whole file's tree is
// resolved first (a row may name as parent a row defined later), every row is checked against the
// kinds' nesting rules (domain/org-tree.ts, Điều lệ Đảng chương III) and the caller's rights, then
// everything is written in one transaction, or nothing.
import { AppError } from '../../../shared/errors.js';
import { foldForSearch } from '../../../shared/text.js';
import { ORG_KIND_LABELS, type OrgKind } from '../../../shared/vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit, recordAuditForNew, type AuditInput } from '../../adapters/db/audit.repository.js';
import { newOrgUnitRow, unitSnapshot } from '../../adapters/db/org-units.repository.js';
import type { NewOrgUnitRow, OrgUnitRow } from '../../adapters/db/schema.js';
import { canBeChildOf, childPath } from '../../domain/org-tree.js';
import { canReadUnit, canWriteUnit } from '../../domain/policy.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { chunk, type ImportSummary, type WriteHooks } from './apply-member-rows.js';
import type { ProblemList } from './cells.js';
import { ORG_UNIT_COLUMN, type OrgUnitColumnKey, type OrgUnitSheetRow } from './org-unit-sheet.js';
import { invalidRows } from './read-upload.js';

const header = (key: OrgUnitColumnKey) => ORG_UNIT_COLUMN[key].header;
const kindLabel = (kind: string) => ORG_KIND_LABELS[kind as OrgKind]?.toLowerCase() ?? kind;

/** Where a row hangs: another row of the file, or a unit already in the database. */
type ParentRef = { row: OrgUnitSheetRow } | { unit: OrgUnitRow };

interface Node {
  row: OrgUnitSheetRow;
  existing: OrgUnitRow | null;
  parent: ParentRef | null;
}

export async function applyOrgUnitRows(
  ctx: AppContext,
  caller: Caller,
  rows: OrgUnitSheetRow[],
  problems: ProblemList,
  defaultParent: OrgUnitRow | null,
  hooks: WriteHooks = {},
): Promise<ImportSummary> {
  return ctx.db.transaction().execute(async (tx) => {
    const nodes = await check(tx, caller, rows, problems, defaultParent);
    if (!problems.empty) throw invalidRows(problems);
    const summary = await write(ctx, tx, caller, nodes);
    await hooks.beforeCommit?.(tx, summary);
    return summary;
  });
}

async function check(
  tx: Tx,
  caller: Caller,
  rows: OrgUnitSheetRow[],
  problems: ProblemList,
  defaultParent: OrgUnitRow | null,
): Promise<Node[]> {
  const byCode = new Map<string, OrgUnitSheetRow>();
  const unique: OrgUnitSheetRow[] = [];
  for (const r of rows) {
    const first = byCode.get(r.code);
    if (first) problems.add(r.row, header('code'), `Mã ${r.code} trùng với dòng ${first.row}.`);
    else {
      byCode.set(r.code, r);
      unique.push(r);
    }
  }
  const codes = new Set<string>();
  for (const r of unique) {
    codes.add(r.code);
    if (r.parentCode) codes.add(r.parentCode);
  }
  const inDb = new Map<string, OrgUnitRow>();
  for (const part of chunk([...codes])) {
    for (const u of await tx.selectFrom('org_units').selectAll().where('code', 'in', part).execute()) inDb.set(u.code, u);
  }
  const byId = new Map([...inDb.values()].map((u) => [u.id, u]));

  const nodes = new Map<OrgUnitSheetRow, Node>();
  for (const r of unique) {
    const existing = inDb.get(r.code) ?? null;
    if (existing && !canReadUnit(caller, existing)) {
      problems.add(r.row, header('code'), `Mã ${r.code} đã được dùng cho một tổ chức đảng ngoài phạm vi của bạn.`);
      continue;
    }
    if (existing && !canWriteUnit(caller, existing)) {
      problems.add(r.row, header('code'), `Mã ${r.code} là của "${existing.name}", nằm ngoài phạm vi bạn được cập nhật.`);
      continue;
    }
    if (existing && existing.kind !== r.kind) {
      problems.add(
        r.row,
        header('kind'),
        `"${existing.name}" (${r.code}) đang là ${kindLabel(existing.kind)}; không đổi loại tổ chức qua tệp nhập.`,
      );
    }
    let parent: ParentRef | null = null;
    if (r.parentCode) {
      const inFile = byCode.get(r.parentCode);
      const db = inDb.get(r.parentCode);
      if (inFile) parent = { row: inFile };
      else if (db && canReadUnit(caller, db)) parent = { unit: db };
      else {
        problems.add(r.row, header('parentCode'), `Không tìm thấy mã đơn vị cấp trên "${r.parentCode}" trong tệp hay trong hệ thống.`);
        continue;
      }
    } else if (!existing) {
      if (defaultParent) parent = { unit: defaultParent };
      else {
        problems.add(r.row, header('parentCode'), 'Thiếu mã đơn vị cấp trên (hoặc chọn tổ chức cấp trên khi nhập tệp).');
        continue;
      }
    }
    if (existing && parent) {
      // An existing unit stays where it is: moving it rebases a subtree and needs a reason (move-org-unit.ts).
      const parentId = 'unit' in parent ? parent.unit.id : (inDb.get(parent.row.code)?.id ?? null);
      if (parentId !== existing.parent_id) {
        const current = existing.parent_id ? byId.get(existing.parent_id) : undefined;
        const where = current ? `"${current.name}"` : 'tổ chức cấp trên hiện tại';
        problems.add(
          r.row,
          header('parentCode'),
          `"${existing.name}" (${r.code}) đang trực thuộc ${where}; việc chuyển cấp trên làm ở trang Tổ chức đảng.`,
        );
        continue;
      }
      parent = null; // already in place
    }
    nodes.set(r, { row: r, existing, parent });
  }

  // New rows: no cycles, a kind allowed under the parent, a writable and living anchor in the database.
  for (const node of nodes.values()) {
    if (node.existing || !node.parent) continue;
    const r = node.row;
    const seen = new Set<OrgUnitSheetRow>([r]);
    let anchor: OrgUnitRow | null = null;
    let cursor: ParentRef | null = node.parent;
    let cycle = false;
    while (cursor) {
      if ('unit' in cursor) {
        anchor = cursor.unit;
        break;
      }
      const parentRow: OrgUnitSheetRow = cursor.row;
      if (seen.has(parentRow)) {
        cycle = true;
        break;
      }
      seen.add(parentRow);
      const parentNode = nodes.get(parentRow);
      if (!parentNode) break; // the parent row has its own problem
      if (parentNode.existing) {
        anchor = parentNode.existing;
        break;
      }
      cursor = parentNode.parent;
    }
    if (cycle) {
      problems.add(r.row, header('parentCode'), `Vòng lặp cấp trên: mã ${r.code} nằm dưới chính nó qua các dòng của tệp.`);
      continue;
    }
    const parentKind = 'unit' in node.parent ? node.parent.unit.kind : node.parent.row.kind;
    const parentCode = 'unit' in node.parent ? node.parent.unit.code : node.parent.row.code;
    if (!canBeChildOf(r.kind, parentKind as OrgKind)) {
      problems.add(r.row, header('kind'), `${ORG_KIND_LABELS[r.kind]} không thể trực thuộc ${kindLabel(parentKind)} (mã ${parentCode}).`);
    }
    if (anchor && !canWriteUnit(caller, anchor)) {
      problems.add(r.row, header('parentCode'), `Bạn không có quyền thêm tổ chức đảng vào "${anchor.name}" (${anchor.code}).`);
    } else if (anchor && (anchor.valid_to || anchor.merged_into_id)) {
      problems.add(r.row, header('parentCode'), `Tổ chức cấp trên "${anchor.name}" (${anchor.code}) đã giải thể hoặc hợp nhất.`);
    }
  }
  return [...nodes.values()];
}

async function write(ctx: AppContext, tx: Tx, caller: Caller, nodes: Node[]): Promise<ImportSummary> {
  const now = ctx.clock.now();
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  const byRow = new Map(nodes.map((n) => [n.row, n]));
  const placed = new Map<OrgUnitSheetRow, { id: string; path: string }>();
  const place = (node: Node): { id: string; path: string } => {
    const known = placed.get(node.row);
    if (known) return known;
    let spot: { id: string; path: string };
    if (node.existing) spot = { id: node.existing.id, path: node.existing.path };
    else {
      const id = newId();
      const parent = 'unit' in node.parent! ? node.parent.unit : place(byRow.get(node.parent!.row)!);
      spot = { id, path: childPath(parent.path, id) };
    }
    placed.set(node.row, spot);
    return spot;
  };

  const created: NewOrgUnitRow[] = [];
  for (const node of nodes) {
    if (node.existing) continue;
    const { id, path } = place(node);
    const parentId = 'unit' in node.parent! ? node.parent.unit.id : place(byRow.get(node.parent!.row)!).id;
    const r = node.row;
    created.push(
      newOrgUnitRow({ id, parentId, path, kind: r.kind, sector: r.sector, code: r.code, name: r.name, validFrom: r.validFrom }, now),
    );
  }
  // Parents before children, whatever the file's order.
  created.sort((a, b) => a.depth - b.depth);
  for (const part of chunk(created)) await tx.insertInto('org_units').values(part).execute();
  const audits: AuditInput[] = created.map((u) => ({
    entityType: 'org_unit',
    entityId: u.id,
    action: 'org_unit.import',
    actorId: caller.accountId,
    scopePath: u.path,
    at: now,
    after: unitSnapshot(u as OrgUnitRow),
    isNew: true,
  }));
  await recordAuditForNew(tx, audits);
  summary.created = created.length;

  for (const node of nodes) {
    const u = node.existing;
    if (!u) continue;
    const r = node.row;
    // Empty sector or date cells keep what the unit has.
    const changes = {
      name: r.name,
      name_search: foldForSearch(r.name),
      sector: r.sector ?? u.sector,
      valid_from: r.validFrom ?? u.valid_from,
    };
    if (changes.name === u.name && changes.sector === u.sector && changes.valid_from === u.valid_from) {
      summary.unchanged += 1;
      continue;
    }
    const result = await tx
      .updateTable('org_units')
      .set({ ...changes, version: u.version + 1, updated_at: now })
      .where('id', '=', u.id)
      .where('version', '=', u.version)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n)
      throw new AppError('conflict.version', `Tổ chức ở dòng ${r.row} vừa được người khác sửa. Vui lòng nhập lại tệp.`);
    await recordAudit(tx, {
      entityType: 'org_unit',
      entityId: u.id,
      action: 'org_unit.import',
      actorId: caller.accountId,
      scopePath: u.path,
      at: now,
      before: unitSnapshot(u),
      after: unitSnapshot({ ...u, ...changes }),
    });
    summary.updated += 1;
  }
  return summary;
}
