// Sessions live in the database so any app server can serve any request (design §5).
import { randomToken, sha256 } from '../clock.js';
import type { Tx } from '../../features/context.js';

export interface SessionInfo {
  sessionId: string;
  accountId: string;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
}

export async function createSession(
  db: Tx,
  accountId: string,
  nowMs: number,
  idleMinutes: number,
  userAgent: string | null,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const now = new Date(nowMs).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      account_id: accountId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(nowMs + idleMinutes * 60_000).toISOString(),
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

/**
 * Finds a live session and slides its expiry. The write happens at most once a minute per session,
 * so a busy page does not turn every read into a write.
 */
export async function touchSession(db: Tx, token: string, nowMs: number, idleMinutes: number): Promise<SessionInfo | null> {
  const id = sha256(token);
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const now = new Date(nowMs).toISOString();
  if (row.expires_at <= now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (nowMs - Date.parse(row.last_seen_at) > 60_000) {
    const expiresAt = new Date(nowMs + idleMinutes * 60_000).toISOString();
    await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
    row.expires_at = expiresAt;
  }
  return { sessionId: id, accountId: row.account_id, csrfToken: row.csrf_token, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at };
}

export async function deleteSession(db: Tx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteAccountSessions(db: Tx, accountId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('account_id', '=', accountId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function findTokenAccount(db: Tx, token: string, now: string): Promise<string | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'account_id', 'last_used_at'])
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return row.account_id;
}
