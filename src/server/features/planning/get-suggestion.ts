// One suggestion with its items and whether each is answered yet (issue 3 item 4).
import type { SuggestionView } from '../../../shared/contracts/planning.js';
import type { AppContext, Caller } from '../context.js';
import { loadSuggestion, presentSuggestion } from './suggestion-access.js';

export async function getSuggestion(ctx: AppContext, principal: Caller, id: string): Promise<SuggestionView> {
  return presentSuggestion(ctx.db, await loadSuggestion(ctx.db, principal, id));
}
