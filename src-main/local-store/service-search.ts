import type { Knex } from 'knex';
import type { ServiceListQuery } from '../../shared/contract/views';
import { foldAz } from '../../shared/text/az';

/** The shortest word the trigram index can find; shorter ones are tested row by row. */
const TRIGRAM = 3;

/** Where the page path switches between the walk and the trigram index. */
export interface SearchTuning {
  /**
   * Up to this many trigram matches, fetching and sorting them all costs a
   * few milliseconds, less than any walk that might have to pass over them.
   */
  rare: number;
  /**
   * Rows a walk may examine before giving way: over the covering
   * name_search index about 1.5 ms per 5,000 rows on a loaded 2-core
   * machine, as much as sorting about a thousand trigram matches.
   */
  walkBudget: number;
}

/** The tuning measured on 100,000 generated services. */
export const defaultTuning: SearchTuning = { rare: 2_000, walkBudget: 5_000 };

/** A list query taken apart: folded words by how they can be found, and the filters. */
export interface SearchPlan {
  /** Words of three letters or more, found through the trigram index. */
  long: string[];
  /** Words of one or two letters, which only a row-by-row test can find. */
  short: string[];
  filters: ServiceListQuery;
}

/** Splits the query into folded words, by Azerbaijani case rules (İ/i and I/ı stay apart). */
export function searchPlan(filters: ServiceListQuery): SearchPlan {
  const words = foldAz(filters.query)
    .split(/\s+/u)
    .filter((word) => word !== '');
  return {
    long: words.filter((word) => [...word].length >= TRIGRAM),
    short: words.filter((word) => [...word].length < TRIGRAM),
    filters,
  };
}

/** A key naming the rows a plan selects, whatever the page: for caching its total. */
export function planKey(plan: SearchPlan): string {
  const { agencyId, category, type, status } = plan.filters;
  return JSON.stringify([
    [...plan.long, ...plan.short].sort(),
    agencyId,
    category,
    type,
    status,
  ]);
}

/** Each long word as a quoted phrase of trigrams: a substring match on the folded text. */
function ftsMatch(plan: SearchPlan): string {
  return plan.long.map((word) => `"${word.replaceAll('"', '""')}"`).join(' AND ');
}

function hasFilters(plan: SearchPlan): boolean {
  const { agencyId, category, type, status } = plan.filters;
  return agencyId !== null || category !== null || type !== null || status !== null;
}

/** Narrows services (aliased s) by the filters. */
function whereFilters(query: Knex.QueryBuilder, plan: SearchPlan): void {
  const { agencyId, category, type, status } = plan.filters;
  if (agencyId) query.where('s.agency_id', agencyId);
  if (type) query.where('s.type', type);
  if (status) query.where('s.status', status);
  if (category) {
    // The substring test skips json_each for the many rows without the
    // code; json_each then decides, so a code like "," cannot match between
    // two array elements.
    query.whereRaw(
      'instr(s.categories, ?) > 0 and exists (select 1 from json_each(s.categories) where value = ?)',
      [JSON.stringify(category), category],
    );
  }
}

/** Narrows services to rows whose folded text holds each of the words, tested row by row. */
function whereContains(query: Knex.QueryBuilder, words: readonly string[]): void {
  for (const word of words) query.whereRaw('instr(s.name_fold, ?) > 0', [word]);
}

/** Narrows services to the trigram index's matches for the long words. */
function whereFullText(query: Knex.QueryBuilder, plan: SearchPlan): void {
  if (plan.long.length === 0) return;
  query.whereRaw(
    's.rowid in (select rowid from services_fts where services_fts match ?)',
    [ftsMatch(plan)],
  );
}

/**
 * The exact number of services a plan selects. With long words only, the
 * trigram index counts its own matches without touching the table; with
 * filters or short words its matches are looked up; without long words
 * every row passing the filters is tested.
 *
 * Known shortcoming: an exact count touches every match or every row, so
 * the first page of a new one- or two-letter query, or of a word in a
 * quarter of the registry combined with a filter, costs 20–40 ms at 100,000
 * services (later pages reuse the total). A contentless index of every
 * service's letters and letter pairs would count short words from one
 * doclist, but building it in SQL made the initial sync about 10 s slower.
 */
export async function countMatches(db: Knex, plan: SearchPlan): Promise<number> {
  if (plan.long.length > 0 && plan.short.length === 0 && !hasFilters(plan)) {
    const row = await db('services_fts')
      .whereRaw('services_fts match ?', [ftsMatch(plan)])
      .first<{ total: number } | undefined>(db.raw('count(*) as total'));
    return Number(row?.total ?? 0);
  }
  const row = await db('services as s')
    .modify((query) => {
      whereFullText(query, plan);
      whereContains(query, plan.short);
      whereFilters(query, plan);
    })
    .first<{ total: number } | undefined>(db.raw('count(*) as total'));
  return Number(row?.total ?? 0);
}

/**
 * The rowids of one page, in name_sort order. Rare long words go through
 * the trigram index: fetch every match, sort, take the page (cost grows with
 * the matches). Otherwise a bounded walk follows the name_sort index (or a
 * filter's (column, name_sort) index) and tests each row's folded text:
 * cheap when matches are dense, as for a word in a quarter of the registry
 * or a one-letter query. Matches can be dense yet clustered far down the
 * alphabet (every "Şəxsiyyət vəsiqəsinin …" sits under Ş), so a walk that
 * has not found the page within its budget gives way to the trigram index,
 * or, for short words that index cannot find, walks on to the end.
 *
 * `total` is the exact count when known; null when the caller wants the
 * page before the count, and then how rare the long words are is counted
 * only up to the tuning's bound, and the walk cannot size its budget from
 * the density of matches.
 *
 * Known shortcoming: at 100,000 services about one first page in ten
 * still takes 20–40 ms on a 2-core machine: a word in a few thousand names
 * clustered down the alphabet, or a two-letter fragment, defeats the
 * bounded walk, and the trigram index then reads its doclists whole (7–12
 * ms for a common word, even to learn that it is common) before sorting
 * the matches. The user waits that long for the rows. Holding the folded
 * names in name order in main's memory (a few MB) and testing them there
 * would find any first page by one early-stopping pass, and count too.
 */
export async function pageRowids(
  db: Knex,
  plan: SearchPlan,
  total: number | null,
  tuning: SearchTuning = defaultTuning,
): Promise<number[]> {
  const { offset, limit } = plan.filters;
  if (total !== null && (total === 0 || offset >= total)) return [];
  const words = [...plan.long, ...plan.short];
  if (words.length === 0) return walk(db, plan, null);
  if (plan.long.length > 0) {
    const matches = total ?? (await fullTextMatchesUpTo(db, plan, tuning.rare + 1));
    if (matches <= tuning.rare) return fullTextPage(db, plan);
  }

  const all = await walkedRows(db, plan);
  const expected =
    total === null ? offset + limit : Math.ceil(((offset + limit) * all) / total);
  const budget = Math.min(all, Math.max(tuning.walkBudget, 2 * expected));
  const found = await walk(db, plan, budget);
  const wanted = total === null ? limit : Math.min(limit, total - offset);
  if (found.length >= wanted || budget >= all) return found;
  return plan.long.length > 0 ? fullTextPage(db, plan) : walk(db, plan, null);
}

/** How many rows the trigram index matches for the long words, counted up to `bound`. */
async function fullTextMatchesUpTo(
  db: Knex,
  plan: SearchPlan,
  bound: number,
): Promise<number> {
  const matches = db('services_fts')
    .whereRaw('services_fts match ?', [ftsMatch(plan)])
    .limit(bound)
    .select('rowid');
  const row = await db
    .from(matches.as('m'))
    .first<{ total: number } | undefined>(db.raw('count(*) as total'));
  return Number(row?.total ?? 0);
}

/**
 * Matches by the index walk: rows passing the filters in name_sort order,
 * the first `budget` of them (all when null) tested for the words.
 */
async function walk(
  db: Knex,
  plan: SearchPlan,
  budget: number | null,
): Promise<number[]> {
  const { offset, limit } = plan.filters;
  const words = [...plan.long, ...plan.short];
  if (budget === null) {
    const rows = await db('services as s')
      .modify((query) => {
        whereFilters(query, plan);
        whereContains(query, words);
      })
      .orderBy([{ column: 's.name_sort' }, { column: 's.id' }])
      .offset(offset)
      .limit(limit)
      .select<Row[]>('s.rowid');
    return rows.map((row) => row.rowid);
  }
  // The budget counts rows examined, so only the agency filter (its own
  // (agency_id, name_sort) index) narrows the walk itself; the other
  // filters are tested beside the words, from the covering name_search
  // index. The subquery has its own LIMIT, which SQLite runs as a
  // co-routine in index order; the outer ORDER BY sorts only its hits.
  const examined = db('services as s')
    .modify((query) => {
      if (plan.filters.agencyId) query.where('s.agency_id', plan.filters.agencyId);
    })
    .orderBy([{ column: 's.name_sort' }, { column: 's.id' }])
    .limit(budget)
    .select(
      's.rowid',
      's.name_sort',
      's.id',
      's.name_fold',
      's.type',
      's.status',
      's.categories',
    );
  const rows = await db
    .from(examined.as('s'))
    .modify((query) => {
      whereFilters(query, { ...plan, filters: { ...plan.filters, agencyId: null } });
      whereContains(query, words);
    })
    .orderBy([{ column: 's.name_sort' }, { column: 's.id' }])
    .offset(offset)
    .limit(limit)
    .select<Row[]>('s.rowid');
  return rows.map((row) => row.rowid);
}

/** Matches by the trigram index: every match looked up and sorted. */
async function fullTextPage(db: Knex, plan: SearchPlan): Promise<number[]> {
  const rows = await db('services as s')
    .modify((query) => {
      whereFullText(query, plan);
      whereContains(query, plan.short);
      whereFilters(query, plan);
    })
    .orderBy([{ column: 's.name_sort' }, { column: 's.id' }])
    .offset(plan.filters.offset)
    .limit(plan.filters.limit)
    .select<Row[]>('s.rowid');
  return rows.map((row) => row.rowid);
}

interface Row {
  rowid: number;
}

/** Rows a full walk would examine: the agency's when filtered by agency, else all. */
async function walkedRows(db: Knex, plan: SearchPlan): Promise<number> {
  const row = await db('services as s')
    .modify((query) => {
      if (plan.filters.agencyId) query.where('s.agency_id', plan.filters.agencyId);
    })
    .first<{ rows: number } | undefined>(db.raw('count(*) as rows'));
  return Number(row?.rows ?? 0);
}
