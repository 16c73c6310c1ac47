import type { ServiceFilters } from '../../shared/contract/views';
import { foldAz } from '../../shared/text/az';
import { SEPARATOR } from './search-index';
import type { SearchIndex } from './search-index';

/** A list query taken apart: its folded words and the filters. */
export interface SearchPlan {
  words: string[];
  filters: ServiceFilters;
}

/** Splits the query into folded words, by Azerbaijani case rules (İ/i and I/ı stay apart). */
export function searchPlan(filters: ServiceFilters): SearchPlan {
  const words = foldAz(filters.query)
    .split(/\s+/u)
    .filter((word) => word !== '');
  return { words, filters };
}

/** A key naming the rows a plan selects, whatever the page: for caching its total. */
export function planKey(plan: SearchPlan): string {
  const { agencyId, category, type, status } = plan.filters;
  return JSON.stringify([[...plan.words].sort(), agencyId, category, type, status]);
}

/** What a pass over the index found: the page's rowids, and how many rows matched. */
export interface Scan {
  rowids: number[];
  /** Every match when the pass ran to the end; else the matches up to the page's end. */
  matched: number;
  /** Whether the pass ran to the end, so `matched` is the exact total. */
  complete: boolean;
}

/**
 * The rows a plan selects, in list order: skips `offset` matches, keeps the
 * next `limit`, and stops there unless `count` asks for the exact total.
 * The longest word (likely the rarest) is searched in the index's one
 * string, hit after hit; each hit's row is then tested for the filters and
 * the other words, and the search resumes after that row.
 */
export function scan(
  index: SearchIndex,
  plan: SearchPlan,
  page: { offset: number; limit: number },
  count: boolean,
): Scan {
  const accepts = filterTest(index, plan.filters);
  const end = page.offset + page.limit;
  const rowids: number[] = [];
  let matched = 0;
  /** Takes a matching row; true when the pass may stop. */
  const take = (at: number): boolean => {
    matched += 1;
    if (matched > page.offset && matched <= end) rowids.push(index.rowids[at] ?? 0);
    return matched === end && !count;
  };

  const rows = index.rowids.length;
  const [driver, ...others] = [...plan.words].sort((a, b) => b.length - a.length);
  if (driver === undefined) {
    for (let at = 0; at < rows; at += 1) {
      if (accepts(at) && take(at)) return { rowids, matched, complete: false };
    }
    return { rowids, matched, complete: true };
  }
  // A word holding the separator would match across two rows.
  if (driver.includes(SEPARATOR)) return { rowids, matched, complete: true };

  const { text, starts } = index;
  let at = 0;
  let hit = text.indexOf(driver);
  while (hit >= 0) {
    at = rowHolding(starts, hit, at);
    const rowEnd = starts[at + 1] ?? text.length;
    if (accepts(at)) {
      const rowText = others.length === 0 ? '' : text.slice(starts[at], rowEnd);
      if (others.every((word) => rowText.includes(word)) && take(at)) {
        return { rowids, matched, complete: false };
      }
    }
    hit = text.indexOf(driver, rowEnd);
  }
  return { rowids, matched, complete: true };
}

/** The row whose text holds position `at` of the index's string, searching from row `from`. */
function rowHolding(starts: Int32Array, at: number, from: number): number {
  let low = from;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * A test of one index row against the filters. Each filter value is looked
 * up once among the interned values, so the pass compares small numbers.
 */
function filterTest(
  index: SearchIndex,
  filters: ServiceFilters,
): (at: number) => boolean {
  const tests: Array<(at: number) => boolean> = [];
  const equals = (column: SearchIndex['agencies'], value: string | null) => {
    if (value === null) return;
    const wanted = column.values.indexOf(value);
    tests.push((at) => column.ofRow[at] === wanted);
  };
  equals(index.agencies, filters.agencyId);
  equals(index.types, filters.type);
  equals(index.statuses, filters.status);
  const { category } = filters;
  if (category !== null) {
    const holds = index.categorySets.values.map((codes) => codes.includes(category));
    const { ofRow } = index.categorySets;
    tests.push((at) => holds[ofRow[at] ?? 0] === true);
  }
  return (at) => tests.every((test) => test(at));
}
