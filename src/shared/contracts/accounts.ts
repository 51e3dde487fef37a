// Contracts of account administration and personal API tokens (issue 2 item 6), beside the
// account shapes of contracts/auth.ts (accountView, createAccountBody, grantRoleBody, …).
import { z } from 'zod';
import { accountView } from './auth.js';
import { id, paging, requiredText } from './common.js';

export const listAccountsQuery = paging.extend({
  /** Matches the username or the display name, ignoring diacritics and case. */
  q: z.string().max(200).optional(),
});

export const accountList = z.object({ items: z.array(accountView), total: z.number() });

export const accountIdParams = z.object({ id });
export const grantIdParams = z.object({ id, grantId: id });

export const apiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenView>;

export const createTokenBody = z.object({ name: requiredText(100) });

/** The token itself is shown once, here; only its sha-256 is stored. */
export const createdToken = apiTokenView.extend({ token: z.string() });

export const tokenList = z.object({ items: z.array(apiTokenView) });
