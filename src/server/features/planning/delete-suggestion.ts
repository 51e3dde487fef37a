// Deletes a draft suggestion (issue 3 item 4); an issued one stays, it is part of the record.
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { suggestionItemsOf } from '../../adapters/db/suggestions.repository.js';
import type { AppContext, Caller } from '../context.js';
import { assertSuggestionWritable, loadSuggestion } from './suggestion-access.js';

export async function deleteSuggestion(ctx: AppContext, principal: Caller, id: string): Promise<void> {
  const view = await loadSuggestion(ctx.db, principal, id);
  assertSuggestionWritable(view);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const items = (await suggestionItemsOf(tx, [id])).get(id) ?? [];
    await tx.deleteFrom('suggestion_items').where('suggestion_id', '=', id).execute();
    const r = await tx.deleteFrom('suggestions').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw new AppError('suggestion.invalid_transition');
    const s = view.suggestion;
    await recordAudit(tx, {
      entityType: 'suggestion',
      entityId: id,
      action: 'suggestion.delete',
      actorId: principal.accountId,
      scopePath: s.scope_path,
      at: now,
      before: { targetKind: s.target_kind, unitId: s.unit_id, memberId: s.member_id, title: s.title, items: items.map((i) => i.text) },
    });
  });
}
