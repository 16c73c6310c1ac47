import type { SearchIndex } from './search-index';

/** How many (query, filters) totals are kept; a user pages through a handful at a time. */
const CAPACITY = 64;

/**
 * Totals counted over one search index. The index is replaced whenever a
 * service changes and is the very data a total is counted from, so a total
 * held for it is exact for as long as it is current, while writes that
 * touch no service (drafts being typed, the outbox) keep every total.
 */
const totalsByIndex = new WeakMap<SearchIndex, Map<string, number>>();

function totalsOf(index: SearchIndex): Map<string, number> {
  let totals = totalsByIndex.get(index);
  if (!totals) {
    totals = new Map();
    totalsByIndex.set(index, totals);
  }
  return totals;
}

/** A list key's total if it was counted over this index. */
export function knownTotal(index: SearchIndex, key: string): number | undefined {
  const totals = totalsOf(index);
  const total = totals.get(key);
  if (total !== undefined) {
    // Re-insert so the map's order is least recently used first.
    totals.delete(key);
    totals.set(key, total);
  }
  return total;
}

/** Keeps a total counted (or seen whole on one page) over this index. */
export function rememberTotal(index: SearchIndex, key: string, total: number): void {
  const totals = totalsOf(index);
  totals.set(key, total);
  if (totals.size > CAPACITY) {
    const oldest = totals.keys().next();
    if (!oldest.done) totals.delete(oldest.value);
  }
}
