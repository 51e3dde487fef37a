// The unit committee imports the facts of the year from .xlsx (issue 3 item 5): all or nothing.
// Every row is checked first (the member is inside the chosen unit and the caller's write scope,
// values are valid, a member's rows agree); any problem answers 422 with every row's problems and
// nothing is written. Then, in one transaction, each member's facts are replaced by the file's and
// each change is audited (entity `member_year_facts`).
import { YEAR_FACT_FIELDS, type ImportYearFactsResponse, type YearFactsInput } from '../../../shared/contracts/member-year.js';
import { AppError } from '../../../shared/errors.js';
import { foldForSearch } from '../../../shared/text.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit, recordAuditForNew, type AuditInput } from '../../adapters/db/audit.repository.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import {
  businessYear,
  closedCampaignPaths,
  columnsOfRow,
  insertYearFacts,
  sameFacts,
  updateYearFactsAtVersion,
  yearFactsColumns,
  yearFactsSnapshot,
  type YearFactsColumns,
} from '../../adapters/db/member-year.repository.js';
import { findUnit } from '../../adapters/db/org-units.repository.js';
import type { OrgUnitRow } from '../../adapters/db/schema.js';
import { canWriteYearFacts } from '../../domain/campaign-policy.js';
import { isWithinPath } from '../../domain/org-tree.js';
import { canReadUnit } from '../../domain/policy.js';
import type { AppContext, Caller, Tx } from '../context.js';
import type { ProblemList } from '../imports/cells.js';
import { checkUpload, invalidRows, readRows, type Upload } from '../imports/read-upload.js';
import { assertFactsYear, callerOf, closedOver, yearFactsWritePaths } from './member-year-access.js';
import { disciplineYearProblem } from './save-year-facts.js';
import { FACTS_COLUMN, factsLayout, type FactsColumnKey, type FactsSheetRow } from './year-facts-sheet.js';

/** A grassroots unit has at most a few thousand members; a file this long is split by unit. */
export const MAX_FACT_ROWS = 20_000;
const CHUNK = 500;
const MAX_DISCIPLINES = 20;

interface FoundMember {
  id: string;
  fullName: string;
  cardNumber: string | null;
  unitPath: string;
  unitName: string;
}

/** The chosen unit: readable, and with some part of it under the caller's unit committee grant. */
async function importUnit(tx: Tx, caller: Caller, unitId: string): Promise<OrgUnitRow> {
  const unit = await findUnit(tx, unitId);
  if (!unit || !canReadUnit(caller, unit)) throw new AppError('org_unit.not_found');
  const writes = yearFactsWritePaths(caller);
  if (!writes.some((p) => isWithinPath(unit.path, p) || isWithinPath(p, unit.path))) {
    throw new AppError('auth.forbidden', `Bạn không có quyền ghi thông tin trong năm của đảng viên thuộc "${unit.name}".`);
  }
  return unit;
}

/** The members the rows name, looked up inside the unit's subtree only. */
async function findMembers(tx: Tx, unit: OrgUnitRow, rows: FactsSheetRow[]) {
  const cards = [...new Set(rows.map((r) => r.cardNumber).filter((c): c is string => c !== null))];
  const ids = [...new Set(rows.map((r) => r.memberId).filter((c): c is string => c !== null))];
  const byCard = new Map<string, FoundMember>();
  const byId = new Map<string, FoundMember>();
  const lookup = async (column: 'm.card_number' | 'm.id', values: string[]) => {
    for (let i = 0; i < values.length; i += CHUNK) {
      const found = await tx
        .selectFrom('members as m')
        .innerJoin('org_units as u', 'u.id', 'm.unit_id')
        .select(['m.id', 'm.full_name', 'm.card_number', 'm.unit_path', 'u.name as unit_name'])
        .where(column, 'in', values.slice(i, i + CHUNK))
        .where((eb) => withinPaths(eb, 'm.unit_path', [unit.path]))
        .execute();
      for (const m of found) {
        const member = { id: m.id, fullName: m.full_name, cardNumber: m.card_number, unitPath: m.unit_path, unitName: m.unit_name };
        byId.set(m.id, member);
        if (m.card_number) byCard.set(m.card_number, member);
      }
    }
  };
  await lookup('m.card_number', cards);
  await lookup('m.id', ids);
  return { byCard, byId };
}

type Scalar = Exclude<keyof FactsSheetRow, 'row' | 'cardNumber' | 'memberId' | 'fullName' | 'discipline'>;
/** Every field but the disciplines, which come one row each. */
const SCALARS = YEAR_FACT_FIELDS.filter((k): k is Scalar => k !== 'disciplines');

interface MemberFacts {
  member: FoundMember;
  firstRow: number;
  input: YearFactsInput;
  /** Row that gave each value, to explain a disagreement. */
  from: Partial<Record<Scalar, number>>;
}

/** Joins the rows of each member: values given on several rows must agree; disciplines add up. */
function mergeRows(
  rows: FactsSheetRow[],
  members: { byCard: Map<string, FoundMember>; byId: Map<string, FoundMember> },
  unit: OrgUnitRow,
  year: number,
  problems: ProblemList,
): Map<string, MemberFacts> {
  const out = new Map<string, MemberFacts>();
  const header = (k: FactsColumnKey) => FACTS_COLUMN[k].header;
  for (const r of rows) {
    const viaCard = r.cardNumber ? members.byCard.get(r.cardNumber) : undefined;
    const viaId = r.memberId ? members.byId.get(r.memberId) : undefined;
    if (r.cardNumber && !viaCard) {
      problems.add(r.row, header('cardNumber'), `Không có đảng viên số thẻ "${r.cardNumber}" trong ${unit.name}.`);
      continue;
    }
    if (r.memberId && !viaId) {
      problems.add(r.row, header('memberId'), `Không có đảng viên mã "${r.memberId}" trong ${unit.name}.`);
      continue;
    }
    if (viaCard && viaId && viaCard.id !== viaId.id) {
      problems.add(r.row, header('memberId'), 'Số thẻ và mã đảng viên chỉ hai đảng viên khác nhau.');
      continue;
    }
    const member = (viaCard ?? viaId)!;
    if (r.fullName !== '' && foldForSearch(r.fullName) !== foldForSearch(member.fullName)) {
      problems.add(r.row, header('fullName'), `Họ và tên "${r.fullName}" không khớp với đảng viên đã ghi (${member.fullName}).`);
      continue;
    }
    let entry = out.get(member.id);
    if (!entry) {
      entry = {
        member,
        firstRow: r.row,
        from: {},
        input: {
          disciplines: [],
          civilServiceRating: null,
          targetsCompletedPct: null,
          sickLeaveDays: null,
          maternityLeaveDays: null,
          degradationConcluded: false,
          degradationNote: null,
          confidenceLowPct: null,
          note: null,
        },
      };
      out.set(member.id, entry);
    }
    for (const key of SCALARS) {
      const value = r[key];
      if (value === null) continue;
      const earlier = entry.from[key];
      if (earlier !== undefined && (entry.input as Record<string, unknown>)[key] !== value) {
        problems.add(r.row, header(key), `Khác với dòng ${earlier} của cùng đảng viên; ghi giống nhau hoặc chỉ ghi ở một dòng.`);
        continue;
      }
      (entry.input as Record<string, unknown>)[key] = value;
      entry.from[key] = r.row;
    }
    if (r.discipline) {
      const wrongYear = disciplineYearProblem(r.discipline.date, year);
      if (wrongYear) problems.add(r.row, header('disciplineDate'), wrongYear);
      else if (entry.input.disciplines.length >= MAX_DISCIPLINES) {
        problems.add(r.row, header('disciplineForm'), `Một đảng viên có tối đa ${MAX_DISCIPLINES} kỷ luật trong năm.`);
      } else entry.input.disciplines.push(r.discipline);
    }
  }
  return out;
}

/** Rows naming members the caller may not write, or whose campaign of the year is closed. */
function checkWritable(caller: Caller, merged: Map<string, MemberFacts>, closed: string[], year: number, problems: ProblemList): void {
  const cc = callerOf(caller);
  const header = FACTS_COLUMN.cardNumber.header;
  for (const { member, firstRow } of merged.values()) {
    if (!canWriteYearFacts(cc, { unitPath: member.unitPath, memberId: member.id })) {
      problems.add(firstRow, header, `Bạn không có quyền ghi thông tin trong năm của đảng viên ${member.fullName} (${member.unitName}).`);
    } else if (closedOver(closed, member.unitPath)) {
      problems.add(
        firstRow,
        header,
        `Đợt kiểm điểm năm ${year} của ${member.unitName} đã kết thúc; thông tin trong năm không sửa được nữa.`,
      );
    }
  }
}

async function writeFacts(
  ctx: AppContext,
  caller: Caller,
  merged: Map<string, MemberFacts>,
  year: number,
): Promise<{ created: number; updated: number; unchanged: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    const ids = [...merged.keys()];
    const existing = new Map<string, Awaited<ReturnType<typeof existingRows>>[number]>();
    for (let i = 0; i < ids.length; i += CHUNK)
      for (const r of await existingRows(tx, ids.slice(i, i + CHUNK), year)) existing.set(r.member_id, r);
    const inserts: { id: string; memberId: string; year: number; columns: YearFactsColumns; actorId: string; now: string }[] = [];
    const newAudits: AuditInput[] = [];
    let updated = 0;
    let unchanged = 0;
    for (const { member, input } of merged.values()) {
      const columns = yearFactsColumns(input);
      const row = existing.get(member.id);
      const audit = { entityType: 'member_year_facts', actorId: caller.accountId, scopePath: member.unitPath, at: now };
      if (!row) {
        const id = newId();
        inserts.push({ id, memberId: member.id, year, columns, actorId: caller.accountId, now });
        newAudits.push({
          ...audit,
          entityId: id,
          action: 'member_year_facts.import',
          isNew: true,
          after: yearFactsSnapshot(member.id, year, columns),
        });
        continue;
      }
      const before = columnsOfRow(row);
      if (sameFacts(before, columns)) {
        unchanged += 1;
        continue;
      }
      await updateYearFactsAtVersion(tx, { id: row.id, version: row.version, columns, actorId: caller.accountId, now });
      await recordAudit(tx, {
        ...audit,
        entityId: row.id,
        action: 'member_year_facts.import',
        before: yearFactsSnapshot(member.id, year, before),
        after: yearFactsSnapshot(member.id, year, columns),
      });
      updated += 1;
    }
    await insertYearFacts(tx, inserts);
    await recordAuditForNew(tx, newAudits);
    return { created: inserts.length, updated, unchanged };
  });
}

function existingRows(tx: Tx, memberIds: string[], year: number) {
  return tx.selectFrom('member_year_facts').selectAll().where('year', '=', year).where('member_id', 'in', memberIds).execute();
}

export async function importYearFacts(
  ctx: AppContext,
  caller: Caller,
  input: { upload: Upload; unitId: string; year: number },
): Promise<ImportYearFactsResponse> {
  const unit = await importUnit(ctx.db, caller, input.unitId);
  assertFactsYear(input.year, await businessYear(ctx.db, ctx.clock.now()));
  const { dataRows } = await checkUpload(ctx, input.upload);
  if (dataRows > MAX_FACT_ROWS) {
    throw new AppError(
      'import.too_large',
      `Tệp có ${dataRows.toLocaleString('vi-VN')} dòng, vượt quá ${MAX_FACT_ROWS.toLocaleString('vi-VN')} dòng mỗi lần nhập. Hãy nhập theo từng đơn vị.`,
    );
  }
  const parsed = await readRows(input.upload.content, factsLayout);
  const members = await findMembers(ctx.db, unit, parsed.rows);
  const merged = mergeRows(parsed.rows, members, unit, input.year, parsed.problems);
  checkWritable(caller, merged, await closedCampaignPaths(ctx.db, input.year), input.year, parsed.problems);
  if (!parsed.problems.empty) throw invalidRows(parsed.problems);
  return { year: input.year, ...(await writeFacts(ctx, caller, merged, input.year)) };
}
