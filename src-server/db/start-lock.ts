import type { Knex } from 'knex';
import { isPostgres } from './rows';

/**
 * Runs the start-up work (migrations, reference data, demo seeds) of one
 * instance at a time per PostgreSQL schema.
 *
 * Why: instances that share a database are often started together, and
 * each migrates and seeds at start. Unguarded, two instances on a fresh
 * schema both create knex's migration table (one fails on PostgreSQL's
 * catalogue), and both see the reference rows missing and insert them (one
 * fails on the primary key). knex's own migration lock does not help: a
 * second instance that finds it taken fails instead of waiting.
 *
 * How: a transaction-scoped advisory lock, keyed by the schema, taken on a
 * connection of its own that stays open until the work is done; the work
 * runs on the pool's other connections, and the lock goes with the commit
 * (or with the connection, if the process dies). The next instance then
 * finds everything in place and changes nothing. SQLite needs no lock of
 * ours: one process writes at a time and the others wait on busy_timeout.
 */
export async function whileStartLocked(
  db: Knex,
  work: () => Promise<void>,
): Promise<void> {
  if (!isPostgres(db)) return work();
  await db.transaction(async (holder) => {
    await holder.raw(
      "SELECT pg_advisory_xact_lock(hashtext('dxer.start:' || current_schema()))",
    );
    await work();
  });
}
