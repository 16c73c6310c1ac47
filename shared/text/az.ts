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
 * A key whose plain binary order is Azerbaijani dictionary order, so a
 * database without an Azerbaijani collation (SQLite) can sort by it with an
 * index. Letters map to two-character ranks after digits and before other
 * characters; case is folded first.
 */
export function sortKeyAz(text: string): string {
  let key = '';
  for (const char of foldAz(text)) {
    const rank = letterRank.get(char);
    if (rank !== undefined) key += String.fromCharCode(0x41 + rank);
    else if (char >= '0' && char <= '9') key += char;
    else if (/\s/u.test(char)) key += ' ';
    else if (/[\p{L}]/u.test(char)) key += `~${char}`;
  }
  return key;
}
