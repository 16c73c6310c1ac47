import {
  fingerprintService,
  MINHASH_SIZE,
  type DuplicateSubject,
  type ServiceFingerprint,
} from './service-fingerprint';

/**
 * Finds services with the same or nearly the same content, across agencies:
 * one of DXER's stated goals is removing such duplication. Two services are
 * compared by name, result, legal basis and required documents; the parts
 * are weighted and the pairs above a threshold go to a reviewer with the
 * reasons. Pairs come from blocks (the same name, a rare name word, an LSH
 * band of the name's MinHash, neighbours in name order within a common
 * word), never from all pairs, so a
 * scan grows about linearly with the registry.
 */

/** Why a pair was flagged. */
export type DuplicateReason =
  /** The same name once case, punctuation, word order, filler words and endings are set aside. */
  | 'SAME_NAME'
  /** Close in words or letters. */
  | 'SIMILAR_NAME'
  /** The same result (the document or decision the applicant receives). */
  | 'SAME_RESULT'
  /** At least one legal act in common. */
  | 'SAME_LEGAL_BASIS'
  /** At least half the required documents in common. */
  | 'SHARED_DOCUMENTS';

/** Each part's similarity, 0..1; null when either side does not say. */
export type DuplicateParts = {
  name: number;
  result: number | null;
  legalBasis: number | null;
  documents: number | null;
};

/** Two services that look like one. */
export type DuplicateCandidate = {
  aId: string;
  bId: string;
  /** 0..1: the weighted mean of the parts both sides have. */
  score: number;
  reasons: DuplicateReason[];
  parts: DuplicateParts;
};

/** How the parts weigh: the name most, then the legal basis, result and documents. */
export const DUPLICATE_WEIGHTS = {
  name: 0.5,
  legalBasis: 0.2,
  result: 0.15,
  documents: 0.15,
} as const;

/**
 * Set by hand before measuring: a name proposal (name only) must be as
 * alike as the name index asks (0.6); a service whose name just passes
 * NAME_FLOOR needs most of its record to agree as well.
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.6;
/** Blocks larger than this say too little to pair every member (see scanDuplicates). */
export const DEFAULT_MAX_BLOCK_SIZE = 64;
/** See DuplicateOptions.neighbourWindow. */
export const DEFAULT_NEIGHBOUR_WINDOW = 6;
/** A single check reads blocks up to this size, since it pays once, not per service. */
export const DEFAULT_CHECK_BLOCK_SIZE = 5_000;
/** How many candidates check() returns unless told. */
export const DEFAULT_CHECK_LIMIT = 20;

/**
 * Records alone never make a duplicate: many services share one law, a
 * result such as "Arayış" and the identity card, so a pair whose names are
 * less alike than this scores at most CONFLICT_SCORE_CAP. Set on the
 * labelled set, so its figures flatter this value: first at 0.4 after the
 * first run (precision 84.0 %, recall 97.7 %), where such pairs ("Doğum
 * haqqında şəhadətnamə" / "Nikah haqqında şəhadətnamə") made most false
 * flags; then at 0.6 once a bug that undercounted shared trigrams was
 * fixed, which raised every name score (at 0.4: precision 84.3 %).
 */
const NAME_FLOOR = 0.6;
/** Names whose distinct marks differ are different services: their score stops here. */
const CONFLICT_SCORE_CAP = 0.3;
const LSH_ROWS = 2;
const SIMILAR_NAME_AT = 0.6;
const SAME_RESULT_AT = 0.8;
const SHARED_DOCUMENTS_AT = 0.5;

/** How a scan pairs services. */
export type DuplicateOptions = {
  /** The lowest score returned; DEFAULT_DUPLICATE_THRESHOLD unless given. */
  threshold?: number;
  /** Also pair services of the same agency; false unless given. */
  includeSameAgency?: boolean;
  /** Blocks larger than this are not paired in a scan; DEFAULT_MAX_BLOCK_SIZE unless given. */
  maxBlockSize?: number;
  /**
   * In a word block larger than maxBlockSize, how many services after each
   * one in name order it is compared with; DEFAULT_NEIGHBOUR_WINDOW unless given.
   */
  neighbourWindow?: number;
};

/** How a single check picks candidates. */
export type CheckOptions = {
  /** The lowest score returned; DEFAULT_DUPLICATE_THRESHOLD unless given. */
  threshold?: number;
  /** Also return services of the subject's agency; false unless given. */
  includeSameAgency?: boolean;
  /** The most candidates returned; DEFAULT_CHECK_LIMIT unless given. */
  limit?: number;
  /** Blocks larger than this are skipped; DEFAULT_CHECK_BLOCK_SIZE unless given. */
  maxBlockSize?: number;
};

/** Dice similarity of two sorted, distinct lists. */
function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? '';
    const y = b[j] ?? '';
    if (x === y) {
      common += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return (2 * common) / (a.length + b.length);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function partOrNull(a: readonly string[], b: readonly string[]): number | null {
  return a.length === 0 || b.length === 0 ? null : dice(a, b);
}

/**
 * Compares two fingerprints. Parts either side lacks (a name proposal has
 * no record) drop out of the weighted mean rather than count as different.
 */
export function compareFingerprints(
  a: ServiceFingerprint,
  b: ServiceFingerprint,
): DuplicateCandidate {
  const isSameName = a.nameKey !== '' && a.nameKey === b.nameKey;
  const nameScore = isSameName
    ? 1
    : (dice(a.nameWords, b.nameWords) + dice(a.nameTrigrams, b.nameTrigrams)) / 2;
  const parts: DuplicateParts = {
    name: nameScore,
    result: partOrNull(a.resultWords, b.resultWords),
    legalBasis: partOrNull(a.legalActKeys, b.legalActKeys),
    documents: partOrNull(a.documentKeys, b.documentKeys),
  };

  let weighted = DUPLICATE_WEIGHTS.name * parts.name;
  let weights = DUPLICATE_WEIGHTS.name;
  for (const part of ['legalBasis', 'result', 'documents'] as const) {
    const value = parts[part];
    if (value === null) continue;
    weighted += DUPLICATE_WEIGHTS[part] * value;
    weights += DUPLICATE_WEIGHTS[part];
  }
  const isConflict =
    !sameList(a.distinctMarks, b.distinctMarks) || nameScore < NAME_FLOOR;
  const score = isConflict
    ? Math.min(CONFLICT_SCORE_CAP, weighted / weights)
    : weighted / weights;

  const reasons: DuplicateReason[] = [];
  if (isSameName) reasons.push('SAME_NAME');
  else if (!isConflict && nameScore >= SIMILAR_NAME_AT) reasons.push('SIMILAR_NAME');
  if ((parts.result ?? 0) >= SAME_RESULT_AT) reasons.push('SAME_RESULT');
  if ((parts.legalBasis ?? 0) > 0) reasons.push('SAME_LEGAL_BASIS');
  if ((parts.documents ?? 0) >= SHARED_DOCUMENTS_AT) reasons.push('SHARED_DOCUMENTS');
  return { aId: a.id, bId: b.id, score, reasons, parts };
}

/**
 * The blocks a service joins: its name, each name word and each LSH band of
 * the name's MinHash. Legal acts make no block: a pair needs names at least
 * NAME_FLOOR alike, which these blocks already find, and one law covers
 * hundreds of services.
 */
function blockKeys(fingerprint: ServiceFingerprint): string[] {
  const keys: string[] = [];
  if (fingerprint.nameKey !== '') keys.push(`n:${fingerprint.nameKey}`);
  for (const word of fingerprint.nameWords) keys.push(`w:${word}`);
  if (fingerprint.nameTrigrams.length > 0) {
    for (let band = 0; band * LSH_ROWS < MINHASH_SIZE; band += 1) {
      const rows = fingerprint.minHash.subarray(band * LSH_ROWS, (band + 1) * LSH_ROWS);
      keys.push(`b${band}:${rows.join(',')}`);
    }
  }
  return keys;
}

function compareCandidates(a: DuplicateCandidate, b: DuplicateCandidate): number {
  return (
    b.score - a.score ||
    (a.aId < b.aId ? -1 : a.aId > b.aId ? 1 : 0) ||
    (a.bId < b.bId ? -1 : a.bId > b.bId ? 1 : 0)
  );
}

/** Services prepared once for a scan and for checking new submissions. */
export type DuplicateIndex = {
  /** How many services the index holds now. */
  readonly size: number;
  /** Every pair above the threshold, best first. */
  scan(options?: DuplicateOptions): DuplicateCandidate[];
  /**
   * scan() in small steps: each yield is a point where a caller may let
   * other work run (see runInSlices), so a scan of a national registry never
   * holds an event loop for seconds.
   */
  scanSteps(options?: DuplicateOptions): Generator<void, DuplicateCandidate[]>;
  /**
   * The indexed services that look like `subject`, best first; aId is the
   * subject's id. A name proposal passes no record and is compared by name.
   */
  check(subject: DuplicateSubject, options?: CheckOptions): DuplicateCandidate[];
  /**
   * Adds a service, or replaces the one with its id (a new submission of
   * it), so later checks and scans see it without building the index anew.
   */
  upsert(subject: DuplicateSubject): void;
};

/** Items a step handles before it yields; the caller decides whether to pause. */
const STEP_ITEMS = 32;

/** Merged items between two yields of sortSteps. */
const SORT_STEP_ITEMS = 4096;

/** A stable bottom-up merge sort that yields every SORT_STEP_ITEMS items merged. */
function* sortSteps<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
): Generator<void, T[]> {
  let from = [...items];
  let to = new Array<T>(from.length);
  let merged = 0;
  for (let width = 1; width < from.length; width *= 2) {
    for (let low = 0; low < from.length; low += 2 * width) {
      const middle = Math.min(low + width, from.length);
      const high = Math.min(low + 2 * width, from.length);
      let left = low;
      let right = middle;
      for (let out = low; out < high; out += 1) {
        const a = from[left] as T;
        const b = from[right] as T;
        if (left < middle && (right >= high || compare(a, b) <= 0)) {
          to[out] = a;
          left += 1;
        } else {
          to[out] = b;
          right += 1;
        }
      }
      merged += high - low;
      if (merged >= SORT_STEP_ITEMS) {
        merged = 0;
        yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Runs steps to the end at once. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs steps, pausing (awaiting `pause`, say a setImmediate) whenever
 * `sliceMs` have passed since the last pause, so other work on the same
 * thread waits at most about that long.
 */
export async function runInSlices<T>(
  steps: Generator<void, T>,
  pause: () => Promise<void>,
  sliceMs = 10,
): Promise<T> {
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = Date.now();
    }
  }
}

/**
 * Indexes services for scan() and check(). Building reads the services as
 * they are now: upsert() a service that changed, or build it again.
 */
export function buildDuplicateIndex(
  services: readonly DuplicateSubject[],
): DuplicateIndex {
  return drain(duplicateIndexSteps(services));
}

/**
 * buildDuplicateIndex in small steps (see runInSlices): fingerprinting is
 * most of a build's cost, about 70 µs a service.
 */
export function* duplicateIndexSteps(
  services: readonly DuplicateSubject[],
): Generator<void, DuplicateIndex> {
  /** Null where a service was replaced by a later upsert. */
  const fingerprints: Array<ServiceFingerprint | null> = [];
  const serviceKeys: string[][] = [];
  const positionById = new Map<string, number>();
  const blocks = new Map<string, number[]>();
  let ranks: Int32Array | null = null;

  function add(fingerprint: ServiceFingerprint): void {
    const index = fingerprints.length;
    const previous = positionById.get(fingerprint.id);
    if (previous !== undefined) fingerprints[previous] = null;
    positionById.set(fingerprint.id, index);
    fingerprints.push(fingerprint);
    const keys = blockKeys(fingerprint);
    serviceKeys.push(keys);
    for (const key of keys) {
      const block = blocks.get(key);
      if (block) block.push(index);
      else blocks.set(key, [index]);
    }
    ranks = null;
  }

  for (let start = 0; start < services.length; start += STEP_ITEMS) {
    for (const subject of services.slice(start, start + STEP_ITEMS)) {
      add(fingerprintService(subject));
    }
    yield;
  }

  /**
   * Each service's position in nameKey order, sorted in steps: a sort of
   * 100,000 names in one go held the event loop for a few hundred
   * milliseconds, the longest wait a sliced scan left.
   */
  function* nameRankSteps(): Generator<void, Int32Array> {
    if (ranks) return ranks;
    const order = yield* sortSteps(
      fingerprints.map((_, index) => index),
      (x, y) => {
        const a = fingerprints[x]?.nameKey ?? '';
        const b = fingerprints[y]?.nameKey ?? '';
        return a < b ? -1 : a > b ? 1 : x - y;
      },
    );
    const computed = new Int32Array(fingerprints.length);
    order.forEach((index, position) => {
      computed[index] = position;
    });
    ranks = computed;
    return computed;
  }

  /** Whether the first pass already paired these two through a small block. */
  function sharesSmallBlock(low: number, high: number, maxBlockSize: number): boolean {
    const highKeys = new Set(serviceKeys[high] ?? []);
    return (serviceKeys[low] ?? []).some((key) => {
      const size = blocks.get(key)?.length ?? 0;
      return size >= 2 && size <= maxBlockSize && highKeys.has(key);
    });
  }

  function* scanSteps(
    options: DuplicateOptions = {},
  ): Generator<void, DuplicateCandidate[]> {
    const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
    const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
    const includeSameAgency = options.includeSameAgency ?? false;
    // Which candidate was last paired with the service at hand, to pair each once.
    const seenBy = new Int32Array(fingerprints.length).fill(-1);
    const found: DuplicateCandidate[] = [];
    const consider = (index: number, other: number) => {
      const fingerprint = fingerprints[index];
      const candidate = fingerprints[other];
      if (!fingerprint || !candidate) return;
      if (!includeSameAgency && candidate.agencyId === fingerprint.agencyId) return;
      const pair = compareFingerprints(fingerprint, candidate);
      if (pair.score >= threshold) found.push(pair);
    };
    for (let index = 0; index < fingerprints.length; index += 1) {
      if (index % STEP_ITEMS === 0) yield;
      if (!fingerprints[index]) continue;
      for (const key of serviceKeys[index] ?? []) {
        const block = blocks.get(key) ?? [];
        if (block.length < 2 || block.length > maxBlockSize) continue;
        for (const other of block) {
          // Blocks list services in input order: pair each with those after it.
          if (other <= index || seenBy[other] === index) continue;
          seenBy[other] = index;
          consider(index, other);
        }
      }
    }

    // Over-full word blocks: each member meets only its neighbours in
    // name order, so near-identical names still meet at bounded cost.
    const window = options.neighbourWindow ?? DEFAULT_NEIGHBOUR_WINDOW;
    const rank = yield* nameRankSteps();
    const compared = new Set<number>();
    for (const [key, block] of blocks) {
      if (block.length <= maxBlockSize || !key.startsWith('w:')) continue;
      yield;
      const ordered = [...block].sort((x, y) => (rank[x] ?? 0) - (rank[y] ?? 0));
      for (let position = 0; position < ordered.length; position += 1) {
        if (position % STEP_ITEMS === 0) yield;
        const member = ordered[position] ?? 0;
        for (const other of ordered.slice(position + 1, position + 1 + window)) {
          const [low, high] = member < other ? [member, other] : [other, member];
          const pairKey = low * fingerprints.length + high;
          if (compared.has(pairKey) || sharesSmallBlock(low, high, maxBlockSize))
            continue;
          compared.add(pairKey);
          consider(low, high);
        }
      }
    }
    return found.sort(compareCandidates);
  }

  function check(
    subject: DuplicateSubject,
    options: CheckOptions = {},
  ): DuplicateCandidate[] {
    const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
    const maxBlockSize = options.maxBlockSize ?? DEFAULT_CHECK_BLOCK_SIZE;
    const limit = options.limit ?? DEFAULT_CHECK_LIMIT;
    const includeSameAgency = options.includeSameAgency ?? false;
    const fingerprint = fingerprintService(subject);
    const seen = new Set<number>();
    const found: DuplicateCandidate[] = [];
    for (const key of blockKeys(fingerprint)) {
      const block = blocks.get(key) ?? [];
      if (block.length > maxBlockSize) continue;
      for (const other of block) {
        if (seen.has(other)) continue;
        seen.add(other);
        const candidate = fingerprints[other];
        if (!candidate || candidate.id === subject.id) continue;
        if (!includeSameAgency && candidate.agencyId === subject.agencyId) continue;
        const pair = compareFingerprints(fingerprint, candidate);
        if (pair.score >= threshold) found.push(pair);
      }
    }
    return found.sort(compareCandidates).slice(0, limit);
  }

  return {
    get size() {
      return positionById.size;
    },
    scan: (options) => drain(scanSteps(options)),
    scanSteps,
    check,
    upsert: (subject) => add(fingerprintService(subject)),
  };
}

/**
 * Every pair of services that look like one, best first; pairs across
 * different agencies unless options.includeSameAgency. A block larger than
 * options.maxBlockSize is not paired whole: in a word block each service
 * meets only the next options.neighbourWindow services in name order.
 * Known shortcoming: services sharing one name more than that many times
 * (say a service every district executive authority provides) come back as
 * a chain of neighbouring pairs, not every pair, and a reviewer has to see
 * the group through them; check() on one of them lists the others, since
 * it reads blocks up to DEFAULT_CHECK_BLOCK_SIZE. Reporting such names as
 * one group would close the gap.
 */
export function scanDuplicates(
  services: readonly DuplicateSubject[],
  options?: DuplicateOptions,
): DuplicateCandidate[] {
  return buildDuplicateIndex(services).scan(options);
}
