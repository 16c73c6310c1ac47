import { DIGEST_KEYWORD_PREFIX } from './report-digest';

/**
 * The digest from a PDF's Keywords entry ("sha256:<hex>"), read from the
 * file's bytes: PDFKit writes the document information dictionary and its
 * values as plain objects, so no PDF library is needed. The entry may hold
 * the string or a reference to it ("26 0 R"); the last entry and the last
 * definition of an object win, as in an incrementally updated file. Returns
 * null when there is none, or when a tool that rewrote the file compressed
 * the dictionary into an object stream or encrypted it.
 */
export function pdfDigest(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.lastIndexOf('/Keywords');
  if (at < 0) return null;

  let from = at + '/Keywords'.length;
  const reference = /^\s*(\d+)\s+(\d+)\s+R/.exec(text.slice(from, from + 32));
  if (reference) {
    const definitions = [
      ...text.matchAll(
        new RegExp(`(?:^|\\s)${reference[1]}\\s+${reference[2]}\\s+obj`, 'g'),
      ),
    ];
    const last = definitions.at(-1);
    if (last === undefined) return null;
    from = last.index + last[0].length;
  }
  const value = readPdfString(text, from);
  if (value === null) return null;
  const match = new RegExp(`${DIGEST_KEYWORD_PREFIX}([0-9a-f]{64})`).exec(value);
  return match?.[1] ?? null;
}

/** Reads a literal "( … )" or hex "< … >" PDF string starting at or after `from`. */
function readPdfString(text: string, from: number): string | null {
  let index = from;
  while (/\s/.test(text[index] ?? '')) index += 1;
  const bytes: number[] = [];
  if (text[index] === '<') {
    const end = text.indexOf('>', index);
    if (end < 0) return null;
    const hex = text.slice(index + 1, end).replace(/\s/g, '');
    for (let i = 0; i < hex.length; i += 2) {
      bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
    }
    return decodePdfText(bytes);
  }
  if (text[index] !== '(') return null;

  let depth = 1;
  for (index += 1; index < text.length && depth > 0; index += 1) {
    const char = text[index] ?? '';
    if (char === '\\') {
      index += 1;
      const escaped = text[index] ?? '';
      const simple: Record<string, number> = {
        n: 10,
        r: 13,
        t: 9,
        b: 8,
        f: 12,
      };
      if (escaped in simple) bytes.push(simple[escaped] ?? 0);
      else if (/[0-7]/.test(escaped)) {
        const octal = /^[0-7]{1,3}/.exec(text.slice(index, index + 3))?.[0] ?? '0';
        bytes.push(parseInt(octal, 8) & 0xff);
        index += octal.length - 1;
      } else if (escaped !== '\n' && escaped !== '\r') {
        bytes.push(escaped.charCodeAt(0));
      }
      continue;
    }
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth > 0) bytes.push(char.charCodeAt(0));
  }
  return depth === 0 ? decodePdfText(bytes) : null;
}

/** A PDF text string: UTF-16BE after a FE FF mark, else PDFDocEncoding (ASCII here). */
function decodePdfText(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const units = Buffer.from(bytes.slice(2, 2 + ((bytes.length - 2) & ~1)));
    return units.swap16().toString('utf16le');
  }
  return Buffer.from(bytes).toString('latin1');
}
