// Settings of the deployment (design §3, Setting). The business date drives deadlines and "the
// current year"; sessions and audit always use the real clock.
import type { Tx } from '../../features/context.js';

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
  const set = await getSetting(db, BUSINESS_DATE);
  return set ? { date: set, isReal: false } : { date: realNow.slice(0, 10), isReal: true };
}
