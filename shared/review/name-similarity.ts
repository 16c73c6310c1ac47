import { compareAz, foldAz } from '../text/az';

/**
 * Flags a proposed service name that is close to an existing one, so the
 * reviewer approving a name sees the likely duplicates (removing duplicated
 * services is one of DXER's stated goals). Names are compared after
 * normalizeServiceName, by the share of words they have in common and by
 * character trigrams, which catch typing slips and other endings. Words are
 * compared without Azerbaijani letters' marks, so a name typed on a plain
 * keyboard ("vesiqe" for "vəsiqə", "I" for "İ") still shares its words.
 */

/** Folded letters without their Azerbaijani marks, as typed on a plain keyboard. */
const PLAIN_LETTERS: Readonly<Record<string, string>> = {
  ə: 'e',
  ı: 'i',
  ö: 'o',
  ü: 'u',
  ç: 'c',
  ş: 's',
  ğ: 'g',
};

/** A folded word as typed on a plain keyboard: "vəsiqə" → "vesiqe", "ıstehsalat" → "istehsalat". */
export function plainLetters(word: string): string {
  return word.replace(/[əıöüçşğ]/gu, (char) => PLAIN_LETTERS[char] ?? char);
}

/**
 * Words that nearly every service name carries, so sharing them says
 * nothing: the head nouns of "… verilməsi" / "dövlət xidməti", postpositions
 * ("haqqında", "barədə", "üzrə", "üçün") and conjunctions ("və", "ilə").
 * Kept short on purpose: a longer list starts to drop words that tell two
 * services apart ("qeydiyyatı", "arayış").
 */
const FILLER_WORDS: ReadonlySet<string> = new Set(
  ['verilmə', 'haqqında', 'barədə', 'üzrə', 'üçün', 'və', 'ilə', 'dövlət', 'xidmət'].map(
    plainLetters,
  ),
);

/**
 * Endings trimmed from a word, outermost first: case (genitive, accusative),
 * then possessive, then plural, so "vəsiqəsinin" and "vəsiqəsi" both become
 * "vəsiqə" and "sənədlərin" becomes "sənəd". Light on purpose: at most one
 * ending of each slot, and never below three letters, so a stem can be
 * wrong ("hərbi" → "hərb") but is wrong the same way on both sides.
 */
const ENDING_SLOTS: readonly (readonly string[])[] = [
  ['nın', 'nin', 'nun', 'nün', 'ın', 'in', 'un', 'ün', 'nı', 'ni', 'nu', 'nü'],
  ['sı', 'si', 'su', 'sü', 'ı', 'i', 'u', 'ü'],
  ['lar', 'lər'],
];
const MIN_STEM_LENGTH = 3;

function stemWord(word: string): string {
  let stem = word;
  for (const endings of ENDING_SLOTS) {
    const ending = endings.find(
      (candidate) =>
        stem.endsWith(candidate) && stem.length - candidate.length >= MIN_STEM_LENGTH,
    );
    if (ending !== undefined) stem = stem.slice(0, -ending.length);
  }
  return stem;
}

/**
 * A service name reduced to what tells it apart: folded by Azerbaijani
 * rules (İ → i, I → ı), punctuation and quotes (« » “ ” ") removed, filler
 * words dropped and common endings trimmed, words in their original order.
 */
export function normalizeServiceName(text: string): string {
  return nameWords(text).join(' ');
}

function nameWords(text: string): string[] {
  const words = foldAz(text)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(/\s+/u)
    .filter((word) => word !== '');
  return words
    .filter((word) => !FILLER_WORDS.has(plainLetters(word)))
    .map(stemWord)
    .filter((word) => !FILLER_WORDS.has(plainLetters(word)));
}

function trigramsOf(words: readonly string[]): Set<string> {
  const text = ` ${words.join(' ')} `;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i += 1) trigrams.add(text.slice(i, i + 3));
  return trigrams;
}

/** An existing service name, with other names it is known by. */
export type NameCandidate = { id: string; name: string; aliases?: readonly string[] };

/** Why a candidate was flagged. */
export type SimilarityReason =
  /** The same name once case, punctuation, filler words and endings are set aside. */
  | 'SAME_NAME'
  /** The same words in another order, or typed without Azerbaijani letters. */
  | 'SAME_WORDS'
  /** Close in words or letters. */
  | 'SIMILAR';

/** A candidate close to the proposed name. */
export type NameMatch = {
  id: string;
  name: string;
  /** The candidate's name or alias that came closest. */
  matchedText: string;
  /** 0..1: the mean of word overlap and trigram overlap (Dice); 1 for SAME_NAME. */
  score: number;
  reason: SimilarityReason;
};

/** How many matches to return and how close they must be. */
export type SimilarityOptions = {
  /** The lowest score returned for a SIMILAR match; DEFAULT_SIMILARITY_THRESHOLD unless given. */
  threshold?: number;
  /** The most matches returned; 10 unless given. */
  limit?: number;
  /** A candidate to leave out: the service whose own name is being changed. */
  excludeId?: string;
};

/** Candidate names prepared for repeated checks: normalized once, looked up by trigram. */
export type NameIndex = {
  /** The number of names and aliases indexed. */
  readonly size: number;
  /** The candidates close to `proposed`, best first. */
  similar(proposed: string, options?: SimilarityOptions): NameMatch[];
};

/**
 * Tuned by hand on sample names, not on the registry: at 0.6 "Forma 2 üzrə
 * arayış" flags "Forma 3 üzrə arayış" and "Şəxsiyyət vəsiqəsi" does not flag
 * "Sürücülük vəsiqəsi". A false flag costs the reviewer a glance.
 */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.6;
/** How many matches similar() returns unless told. */
export const DEFAULT_SIMILARITY_LIMIT = 10;

const reasonRank: Record<SimilarityReason, number> = {
  SAME_NAME: 0,
  SAME_WORDS: 1,
  SIMILAR: 2,
};

/**
 * Indexes candidate names for similar(). Each name and alias is one entry;
 * postings map each trigram and each word to the entries holding it, so a
 * check touches only the entries sharing something with the proposal (a
 * few milliseconds at 100,000 names). Building costs about a second at that
 * size and reads the candidates as they are now: build it once when the
 * names load, off the renderer's main thread, and again when they change.
 */
export function buildNameIndex(candidates: readonly NameCandidate[]): NameIndex {
  const entryCandidate: number[] = [];
  const entryText: string[] = [];
  const entryNormalized: string[] = [];
  const entryWordCount: number[] = [];
  const entryTrigramCount: number[] = [];
  const trigramPostings = new Map<string, number[]>();
  const wordPostings = new Map<string, number[]>();
  const post = (postings: Map<string, number[]>, key: string, entry: number) => {
    const list = postings.get(key);
    if (list) list.push(entry);
    else postings.set(key, [entry]);
  };

  candidates.forEach((candidate, candidateIndex) => {
    for (const text of [candidate.name, ...(candidate.aliases ?? [])]) {
      const words = nameWords(text);
      if (words.length === 0) continue;
      const entry = entryText.length;
      const wordSet = new Set(words.map(plainLetters));
      const trigrams = trigramsOf(words);
      entryCandidate.push(candidateIndex);
      entryText.push(text);
      entryNormalized.push(words.join(' '));
      entryWordCount.push(wordSet.size);
      entryTrigramCount.push(trigrams.size);
      for (const word of wordSet) post(wordPostings, word, entry);
      for (const trigram of trigrams) post(trigramPostings, trigram, entry);
    }
  });

  // Scratch counters reused by every check; `touched` lists what to reset.
  const sharedTrigrams = new Uint16Array(entryText.length);
  const sharedWords = new Uint16Array(entryText.length);

  function similar(proposed: string, options: SimilarityOptions = {}): NameMatch[] {
    const threshold = options.threshold ?? DEFAULT_SIMILARITY_THRESHOLD;
    const limit = options.limit ?? DEFAULT_SIMILARITY_LIMIT;
    const words = nameWords(proposed);
    if (words.length === 0 || limit <= 0) return [];
    const normalized = words.join(' ');
    const wordSet = new Set(words.map(plainLetters));
    const trigrams = trigramsOf(words);

    const touched: number[] = [];
    for (const trigram of trigrams) {
      for (const entry of trigramPostings.get(trigram) ?? []) {
        if (sharedTrigrams[entry] === 0 && sharedWords[entry] === 0) touched.push(entry);
        sharedTrigrams[entry] = (sharedTrigrams[entry] ?? 0) + 1;
      }
    }
    for (const word of wordSet) {
      for (const entry of wordPostings.get(word) ?? []) {
        if (sharedTrigrams[entry] === 0 && sharedWords[entry] === 0) touched.push(entry);
        sharedWords[entry] = (sharedWords[entry] ?? 0) + 1;
      }
    }

    const best = new Map<number, NameMatch>();
    for (const entry of touched) {
      const commonWords = sharedWords[entry] ?? 0;
      const commonTrigrams = sharedTrigrams[entry] ?? 0;
      sharedWords[entry] = 0;
      sharedTrigrams[entry] = 0;

      const entryWords = entryWordCount[entry] ?? 0;
      const wordScore = (2 * commonWords) / (wordSet.size + entryWords);
      const trigramScore =
        (2 * commonTrigrams) / (trigrams.size + (entryTrigramCount[entry] ?? 0));
      const score = (wordScore + trigramScore) / 2;
      // The same words are flagged at any score: spelled apart, they are still one name.
      if (score < threshold && wordScore < 1) continue;

      const candidate = candidates[entryCandidate[entry] ?? -1];
      if (!candidate || candidate.id === options.excludeId) continue;
      const isSameWords = commonWords === wordSet.size && commonWords === entryWords;
      const reason: SimilarityReason =
        entryNormalized[entry] === normalized
          ? 'SAME_NAME'
          : isSameWords
            ? 'SAME_WORDS'
            : 'SIMILAR';
      const match: NameMatch = {
        id: candidate.id,
        name: candidate.name,
        matchedText: entryText[entry] ?? candidate.name,
        score: reason === 'SAME_NAME' ? 1 : score,
        reason,
      };
      const previous = best.get(entryCandidate[entry] ?? -1);
      if (!previous || compareMatches(match, previous) < 0) {
        best.set(entryCandidate[entry] ?? -1, match);
      }
    }
    return [...best.values()].sort(compareMatches).slice(0, limit);
  }

  return { size: entryText.length, similar };
}

function compareMatches(a: NameMatch, b: NameMatch): number {
  return (
    b.score - a.score ||
    reasonRank[a.reason] - reasonRank[b.reason] ||
    compareAz(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The candidates close to `proposed`, best first. Builds an index each
 * call; to check many proposals against the same names, build one with
 * buildNameIndex and keep it.
 */
export function similarServiceNames(
  proposed: string,
  candidates: readonly NameCandidate[],
  options?: SimilarityOptions,
): NameMatch[] {
  return buildNameIndex(candidates).similar(proposed, options);
}
