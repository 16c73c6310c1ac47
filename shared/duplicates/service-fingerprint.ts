import type { ServiceRecord } from '../domain/service-record';
import { normalizeServiceName, plainLetters } from '../review/name-similarity';
import { foldAz } from '../text/az';

/**
 * What duplicate detection reads of a service, reduced once so comparing
 * two services is set arithmetic. Every text goes through
 * normalizeServiceName (Azerbaijani case folding, punctuation and quotes
 * removed, filler words dropped, endings trimmed) and then plainLetters, so
 * "İŞSİZLİK", "işsizlik" and "issizlik", or "ISTEHSALAT" typed without the
 * dotted İ, give the same word. Word order never matters: word lists are
 * sorted.
 */

/** A service as duplicate detection sees it; a name proposal has no record. */
export type DuplicateSubject = {
  id: string;
  agencyId: string;
  name: string;
  record?: ServiceRecord | null;
};

/** A service reduced for comparison and blocking. */
export type ServiceFingerprint = {
  id: string;
  agencyId: string;
  name: string;
  /** The name's distinct words, normalized and plain, sorted. */
  nameWords: readonly string[];
  /** nameWords joined: equal keys are the same name. */
  nameKey: string;
  /** Trigrams of each name word, padded, so word order does not change them. */
  nameTrigrams: readonly string[];
  /**
   * Name words that make a different service of the same object: numbers
   * ("Forma 2" / "Forma 3") and actions other than issuing ("dəyişdirilməsi",
   * "ləğvi", "dublikatı"…). Two names whose marks differ are never duplicates.
   */
  distinctMarks: readonly string[];
  /** The result's words; empty when the record names no result. */
  resultWords: readonly string[];
  /** Each legal act as kind and number ("law:1234"), or its title when unnumbered. */
  legalActKeys: readonly string[];
  /** Each required document's normalized name. */
  documentKeys: readonly string[];
  /** MinHash of nameTrigrams, MINHASH_SIZE values, for LSH bands. */
  minHash: Uint32Array;
  /** Whether the subject carried a record (a name proposal does not). */
  hasRecord: boolean;
};

/**
 * Stems (after normalizeServiceName and plainLetters) of actions that turn
 * one object into several services. "verilməsi" (issue) is a filler word of
 * the normalizer, so a name without any of these is the issuing service.
 * "təyin edilməsi" is left out: agencies write "pensiyanın təyin edilməsi"
 * and "pensiyanın verilməsi" for the same service. "xaric edilməsi"
 * (expulsion) is left out too: its stem is that of "xarici" (foreign).
 */
const DISTINCT_ACTIONS: ReadonlySet<string> = new Set([
  'deyisdirilme',
  'deyisiklik',
  'yenilenme',
  'legv',
  'dublikat',
  'uzadilma',
  'berpa',
  'dayandirilma',
  'xitam',
  'imtina',
  'qaytarilma',
  'hesablanma',
  'cixarilma',
  'duzelis',
  'pozulma',
]);

/** Whether one edit (a letter added, dropped or changed) turns `a` into `b`. */
function isOneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length
    ? a.slice(i + 1) === b.slice(i)
    : a.slice(i) === b.slice(i + 1);
}

/**
 * A word one typing slip from an action ("dəişdirilməsi") is read as that
 * action, so the slip neither hides the action nor makes a new word; short
 * stems ("ləğv") are taken only as written. Added after the bench showed a
 * letter dropped from an action word losing a fifth of such duplicates.
 */
function canonicalAction(word: string): string {
  if (word.length < 5 || DISTINCT_ACTIONS.has(word)) return word;
  for (const action of DISTINCT_ACTIONS) {
    if (action.length >= 5 && isOneEditApart(word, action)) return action;
  }
  return word;
}

/** How many MinHash values a fingerprint keeps; LSH bands split them. */
export const MINHASH_SIZE = 16;

const MINHASH_SEEDS = Array.from({ length: MINHASH_SIZE }, (_, index) => [
  (Math.imul(index + 1, 0x9e3779b1) | 1) >>> 0,
  Math.imul(index + 7, 0x85ebca6b) >>> 0,
]);

/** Normalized, plain words of a text, distinct and sorted. */
export function plainWords(text: string): string[] {
  const words = normalizeServiceName(text)
    .split(' ')
    .filter((word) => word !== '')
    .map(plainLetters);
  return [...new Set(words)].sort();
}

function trigramsOf(words: readonly string[]): string[] {
  const trigrams = new Set<string>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) trigrams.add(padded.slice(i, i + 3));
  }
  return [...trigrams].sort();
}

/** FNV-1a, 32 bits: a stable hash for MinHash; no cryptographic strength needed. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function minHashOf(items: readonly string[]): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const item of items) {
    const hash = hashText(item);
    MINHASH_SEEDS.forEach(([a = 1, b = 0], index) => {
      const value = (Math.imul(hash ^ b, a) ^ (hash >>> 13)) >>> 0;
      if (value < (signature[index] ?? 0)) signature[index] = value;
    });
  }
  return signature;
}

function legalActKey(act: ServiceRecord['legalActs'][number]): string {
  const number = foldAz(act.number).replace(/[^\p{L}\p{N}]+/gu, '');
  if (number !== '') return `${act.kind}:${plainLetters(number)}`;
  const title = plainWords(act.title).join(' ');
  return title === '' ? '' : `${act.kind}:${title}`;
}

/** Builds the fingerprint of a service or of a name proposal. */
export function fingerprintService(subject: DuplicateSubject): ServiceFingerprint {
  const nameWords = [...new Set(plainWords(subject.name).map(canonicalAction))].sort();
  const nameTrigrams = trigramsOf(nameWords);
  const record = subject.record ?? null;
  const distinct = (keys: string[]) =>
    [...new Set(keys.filter((key) => key !== ''))].sort();
  return {
    id: subject.id,
    agencyId: subject.agencyId,
    name: subject.name,
    nameWords,
    nameKey: nameWords.join(' '),
    nameTrigrams,
    distinctMarks: nameWords.filter(
      (word) => /^\d+$/.test(word) || DISTINCT_ACTIONS.has(word),
    ),
    resultWords: record ? plainWords(record.result.name) : [],
    legalActKeys: record ? distinct(record.legalActs.map(legalActKey)) : [],
    documentKeys: record
      ? distinct(record.documents.map((document) => plainWords(document.name).join(' ')))
      : [],
    minHash: minHashOf(nameTrigrams),
    hasRecord: record !== null,
  };
}
