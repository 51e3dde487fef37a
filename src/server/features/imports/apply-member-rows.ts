// Checks every member row against the database and the caller's rights, then writes them all in
// one transaction, or nothing at all (issue 2 item 5). Rows are matched to existing members by
// card number (or, without a card, by chi bộ, name and birth date), so re-importing a file changes
// nothing and writes no audit event.
import { AppError } from '../../../shared/errors.js';
import type { z } from 'zod';
import type { importSummary } from '../../../shared/contracts/jobs.js';
import { cleanText, foldForSearch } from '../../../shared/text.js';
import { ORG_KIND_LABELS, type MemberStatus, type OrgKind } from '../../../shared/vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit, recordAuditForNew, type AuditInput } from '../../adapters/db/audit.repository.js';
import { insertMembers, memberUpdateColumns, newMemberRow, profileOf, refreshNameWords } from '../../adapters/db/members.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import type { MemberRow, NewMemberRow, OrgUnitRow } from '../../adapters/db/schema.js';
import { canChangeStatus, profileProblems, type MemberProfile } from '../../domain/member-profile.js';
import { holdsMembers, isWithinPath } from '../../domain/org-tree.js';
import { canReadUnit, canWriteMember, canWriteUnit } from '../../domain/policy.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { memberSnapshot } from '../members/present-member.js';
import type { ProblemList } from './cells.js';
import { MEMBER_COLUMN, type MemberColumnKey, type MemberSheetRow } from './member-sheet.js';
import { invalidRows } from './read-upload.js';

export type ImportSummary = z.infer<typeof importSummary>;

export interface WriteHooks {
  /** Runs inside the write transaction after the rows: a job records its success atomically with them. */
  beforeCommit?: (tx: Tx, summary: ImportSummary) => Promise<void>;
}

/** Rows per multi-row INSERT: 500 × 24 columns stays far below both databases' parameter limits. */
export const BATCH = 500;
export const IMPORT_REASON = 'Nhập từ tệp Excel';

export function chunk<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const header = (key: MemberColumnKey) => MEMBER_COLUMN[key].header;

/** Key of a member without a card number: chi bộ, folded full name, birth date. */
function personKey(unitId: string, fullName: string, birthDate: string | null): string {
  return `${unitId}|${foldForSearch(fullName)}|${birthDate ?? ''}`;
}

function fullNameOf(r: Pick<MemberSheetRow, 'familyName' | 'middleName' | 'givenName'>): string {
  return cleanText(`${r.familyName} ${r.middleName} ${r.givenName}`);
}

interface Planned {
  row: MemberSheetRow;
  unit: OrgUnitRow;
  existing: MemberRow | null;
}

export async function applyMemberRows(
  ctx: AppContext,
  caller: Caller,
  rows: MemberSheetRow[],
  problems: ProblemList,
  restrictTo: OrgUnitRow | null,
  hooks: WriteHooks = {},
): Promise<ImportSummary> {
  return ctx.db.transaction().execute(async (tx) => {
    const plans = await check(tx, caller, rows, problems, restrictTo);
    if (!problems.empty) throw invalidRows(problems);
    const summary = await write(ctx, tx, caller, plans);
    await hooks.beforeCommit?.(tx, summary);
    return summary;
  });
}

async function check(
  tx: Tx,
  caller: Caller,
  rows: MemberSheetRow[],
  problems: ProblemList,
  restrictTo: OrgUnitRow | null,
): Promise<Planned[]> {
  // Chi bộ by code: known, a chi bộ, in force, writable by the caller, inside the chosen unit.
  const codes = [...new Set(rows.map((r) => r.unitCode))];
  const units = new Map<string, OrgUnitRow>();
  for (const part of chunk(codes)) {
    for (const u of await tx.selectFrom('org_units').selectAll().where('code', 'in', part).execute()) units.set(u.code, u);
  }
  const rowUnit = new Map<MemberSheetRow, OrgUnitRow>();
  for (const r of rows) {
    const unit = units.get(r.unitCode);
    // A unit the caller cannot see is reported as unknown: its existence is not theirs to learn.
    if (!unit || !canReadUnit(caller, unit)) {
      problems.add(r.row, header('unitCode'), `Không tìm thấy chi bộ có mã "${r.unitCode}".`);
    } else if (!holdsMembers(unit.kind as OrgKind)) {
      problems.add(
        r.row,
        header('unitCode'),
        `Mã "${r.unitCode}" là của ${ORG_KIND_LABELS[unit.kind as OrgKind]?.toLowerCase() ?? unit.kind} "${unit.name}", không phải chi bộ: ` +
          'đảng viên sinh hoạt ở chi bộ cơ sở hoặc chi bộ trực thuộc.',
      );
    } else if (unit.valid_to || unit.merged_into_id) {
      problems.add(r.row, header('unitCode'), `Chi bộ "${unit.name}" (${unit.code}) đã giải thể hoặc hợp nhất.`);
    } else if (!canWriteUnit(caller, unit)) {
      problems.add(r.row, header('unitCode'), `Chi bộ "${unit.name}" (${unit.code}) nằm ngoài phạm vi bạn được cập nhật.`);
    } else if (restrictTo && !isWithinPath(unit.path, restrictTo.path)) {
      problems.add(r.row, header('unitCode'), `Chi bộ "${unit.name}" (${unit.code}) không thuộc "${restrictTo.name}" đã chọn khi nhập.`);
    } else {
      rowUnit.set(r, unit);
    }
  }

  // Card numbers: unique inside the file; an existing holder must be one the caller may update.
  const firstRowOfCard = new Map<string, number>();
  for (const r of rows) {
    if (!r.cardNumber) continue;
    const first = firstRowOfCard.get(r.cardNumber);
    if (first !== undefined) problems.add(r.row, header('cardNumber'), `Số thẻ ${r.cardNumber} trùng với dòng ${first}.`);
    else firstRowOfCard.set(r.cardNumber, r.row);
  }
  const byCard = new Map<string, MemberRow>();
  for (const part of chunk([...firstRowOfCard.keys()])) {
    for (const m of await tx.selectFrom('members').selectAll().where('card_number', 'in', part).execute()) byCard.set(m.card_number!, m);
  }

  // Rows without a card find their member by chi bộ, name and birth date.
  const cardlessUnits = [...new Set(rows.filter((r) => !r.cardNumber && rowUnit.has(r)).map((r) => rowUnit.get(r)!.id))];
  const byPerson = new Map<string, MemberRow[]>();
  for (const part of chunk(cardlessUnits)) {
    for (const m of await tx.selectFrom('members').selectAll().where('unit_id', 'in', part).execute()) {
      const key = personKey(m.unit_id, m.full_name, m.birth_date);
      byPerson.set(key, [...(byPerson.get(key) ?? []), m]);
    }
  }
  const firstRowOfPerson = new Map<string, number>();

  const plans: Planned[] = [];
  const claimedBy = new Map<string, number>();
  for (const r of rows) {
    let existing: MemberRow | null = null;
    const unit = rowUnit.get(r);
    if (r.cardNumber) {
      existing = byCard.get(r.cardNumber) ?? null;
      if (existing && !canWriteMember(caller, { unitPath: existing.unit_path })) {
        problems.add(r.row, header('cardNumber'), `Số thẻ ${r.cardNumber} đã thuộc một đảng viên ngoài phạm vi bạn được cập nhật.`);
        continue;
      }
    } else if (unit) {
      const key = personKey(unit.id, fullNameOf(r), r.birthDate);
      const first = firstRowOfPerson.get(key);
      if (first !== undefined) {
        problems.add(
          r.row,
          header('fullName'),
          `Trùng họ tên, ngày sinh và chi bộ với dòng ${first}; hãy ghi số thẻ đảng viên để phân biệt.`,
        );
        continue;
      }
      firstRowOfPerson.set(key, r.row);
      const matches = byPerson.get(key) ?? [];
      if (matches.length > 1) {
        problems.add(
          r.row,
          header('fullName'),
          'Chi bộ có nhiều đảng viên cùng họ tên và ngày sinh; hãy ghi số thẻ đảng viên để phân biệt.',
        );
        continue;
      }
      existing = matches[0] ?? null;
    }
    if (existing) {
      const other = claimedBy.get(existing.id);
      if (other !== undefined) {
        problems.add(r.row, header('cardNumber'), `Dòng này và dòng ${other} cùng chỉ một đảng viên.`);
        continue;
      }
      claimedBy.set(existing.id, r.row);
      if (r.status && r.status !== existing.status && !canChangeStatus(existing.status as MemberStatus, r.status)) {
        problems.add(r.row, header('status'), 'Không thể đổi trạng thái của đảng viên đã từ trần.');
      }
    }
    const profile = nextProfile(r, existing);
    for (const p of profileProblems(profile)) problems.add(r.row, MEMBER_COLUMN[p.field as MemberColumnKey]?.header ?? '', `${p.message}.`);
    if (unit) plans.push({ row: r, unit, existing });
  }
  return plans;
}

/**
 * The profile after the import. Empty cells keep what an existing member has for facts that do
 * not un-happen (dates, gender, card); posts and flags follow the file, since they end.
 */
function nextProfile(r: MemberSheetRow, existing: MemberRow | null): MemberProfile {
  const current = existing ? profileOf(existing) : null;
  // The same full name keeps its stored split ("Tôn Nữ | Thị | Hoa" is not re-split as "Tôn | Nữ Thị | Hoa").
  const sameName = existing !== null && cleanText(existing.full_name) === fullNameOf(r);
  return {
    familyName: sameName ? current!.familyName : r.familyName,
    middleName: sameName ? current!.middleName : r.middleName,
    givenName: sameName ? current!.givenName : r.givenName,
    birthDate: r.birthDate ?? current?.birthDate ?? null,
    gender: r.gender ?? current?.gender ?? null,
    cardNumber: r.cardNumber ?? current?.cardNumber ?? null,
    admissionDate: r.admissionDate ?? current?.admissionDate ?? null,
    officialDate: r.officialDate ?? current?.officialDate ?? null,
    partyPosts: r.partyPosts,
    governmentPosts: r.governmentPosts,
    isLeader: r.isLeader,
    isHead: r.isHead,
    isCivilServant: r.isCivilServant,
  };
}

const COMPARED = [
  'family_name',
  'middle_name',
  'given_name',
  'birth_date',
  'gender',
  'card_number',
  'admission_date',
  'official_date',
  'party_posts',
  'government_posts',
  'is_leader',
  'is_head',
  'is_civil_servant',
] as const;

type StatusHistoryRow = {
  id: string;
  member_id: string;
  status: string;
  from_date: string;
  to_date: null;
  reason: string;
  created_at: string;
};
type UnitHistoryRow = {
  id: string;
  member_id: string;
  unit_id: string;
  from_date: string;
  to_date: null;
  reason: string;
  created_at: string;
};

async function write(ctx: AppContext, tx: Tx, caller: Caller, plans: Planned[]): Promise<ImportSummary> {
  const now = ctx.clock.now();
  const today = (await businessDate(tx, now)).date;
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };

  const newRows: NewMemberRow[] = [];
  const statusRows: StatusHistoryRow[] = [];
  const unitRows: UnitHistoryRow[] = [];
  const newAudits: AuditInput[] = [];
  // Open history periods to close, by closing date: members who moved, members whose status changed.
  const movedIds: string[] = [];
  const statusClosed = new Map<string, string[]>();
  const history = (memberId: string, unitId: string): UnitHistoryRow => ({
    id: newId(),
    member_id: memberId,
    unit_id: unitId,
    from_date: today,
    to_date: null,
    reason: IMPORT_REASON,
    created_at: now,
  });

  for (const { row, unit, existing } of plans) {
    const profile = nextProfile(row, existing);
    if (!existing) {
      const id = newId();
      const status = row.status ?? 'active';
      const member = newMemberRow(id, unit, profile, status, today, now);
      newRows.push(member);
      statusRows.push({ id: newId(), member_id: id, status, from_date: today, to_date: null, reason: IMPORT_REASON, created_at: now });
      unitRows.push(history(id, unit.id));
      newAudits.push({
        entityType: 'member',
        entityId: id,
        action: 'member.import',
        actorId: caller.accountId,
        scopePath: unit.path,
        at: now,
        after: memberSnapshot(member as MemberRow),
        isNew: true,
      });
      summary.created += 1;
      continue;
    }
    const columns = memberUpdateColumns(profileOf(existing), profile);
    const moved = existing.unit_id !== unit.id;
    const status = row.status ?? (existing.status as MemberStatus);
    const statusChanged = status !== existing.status;
    const changed = moved || statusChanged || COMPARED.some((k) => columns[k] !== existing[k]);
    if (!changed) {
      summary.unchanged += 1;
      continue;
    }
    // A new status period cannot start before the current one did.
    const since = existing.status_since && existing.status_since > today ? existing.status_since : today;
    const next = {
      ...columns,
      unit_id: unit.id,
      unit_path: unit.path,
      status,
      status_since: statusChanged ? since : existing.status_since,
      version: existing.version + 1,
      updated_at: now,
    };
    const result = await tx
      .updateTable('members')
      .set(next)
      .where('id', '=', existing.id)
      .where('version', '=', existing.version)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw new AppError('conflict.version', `Đảng viên ở dòng ${row.row} vừa được người khác sửa. Vui lòng nhập lại tệp.`);
    }
    if (moved || next.name_search !== existing.name_search || next.sort_key !== existing.sort_key) await refreshNameWords(tx, existing.id);
    if (moved) {
      movedIds.push(existing.id);
      unitRows.push(history(existing.id, unit.id));
    }
    if (statusChanged) {
      statusClosed.set(since, [...(statusClosed.get(since) ?? []), existing.id]);
      statusRows.push({
        id: newId(),
        member_id: existing.id,
        status,
        from_date: since,
        to_date: null,
        reason: IMPORT_REASON,
        created_at: now,
      });
    }
    await recordAudit(tx, {
      entityType: 'member',
      entityId: existing.id,
      action: 'member.import',
      actorId: caller.accountId,
      scopePath: unit.path,
      at: now,
      before: memberSnapshot(existing),
      after: memberSnapshot({ ...existing, ...next }),
    });
    summary.updated += 1;
  }

  // Close the open periods first, then open the new ones (same transaction).
  for (const part of chunk(movedIds)) {
    await tx
      .updateTable('member_unit_history')
      .set({ to_date: today })
      .where('member_id', 'in', part)
      .where('to_date', 'is', null)
      .execute();
  }
  for (const [date, ids] of statusClosed) {
    for (const part of chunk(ids)) {
      await tx
        .updateTable('member_status_history')
        .set({ to_date: date })
        .where('member_id', 'in', part)
        .where('to_date', 'is', null)
        .execute();
    }
  }
  await insertMembers(tx, newRows);
  for (const part of chunk(statusRows)) await tx.insertInto('member_status_history').values(part).execute();
  for (const part of chunk(unitRows)) await tx.insertInto('member_unit_history').values(part).execute();
  await recordAuditForNew(tx, newAudits);
  return summary;
}
