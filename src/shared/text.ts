// Vietnamese text helpers shared by the server and the browser. Pure; no I/O.

/** Stored text is NFC (design §4): the same letter must be the same bytes in every row. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Collapses runs of whitespace and trims, after NFC. */
export function cleanText(s: string): string {
  return nfc(s).replace(/\s+/gu, ' ').trim();
}

/**
 * Folds diacritics and case for search: "Nguyễn Thị Thúy" → "nguyen thi thuy", "Đặng" → "dang".
 * `đ` is a separate letter, not a letter with a mark, so NFD alone does not fold it.
 */
export function foldForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * The stored search text of a person's name: folded, with a leading space so that "starts a word"
 * is the substring " q" (docs/decisions/0005-search-and-roster-order.md).
 */
export function nameSearchText(fullName: string): string {
  return ` ${foldForSearch(fullName)}`;
}

/** The distinct words of a folded search text: the keys of the name-word index. */
export function nameWords(searchText: string): string[] {
  return [...new Set(searchText.split(' ').filter(Boolean))];
}

/**
 * The distinct words of a folded search text, each with the 1-based position of the space before
 * its first occurrence: " nguyen thi thuy" → nguyen 1, thi 8, thuy 12. A prefix search keeps, of a
 * name's words starting with the prefix, only the first (docs/decisions/0011).
 */
export function nameWordOffsets(searchText: string): { word: string; offset: number }[] {
  const seen = new Map<string, number>();
  let at = 0;
  for (const part of searchText.split(' ')) {
    if (part && !seen.has(part)) seen.set(part, at);
    at += part.length + 1;
  }
  return [...seen].map(([word, offset]) => ({ word, offset }));
}

// Vietnamese alphabet order (primary level): a < ă < â < b < c < d < đ < e < ê < … < o < ô < ơ < … < u < ư.
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
// Tone order (secondary level): none < huyền < hỏi < ngã < sắc < nặng.
const TONE_MARKS: Record<string, number> = {
  '\u0300': 1, // huyền
  '\u0309': 2, // hỏi
  '\u0303': 3, // ngã
  '\u0301': 4, // sắc
  '\u0323': 5, // nặng
};
// Marks that make a different letter (ă, â, ê, ô, ơ, ư), kept when tones are removed.
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031B']);

const FIELD_SEPARATOR = '\u0021';
const WORD_SEPARATOR = '\u0022';
const TONE_BASE = 0x23; // six tone codes 0x23..0x28, all below every letter code
const LETTER_BASE = 0x30;

function wordKey(word: string): string {
  let primary = '';
  let tones = '';
  const lower = word.toLowerCase().normalize('NFD');
  // Walk letter by letter: a base letter followed by its combining marks.
  const letters = lower.match(/\P{M}\p{M}*/gu) ?? [];
  for (const cluster of letters) {
    let base = cluster[0];
    let tone = 0;
    let letterMarks = '';
    for (const mark of cluster.slice(1)) {
      if (TONE_MARKS[mark] !== undefined) tone = TONE_MARKS[mark];
      else if (LETTER_MARKS.has(mark)) letterMarks += mark;
    }
    base = (base + letterMarks).normalize('NFC');
    const index = ALPHABET.indexOf(base);
    // Letters outside the alphabet (digits, foreign letters) sort after it, by code point.
    primary += index >= 0 ? String.fromCharCode(LETTER_BASE + index) : String.fromCharCode(0x60 + (base.codePointAt(0)! % 0x1f));
    tones += String.fromCharCode(TONE_BASE + tone);
  }
  // Primary letters first, then tones: "Thu" < "Thù" < "Thủ" < "Thú" but "Thu" < "Thua".
  return primary + tones;
}

function fieldKey(field: string): string {
  return cleanText(field).split(' ').filter(Boolean).map(wordKey).join(WORD_SEPARATOR);
}

/**
 * Sort key of a party roster (design §3): given name, then family name, then middle name, each in
 * Vietnamese order. Compared byte by byte (SQLite BINARY, PostgreSQL COLLATE "C"), it orders rows as
 * a party office orders its lists, which neither database can collate on its own.
 */
export function rosterSortKey(name: { familyName: string; middleName: string; givenName: string }): string {
  return [fieldKey(name.givenName), fieldKey(name.familyName), fieldKey(name.middleName)].join(FIELD_SEPARATOR);
}

/** Splits "Nguyễn Thị Thúy" into family "Nguyễn", middle "Thị", given "Thúy". */
export function splitFullName(fullName: string): { familyName: string; middleName: string; givenName: string } {
  const words = cleanText(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { familyName: '', middleName: '', givenName: '' };
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0] };
  return {
    familyName: words[0],
    middleName: words.slice(1, -1).join(' '),
    givenName: words[words.length - 1],
  };
}

export function joinFullName(name: { familyName: string; middleName: string; givenName: string }): string {
  return cleanText([name.familyName, name.middleName, name.givenName].join(' '));
}
