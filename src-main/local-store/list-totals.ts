import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/** How many (query, filters) totals are kept; a user pages through a handful at a time. */
const CAPACITY = 64;

interface TotalsCache {
  /** The connection and its change count the totals were counted at. */
  stamp: string;
  totals: Map<string, number>;
}

const caches = new WeakMap<Knex, TotalsCache>();

/**
 * A stamp that changes whenever the local store may have changed: the
 * connection's total_changes() counts every row any INSERT, UPDATE or DELETE
 * touched, whoever issued it, so no writer can forget to invalidate. It is
 * per connection and restarts at 0 on a new one, hence the temp-table token
 * (temp tables live and die with their connection) beside it.
 */
async function storeStamp(db: Knex): Promise<string> {
  const read = () =>
    db
      .select<{ changes: number; token: string | null }[]>(
        db.raw('total_changes() as changes'),
        db.raw(
          "(select value from temp.list_totals_connection where key = 'token') as token",
        ),
      )
      .first();
  let row: { changes: number; token: string | null } | undefined;
  try {
    row = await read();
  } catch (error) {
    // A new connection: the temp table does not exist yet.
    if (!String(error).includes('no such table')) throw error;
    await db.raw(
      'create temp table if not exists list_totals_connection (key text primary key, value text)',
    );
    await db.raw(
      "insert or replace into temp.list_totals_connection values ('token', ?)",
      [randomUUID()],
    );
    row = await read();
  }
  return `${row?.token ?? 'none'}:${row?.changes ?? 0}`;
}

/** A list key's total if it was counted since the store last changed, and the stamp it holds at. */
export async function knownTotal(
  db: Knex,
  key: string,
): Promise<{ stamp: string; total: number | undefined }> {
  const stamp = await storeStamp(db);
  let cache = caches.get(db);
  if (cache?.stamp !== stamp) {
    cache = { stamp, totals: new Map() };
    caches.set(db, cache);
  }
  const total = cache.totals.get(key);
  if (total !== undefined) {
    // Re-insert so the map's order is least recently used first.
    cache.totals.delete(key);
    cache.totals.set(key, total);
  }
  return { stamp, total };
}

/**
 * Keeps a total counted (or seen whole on one page) at `stamp`. Reading may
 * have raced a write between the stamp and the count; keeping it only if
 * the stamp still holds avoids a stale total.
 */
export async function rememberTotal(
  db: Knex,
  key: string,
  stamp: string,
  total: number,
): Promise<void> {
  const cache = caches.get(db);
  if (cache?.stamp !== stamp || (await storeStamp(db)) !== stamp) return;
  cache.totals.set(key, total);
  if (cache.totals.size > CAPACITY) {
    const oldest = cache.totals.keys().next();
    if (!oldest.done) cache.totals.delete(oldest.value);
  }
}

/**
 * The total for a list key, counted once and then reused until the local
 * store changes. The renderer's virtual list asks page after page with the
 * same query and filters; only the first count pays.
 */
export async function cachedTotal(
  db: Knex,
  key: string,
  count: () => Promise<number>,
): Promise<number> {
  const known = await knownTotal(db, key);
  if (known.total !== undefined) return known.total;

  const total = await count();
  await rememberTotal(db, key, known.stamp, total);
  return total;
}
