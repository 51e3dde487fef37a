// Who may read the rule sets: staff, i.e. any account holding a grant other than `member` (design §2:
// rule sets are configuration, shown to those who run the review; a member sees only their own forms).
import { AppError } from '../../../shared/errors.js';
import type { Caller } from '../context.js';

export function assertMayReadRuleSets(caller: Caller): void {
  if (!caller.grants.some((g) => g.role !== 'member')) throw new AppError('auth.forbidden');
}
