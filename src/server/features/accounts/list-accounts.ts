// The accounts page (issue 2 item 6): the accounts the caller administers, scoped in SQL
// (account-access.ts), searched by username or name without diacritics, one page with the total.
import type { z } from 'zod';
import { sql } from 'kysely';
import type { AccountView } from '../../../shared/contracts/auth.js';
import type { listAccountsQuery } from '../../../shared/contracts/accounts.js';
import { foldForSearch, nfc } from '../../../shared/text.js';
import { likeContains } from '../../adapters/db/dialect.js';
import type { AppContext, Caller } from '../context.js';
import { accountViews, requireAccountAdmin, visibleAccountsCondition } from './account-access.js';

export async function listAccounts(
  ctx: AppContext,
  caller: Caller,
  query: z.infer<typeof listAccountsQuery>,
): Promise<{ items: AccountView[]; total: number }> {
  const paths = requireAccountAdmin(caller);
  let q = ctx.db.selectFrom('accounts as a').leftJoin('members as m', 'm.id', 'a.member_id');
  q = q.where((eb) => visibleAccountsCondition(eb, caller, paths) ?? sql<boolean>`1 = 1`);
  const text = query.q?.trim();
  if (text) {
    const folded = foldForSearch(text);
    // Usernames and members' search names are folded already; display names are matched as typed.
    q = q.where((eb) =>
      eb.or([likeContains('a.username', folded), likeContains('m.name_search', folded), likeContains('a.display_name', nfc(text))]),
    );
  }
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q
      .select('a.id')
      .orderBy('a.username')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return {
    total: Number(count.total),
    items: await accountViews(
      ctx.db,
      rows.map((r) => r.id),
    ),
  };
}
