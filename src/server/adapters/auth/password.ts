// Password hashing with argon2id (OWASP's first choice), through a prebuilt native package.
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // Algorithm.Argon2id; a const enum in the package's types, so spelled out here.

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A readable one-time password for handing out on paper: no 0/O or 1/l confusion. */
export function generateInitialPassword(random: (n: number) => Buffer): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const digits = '23456789';
  const bytes = random(10);
  let out = '';
  for (let i = 0; i < 6; i++) out += letters[bytes[i] % letters.length];
  for (let i = 6; i < 10; i++) out += digits[bytes[i] % digits.length];
  return out;
}
