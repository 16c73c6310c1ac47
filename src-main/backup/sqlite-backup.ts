import sqlite3 from 'sqlite3';

/**
 * The parts of node-sqlite3's Backup object used here. Its bundled type
 * definitions leave `Database#backup` out, so they are declared from the
 * binding (src/backup.cc): `step(pages)` copies up to that many pages and
 * reports whether the copy is complete; `remaining` and `pageCount` are
 * updated after every step; `finish()` releases both databases.
 */
interface SqliteBackupHandle {
  step(pages: number, callback: (error: Error | null, isDone: boolean) => void): void;
  finish(callback: () => void): void;
  readonly remaining: number;
  readonly pageCount: number;
}

type DatabaseWithBackup = sqlite3.Database & {
  backup(filename: string, callback: (error: Error | null) => void): SqliteBackupHandle;
};

/** Pages copied per step: 4 MB of 4 KB pages, so progress moves for large stores. */
const PAGES_PER_STEP = 1024;

/**
 * Copies the SQLite database at sourceFile to destFile with SQLite's online
 * backup API while the app keeps writing through its own connection.
 *
 * Consistency: the copy is read through a connection of its own that holds
 * one read transaction from the first page to the last. In WAL mode that
 * transaction sees a single committed state of the database, and commits
 * made meanwhile by the app's connection neither block it nor reach it, so
 * the copy is the database exactly as of its start, however many steps it
 * takes. (Without the held transaction every step would start a new read,
 * notice the other connection's commits and restart the whole copy.)
 *
 * The copy is left in rollback-journal mode, so it is one self-contained
 * file with no write-ahead log beside it.
 */
export async function backupDatabaseFile(
  sourceFile: string,
  destFile: string,
  onProgress?: (done: number, total: number) => void,
  pagesPerStep = PAGES_PER_STEP,
): Promise<void> {
  const source = await openDatabase(sourceFile, sqlite3.OPEN_READONLY);
  try {
    await exec(source, 'BEGIN; SELECT count(*) FROM sqlite_master;');
    try {
      await copyPages(source as DatabaseWithBackup, destFile, pagesPerStep, onProgress);
    } finally {
      await exec(source, 'COMMIT;');
    }
  } finally {
    await close(source);
  }
  const dest = await openDatabase(destFile, sqlite3.OPEN_READWRITE);
  try {
    await exec(dest, 'PRAGMA journal_mode = DELETE;');
  } finally {
    await close(dest);
  }
}

async function copyPages(
  source: DatabaseWithBackup,
  destFile: string,
  pagesPerStep: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const backup = await new Promise<SqliteBackupHandle>((resolve, reject) => {
    const handle = source.backup(destFile, (error) => {
      if (error) reject(error);
      else resolve(handle);
    });
  });
  try {
    for (;;) {
      const isDone = await new Promise<boolean>((resolve, reject) =>
        backup.step(pagesPerStep, (error, done) => {
          if (error) reject(error);
          else resolve(done);
        }),
      );
      onProgress?.(backup.pageCount - backup.remaining, backup.pageCount);
      if (isDone) return;
    }
  } finally {
    await new Promise<void>((resolve) => backup.finish(resolve));
  }
}

/** Opens a database file with node-sqlite3 directly, outside knex's pool. */
export function openDatabase(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (error) => {
      if (error) reject(error);
      else resolve(db);
    });
  });
}

export function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) =>
    db.exec(sql, (error) => {
      if (error) reject(error);
      else resolve();
    }),
  );
}

export function all<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) =>
    db.all<T>(sql, (error, rows) => {
      if (error) reject(error);
      else resolve(rows);
    }),
  );
}

export function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) =>
    db.close((error) => {
      if (error) reject(error);
      else resolve();
    }),
  );
}
