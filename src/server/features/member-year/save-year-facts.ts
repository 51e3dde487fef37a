// The unit committee records a member's facts of the year by hand (issue 3 item 5): the inputs of
// the disqualifiers and caps of regulations §2.4 (R1–R6) and §11.4 (R1'', R15). Version-locked and
// audited with before and after, in one transaction.
import type { SaveYearFactsBody, YearFactsView } from '../../../shared/contracts/member-year.js';
import { formatVietnameseDate } from '../../../shared/dates.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { isUniqueViolation } from '../../adapters/db/dialect.js';
import {
  businessYear,
  closedCampaignPaths,
  columnsOfRow,
  findFactsRow,
  insertYearFacts,
  sameFacts,
  updateYearFactsAtVersion,
  yearFactsColumns,
  yearFactsOf,
  yearFactsSnapshot,
} from '../../adapters/db/member-year.repository.js';
import { canReadYearFacts, canWriteYearFacts } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { assertFactsYear, callerOf, closedOver, memberFor, targetOf } from './member-year-access.js';

/** Regulations §2.4 R1: a discipline counts in the year it was imposed, so its date lies in that year. */
export function disciplineYearProblem(date: string, year: number): string | null {
  return date.slice(0, 4) === String(year) ? null : `Ngày kỷ luật ${formatVietnameseDate(date)} không thuộc năm ${year}.`;
}

export async function saveYearFacts(
  ctx: AppContext,
  caller: Caller,
  memberId: string,
  year: number,
  body: SaveYearFactsBody,
): Promise<YearFactsView> {
  return ctx.db.transaction().execute(async (tx) => {
    const member = await memberFor(tx, caller, memberId, canReadYearFacts, 'facts.not_found');
    if (!canWriteYearFacts(callerOf(caller), targetOf(member))) {
      throw new AppError('auth.forbidden', 'Chỉ cấp ủy cơ sở ghi thông tin trong năm của đảng viên.');
    }
    const now = ctx.clock.now();
    assertFactsYear(year, await businessYear(tx, now));
    for (const d of body.disciplines) {
      const problem = disciplineYearProblem(d.date, year);
      if (problem) throw new AppError('facts.invalid', problem);
    }
    if (closedOver(await closedCampaignPaths(tx, year), member.unitPath)) {
      throw new AppError('campaign.closed', `Đợt kiểm điểm năm ${year} đã kết thúc; thông tin trong năm không sửa được nữa.`);
    }

    const columns = yearFactsColumns(body);
    const existing = await findFactsRow(tx, memberId, year);
    const audit = { entityType: 'member_year_facts', actorId: caller.accountId, scopePath: member.unitPath, at: now };
    let id: string;
    if (!existing) {
      if (body.version !== undefined) throw new AppError('conflict.version');
      id = newId();
      try {
        await insertYearFacts(tx, [{ id, memberId, year, columns, actorId: caller.accountId, now }]);
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('conflict.version');
        throw e;
      }
      await recordAudit(tx, {
        ...audit,
        entityId: id,
        action: 'member_year_facts.create',
        isNew: true,
        after: yearFactsSnapshot(memberId, year, columns),
      });
    } else {
      if (body.version === undefined || body.version !== existing.version) throw new AppError('conflict.version');
      id = existing.id;
      const before = columnsOfRow(existing);
      if (!sameFacts(before, columns)) {
        await updateYearFactsAtVersion(tx, { id, version: existing.version, columns, actorId: caller.accountId, now });
        await recordAudit(tx, {
          ...audit,
          entityId: id,
          action: 'member_year_facts.update',
          before: yearFactsSnapshot(memberId, year, before),
          after: yearFactsSnapshot(memberId, year, columns),
        });
      }
    }
    const saved = await findFactsRow(tx, memberId, year);
    return {
      memberId: member.id,
      memberName: member.fullName,
      unitName: member.unitName,
      year,
      facts: saved ? yearFactsOf(saved) : null,
      canWrite: true,
    };
  });
}
