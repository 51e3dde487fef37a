// In-app notifications (issue 3 item 9): written in the transaction of the change they announce, so a
// rolled-back change notifies nobody. A dedupe key makes a reminder written by two servers, or by
// two runs of the reminder job, appear once.
import { newId } from '../clock.js';
import type { NotificationKind } from '../../../shared/campaign-vocabulary.js';
import type { Role } from '../../../shared/vocabulary.js';
import type { Tx } from '../../features/context.js';
import { isUniqueViolation } from './dialect.js';
import { ancestorPaths } from '../../domain/org-tree.js';

export interface NotificationInput {
  accountIds: readonly string[];
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** Path inside the browser app, e.g. PATHS.dossier(campaignId, unitId). */
  link?: string | null;
  campaignId?: string | null;
  /** Per recipient, `${dedupeKey}:${accountId}` is unique. */
  dedupeKey?: string | null;
  at: string;
}

function notificationRows(input: NotificationInput) {
  return [...new Set(input.accountIds)].map((accountId) => ({
    id: newId(),
    account_id: accountId,
    kind: input.kind,
    title: input.title,
    body: input.body ?? null,
    link: input.link ?? null,
    campaign_id: input.campaignId ?? null,
    dedupe_key: input.dedupeKey ? `${input.dedupeKey}:${accountId}` : null,
    created_at: input.at,
    read_at: null,
    emailed_at: null,
  }));
}

export async function notify(tx: Tx, input: NotificationInput): Promise<void> {
  const rows = notificationRows(input);
  if (rows.length === 0) return;
  if (!input.dedupeKey) {
    await tx.insertInto('notifications').values(rows).execute();
    return;
  }
  // Deduplicated notices: skip the ones already there (ON CONFLICT DO NOTHING on both databases).
  try {
    await tx
      .insertInto('notifications')
      .values(rows)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
}

/**
 * Many deduplicated notices at once (reminders over a whole province): 500 rows per insert, those
 * already there skipped (ON CONFLICT DO NOTHING on both databases), instead of one insert per notice.
 */
export async function notifyMany(tx: Tx, inputs: readonly NotificationInput[]): Promise<void> {
  const rows = inputs.flatMap((i) => {
    if (!i.dedupeKey) throw new Error('notifyMany: every notice needs a dedupe key');
    return notificationRows(i);
  });
  for (let k = 0; k < rows.length; k += 500) {
    await tx
      .insertInto('notifications')
      .values(rows.slice(k, k + 500))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}

/**
 * Accounts holding one of `roles` over a unit: a grant on the unit itself or on one of its
 * ancestors.
 */
export async function accountsWithRoles(tx: Tx, unitPath: string, roles: readonly Role[]): Promise<string[]> {
  const prefixes = ancestorPaths(unitPath);
  const rows = await tx
    .selectFrom('role_grants as g')
    .innerJoin('org_units as u', 'u.id', 'g.unit_id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select('g.account_id')
    .distinct()
    .where('g.role', 'in', roles)
    .where('u.path', 'in', prefixes)
    .where('a.disabled', '=', 0)
    .execute();
  return rows.map((r) => r.account_id);
}
