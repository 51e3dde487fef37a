// One-time passwords typed by an administrator: letters and digits, no look-alikes (0/O, 1/l/I),
// so they can be read out over the phone. The rule of the shared contract (≥ 8, letters and digits)
// is met by construction.
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

export function generatePassword(length = 10): string {
  const all = LETTERS + DIGITS;
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  const chars = [...bytes].map((b) => all[b % all.length]);
  // Guarantee both kinds at fixed random positions.
  chars[bytes[0] % length] = LETTERS[bytes[1] % LETTERS.length];
  let d = bytes[2] % length;
  if (d === bytes[0] % length) d = (d + 1) % length;
  chars[d] = DIGITS[bytes[3] % DIGITS.length];
  return chars.join('');
}
