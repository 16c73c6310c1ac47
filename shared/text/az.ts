/**
 * Azerbaijani-aware text handling. Azerbaijani has dotted and dotless i as
 * separate letters (İ/i and I/ı), so the default Unicode lower-casing (which
 * maps "I" to "i") is wrong here, and plain code-point order puts ç, ə, ğ,
 * ı, ö, ş, ü after z.
 */

/** The Azerbaijani Latin alphabet in dictionary order. */
export const AZ_ALPHABET = 'abcçdeəfgğhxıijkqlmnoöprsştuüvyz';

const collator = new Intl.Collator('az', { sensitivity: 'base', numeric: true });

/** Compares two strings in Azerbaijani dictionary order. */
export function compareAz(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Lower-cases by Azerbaijani rules: I → ı, İ → i; for case-insensitive search. */
export function foldAz(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('az');
}

/** Whether `haystack` contains `needle`, ignoring case by Azerbaijani rules. */
export function includesAz(haystack: string, needle: string): boolean {
  return foldAz(haystack).includes(foldAz(needle));
}

const letterRank = new Map<string, number>(
  [...AZ_ALPHABET].map((letter, index) => [letter, index]),
);

/**
 * Punctuation and symbols, ranked by the collator itself so that keys and
 * compareAz cannot disagree about them; marks it treats as equal (the
 * various quotes) share a rank. A character missing here ranks after all of
 * them, which may differ from compareAz for rare symbols.
 */
const SYMBOLS = '_-–—,;:!?.…·\'‘’"“”„«»()[]{}§@*/\\&#%`^°+<=>|~$№';
const UNKNOWN_SYMBOL_RANK = '~';
const symbolRank = rankSymbols();

function rankSymbols(): Map<string, string> {
  const sorted = [...SYMBOLS].sort(compareAz);
  const ranks = new Map<string, string>();
  let rank = 0;
  sorted.forEach((char, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && compareAz(previous, char) !== 0) rank += 1;
    ranks.set(char, String.fromCharCode(0x41 + rank));
  });
  return ranks;
}

/**
 * A number's key: its digit count, then its digits, so that 2 sorts before
 * 10 as compareAz's numeric collation has it. Leading zeros do not count.
 * Numbers of 16 digits or more share one length mark and sort by digits,
 * which is wrong only for such long numbers of different lengths.
 */
function numberKey(digits: string): string {
  const significant = digits.replace(/^0+/, '');
  return String.fromCharCode(0x30 + Math.min(significant.length, 16)) + significant;
}

/**
 * A key whose plain binary order is Azerbaijani dictionary order, so a
 * database without an Azerbaijani collation (SQLite) can sort by it with an
 * index. As in compareAz, case is folded and spaces sort before punctuation
 * and symbols ("!" and a rank), which sort before numbers (0x30–0x40), which
 * sort before letters (one character each from "A"). Letters outside the
 * Azerbaijani alphabet (w, Cyrillic) sort after z, whereas compareAz puts w
 * between v and y: a list holding such names may be ordered differently by
 * the database and by the renderer.
 */
export function sortKeyAz(text: string): string {
  let key = '';
  for (const token of foldAz(text).match(/\d+|./gsu) ?? []) {
    const rank = letterRank.get(token);
    if (rank !== undefined) key += String.fromCharCode(0x41 + rank);
    else if (/^\d/.test(token)) key += numberKey(token);
    else if (/\s/u.test(token)) key += ' ';
    else if (/[\p{P}\p{S}]/u.test(token)) {
      key += `!${symbolRank.get(token) ?? UNKNOWN_SYMBOL_RANK}`;
    } else if (/\p{L}/u.test(token)) key += `~${token}`;
  }
  return key;
}
