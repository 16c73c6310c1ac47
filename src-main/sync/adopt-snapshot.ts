import type { Knex } from 'knex';
import sqlite3 from 'sqlite3';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import {
  SNAPSHOT_INFO_TABLE,
  SNAPSHOT_LAYOUT_VERSION,
  SYNCED_TABLES,
} from '../../shared/sync/snapshot-layout';
import { all, close, exec, openDatabase } from '../backup/sqlite-backup';
import { swapDatabaseFile } from '../backup/restore-steps';
import { readMeta } from '../local-store/meta-table';
import { databaseFile } from '../settings/data-location';

/** Tables that hold this user's own work; a store with any of it never takes a snapshot. */
const WORK_TABLES = [
  'services',
  'service_names',
  'outbox',
  'service_drafts',
  'held_inputs',
  'answer_edits',
] as const;

/**
 * A store that has pulled nothing and holds no work of its own: the only
 * kind a first-sync snapshot may replace, since adopting one swaps the
 * whole database file.
 */
export async function isFreshStore(db: Knex): Promise<boolean> {
  if ((await readMeta(db, 'cursor')) !== null) return false;
  for (const table of WORK_TABLES) {
    if ((await db(table).select(db.raw('1')).limit(1)).length > 0) return false;
  }
  return true;
}

/** What became of a downloaded snapshot. */
export type AdoptOutcome =
  | { kind: 'adopted'; cursor: string }
  /** Work appeared in the store while the snapshot downloaded: the feed fills it instead. */
  | { kind: 'storeNotEmpty' }
  /** The snapshot's tables are not this version's (or it holds anything else). */
  | { kind: 'layoutMismatch'; detail: string };

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const synced = new Set<string>(SYNCED_TABLES);
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Turns a downloaded snapshot into this desktop's store, with the local
 * store closed: the snapshot's synced tables must match the store's own
 * object for object, the store must still be fresh, and then the store's
 * other tables (the migration record, settings, session, sequence numbers)
 * are created in the snapshot with their rows, its feed cursor becomes the
 * store's, and the file takes the store's place. Anything short of that
 * leaves the store's file as it was.
 *
 * Known shortcoming: the rows are not checked against the contract's
 * schemas as pulled pages are (that would cost what the snapshot saves);
 * the file is trusted as the signed-in server's, verified by its checksum.
 */
export async function adoptSnapshot(
  dataDir: string,
  snapshotFile: string,
): Promise<AdoptOutcome> {
  const snapshot = await openDatabase(snapshotFile, sqlite3.OPEN_READWRITE);
  let outcome: AdoptOutcome;
  try {
    await run(snapshot, 'ATTACH DATABASE ? AS local', [databaseFile(dataDir)]);
    outcome = await mergeLocalTables(snapshot);
    await exec(snapshot, 'DETACH DATABASE local');
    if (outcome.kind === 'adopted') await exec(snapshot, 'PRAGMA journal_mode = WAL');
  } finally {
    await close(snapshot);
  }
  if (outcome.kind === 'adopted') await swapDatabaseFile(dataDir, snapshotFile);
  return outcome;
}

async function mergeLocalTables(snapshot: sqlite3.Database): Promise<AdoptOutcome> {
  const [local, theirs, info] = await Promise.all([
    all<MasterRow>(
      snapshot,
      "SELECT type, name, tbl_name, sql FROM local.sqlite_master WHERE name NOT LIKE 'sqlite_%'",
    ),
    all<MasterRow>(
      snapshot,
      "SELECT type, name, tbl_name, sql FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_%'",
    ),
    all<{ layout_version: number; schema_version: number; cursor: string }>(
      snapshot,
      `SELECT layout_version, schema_version, cursor FROM main.${SNAPSHOT_INFO_TABLE}`,
    ).catch(() => []),
  ]);
  const key = (row: MasterRow) =>
    JSON.stringify([row.type, row.name, row.tbl_name, row.sql]);
  const expected = new Set(local.filter((row) => synced.has(row.tbl_name)).map(key));
  const found = new Set(
    theirs.filter((row) => row.name !== SNAPSHOT_INFO_TABLE).map(key),
  );
  const facts = info[0];
  if (
    !facts ||
    info.length !== 1 ||
    facts.layout_version !== SNAPSHOT_LAYOUT_VERSION ||
    facts.schema_version !== SCHEMA_VERSION
  ) {
    return {
      kind: 'layoutMismatch',
      detail: 'snapshot facts missing or of another version',
    };
  }
  const missing = [...expected].filter((object) => !found.has(object));
  const extra = [...found].filter((object) => !expected.has(object));
  if (missing.length > 0 || extra.length > 0) {
    return {
      kind: 'layoutMismatch',
      detail: `${missing.length} objects differ or are missing, ${extra.length} unexpected`,
    };
  }

  await exec(snapshot, 'BEGIN IMMEDIATE');
  try {
    const work = await all<{ n: number }>(
      snapshot,
      `SELECT (SELECT count(*) FROM local.meta WHERE key = 'cursor') + ${WORK_TABLES.map(
        (table) => `(SELECT count(*) FROM local.${table})`,
      ).join(' + ')} AS n`,
    );
    if ((work[0]?.n ?? 1) > 0) {
      await exec(snapshot, 'ROLLBACK');
      return { kind: 'storeNotEmpty' };
    }
    const own = local.filter((row) => !synced.has(row.tbl_name) && row.sql !== null);
    const order = ['table', 'index', 'trigger', 'view'];
    own.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    for (const row of own) await exec(snapshot, row.sql ?? '');
    for (const row of own.filter((object) => object.type === 'table')) {
      await exec(
        snapshot,
        `INSERT INTO main.${quoted(row.name)} SELECT * FROM local.${quoted(row.name)}`,
      );
    }
    await exec(
      snapshot,
      'DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM local.sqlite_sequence',
    );
    await run(snapshot, "INSERT INTO main.meta (key, value) VALUES ('cursor', ?)", [
      facts.cursor,
    ]);
    await exec(snapshot, `DROP TABLE main.${SNAPSHOT_INFO_TABLE}`);
    await exec(snapshot, 'COMMIT');
  } catch (error) {
    await exec(snapshot, 'ROLLBACK').catch(() => undefined);
    throw error;
  }
  return { kind: 'adopted', cursor: facts.cursor };
}

function run(db: sqlite3.Database, sql: string, params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) =>
    db.run(sql, params, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}
