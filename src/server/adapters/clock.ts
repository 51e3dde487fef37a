// Ids and time come from the application (docs/decisions/0004-ids-and-time.md).
import { createHash, randomBytes } from 'node:crypto';

export interface Clock {
  /** Real time, ISO-8601 UTC: sessions and audit always use it (design §3, Setting). */
  now(): string;
  nowMs(): number;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  nowMs: () => Date.now(),
};

/**
 * Time-ordered, lowercase base-36 ids (22 characters): sortable like creation order, safe inside
 * materialized paths ([0-9a-z] only), unique across app servers thanks to 80 random bits.
 */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, '0');
  const bytes = randomBytes(10);
  let rand = '';
  for (const b of bytes) rand += (b % 36).toString(36);
  // 10 bytes mod 36 keeps ~51 bits; add 3 more characters for margin.
  for (const b of randomBytes(3)) rand += (b % 36).toString(36);
  return time + rand;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
