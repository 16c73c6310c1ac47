import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

/**
 * Every service's folded search text and filter columns, in list order
 * (name_sort, id), held in main's memory so a search is one pass over short
 * strings that stops once a page is full, whatever the words: at 100,000
 * services the worst first page or exact count is a few milliseconds, where
 * SQL had to read a common word's whole trigram doclist or walk far down
 * the name order. Filter values are interned: each row holds small numbers,
 * and each distinct value or category set is kept once.
 */
export interface SearchIndex {
  rowids: Int32Array;
  /**
   * Every row's folded text, each followed by SEPARATOR, as one string: a
   * word is found by indexOf over it, far faster than testing 100,000
   * strings one by one, and it costs no per-string header.
   */
  text: string;
  /** Where each row's text starts in `text`; one entry more, for the end. */
  starts: Int32Array;
  /**
   * Every row's list-order key (name_sort, NUL, id) run together, and where
   * each starts: patching places changed rows by a binary search over them.
   * NUL sorts below every character of a name_sort, so comparing the joined
   * strings compares (name_sort, id) as the store orders them.
   */
  keys: string;
  keyStarts: Int32Array;
  agencies: Interned<string>;
  types: Interned<string>;
  statuses: Interned<string>;
  categorySets: Interned<readonly string[]>;
}

/** One column: per row the index of its value in `values`. */
interface Interned<T> {
  ofRow: Uint32Array;
  values: T[];
  /** Each value's position in `values`, by its key as read from the store. */
  byKey: Map<string, number>;
}

/** Ends each row's text; folded names never hold it. */
export const SEPARATOR = '\u0000';

/**
 * Rows read per statement. The driver holds a statement's whole result in
 * native memory before handing it over, and that memory stays with the
 * process after a single 100,000-row read; small reads keep the peak low.
 */
const CHUNK = 1_000;

/**
 * Above this many changed services the index is read again whole rather
 * than patched: patching costs a few point reads per changed row, reading
 * whole about 5 µs per service.
 */
const PATCH_LIMIT = 5_000;

interface Held {
  token: string;
  index: SearchIndex;
}

const held = new WeakMap<Knex, Held>();
const queue = new WeakMap<Knex, Promise<unknown>>();

/**
 * The store's search index, read whole on first use and then kept current:
 * temp triggers on this connection log the rowid of every service inserted,
 * updated or deleted, whoever issues it, so no writer can forget to tell
 * the index; the next search reads just those rows and patches them in
 * (a saved edit costs about a millisecond, a 1,000-service pull page tens of
 * milliseconds, where reading 100,000 services whole takes 0.5–1 s). Writes
 * to other tables (drafts being typed, the outbox, sync status) leave the
 * index alone. Temp objects live and die with their connection, and the
 * store has one; the token in the log tells a new connection apart. Calls
 * are queued, so racing searches share one refresh.
 */
export function searchIndex(db: Knex): Promise<SearchIndex> {
  const previous = queue.get(db) ?? Promise.resolve();
  const next = previous.then(
    () => refresh(db),
    () => refresh(db),
  );
  queue.set(db, next);
  return next;
}

async function refresh(db: Knex): Promise<SearchIndex> {
  const log = await changeLog(db);
  const current = held.get(db);
  // The log holds only changes not yet folded in: none, and the index is current.
  if (current?.token === log.token && log.seq === 0) return current.index;
  let index: SearchIndex;
  if (current?.token !== log.token) {
    index = await readIndex(db);
  } else {
    const changed = await db('temp.search_index_changes')
      .where('seq', '<=', log.seq)
      .distinct<Array<{ row: number }>>('row');
    index =
      changed.length > PATCH_LIMIT
        ? await readIndex(db)
        : await patchIndex(
            db,
            current.index,
            changed.map((change) => change.row),
          );
  }
  // Every change up to log.seq is in the index now; a write since has a
  // later seq and stays for the next search.
  await db('temp.search_index_changes').where('seq', '<=', log.seq).delete();
  held.set(db, { token: log.token, index });
  return index;
}

/** This connection's change log: its token and last seq (0 when empty), created on first use. */
async function changeLog(db: Knex): Promise<{ token: string; seq: number }> {
  const read = async () => {
    const token = await db('temp.search_index_token').first<
      { token: string } | undefined
    >('token');
    const last = await db('temp.search_index_changes').first<
      { seq: number | null } | undefined
    >(db.raw('max(seq) as seq'));
    return { token: token?.token ?? 'none', seq: Number(last?.seq ?? 0) };
  };
  try {
    return await read();
  } catch (error) {
    // A new connection: the temp tables do not exist yet.
    if (!String(error).includes('no such table')) throw error;
  }
  await db.raw('create temp table search_index_token (token text)');
  await db.raw('insert into temp.search_index_token values (?)', [randomUUID()]);
  await db.raw(
    'create temp table search_index_changes (seq integer primary key autoincrement, row integer)',
  );
  const logs: Record<string, string> = {
    insert: 'values (new.rowid)',
    update: 'values (old.rowid), (new.rowid)',
    delete: 'values (old.rowid)',
  };
  for (const [event, rows] of Object.entries(logs)) {
    await db.raw(
      `create temp trigger search_index_${event} after ${event} on main.services ` +
        `begin insert into search_index_changes (row) ${rows}; end`,
    );
  }
  return read();
}

interface IndexRow {
  rowid: number;
  name_sort: string;
  id: string;
  name_fold: string;
  agency_id: string;
  type: string;
  status: string;
  categories: string;
}

const indexColumns = [
  'rowid',
  'name_sort',
  'id',
  'name_fold',
  'agency_id',
  'type',
  'status',
  'categories',
] as const;

async function readIndex(db: Knex): Promise<SearchIndex> {
  const build = indexBuilder(null);
  let after: { name_sort: string; id: string } | undefined;
  for (;;) {
    // Keyset pages over the covering (name_sort, id, name_fold, …) index;
    // each is folded in and dropped, so the rows are never all held at once.
    const chunk = await db('services')
      .modify((query) => {
        if (after)
          query.whereRaw('(name_sort, id) > (?, ?)', [after.name_sort, after.id]);
      })
      .orderBy([{ column: 'name_sort' }, { column: 'id' }])
      .limit(CHUNK)
      .select<IndexRow[]>(...indexColumns);
    for (const row of chunk) build.addRow(row);
    after = chunk.at(-1);
    if (chunk.length < CHUNK) break;
  }
  return build.finish();
}

/**
 * The index with the given services re-read: their old entries dropped and
 * their current rows (if they still exist) placed in list order by a
 * binary search over the unchanged entries' keys; the unchanged entries are
 * then copied over in runs, their text as one slice per run.
 */
async function patchIndex(
  db: Knex,
  base: SearchIndex,
  changedRowids: readonly number[],
): Promise<SearchIndex> {
  const changed = new Set(changedRowids);
  const fresh: IndexRow[] = [];
  for (let start = 0; start < changedRowids.length; start += 500) {
    fresh.push(
      ...(await db('services')
        .whereIn('rowid', changedRowids.slice(start, start + 500))
        .select<IndexRow[]>(...indexColumns)),
    );
  }
  fresh.sort((a, b) => (listKey(a) < listKey(b) ? -1 : 1));
  const kept: number[] = [];
  for (let at = 0; at < base.rowids.length; at += 1) {
    if (!changed.has(base.rowids[at] ?? 0)) kept.push(at);
  }
  const places = insertionPlaces(base, kept, fresh);

  const build = indexBuilder(base);
  let from = 0;
  fresh.forEach((row, j) => {
    const place = places[j] ?? kept.length;
    build.addBaseRuns(kept, from, place);
    build.addRow(row);
    from = place;
  });
  build.addBaseRuns(kept, from, kept.length);
  return build.finish();
}

/**
 * A row's place in list order as one string. The store orders by
 * (name_sort, id) in binary collation, UTF-8 bytes; JavaScript compares
 * UTF-16 units, which agree except for characters beyond the Basic
 * Multilingual Plane against U+E000–U+FFFF, which no name holds.
 */
function listKey(row: Pick<IndexRow, 'name_sort' | 'id'>): string {
  return `${row.name_sort}\u0000${row.id}`;
}

/** For each fresh row, how many kept entries come before it in list order. */
function insertionPlaces(
  base: SearchIndex,
  kept: readonly number[],
  fresh: readonly IndexRow[],
): number[] {
  const keyAt = (at: number) =>
    base.keys.slice(base.keyStarts[at], base.keyStarts[at + 1] ?? base.keys.length);
  return fresh.map((row) => {
    const key = listKey(row);
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keyAt(kept[middle] ?? 0) < key) low = middle + 1;
      else high = middle;
    }
    return low;
  });
}

/** Builds an index row by row, or from an older index's entries plus new rows. */
function indexBuilder(base: SearchIndex | null) {
  const rowids: number[] = [];
  const starts: number[] = [];
  const pieces: string[] = [];
  const keyStarts: number[] = [];
  const keyPieces: string[] = [];
  let keyLength = 0;
  const agencies = interner<string>(base?.agencies);
  const types = interner<string>(base?.types);
  const statuses = interner<string>(base?.statuses);
  const categorySets = interner<readonly string[]>(base?.categorySets);
  let length = 0;
  return {
    addRow(row: IndexRow) {
      rowids.push(row.rowid);
      starts.push(length);
      pieces.push(row.name_fold, SEPARATOR);
      length += row.name_fold.length + SEPARATOR.length;
      const key = listKey(row);
      keyStarts.push(keyLength);
      keyPieces.push(key);
      keyLength += key.length;
      agencies.add(row.agency_id, row.agency_id);
      types.add(row.type, row.type);
      statuses.add(row.status, row.status);
      categorySets.add(row.categories, () => JSON.parse(row.categories) as string[]);
    },
    /** Copies base entries kept[from…to), each unbroken run of them as one slice. */
    addBaseRuns(kept: readonly number[], from: number, to: number) {
      if (!base) return;
      let run = from;
      while (run < to) {
        let end = run + 1;
        while (end < to && kept[end] === (kept[end - 1] ?? 0) + 1) end += 1;
        const first = kept[run] ?? 0;
        const last = kept[end - 1] ?? 0;
        const textFrom = base.starts[first] ?? 0;
        const keyFrom = base.keyStarts[first] ?? 0;
        for (let at = first; at <= last; at += 1) {
          rowids.push(base.rowids[at] ?? 0);
          starts.push(length + (base.starts[at] ?? 0) - textFrom);
          keyStarts.push(keyLength + (base.keyStarts[at] ?? 0) - keyFrom);
          agencies.copy(base.agencies, at);
          types.copy(base.types, at);
          statuses.copy(base.statuses, at);
          categorySets.copy(base.categorySets, at);
        }
        const textTo = base.starts[last + 1] ?? base.text.length;
        pieces.push(base.text.slice(textFrom, textTo));
        length += textTo - textFrom;
        const keyTo = base.keyStarts[last + 1] ?? base.keys.length;
        keyPieces.push(base.keys.slice(keyFrom, keyTo));
        keyLength += keyTo - keyFrom;
        run = end;
      }
    },
    finish(): SearchIndex {
      starts.push(length);
      keyStarts.push(keyLength);
      return {
        rowids: Int32Array.from(rowids),
        text: pieces.join(''),
        starts: Int32Array.from(starts),
        keys: keyPieces.join(''),
        keyStarts: Int32Array.from(keyStarts),
        agencies: agencies.column(),
        types: types.column(),
        statuses: statuses.column(),
        categorySets: categorySets.column(),
      };
    },
  };
}

/** Interns a column's values, extending an older index's values so its numbers stay valid. */
function interner<T>(base: Interned<T> | undefined) {
  const ofRow: number[] = [];
  const values: T[] = base ? [...base.values] : [];
  const byKey = new Map(base?.byKey);
  return {
    add(key: string, value: T | (() => T)) {
      let found = byKey.get(key);
      if (found === undefined) {
        found = values.length;
        values.push(value instanceof Function ? value() : value);
        byKey.set(key, found);
      }
      ofRow.push(found);
    },
    copy(from: Interned<T>, at: number) {
      ofRow.push(from.ofRow[at] ?? 0);
    },
    column: (): Interned<T> => ({ ofRow: Uint32Array.from(ofRow), values, byKey }),
  };
}
