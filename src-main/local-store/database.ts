import fs from 'node:fs';
import path from 'node:path';
import knex from 'knex';
import type { Knex } from 'knex';
import { migrateLocalStore } from './migrations';

export type { Knex };

/** The local database file's name inside the data directory. */
export const LOCAL_DB_FILE = 'dxer.sqlite';

interface SqliteConnection {
  exec(sql: string, callback: (error: Error | null) => void): void;
}

/**
 * Opens (and migrates) the local store in dataDir. One connection: SQLite
 * has one writer, and a single connection serialises our transactions
 * instead of failing them with SQLITE_BUSY.
 *
 * synchronous = FULL: in WAL mode NORMAL may lose the last commits on a
 * power cut, and a commit here is an agency user's typed work. Local edits
 * are small and pulls commit once per page, so the extra fsync is cheap.
 *
 * cache_size = 8 MB: the page cache is the process's own memory, and the
 * search's working set (the name indexes and the trigram doclists of a
 * query) is served as fast from the operating system's file cache; at
 * 100,000 services 32 MB bought no measurable search time.
 */
export async function openLocalStore(dataDir: string): Promise<Knex> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = knex({
    client: 'sqlite3',
    connection: { filename: path.join(dataDir, LOCAL_DB_FILE) },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: SqliteConnection, done: (error: Error | null) => void) {
        conn.exec(
          'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; ' +
            'PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; ' +
            'PRAGMA cache_size = -8000;',
          (error) => done(error),
        );
      },
    },
  });
  try {
    await migrateLocalStore(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
