// Exports a unit subtree's members to .xlsx (issue 2 item 5), in roster order, with the columns of
// the import template so that the file re-imports unchanged. Rows are read page by page and streamed
// out, so a province of 150,000 members fits in little memory.
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors.js';
import { formatVietnameseDate } from '../../../shared/dates.js';
import { findUnit } from '../../adapters/db/org-units.repository.js';
import { scopedMembersQuery } from '../../adapters/db/members.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import type { MemberRow } from '../../adapters/db/schema.js';
import { streamTable, type OutCell } from '../../adapters/xlsx/write-sheet.js';
import { canReadUnit, memberReadScope, unitAbilities } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { sheetColumns } from './download-template.js';
import { MEMBER_COLUMNS, MEMBER_SHEET_NAME, memberRowCells } from './member-sheet.js';

const PAGE = 2000;

export async function exportMembers(
  ctx: AppContext,
  caller: Caller,
  input: { unitId: string },
): Promise<{ fileName: string; stream: Readable }> {
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit || !canReadUnit(caller, unit)) throw new AppError('org_unit.not_found');
  // Design §2: reading member profiles of a subtree; a member's "R self" does not reach a list.
  if (!unitAbilities(caller, unit).exportMembers) throw new AppError('auth.forbidden');
  const scope = memberReadScope(caller);
  const db = ctx.db;

  // The roster order is fixed once (ids only, one sort of the subtree), then full rows are read by
  // id, page by page: a keyset page "after (sort_key, id)" would make either database sort the whole
  // subtree again for every page, since the subtree filter and the roster order use different indexes.
  async function* pages(): AsyncGenerator<OutCell[][]> {
    const order = await scopedMembersQuery(db, { scope, unitPath: unit!.path })
      .select('m.id')
      .orderBy('m.sort_key')
      .orderBy('m.id')
      .execute();
    let stt = 0;
    for (let i = 0; i < order.length; i += PAGE) {
      const ids = order.slice(i, i + PAGE).map((r) => r.id);
      const rows = (await scopedMembersQuery(db, { scope, unitPath: unit!.path })
        .innerJoin('org_units as u', 'u.id', 'm.unit_id')
        .selectAll('m')
        .select('u.code as unit_code')
        .where('m.id', 'in', ids)
        .execute()) as (MemberRow & { unit_code: string })[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      const page: OutCell[][] = [];
      // A member moved out of the subtree meanwhile is simply not there any more.
      for (const id of ids) {
        const m = byId.get(id);
        if (m) page.push(memberRowCells(++stt, m, m.unit_code));
      }
      yield page;
    }
  }

  const today = formatVietnameseDate((await businessDate(ctx.db, ctx.clock.now())).date).replace(/\//g, '-');
  const stream = streamTable({
    sheetName: MEMBER_SHEET_NAME,
    columns: sheetColumns(MEMBER_COLUMNS),
    pages: pages(),
    onError: (e) => console.error('[tusoi] xuất danh sách đảng viên lỗi:', e),
  });
  return { fileName: `Đảng viên - ${unit.name} - ${today}.xlsx`, stream };
}
