// Edits a draft suggestion (issue 3 item 4) under its version; an issued one is read-only.
import type { z } from 'zod';
import type { SuggestionView, updateSuggestionBody } from '../../../shared/contracts/planning.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { findSuggestion, replaceSuggestionItems, suggestionItemsOf } from '../../adapters/db/suggestions.repository.js';
import type { AppContext, Caller } from '../context.js';
import { assertSuggestionWritable, changeDraftSuggestion, loadSuggestion, presentSuggestion } from './suggestion-access.js';

export async function updateSuggestion(
  ctx: AppContext,
  principal: Caller,
  id: string,
  input: z.infer<typeof updateSuggestionBody>,
): Promise<SuggestionView> {
  const view = await loadSuggestion(ctx.db, principal, id);
  assertSuggestionWritable(view);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const before = await changeDraftSuggestion(tx, id, { version: input.version, now }, () =>
      input.title !== undefined ? { title: input.title || null } : {},
    );
    const oldItems = (await suggestionItemsOf(tx, [id])).get(id) ?? [];
    if (input.items) await replaceSuggestionItems(tx, id, input.items);
    await recordAudit(tx, {
      entityType: 'suggestion',
      entityId: id,
      action: 'suggestion.update',
      actorId: principal.accountId,
      scopePath: before.scope_path,
      at: now,
      before: { title: before.title, items: oldItems.map((i) => i.text) },
      after: { title: input.title !== undefined ? input.title || null : before.title, items: input.items ?? oldItems.map((i) => i.text) },
    });
  });
  const suggestion = (await findSuggestion(ctx.db, id))!;
  return presentSuggestion(ctx.db, { ...view, suggestion });
}
