/**
 * Pairs the items of two versions of a list, so each kept item can be
 * compared with its earlier self and the rest shown as added or removed.
 */

/** What paired two items: the same id, the same natural key, or the same value. */
export type PairingKey = 'id' | 'naturalKey' | 'value';

/** One item of either version, with its counterpart when it has one. */
export type ItemPair<T> = {
  before: T | null;
  after: T | null;
  beforeIndex: number | null;
  afterIndex: number | null;
  matchedBy: PairingKey | null;
  /** Kept, but not in the longest run of kept items that kept their order. */
  isMoved: boolean;
};

/** A way to pair items; null means the item has no such key. */
export type PairingRule<T> = readonly [PairingKey, (item: T) => string | null];

/**
 * Pairs items by each rule in turn, each rule seeing only what the earlier
 * ones left unpaired; equal keys pair in list order. The result follows the
 * submitted order, each removed item placed after the kept item it followed.
 */
export function pairItems<T>(
  before: readonly T[],
  after: readonly T[],
  rules: readonly PairingRule<T>[],
): ItemPair<T>[] {
  const partnerOfBefore = new Array<number>(before.length).fill(-1);
  const partnerOfAfter = new Array<number>(after.length).fill(-1);
  const matchedBy = new Array<PairingKey | null>(after.length).fill(null);

  for (const [kind, keyOf] of rules) {
    const waiting = new Map<string, number[]>();
    before.forEach((item, index) => {
      const key = partnerOfBefore[index] === -1 ? keyOf(item) : null;
      if (key === null) return;
      const queue = waiting.get(key) ?? [];
      queue.push(index);
      waiting.set(key, queue);
    });
    after.forEach((item, index) => {
      const key = partnerOfAfter[index] === -1 ? keyOf(item) : null;
      const partner = key === null ? undefined : waiting.get(key)?.shift();
      if (partner === undefined) return;
      partnerOfAfter[index] = partner;
      partnerOfBefore[partner] = index;
      matchedBy[index] = kind;
    });
  }

  const moved = movedAfterIndexes(partnerOfAfter);
  const removedAfter = new Map<number, number[]>();
  let anchor = -1;
  before.forEach((_, index) => {
    const partner = partnerOfBefore[index] ?? -1;
    if (partner !== -1) {
      anchor = partner;
      return;
    }
    removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), index]);
  });

  const removedPair = (index: number): ItemPair<T> => ({
    before: before[index] ?? null,
    after: null,
    beforeIndex: index,
    afterIndex: null,
    matchedBy: null,
    isMoved: false,
  });
  const pairs = (removedAfter.get(-1) ?? []).map(removedPair);
  after.forEach((item, index) => {
    const partner = partnerOfAfter[index] ?? -1;
    pairs.push({
      before: partner === -1 ? null : (before[partner] ?? null),
      after: item,
      beforeIndex: partner === -1 ? null : partner,
      afterIndex: index,
      matchedBy: matchedBy[index] ?? null,
      isMoved: moved.has(index),
    });
    pairs.push(...(removedAfter.get(index) ?? []).map(removedPair));
  });
  return pairs;
}

/**
 * The kept items to mark as moved: all but a longest run whose earlier
 * positions still increase, so swapping two items marks one, not both.
 * Quadratic, which is fine for the record's lists (at most 200 items).
 */
function movedAfterIndexes(partnerOfAfter: readonly number[]): Set<number> {
  const kept = partnerOfAfter.flatMap((partner, index) =>
    partner === -1 ? [] : [{ index, partner }],
  );
  const runLength = kept.map(() => 1);
  const previous = kept.map(() => -1);
  for (let i = 0; i < kept.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      const current = runLength[i] ?? 1;
      const candidate = (runLength[j] ?? 1) + 1;
      if ((kept[j]?.partner ?? 0) < (kept[i]?.partner ?? 0) && candidate > current) {
        runLength[i] = candidate;
        previous[i] = j;
      }
    }
  }

  let end = -1;
  runLength.forEach((length, index) => {
    if (end === -1 || length > (runLength[end] ?? 0)) end = index;
  });
  const inRun = new Set<number>();
  for (let at = end; at !== -1; at = previous[at] ?? -1) {
    const item = kept[at];
    if (item) inRun.add(item.index);
  }
  return new Set(kept.map((item) => item.index).filter((index) => !inRun.has(index)));
}
