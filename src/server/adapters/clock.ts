// Ids and time come from the application (docs/decisions/0004-ids-and-time.md).
import { createHash, randomBytes, randomFillSync } from 'node:crypto';

export interface Clock {
  /** Real time, ISO-8601 UTC: sessions and audit always use it (design §3, Setting). */
  now(): string;
  nowMs(): number;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  nowMs: () => Date.now(),
};

// Random bytes are drawn from a pool refilled 4 KB at a time: a bulk import makes tens of
// thousands of ids, and one system call per id cost more than the rest of the id.
const POOL = Buffer.alloc(4096);
let poolOffset = POOL.length;
function randomDigits(n: number): string {
  if (poolOffset + n > POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  let out = '';
  for (let i = 0; i < n; i++) out += (POOL[poolOffset + i] % 36).toString(36);
  poolOffset += n;
  return out;
}

/**
 * Time-ordered, lowercase base-36 ids (22 characters): sortable like creation order, safe inside
 * materialized paths ([0-9a-z] only), unique across app servers thanks to 13 random base-36
 * digits (~67 bits).
 */
export function newId(): string {
  return Date.now().toString(36).padStart(9, '0') + randomDigits(13);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
