import type { Knex } from 'knex';
import type { EntityKind } from '../../shared/sync/protocol';
import { nowIso, rawRows, toNumber } from '../db/rows';

/** One entity that changed in a transaction and must reach the clients that see it. */
export interface FeedEntry {
  entityType: EntityKind;
  entityId: string;
  /** The owning agency, for agency-scoped reads; null for reference data. */
  agencyId: string | null;
  /** The entity has content everyone may read (see `changes.is_public`). */
  isPublic: boolean;
  isRemoved?: boolean;
}

/**
 * Takes `count` consecutive feed positions and returns the first.
 *
 * Invariant: positions are handed out in commit order. The single
 * feed_counter row is updated as the last step of every writing
 * transaction, and its row lock is held until that transaction commits, so
 * a second writer cannot take a position until the first has committed (or
 * rolled back). A reader that has seen position P can therefore never later
 * find a committed row below P. A plain sequence would break this on
 * PostgreSQL: nextval() is not rolled into commit order, so a transaction
 * that took 5 and commits after one that took 6 would be skipped by a pull
 * that already moved its cursor to 6. On SQLite there is one writer anyway.
 */
async function takePositions(trx: Knex.Transaction, count: number): Promise<number> {
  const result: unknown = await trx.raw(
    'UPDATE feed_counter SET value = value + ? WHERE id = 1 RETURNING value',
    [count],
  );
  const row = rawRows<{ value: unknown }>(result)[0];
  if (!row) throw new Error('feed_counter row is missing');
  return toNumber(row.value) - count + 1;
}

/**
 * Writes the feed rows of one transaction. Call it last, just before commit:
 * from here on the transaction holds the feed lock.
 */
export async function writeFeedEntries(
  trx: Knex.Transaction,
  entries: readonly FeedEntry[],
): Promise<void> {
  const unique = new Map<string, FeedEntry>();
  for (const entry of entries) unique.set(`${entry.entityType}:${entry.entityId}`, entry);
  if (unique.size === 0) return;

  const first = await takePositions(trx, unique.size);
  const changedAt = nowIso();
  const rows = [...unique.values()].map((entry, index) => ({
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    agency_id: entry.agencyId,
    is_public: entry.isPublic,
    is_removed: entry.isRemoved ?? false,
    changed_at: changedAt,
    position: first + index,
  }));
  // The compacted feed keeps one row per entity. `is_public` is sticky: once
  // an entity was public, every later change must reach everyone who may
  // have it, so that a change that hides it arrives as a removal.
  for (let start = 0; start < rows.length; start += FEED_CHUNK) {
    await upsertFeedRows(trx, rows.slice(start, start + FEED_CHUNK));
  }
}

/** Rows per statement: SQLite builds a multi-row upsert from at most 500 SELECTs. */
const FEED_CHUNK = 400;

async function upsertFeedRows(
  trx: Knex.Transaction,
  rows: readonly object[],
): Promise<void> {
  await trx('changes')
    .insert(rows)
    .onConflict(['entity_type', 'entity_id'])
    .merge({
      agency_id: trx.raw('excluded.agency_id'),
      is_public: trx.raw('changes.is_public OR excluded.is_public'),
      is_removed: trx.raw('excluded.is_removed'),
      changed_at: trx.raw('excluded.changed_at'),
      position: trx.raw('excluded.position'),
    });
}
