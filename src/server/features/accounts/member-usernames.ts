// Usernames for members' accounts, readable on a paper handout: the given name, a dot, then the
// family and middle names, without diacritics ("Nguyễn Thị Thúy" → "thuy.nguyenthi"), with a number
// when taken ("thuy.nguyenthi2"). Vietnamese offices address people by their given name, so it
// comes first, as in the common e-mail habit of government offices. Pure.
import { foldForSearch } from '../../../shared/text.js';

/** Room left for a numeric suffix inside the 50 characters a username may have. */
const MAX_BASE = 44;

export function asciiSlug(s: string): string {
  return foldForSearch(s).replace(/[^a-z0-9]/g, '');
}

export function usernameBase(name: { familyName: string; middleName: string; givenName: string }): string {
  const given = asciiSlug(name.givenName);
  const rest = asciiSlug(`${name.familyName} ${name.middleName}`);
  let base = given && rest ? `${given}.${rest}` : given || rest;
  if (base.length < 3) base = `dv.${base || 'dangvien'}`; // usernames have at least 3 characters
  return base.slice(0, MAX_BASE).replace(/\.$/, '');
}

/** The base if free, else the base with the smallest number from 2 that is free; marks it taken. */
export function pickUsername(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}
