// Settings of the deployment (design §3, Setting). The business date drives deadlines and "the
// current year"; sessions and audit always use the real clock.
import type { ServerCaches, Tx } from '../../features/context.js';

export const BUSINESS_DATE = 'business_date';

export async function getSetting(db: Tx, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(db: Tx, key: string, value: string, now: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

export async function businessDate(db: Tx, realNow: string): Promise<{ date: string; isReal: boolean }> {
  return businessDateFrom(await getSetting(db, BUSINESS_DATE), realNow);
}

/**
 * The business date for a read path, remembered for a second like units (short-lived-cache.ts):
 * every cockpit page reads it before its own cache. Writes read the database itself.
 */
export async function businessDateCached(ctx: ServerCaches & { db: Tx }): Promise<{ date: string; isReal: boolean }> {
  const { value } = await ctx.caches.settings.getOrLoad(BUSINESS_DATE, ctx.clock.nowMs(), async () => ({
    value: await getSetting(ctx.db, BUSINESS_DATE),
  }));
  return businessDateFrom(value, ctx.clock.now());
}

function businessDateFrom(set: string | null, realNow: string): { date: string; isReal: boolean } {
  return set ? { date: set, isReal: false } : { date: realNow.slice(0, 10), isReal: true };
}
