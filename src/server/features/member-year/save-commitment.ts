// A member writes their own commitment of the year (design §2: member "own commitment"; issue 3
// item 5), item by item. Item ids stay the same across edits: the review checks the commitment
// item by item (review-content.ts, commitment). Past years are the record of that year: read-only.
import type { CommitmentItem, CommitmentView, SaveCommitmentBody } from '../../../shared/contracts/member-year.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { isUniqueViolation } from '../../adapters/db/dialect.js';
import {
  businessYear,
  commitmentItemsOf,
  findCommitmentRow,
  insertCommitment,
  updateCommitmentAtVersion,
} from '../../adapters/db/member-year.repository.js';
import { canReadCommitment, canWriteCommitment } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { callerOf, memberFor, targetOf } from './member-year-access.js';

/** Items keep the ids they were saved with; new items (or ids not of this commitment) get new ones. */
function withStableIds(items: SaveCommitmentBody['items'], previous: CommitmentItem[]): CommitmentItem[] {
  const known = new Set(previous.map((i) => i.id));
  const used = new Set<string>();
  return items.map((i) => {
    const id = i.id && known.has(i.id) && !used.has(i.id) ? i.id : newId();
    used.add(id);
    return { id, text: i.text };
  });
}

const sameItems = (a: CommitmentItem[], b: CommitmentItem[]) => JSON.stringify(a) === JSON.stringify(b);

export async function saveCommitment(
  ctx: AppContext,
  caller: Caller,
  memberId: string,
  year: number,
  body: SaveCommitmentBody,
): Promise<CommitmentView> {
  return ctx.db.transaction().execute(async (tx) => {
    const member = await memberFor(tx, caller, memberId, canReadCommitment, 'commitment.not_found');
    if (!canWriteCommitment(callerOf(caller), targetOf(member))) {
      throw new AppError('auth.forbidden', 'Chỉ đảng viên tự viết và sửa bản cam kết của mình.');
    }
    const now = ctx.clock.now();
    const current = await businessYear(tx, now);
    if (year < current) {
      throw new AppError('commitment.past_year', `Bản cam kết năm ${year} đã qua; chỉ được xem, không sửa được nữa.`);
    }
    if (year > current) throw new AppError('request.invalid', `Chỉ viết được bản cam kết của năm ${current}.`);

    const existing = await findCommitmentRow(tx, memberId, year);
    const audit = { entityType: 'commitment', actorId: caller.accountId, scopePath: member.unitPath, at: now };
    if (!existing) {
      // A version sent for a commitment that does not exist: the page was read before someone else's save.
      if (body.version !== undefined) throw new AppError('conflict.version');
      const id = newId();
      const items = withStableIds(body.items, []);
      try {
        await insertCommitment(tx, { id, memberId, year, items, actorId: caller.accountId, now });
      } catch (e) {
        // Two first saves at once (two tabs): the second is told to reload, as for any conflict.
        if (isUniqueViolation(e)) throw new AppError('conflict.version');
        throw e;
      }
      await recordAudit(tx, { ...audit, entityId: id, action: 'commitment.create', isNew: true, after: { memberId, year, items } });
      return { id, memberId, year, items, version: 1, updatedAt: now, editable: true };
    }

    if (body.version === undefined || body.version !== existing.version) throw new AppError('conflict.version');
    const previous = commitmentItemsOf(existing);
    const items = withStableIds(body.items, previous);
    if (sameItems(items, previous)) {
      return { id: existing.id, memberId, year, items, version: existing.version, updatedAt: existing.updated_at, editable: true };
    }
    await updateCommitmentAtVersion(tx, { id: existing.id, version: existing.version, items, actorId: caller.accountId, now });
    await recordAudit(tx, {
      ...audit,
      entityId: existing.id,
      action: 'commitment.update',
      before: { memberId, year, items: previous },
      after: { memberId, year, items },
    });
    return { id: existing.id, memberId, year, items, version: existing.version + 1, updatedAt: now, editable: true };
  });
}
