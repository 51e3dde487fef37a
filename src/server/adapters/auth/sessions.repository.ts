// Sessions live in the database so any app server can serve any request (design §5).
import { randomToken, sha256 } from '../clock.js';
import type { Tx } from '../../features/context.js';
import { loadSessionCaller, loadTokenCaller, type CallerRecord } from './principal.repository.js';

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
 * Finds a live session with its caller, in one query, and slides its expiry. The write happens at
 * most once a minute per session, so a busy page does not turn every read into a write.
 */
export async function touchSession(
  db: Tx,
  token: string,
  nowMs: number,
  idleMinutes: number,
): Promise<(SessionInfo & { caller: CallerRecord }) | null> {
  const id = sha256(token);
  const found = await loadSessionCaller(db, id);
  if (!found) return null;
  const now = new Date(nowMs).toISOString();
  if (found.expiresAt <= now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  let expiresAt = found.expiresAt;
  if (nowMs - Date.parse(found.lastSeenAt) > 60_000) {
    expiresAt = new Date(nowMs + idleMinutes * 60_000).toISOString();
    await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
  }
  return {
    sessionId: id,
    accountId: found.caller.principal.accountId,
    csrfToken: found.csrfToken,
    expiresAt,
    lastSeenAt: found.lastSeenAt,
    caller: found.caller,
  };
}

export async function deleteSession(db: Tx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteAccountSessions(db: Tx, accountId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('account_id', '=', accountId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The caller of a live API token; its last use is recorded at most once a minute. */
export async function findTokenCaller(db: Tx, token: string, now: string): Promise<CallerRecord | null> {
  const found = await loadTokenCaller(db, sha256(token));
  if (!found) return null;
  if (!found.lastUsedAt || Date.parse(now) - Date.parse(found.lastUsedAt) > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', found.tokenId).execute();
  }
  return found.caller;
}
